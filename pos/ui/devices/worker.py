"""Printing off the GUI thread: one worker thread owns the printer and the drawer.

Jobs live in the ``print_jobs`` table, written in the transaction that causes them
(``pos.core.services.print_jobs``). The worker takes the due jobs of this counter
in order, in its own units of work (the Database is shared, sessions are per
thread), and reports every change by signals:

- a link error (printer unreachable, connection dropped): the job is FAILED and
  tried again with backoff, when its time has come by the injected clock;
- paper out, cover open, offline: the job WAITS and the worker stops printing until
  the cashier says "Réessayer" (``resume``), so nothing is printed twice on its own;
- between jobs it reads the printer's state every ``status_interval`` seconds.

The drawer kick rides inside the receipt job (printer drawer) or follows it on the
drawer's own port (serial drawer): it exists only for a job written with a committed
cash movement or a no-sale opening.
"""

from __future__ import annotations

import collections
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos.core.clock import Clock
from pos.core.db import Database
from pos.core.documents import Document
from pos.core.job_labels import job_label
from pos.core.models_printing import PrintJobState
from pos.core.services import print_jobs
from pos.core.uow import UnitOfWork
from pos.devices.errors import DeviceError, PrinterNotReady, PrinterUnreachable
from pos.devices.status import PrinterStatus
from pos.ui.devices.job_worker import RetryingJobWorker

log = logging.getLogger(__name__)


class DocumentPrinter(Protocol):
    def print_documents(self, documents: Sequence[Document], *, open_drawer: bool) -> None: ...

    def status(self) -> PrinterStatus: ...


class Drawer(Protocol):
    def open(self) -> None: ...


@dataclass(frozen=True)
class JobEvent:
    """One change of one job, for the window (plain data)."""

    job_id: int
    name: str
    state: PrintJobState
    message: str = ""


def job_name(kind: str, operation_number: int | None, copy_number: int,
             label: str = "") -> str:
    """What the cashier calls a job: its document ("Billet 01010003014 – Carmina Burana
    – A12", "Reçu ordre 1271"), else "ordre 1271"; "(duplicata n°2)" for a reprint."""
    if label:
        name = label
    elif kind == "no_sale":
        name = QCoreApplication.translate("PrintQueue", "drawer opening without sale")
    elif kind == "test_page":
        name = QCoreApplication.translate("PrintQueue", "test page")
    elif operation_number is not None:
        name = QCoreApplication.translate("PrintQueue", "operation no. %1")
        name = name.replace("%1", str(operation_number))
    else:
        name = kind
    if copy_number:
        copy = QCoreApplication.translate("PrintQueue", " (duplicate no. %1)")
        name += copy.replace("%1", str(copy_number))
    return name


def failure_text(job: print_jobs.ClaimedJob, name: str, message: str) -> str:
    """"L'impression de l'ordre 1277 a échoué : … Le tiroir n'a pas été ouvert." The
    drawer kick is part of the job: a job that did not print opened no drawer."""
    if job.operation_number is not None:
        text = QCoreApplication.translate(
            "PrintQueue", "Printing of operation %1 failed: %2").replace(
            "%1", str(job.operation_number))
    else:
        text = QCoreApplication.translate("PrintQueue", "Printing of %1 failed: %2").replace(
            "%1", name)
    text = text.replace("%2", message.rstrip("."))
    if job.open_drawer:
        text += ". " + QCoreApplication.translate("PrintQueue", "The drawer was not opened.")
    elif not text.endswith("."):
        text += "."
    return text


def drawer_failure_text(job: print_jobs.ClaimedJob, message: str) -> str:
    """The job printed, its separate drawer did not open."""
    return QCoreApplication.translate(
        "PrintQueue", "Operation %1 printed, but the drawer did not open: %2").replace(
        "%1", str(job.operation_number or "")).replace("%2", message)


class PrintQueue(RetryingJobWorker):
    """The print worker of one counter. Call ``wake()`` after committing a job."""

    sig_job_done = Signal(str)  # job name
    sig_job_failed = Signal(str, str)  # job name, message for the cashier
    sig_job_failure = Signal(str)  # the whole sentence: which order, why, the drawer
    sig_job_changed = Signal(object)  # JobEvent
    sig_printer_status = Signal(object)  # PrinterStatus, on each change
    sig_drawer_state = Signal(object)  # DrawerState (sensor read through the printer), on change
    # sig_attention: jobs waiting for the cashier or failed, after each change
    sig_paused = Signal()  # stopped until "Réessayer", or going again: see ``paused``
    sig_task_done = Signal(str, object)  # task name, its result or the exception

    jobs = print_jobs
    what = "print jobs"

    def __init__(self, database: Database, counter_id: int, clock: Clock,
                 printer: DocumentPrinter | None, *, drawer: Drawer | None = None,
                 status_interval: float = 5.0, parent: QObject | None = None,
                 first_pass_after: float = 0.0) -> None:
        super().__init__(database, counter_id, clock, parent,
                         first_pass_after=first_pass_after)
        self._printer, self._drawer = printer, drawer
        self.status_interval = status_interval
        self._paused = False
        self._poll_now = True
        self._force_report = False
        self._tasks: collections.deque[tuple[str, Callable[[], Any]]] = collections.deque()
        self._status: PrinterStatus | None = None
        self._drawer_state = None
        self._next_poll = 0.0
        self._start_thread("printerThread")

    # --- called from the GUI thread -----------------------------------------------------

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def printer_status(self) -> PrinterStatus:
        return self._status or PrinterStatus.UNKNOWN

    def submit(self, *_args: object, **_kwargs: object) -> None:
        """Kept for older callers: jobs are now written with ``print_jobs.enqueue`` in the
        operation's transaction; this only wakes the worker."""
        self.wake()

    def resume(self) -> None:
        """The cashier said "Réessayer": print again (after ``print_jobs.retry``)."""
        with self._cond:
            self._paused = False
            self._poll_now = True
        self.sig_paused.emit()
        self.wake()

    def request_status(self) -> None:
        """Read the printer's state now and say it (``sig_printer_status``, even if it did
        not change, and ``sig_attention``): for a window that just connected."""
        with self._cond:
            self._poll_now = True
            self._force_report = True
        self.wake()

    def run_task(self, name: str, task: Callable[[], Any]) -> None:
        """Run a blocking device call on the worker thread, between jobs (a test page, a
        status read, a drawer test); the outcome comes back by ``sig_task_done``."""
        with self._cond:
            self._tasks.append((name, task))
        self.wake()

    def set_devices(self, printer: DocumentPrinter | None, drawer: Drawer | None) -> None:
        """New settings: the next job uses these devices."""
        with self._cond:
            self._printer, self._drawer = printer, drawer
            self._status = None
            self._poll_now = True
        self.wake()

    # --- the worker thread: what a print job says --------------------------------------

    def _attention_count(self, uow: UnitOfWork) -> int:
        return print_jobs.pending_attention(uow, self.counter_id)

    def _may_work(self) -> bool:
        return not self._paused  # stopped until the cashier's "Réessayer"

    def _more_to_do(self) -> bool:
        return bool(self._tasks)

    def _between_passes(self) -> float:
        """The device tasks asked for, and the printer's state when it is time to read it;
        returns the seconds until the next read."""
        with self._cond:
            tasks = list(self._tasks)
            self._tasks.clear()
            # a link that cannot read (file, CUPS) says UNKNOWN: not polled again
            poll = self._poll_now or (time.monotonic() >= self._next_poll
                                      and self._status is not PrinterStatus.UNKNOWN)
            force, self._poll_now, self._force_report = self._force_report, False, False
        for name, task in tasks:
            self._run_task(name, task)
        if poll:
            self._safe(lambda force=force: self._poll_status(force))
        if poll or time.monotonic() >= self._next_poll:
            self._next_poll = time.monotonic() + self.status_interval
        if force:
            self._safe(self._report_attention)
        return max(0.0, self._next_poll - time.monotonic())

    def _run_task(self, name: str, task: Callable[[], Any]) -> None:
        try:
            result: Any = task()
        except Exception as exc:  # noqa: BLE001 - the dialog shows every outcome
            log.warning("device task %s: %s", name, exc)
            result = exc
        self.sig_task_done.emit(name, result)

    def _poll_status(self, force: bool = False) -> None:
        printer = self._printer
        if printer is None:
            return
        self._note_status(printer.status(), force)
        drawer = getattr(printer, "last_drawer", None)  # printers without a sensor: None
        if drawer is not None and (force or drawer is not self._drawer_state):
            self._drawer_state = drawer
            self.sig_drawer_state.emit(drawer)

    def _note_status(self, status: PrinterStatus, force: bool = False) -> None:
        if force or status is not self._status:
            self._status = status
            self.sig_printer_status.emit(status)

    def _pause(self) -> None:
        with self._cond:
            self._paused = True
        self.sig_paused.emit()

    def _handle(self, job: print_jobs.ClaimedJob) -> None:
        """Print one job and record how it went."""
        name = job_name(job.kind, job.operation_number, job.copy_number,
                        job_label(job.kind, job.documents, job.operation_number))
        self.sig_job_changed.emit(JobEvent(job.id, name, PrintJobState.SENDING))
        printer, drawer = self._printer, self._drawer
        known = self._status
        note = ""
        try:
            if printer is None:
                note = "Aucune imprimante configurée : rien n'a été imprimé."
            else:
                if known is not None and known.not_ready:
                    raise PrinterNotReady(known, after_job=False)
                printer.print_documents(job.documents, open_drawer=job.open_drawer)
                self._note_status(getattr(printer, "last_status", None) or PrinterStatus.UNKNOWN)
        except PrinterNotReady as exc:
            self._note_status(exc.status)
            self._finish(job, name, PrintJobState.WAITING, exc.message)
            self._pause()
            return
        except PrinterUnreachable as exc:
            self._note_status(PrinterStatus.UNREACHABLE)
            self._finish(job, name, PrintJobState.FAILED, exc.message)
            return
        except Exception as exc:  # noqa: BLE001 - a job that cannot print waits for the cashier
            message = exc.message if isinstance(exc, DeviceError) else str(exc)
            log.exception("print job %s cannot be printed", job.id)
            self._finish(job, name, PrintJobState.WAITING, message)
            return
        if job.open_drawer and drawer is not None:
            try:
                drawer.open()
            except DeviceError as exc:  # printed: never reprint for a drawer
                note = exc.message
                self.sig_job_failed.emit(name, exc.message)
                self.sig_job_failure.emit(drawer_failure_text(job, exc.message))
        self._finish(job, name, PrintJobState.DONE, note)

    def _finish(self, job: print_jobs.ClaimedJob, name: str, state: PrintJobState,
                message: str) -> None:
        now = self.clock.now()
        with self._uow() as uow:
            if state is PrintJobState.DONE:
                print_jobs.mark_done(uow, job.id, now, message)
            elif state is PrintJobState.FAILED:
                print_jobs.mark_failed(uow, job.id, message, now)
            else:
                print_jobs.mark_waiting(uow, job.id, message, now)
        self.sig_job_changed.emit(JobEvent(job.id, name, state, message))
        if state is PrintJobState.DONE:
            self.sig_job_done.emit(name)
        elif state is PrintJobState.WAITING or job.attempts == 1:
            # a link error is said once, not at every retry
            self.sig_job_failed.emit(name, message)
            self.sig_job_failure.emit(failure_text(job, name, message))
        self._report_attention()
