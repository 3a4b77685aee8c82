"""Tenders: the modes, amounts and splits a settlement is paid or refunded in."""

from __future__ import annotations

from pos.core.errors.settlement import SettlementError
from pos.core.i18n import N_


class RefundModeNotAllowed(SettlementError):
    code = "refund_mode_not_allowed"
    template = N_("Refund mode not possible: {mode}.")


class PaymentModeNotAllowed(SettlementError):
    code = "payment_mode_not_allowed"
    template = N_("Payment mode not possible: {mode}.")


class RefundAmountNotPositive(SettlementError):
    code = "refund_amount_not_positive"
    template = N_("A refunded amount must be positive.")


class PaymentAmountNotPositive(SettlementError):
    code = "payment_amount_not_positive"
    template = N_("A payment amount must be positive.")


class ReferenceTooLong(SettlementError):
    code = "reference_too_long"
    template = N_("The reference “{reference}…” is too long ({limit} characters at most).")


class CreditNoteNumberMissing(SettlementError):
    code = "credit_note_number_missing"
    template = N_("Scan the number of the credit note used.")


class NothingToSettle(SettlementError):
    code = "nothing_to_settle"
    template = N_("The total is zero: there is nothing to pay or refund.")


class RefundTendersMismatch(SettlementError):
    code = "refund_tenders_mismatch"
    template = N_(
        "The refund modes ({tendered}) do not cover exactly the amount to refund ({due}).")


class NonCashBeyondDue(SettlementError):
    code = "non_cash_beyond_due"
    template = N_(
        "The non-cash payments ({non_cash}) exceed the amount to pay ({due}): only cash gives "
        "change.")


class PaymentShort(SettlementError):
    code = "payment_short"
    template = N_("{missing} missing: {tendered} received for {due} to pay.")


class UnreadableAmount(SettlementError):
    code = "unreadable_amount"
    template = N_("Unreadable amount: “{text}”.")


class BeyondRestToRefund(SettlementError):
    code = "beyond_rest_to_refund"
    template = N_("{amount} is more than the rest to refund ({rest}).")


class SplitIncomplete(SettlementError):
    code = "split_incomplete"
    template = N_("The split does not cover the refund: {rest} is still left.")


class AlreadySettled(SettlementError):
    code = "already_settled"
    template = N_("The total is already settled: confirm.")


class BeyondRestToPay(SettlementError):
    code = "beyond_rest_to_pay"
    template = N_("{amount} is more than the rest to pay ({rest}): only cash gives change.")


class CreditNoteAlreadyTendered(SettlementError):
    code = "credit_note_already_tendered"
    template = N_("Credit note {number} is already used here.")


class TenderedCreditNoteExpired(SettlementError):
    code = "tendered_credit_note_expired"
    template = N_("Credit note {number} has expired: it can no longer be used.")


class TenderedCreditNoteExhausted(SettlementError):
    code = "tendered_credit_note_exhausted"
    template = N_("Credit note {number} is used up.")


class RestToPay(SettlementError):
    code = "rest_to_pay"
    template = N_("{rest} is still to pay.")
