"""Refusals of a ticket the scan finds, or that changed since its scan."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_, _, render_params


class MalformedScan(DomainError):
    code = "malformed_scan"
    template = N_("Unreadable code “{code}”: a ticket number has 11 digits.")


class UnknownTicket(DomainError):
    code = "unknown_ticket"
    template = N_("Ticket {number} unknown.")


class TicketNotRefundable(DomainError):
    """Root of the refusals of a ticket the scan finds (its subclasses say why)."""

    code = "ticket_not_refundable"
    template = N_("Ticket {number} cannot be refunded.")


class TicketAlreadyRefunded(TicketNotRefundable):
    code = "ticket_already_refunded"
    template = N_("Ticket {number} already refunded (operation {operation} of {completed_at}).")


class TicketAlreadyCancelled(TicketNotRefundable):
    code = "ticket_already_cancelled"
    template = N_("Ticket {number} already cancelled.")


class TicketReplaced(TicketNotRefundable):
    code = "ticket_replaced"
    template = N_("Ticket {number} replaced by {new} in an exchange.")


class TicketUnpaidReservation(TicketNotRefundable):
    code = "ticket_unpaid_reservation"
    template = N_(
        "Ticket {number}: unpaid reservation. It is cancelled in the sale basket, not here.")


class ApprovalRequired(TicketNotRefundable):
    """Refused unless a supervisor approves (checked-in ticket, past performance)."""

    code = "approval_required"
    template = N_("Ticket {number}: refund refused without a supervisor's approval.")


class TicketCheckedIn(ApprovalRequired):
    code = "ticket_checked_in"
    template = N_(
        "Ticket {number} already checked in at the door on {checked_in_at}: refund refused "
        "without a supervisor's approval.")


class TicketCheckedInUndated(TicketCheckedIn):
    code = "ticket_checked_in_undated"
    template = N_(
        "Ticket {number} already checked in at the door: refund refused without a supervisor's "
        "approval.")


class PerformanceStarted(ApprovalRequired):
    code = "performance_started"
    template = N_(
        "Ticket {number}: the performance of {starts_at} is past, refund refused without a "
        "supervisor's approval.")


class TicketHeld(TicketNotRefundable):
    code = "ticket_held"
    template = N_("Ticket {number} held by operation {operation}, on hold.")


class TicketTwiceInBasket(TicketNotRefundable):
    code = "ticket_twice_in_basket"
    template = N_("Ticket {number}: twice in the basket.")


class TicketPriceChanged(TicketNotRefundable):
    code = "ticket_price_changed"
    template = N_("Ticket {number}: its price changed since the scan. Scan it again.")


class TicketChanged(TicketNotRefundable):
    """A ticket that changed between its scan and the settlement; ``reason`` is the
    refusal its scan gives now (without its final full stop)."""

    code = "ticket_changed"
    template = N_("{reason}: it changed since it was scanned. Remove it from the basket.")

    def render(self, lang: str | None = None) -> str:
        if "reason" not in self.details:
            return super().render(lang)
        reason = self.details["reason"]
        shown = reason.render(lang) if isinstance(reason, DomainError) else str(reason)
        return _(self.template, lang).format(**{**render_params(self.details, lang),
                                                "reason": shown.rstrip(".")})


class TicketChangedGone(TicketChanged):
    code = "ticket_changed_gone"
    template = N_("Ticket {number}: it changed since it was scanned. Remove it from the basket.")
