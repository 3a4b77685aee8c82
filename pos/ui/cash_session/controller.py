"""The cash session's intents, each one unit of work on a core service; the drawer's
expected content said as a signal after each change (and after each settlement).
No widget here."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pos import formatting
from pos.core.errors import CloseNeedsApproval, DomainError, NoCashSession
from pos.core.models_cash import CashMovementKind
from pos.core.services import cash_sessions
from pos.core.services.cash_sessions import SessionView
from pos.ui.counter.session import CounterSession

if TYPE_CHECKING:
    from pos.core.reports import Report

# The reports (pos.core.cash_documents, pos.core.services.cash_reports) and the
# supervisor's approval are imported where they are used, after the window's first paint
# (pos.ui.app.AFTER_FIRST_PAINT): the window only reads the open session before it.

log = logging.getLogger(__name__)


class CashSessionController(QObject):
    sig_drawer = Signal(object)  # SessionView | None: the open session, after each change
    sig_needs_approval = Signal(str, object)  # the refusal's French text, the count

    def __init__(self, session: CounterSession, reports_dir: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session, self.reports_dir = session, reports_dir
        self.current: SessionView | None = None
        session.sig_settled.connect(lambda _result: self.refresh())

    @property
    def station(self):
        return self.session.station

    def refresh(self) -> SessionView | None:
        s = self.session
        outcome = s.run(lambda uow: cash_sessions.current_session(uow, s.station.counter_id),
                        what="cash session", failure="")
        if outcome.ok:
            self.current = outcome.value
            self.sig_drawer.emit(self.current)
        return self.current

    def _act(self, work: Callable, done: str) -> object | None:
        outcome = self.session.run(work, what="cash session")
        if not outcome.ok:
            return None
        self.session.print_queue.wake()
        self.refresh()
        self.session.say(done, "info")
        return outcome.value

    def open_session(self, count: dict[int, int]) -> bool:
        s = self.session
        opened = self._act(lambda uow: cash_sessions.open_session(uow, s.station, s.clock, count),
                           self.tr("Cash session opened."))
        return opened is not None

    def move(self, kind: CashMovementKind, amount: Decimal, reason: str) -> bool:
        s = self.session
        done = self.tr("Cash in recorded.") if kind is CashMovementKind.IN else self.tr(
            "Cash out recorded.")
        return self._act(lambda uow: cash_sessions.move_cash(uow, s.station, s.clock, kind,
                                                             amount, reason), done) is not None

    def close(self, count: dict[int, int], login: str = "", pin: str = "") -> Path | None:
        """Close with the count; a difference asks a supervisor (``sig_needs_approval``),
        then comes back here with their login and PIN. Returns the Z report's PDF."""
        from pos.core.cash_documents import session_report_view
        from pos.core.services.approvals import approve

        s = self.session

        def work(uow):
            approval = None
            if login:
                approval = approve(uow, login=login, pin=pin, station=s.station,
                                   clock=s.clock, reason="Écart de caisse à la clôture")
            return cash_sessions.close_session(uow, s.station, s.clock, count, approval)

        def ask(exc: DomainError) -> bool:
            if isinstance(exc, CloseNeedsApproval) and not login:
                self.sig_needs_approval.emit(exc.message, count)
                return True
            return False

        outcome = s.run(work, what="cash session close", refused=ask)
        if not outcome.ok:
            return None
        s.print_queue.wake()
        self.refresh()
        path = self.save_pdf(session_report_view(outcome.value.report,
                                                 s.station.venue_name),
                             f"z-{outcome.value.session_id}")
        text = self.tr("Cash session %1 closed (difference %2). Z report: %3")
        s.say(text.replace("%1", str(outcome.value.session_id))
              .replace("%2", formatting.money(outcome.value.difference))
              .replace("%3", str(path or "-")), "info")
        return path

    def x_report(self) -> Report | None:
        from pos.core.cash_documents import session_report_view
        from pos.core.services.cash_reports import session_report

        s = self.session

        def work(uow):
            view = cash_sessions.current_session(uow, s.station.counter_id)
            if view is None:
                raise NoCashSession(counter=s.station.counter_name)
            return session_report_view(session_report(uow, view.id, now=s.clock.now()),
                                       s.station.venue_name)

        outcome = s.run(work, what="X report")
        return outcome.value if outcome.ok else None

    def refunds_report(self, start: date, end: date) -> tuple[Report, str] | None:
        from pos.core.services.cash_reports import day_period

        s = self.session
        outcome = s.run(lambda uow: _period(uow, *day_period(start, end), s.station.venue_name),
                        what="refunds report")
        return outcome.value if outcome.ok else None

    def save_pdf(self, report: Report, name: str) -> Path | None:
        # reportlab is imported when a report is saved, not at start-up (~0.1 s)
        from pos.devices.report_pdf import render_report_pdf

        return self._save(name + ".pdf", lambda: render_report_pdf(report))

    def save_csv(self, text: str, name: str) -> Path | None:
        return self._save(name + ".csv", lambda: text.encode("utf-8"))

    def _save(self, file_name: str, data: Callable[[], bytes]) -> Path | None:
        path = self.reports_dir / file_name.replace(" ", "_")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data())
        except Exception:  # noqa: BLE001 - a full disk must not lose the close itself
            log.exception("report not saved to %s", path)
            self.session.say(self.tr("The report could not be saved to %1.").replace(
                "%1", str(path)), "error")
            return None
        return path


def _period(uow, start, end, venue: str) -> tuple[Report, str]:
    from pos.core.cash_documents import period_csv, period_report_view
    from pos.core.services.cash_reports import refunds_report

    figures = refunds_report(uow, start, end)
    return period_report_view(figures, venue), period_csv(figures)
