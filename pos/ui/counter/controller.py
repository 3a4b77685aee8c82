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
from pos.ui.counter.pending_scans import PendingScans
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
        # Scans the database could not take (it was away): kept, replayed when it is back.
        self.pending = PendingScans(self)
        session.database_watch.sig_state.connect(self._database_state)

    @property
    def basket(self):
        return self.session.basket

    def scan(self, raw: str) -> bool:
        """A scanned or typed code; True when it was taken (a ticket, a hold slip) or
        kept for later (the database is away)."""
        watch = self.session.database_watch
        if not watch.up or len(self.pending):
            return self._keep(raw)
        losses = watch.losses
        taken = any(intercept(raw) for intercept in self.interceptors) or self._take(raw)
        if watch.losses != losses:  # it failed on the database, not on the ticket
            return self._keep(raw)
        return taken

    # --- scans kept while the database is away -------------------------------------

    def _keep(self, raw: str) -> bool:
        self.pending.keep(raw.strip())
        log.info("scan %s kept: the database is unreachable", raw.strip())
        text = QCoreApplication.translate("CounterController", "Database unreachable: ticket %1 is kept (%2 waiting) and will be taken when it is back.")  # noqa: E501
        self.session.say(text.replace("%1", raw.strip()).replace("%2", str(len(self.pending))),
                         "error")
        return True

    def _database_state(self, up: bool) -> None:
        """Back: the kept scans are taken in their order; one that meets the database
        away again goes back first in the queue."""
        watch = self.session.database_watch
        while up and len(self.pending):
            raw = self.pending.take_first()
            losses = watch.losses
            taken = any(intercept(raw) for intercept in self.interceptors) or self._take(raw)
            if watch.losses != losses:
                self.pending.keep(raw, first=True)
                return
            log.info("kept scan %s replayed: %s", raw, "taken" if taken else "refused")

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
