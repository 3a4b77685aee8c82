"""The drawer: cash sessions, cash movements, no-sale openings, cash reports."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_


class NoSaleRefused(DomainError):
    code = "no_sale_refused"
    template = N_("Say why the drawer is opened without a sale.")


class NoSaleReasonTooLong(NoSaleRefused):
    code = "no_sale_reason_too_long"
    template = N_("The reason is too long ({limit} characters at most).")


class CashSessionError(DomainError):
    code = "cash_session_error"
    template = N_("The cash operation is refused.")


class NoCashSession(CashSessionError):
    """A professional counter takes or gives no cash before its drawer is opened."""

    code = "no_cash_session"
    template = N_("No cash session is open at {counter}: open the drawer with its float "
                  "before any cash payment or refund.")


class CashSessionAlreadyOpen(CashSessionError):
    code = "cash_session_already_open"
    template = N_("A cash session is already open at {counter} (session {session}).")


class UnknownCashSession(CashSessionError):
    code = "unknown_cash_session"
    template = N_("Cash session {session} not found.")


class SessionNotClosed(CashSessionError):
    code = "cash_session_not_closed"
    template = N_("Cash session {session} is not closed yet: its X report gives its figures.")


class CashRefundExceedsDrawer(CashSessionError):
    """Refused with a proposal: what the drawer holds in cash, the rest otherwise."""

    code = "cash_refund_exceeds_drawer"
    template = N_("The drawer holds only {available}: {requested} cannot be given back in "
                  "cash. Give {available} in cash and the rest, {rest}, as a credit note "
                  "or in another mode.")


class CashOutExceedsDrawer(CashSessionError):
    code = "cash_out_exceeds_drawer"
    template = N_("The drawer holds only {available}: {requested} cannot be taken out.")


class CashMovementRefused(CashSessionError):
    code = "cash_movement_refused"
    template = N_("Say why cash is put in or taken out.")


class CashAmountRefused(CashSessionError):
    code = "cash_amount_refused"
    template = N_("The amount must be more than zero.")


class UnknownDenomination(CashSessionError):
    code = "unknown_denomination"
    template = N_("{denomination} cents is not a euro coin or note.")


class BadDenominationCount(CashSessionError):
    code = "bad_denomination_count"
    template = N_("{denomination}: “{pieces}” is not a number of pieces.")


class CloseNeedsApproval(CashSessionError):
    code = "close_needs_approval"
    template = N_("The count differs from the expected amount by {difference} (counted "
                  "{counted}, expected {expected}): a supervisor must approve the close.")


class BadReportPeriod(DomainError):
    code = "bad_report_period"
    template = N_("The period is refused: {start} is after {end}.")
