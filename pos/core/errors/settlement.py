"""The settlement pipeline's own refusals: its root, the refund ceiling, the key."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_


class SettlementError(DomainError):
    code = "settlement_error"
    template = N_("The settlement is refused.")


class RefundCeilingExceeded(SettlementError):
    code = "refund_ceiling_exceeded"
    template = N_(
        "Order {number}: {amount} cannot be refunded, only {ceiling} were paid and are neither "
        "refunded nor promised to a refund on hold.")


class PromiseCeilingExceeded(RefundCeilingExceeded):
    code = "promise_ceiling_exceeded"
    template = N_(
        "Order {number}: {amount} cannot be promised, only {ceiling} were paid and are neither "
        "refunded nor promised to a refund on hold.")


class ExchangeNotOfContact(SettlementError):
    code = "exchange_not_of_contact"
    template = N_("The exchange basket does not belong to this contact.")


class ExchangedTicketGone(SettlementError):
    code = "exchanged_ticket_gone"
    template = N_(
        "Ticket {number}, exchanged again, is no longer in the cancellation basket: remove its "
        "exchanged line.")


class SettlementKeyReused(DomainError):
    """An idempotency key already settled something else (a caller's bug, said aloud)."""

    code = "settlement_key_reused"
    template = N_("This settlement key was already used by another settlement: nothing was "
                  "changed.")
