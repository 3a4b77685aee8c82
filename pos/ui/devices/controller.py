"""The cash desk's devices as the window uses them: print jobs, the drawer, the settings.

Each intent is one unit of work on a core service (``pos.ui.common.ops``), device
calls go to the print worker's thread, outcomes come back as signals. No widget here.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from pos.config import Config, ConfigError, default_config_path, parse_config
from pos.core.clock import Clock
from pos.core.db import Database
from pos.core.device_documents import test_page
from pos.core.services import mail_jobs, print_jobs
from pos.core.services.authorization import Approval
from pos.core.services.cash_drawer import open_drawer_no_sale, record_drawer_test
from pos.core.services.mail_jobs import MailJobView
from pos.core.services.print_jobs import PrintJobView
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork
from pos.devices.errors import DeviceError
from pos.ui.common import ops
from pos.ui.devices.mail_worker import MailQueue
from pos.ui.devices.worker import PrintQueue

log = logging.getLogger(__name__)


def build_devices(config: Config) -> tuple[Any, Any]:
    """(printer, separate drawer) for a configuration: the drawer is returned only when
    it has its own port; a printer drawer is kicked inside the receipt job."""
    from pos.devices.printer import receipt_printer_from_config

    printer = receipt_printer_from_config(config.printer, config.drawer,
                                          config.printer_file_path)
    return printer, separate_drawer(config)


def separate_drawer(config: Config) -> Any:
    """The drawer when it has its own port (a printer drawer rides in the receipt job)."""
    from pos.devices.drawer import make_drawer

    return make_drawer(config.drawer, None) if config.drawer.kind == "serial" else None


class DevicesController(QObject):
    sig_message = Signal(str, str)  # text, level: "info" | "error"
    sig_jobs_changed = Signal()
    sig_test_result = Signal(str, str, str)  # test name, text, level
    sig_config_saved = Signal(object)  # the new Config
    sig_mail_attention = Signal(int)  # failed e-mails (the mail worker's count)

    def __init__(self, database: Database, station: Station, clock: Clock,
                 print_queue: PrintQueue, config: Config,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database, self.station, self.clock = database, station, clock
        self.print_queue, self.config = print_queue, config
        # Set by the composition root: a refusal for want of a supervisor asks one, then
        # calls back with the approval (pos.ui.counter.approval.SupervisorGate.hook).
        self.supervisor: Callable[[Callable[[Approval], object]], Any] | None = None
        print_queue.sig_job_changed.connect(lambda _event: self.sig_jobs_changed.emit())
        self._mail_queue: MailQueue | None = None
        print_queue.sig_task_done.connect(self._task_done)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database.sessions)

    def _act(self, action: Callable[[UnitOfWork], Any],
             retry: Callable[[Approval], object] | None = None) -> Any:
        refused = self.supervisor(retry) if retry and self.supervisor else None
        outcome = ops.run(self.uow, action, what="device action", say=self.sig_message.emit,
                          failure=self.tr("The action could not be recorded: try again."),
                          refused=refused)
        return outcome.value if outcome.ok else None

    # --- print jobs ---------------------------------------------------------------------

    def jobs(self) -> list[PrintJobView]:
        with self.uow() as uow:
            return print_jobs.list_jobs(uow, self.station.counter_id)

    def retry_printing(self, job_id: int | None = None) -> None:
        """The cashier's "Réessayer": waiting and failed jobs go back in the queue."""
        count = self._act(lambda uow: print_jobs.retry(uow, self.station.counter_id,
                                                       self.clock.now(), job_id))
        if count is None:
            return
        self.print_queue.resume()
        self.sig_jobs_changed.emit()

    def reprint(self, job_id: int, approval: Approval | None = None) -> int | None:
        """A supervisor allows it (asked on refusal, then tried again)."""
        new_id = self._act(lambda uow: print_jobs.reprint(
            uow, job_id, counter_id=self.station.counter_id,
            operator_id=self.station.operator_id, now=self.clock.now(), approval=approval),
            retry=lambda given: self.reprint(job_id, given))
        if new_id is not None:
            self.print_queue.wake()
            self.sig_jobs_changed.emit()
            self.sig_message.emit(self.tr("Duplicate sent to the printer."), "info")
        return new_id

    # --- e-mails (the mail outbox) ---------------------------------------------------------

    @property
    def mail_queue(self) -> MailQueue | None:
        return self._mail_queue

    @mail_queue.setter
    def mail_queue(self, queue: MailQueue | None) -> None:
        """The mail worker (set by the composition root): its changes redraw the jobs."""
        self._mail_queue = queue
        if queue is not None:
            queue.sig_changed.connect(self.sig_jobs_changed.emit)
            queue.sig_attention.connect(self.sig_mail_attention)

    def mail_jobs(self) -> list[MailJobView]:
        with self.uow() as uow:
            return mail_jobs.list_jobs(uow, self.station.counter_id)

    def retry_mail(self, job_id: int | None = None) -> None:
        """"Réessayer" on an e-mail: sent again now, the backoff starting over."""
        count = self._act(lambda uow: mail_jobs.retry(uow, self.station.counter_id,
                                                      self.clock.now(), job_id))
        if count is None:
            return
        if self._mail_queue is not None:
            self._mail_queue.wake()
        self.sig_jobs_changed.emit()

    def retry_failed(self) -> None:
        """The status bar's "Réessayer": every waiting or failed print job and every
        failed e-mail, now."""
        self.retry_printing()
        self.retry_mail()

    def print_mail_instead(self, job_id: int) -> tuple[int, ...] | None:
        """The e-mail is given up: its documents not printed yet go to the printer."""
        ids = self._act(lambda uow: mail_jobs.print_instead(
            uow, job_id, counter_id=self.station.counter_id,
            operator_id=self.station.operator_id, now=self.clock.now()))
        if ids is None:
            return None
        self.print_queue.wake()
        if self._mail_queue is not None:
            self._mail_queue.wake()  # it counts the failed e-mails again
        self.sig_jobs_changed.emit()
        if ids:
            text = self.tr("E-mail given up: %1 document(s) sent to the printer.")
            self.sig_message.emit(text.replace("%1", str(len(ids))), "info")
        else:
            self.sig_message.emit(self.tr("E-mail given up: its documents were printed "
                                          "at the counter already."), "info")
        return ids

    # --- the drawer ---------------------------------------------------------------------

    def no_sale(self, reason: str, approval: Approval | None = None) -> bool:
        """Open the drawer without a sale: journalled with the reason, then kicked. A
        supervisor allows it (asked on refusal, then tried again)."""
        result = self._act(lambda uow: open_drawer_no_sale(uow, self.station, reason,
                                                           self.clock, approval),
                           retry=lambda given: self.no_sale(reason, given))
        if result is None:
            return False
        self.print_queue.wake()
        self.sig_jobs_changed.emit()
        self.sig_message.emit(self.tr("Drawer opening recorded in the journal."), "info")
        return True

    # --- settings and device tests (on the candidate settings, before saving) --------------

    def candidate(self, text: str) -> Config | None:
        """The settings as they would be saved, or None (the one-line reason is said)."""
        try:
            return parse_config(text, source=self.config_path())
        except ConfigError as exc:
            self.sig_test_result.emit("config", str(exc), "error")
            return None

    def config_path(self) -> Path:
        return self.config.source or default_config_path()

    def test_print(self, config: Config) -> None:
        printer, _drawer = self._devices(config)
        if printer is None:
            self.sig_test_result.emit("print", self.tr("No printer is configured."), "error")
            return
        page = test_page(venue=config.counter.venue_name, counter=self.station.counter_name,
                         at=self.clock.now(), paper_width=config.printer.paper_width)
        self.print_queue.run_task("print", lambda: printer.print_documents([page]))

    def test_status(self, config: Config) -> None:
        printer, _drawer = self._devices(config)
        if printer is None:
            self.sig_test_result.emit("status", self.tr("No printer is configured."), "error")
            return
        self.print_queue.run_task("status", printer.status)

    def test_drawer(self, config: Config, approval: Approval | None = None) -> None:
        """A drawer opening without a sale: a supervisor allows it."""
        from pos.devices.drawer import make_drawer

        printer, _drawer = self._devices(config)
        drawer = make_drawer(config.drawer, printer)
        if drawer is None:
            self.sig_test_result.emit("drawer", self.tr("No cash drawer is configured."), "error")
            return
        device = config.drawer.device if config.drawer.kind == "serial" else "printer"
        if self._act(lambda uow: record_drawer_test(uow, self.station, self.clock, device,
                                                    approval),
                     retry=lambda given: self.test_drawer(config, given)) is None:
            return
        self.print_queue.run_task("drawer", drawer.open)

    def _devices(self, config: Config) -> tuple[Any, Any]:
        try:
            return build_devices(config)
        except DeviceError as exc:
            self.sig_test_result.emit("config", exc.message, "error")
            return None, None

    def _task_done(self, name: str, result: object) -> None:
        if isinstance(result, BaseException):
            text = result.message if isinstance(result, DeviceError) else str(result)
            self.sig_test_result.emit(name, text, "error")
        elif name == "print":
            self.sig_test_result.emit(name, self.tr("Test page sent to the printer."), "info")
        elif name == "drawer":
            self.sig_test_result.emit(name, self.tr("Drawer kick sent."), "info")
        elif name == "status":
            label = getattr(result, "label", str(result))
            ok = bool(getattr(result, "can_print", False))
            self.sig_test_result.emit(name, label, "info" if ok else "error")

    def save_settings(self, text: str) -> Config | None:
        """Write the settings file (validated first); the worker takes the new devices."""
        config = self.candidate(text)
        if config is None:
            return None
        path = self.config_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".guichet-", suffix=".toml", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, path)
        except OSError as exc:
            problem = self.tr("Cannot write %1: %2").replace("%1", str(path))
            self.sig_test_result.emit("config", problem.replace("%2", exc.strerror or str(exc)),
                                      "error")
            return None
        self.config = config
        try:
            printer, drawer = build_devices(config)
        except DeviceError as exc:
            self.sig_test_result.emit("config", exc.message, "error")
        else:
            self.print_queue.set_devices(printer, drawer)
        self.sig_config_saved.emit(config)
        saved = self.tr("Settings saved in %1.").replace("%1", str(path))
        self.sig_test_result.emit("config", saved, "info")
        return config
