"""The box-office rules from the window: the fee rules (supervisor), the waiver of a
basket's fees, the door-scanner revocations export, and the bulk refund of a cancelled
performance, run on a worker thread (one order per transaction; stopped between two
orders)."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from sqlalchemy import select

from pos.core.errors import DomainError, PerformanceAlreadyCancelled
from pos.core.models import Event, Performance
from pos.core.models_fees import PerformanceCancellation
from pos.core.services import fee_rules
from pos.core.services.approvals import approve
from pos.core.services.station import Station, ensure_station
from pos.formatting import performance_date
from pos.ui.counter.session import CounterSession

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BulkOutcome:
    refunded: int
    refused: int
    stopped: bool
    report: str  # the PDF's path


class BulkRun(QObject):
    """The run, on its own thread, in its own units of work."""

    sig_progress = Signal(int, int)
    sig_done = Signal(object)  # BulkOutcome
    sig_failed = Signal(str)

    def __init__(self, session: CounterSession, station: Station, performance_id: int,
                 policy: str, report: str) -> None:
        super().__init__()
        self.session, self.station = session, station
        self.performance_id, self.policy, self.report = performance_id, policy, report
        self.stop = threading.Event()

    @Slot()
    def run(self) -> None:
        # The bulk refund, its report and the revocations are imported at their first use,
        # not at start (~15 ms): a performance is cancelled a few times a season.
        from pos.core.services.bulk_refund import run_bulk_refund
        from pos.core.services.bulk_refund_report import bulk_report

        s = self.session
        try:
            result = run_bulk_refund(
                s.uow, self.performance_id, self.policy, station=self.station, clock=s.clock,
                validity_days=s.credit_note_validity_days, progress=self.sig_progress.emit,
                should_stop=self.stop.is_set)
            with s.uow() as uow:
                report = bulk_report(uow, self.performance_id, policy=self.policy,
                                     clock=s.clock, venue=s.station.venue_name, run=result)
            # reportlab is imported when a report is written, not at start-up (~0.1 s)
            from pos.devices.bulk_report_pdf import render_bulk_report

            Path(self.report).write_bytes(render_bulk_report(report))
            self.sig_done.emit(BulkOutcome(len(result.refunded), len(result.refused),
                                           result.stopped, self.report))
        except DomainError as refusal:
            self.sig_failed.emit(refusal.message)
        except Exception:  # logged; what was committed stays, the rest is resumable
            log.exception("bulk refund failed")
            self.sig_failed.emit(QCoreApplication.translate(
                "BoxOfficeController", "The bulk refund stopped on an error: the orders "
                "refunded so far stay refunded; start it again to go on."))


class BoxOfficeController(QObject):
    sig_bulk_progress = Signal(int, int)
    sig_bulk_done = Signal(object)  # BulkOutcome
    sig_bulk_failed = Signal(str)

    def __init__(self, session: CounterSession, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session
        self._thread: QThread | None = None
        self._run: BulkRun | None = None

    def _supervisor(self, login: str, pin: str, reason: str) -> Station | None:
        """A supervisor's station, once their PIN is checked (journaled); None: refused,
        and said."""
        s = self.session
        done = s.run(lambda uow: approve(uow, login=login, pin=pin, station=s.station,
                                         clock=s.clock, reason=reason), what="approval")
        if not done.ok:
            return None
        place = s.station
        station = s.run(lambda uow: ensure_station(
            uow, counter=place.counter_name, sales_point=place.sales_point_name,
            operator=done.value.supervisor_login, venue_name=place.venue_name),
            what="supervisor station")
        return station.value if station.ok else None

    # --- fee rules -------------------------------------------------------------------

    def rule_fields(self) -> list[dict[str, Any]]:
        done = self.session.run(lambda uow: fee_rules.as_fields(fee_rules.load_rules(uow)),
                                what="fee rules")
        return done.value if done.ok else []

    def read_toml(self, path: str) -> list[dict[str, Any]] | str:
        """The rules of a TOML file as fields for the dialog, or why not."""
        try:
            rules = fee_rules.rules_from_toml(Path(path).read_text(encoding="utf-8"))
        except DomainError as refusal:
            return refusal.message
        except OSError as error:
            return str(error)
        return fee_rules.as_fields(rules)

    def save_rules(self, fields: list[dict[str, Any]], login: str, pin: str) -> str | None:
        """None: saved; else the refusal, for the dialog to show."""
        try:
            rules = [fee_rules.rule_from(f, n) for n, f in enumerate(fields, start=1)]
        except DomainError as refusal:
            return refusal.message
        station = self._supervisor(login, pin, "Règles de frais")
        if station is None:
            return QCoreApplication.translate("BoxOfficeController", "Approval refused.")
        s = self.session
        done = s.run(lambda uow: fee_rules.replace_rules(uow, rules, station=station,
                                                         clock=s.clock, source="fenêtre"),
                     what="fee rules", said=False)
        if not done.ok:
            return done.error
        s.basket_changed()  # the basket's fees by the new rules
        return None

    def waive_fees(self, login: str, pin: str, reason: str) -> bool:
        s = self.session
        done = s.run(lambda uow: fee_rules.waive(uow, s.basket, login=login, pin=pin,
                                                 reason=reason, station=s.station,
                                                 clock=s.clock), what="fee waiver")
        if done.ok:
            s.basket_changed()
        return done.ok

    # --- revocations -----------------------------------------------------------------

    def export_revocations(self, since: datetime, path: str) -> bool:
        from pos.core.services import revocations  # at its first use (see BulkRun.run)

        s = self.session
        done = s.run(lambda uow: revocations.revocations_since(uow, since), what="revocations")
        if not done.ok:
            return False
        try:
            written = revocations.export(done.value, Path(path), since=since, now=s.clock.now())
        except OSError as error:
            s.say(str(error), "error")
            return False
        text = QCoreApplication.translate("BoxOfficeController", "%1 revoked tickets: %2")
        s.say(text.replace("%1", str(len(done.value))).replace(
            "%2", ", ".join(p.name for p in written)), "info")
        return True

    # --- cancelled performance ------------------------------------------------------

    def performances(self) -> list[tuple[int, str]]:
        def read(uow):
            rows = uow.session.execute(
                select(Performance.id, Event.name, Performance.starts_at,
                       PerformanceCancellation.cancelled_at)
                .join(Event, Event.id == Performance.event_id)
                .outerjoin(PerformanceCancellation,
                           PerformanceCancellation.performance_id == Performance.id)
                .order_by(Performance.starts_at)).all()
            return [(pid, f"{name} - {performance_date(at)}" + (" *" if cancelled else ""))
                    for pid, name, at, cancelled in rows]

        done = self.session.run(read, what="performances")
        return done.value if done.ok else []

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start_bulk(self, performance_id: int, policy: str, login: str, pin: str,
                   reason: str, report: str) -> bool:
        """Mark the performance cancelled (if it is not yet) and start the run."""
        if self.running:
            return False
        station = self._supervisor(login, pin, f"Annulation de la séance {performance_id}")
        if station is None:
            return False
        from pos.core.services.bulk_refund import cancel_performance  # (see BulkRun.run)

        s = self.session
        marked = s.run(lambda uow: cancel_performance(uow, performance_id, station=station,
                                                      clock=s.clock, reason=reason),
                       what="cancel performance",
                       refused=lambda e: isinstance(e, PerformanceAlreadyCancelled))
        if not marked.ok and not isinstance(marked.refusal, PerformanceAlreadyCancelled):
            return False
        self._thread, self._run = QThread(self), BulkRun(s, station, performance_id, policy,
                                                         report)
        self._run.moveToThread(self._thread)
        self._thread.started.connect(self._run.run)
        self._run.sig_progress.connect(self.sig_bulk_progress)
        self._run.sig_done.connect(self._finished)
        self._run.sig_failed.connect(self._failed)
        self._thread.start()
        return True

    def stop_bulk(self) -> None:
        if self._run is not None:
            self._run.stop.set()  # honoured between two orders

    def wait(self, ms: int = 30000) -> None:
        if self._thread is not None:
            self._thread.wait(ms)

    def _end(self) -> None:
        thread, self._thread, self._run = self._thread, None, None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        self.session.print_queue.wake()  # the runs' documents wait under their note

    def _finished(self, outcome: BulkOutcome) -> None:
        self._end()
        self.sig_bulk_done.emit(outcome)

    def _failed(self, message: str) -> None:
        self._end()
        self.session.say(message, "error")
        self.sig_bulk_failed.emit(message)
