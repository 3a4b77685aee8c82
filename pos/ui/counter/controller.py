"""The scan into the cancellation basket, and the basket's own intents (remove a
ticket, refund the simple fees). Scans from every source arrive in ``scan``."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos import formatting
from pos.core.errors import ApprovalRequired, DomainError
from pos.core.models import OperatorRole
from pos.core.services.approvals import approve
from pos.core.services.operators import at_least
from pos.core.services.scanning import take_ticket
from pos.ui.counter.session import CounterSession

log = logging.getLogger(__name__)


class CounterController(QObject):
    sig_approval_requested = Signal(str, str)  # scanned code, why a supervisor is needed

    def __init__(self, session: CounterSession, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session
        # Tried first, in order: True when the scan was theirs (a hold slip...). Filled
        # by the composition root, so that the counter knows no feature.
        self.interceptors: list[Callable[[str], bool]] = []

    @property
    def basket(self):
        return self.session.basket

    def scan(self, raw: str) -> bool:
        """A scanned or typed code; True when it was taken (a ticket, a hold slip)."""
        if any(intercept(raw) for intercept in self.interceptors):
            return True
        return self._take(raw)

    def approve_and_scan(self, raw: str, login: str, pin: str) -> bool:
        """A supervisor's login and PIN lift a checked-in / past-performance refusal."""
        s = self.session
        outcome = s.run(lambda uow: approve(uow, login=login, pin=pin, station=s.station,
                                            clock=s.clock, reason=raw.strip()[:40]),
                        what="approval")
        return outcome.ok and self._take(raw, approved_by=outcome.value.supervisor_login)

    def _take(self, raw: str, approved_by: str = "") -> bool:
        s = self.session
        if not approved_by and at_least(s.station.operator_role, OperatorRole.SUPERVISOR):
            approved_by = s.station.operator_login  # a supervisor at the counter allows it

        def ask_supervisor(exc: DomainError) -> bool:
            if not isinstance(exc, ApprovalRequired):
                return False
            s.say(exc.message, "error")
            self.sig_approval_requested.emit(raw, exc.message)
            return True

        outcome = s.run(lambda uow: take_ticket(uow, s.basket, raw, s.clock,
                                                approved_by=approved_by),
                        what=f"scan {raw}", refused=ask_supervisor)
        if not outcome.ok:
            return False
        ticket = outcome.value
        log.info("scan accepted %s", ticket.number)
        s.basket_changed()
        text = QCoreApplication.translate("ExchangeController", "Ticket %1 added: %2")
        s.say(text.replace("%1", ticket.number).replace("%2", formatting.money(ticket.price)),
              "info")
        return True

    def remove(self, numbers: list[str]) -> None:
        if numbers:
            self.basket.remove(numbers)
            self.session.basket_changed()

    def set_paper_returned(self, number: str, on: bool) -> None:
        """"Billet papier repris" for one ticket of the basket (nothing to redraw)."""
        self.basket.set_paper_returned(number, on)

    def set_refund_fees(self, on: bool) -> None:
        self.basket.refund_fees = on
        self.session.basket_changed()
