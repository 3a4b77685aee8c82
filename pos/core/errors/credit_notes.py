"""Credit notes: issuing, reading and spending them."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_


class CreditNoteError(DomainError):
    code = "credit_note_error"
    template = N_("The credit note is refused.")


class CreditNoteNumberUnavailable(CreditNoteError):
    code = "credit_note_number_unavailable"
    template = N_("Could not assign a credit note number: try again.")


class CreditNoteAmountNotPositive(CreditNoteError):
    code = "credit_note_amount_not_positive"
    template = N_("A credit note must have a positive amount.")


class CreditNoteValidityNotPositive(CreditNoteError):
    code = "credit_note_validity_not_positive"
    template = N_("A credit note's validity must be positive.")


class CreditNoteSpendNotPositive(CreditNoteError):
    code = "credit_note_spend_not_positive"
    template = N_("The amount used from a credit note must be positive.")


class UnknownCreditNote(CreditNoteError):
    code = "unknown_credit_note"
    template = N_("Credit note {number} unknown.")


class MalformedCreditNote(UnknownCreditNote):
    code = "malformed_credit_note"
    template = N_("Unreadable credit note number: “{raw}” (13 digits expected).")


class CreditNoteCheckDigitInvalid(MalformedCreditNote):
    code = "credit_note_check_digit_invalid"
    template = N_("Credit note number “{raw}”: invalid check digit.")


class CreditNoteExpired(CreditNoteError):
    code = "credit_note_expired"
    template = N_("Credit note {number} expired on {expired_on}: it can no longer be used.")


class CreditNoteExhausted(CreditNoteError):
    code = "credit_note_exhausted"
    template = N_("Credit note {number} has already been used in full.")


class CreditNoteInsufficient(CreditNoteError):
    code = "credit_note_insufficient"
    template = N_("Credit note {number} holds only {balance}: {amount} cannot be used from it.")
