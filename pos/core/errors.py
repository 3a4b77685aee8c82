"""One error root for the domain. Each error has a stable code and a French message
for the cashier; the window shows ``message`` as it is."""

from __future__ import annotations


class DomainError(Exception):
    code = "domain_error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class MalformedScan(DomainError):
    code = "malformed_scan"


class UnknownTicket(DomainError):
    code = "unknown_ticket"


class TicketNotRefundable(DomainError):
    code = "ticket_not_refundable"


class ApprovalRequired(TicketNotRefundable):
    """Refused unless a supervisor approves (checked-in ticket, past performance)."""

    code = "approval_required"


class ApprovalRefused(DomainError):
    code = "approval_refused"


class AlreadyInBasket(DomainError):
    code = "already_in_basket"


class EmptyBasket(DomainError):
    code = "empty_basket"


class SettlementError(DomainError):
    code = "settlement_error"


class UnknownOrder(DomainError):
    code = "unknown_order"


class ConfigurationMissing(DomainError):
    code = "configuration_missing"
