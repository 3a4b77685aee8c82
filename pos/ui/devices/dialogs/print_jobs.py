"""The counter's print jobs: state, error, attempts; reprint (DUPLICATA) and retry. Below
them its e-mails (the mail outbox): a failed one sent again, or printed instead in one
key (``keys.PRINT_MAIL_INSTEAD``)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from pos import formatting
from pos.core.models_printing import PrintJobState
from pos.core.services.mail_jobs import MailJobView
from pos.core.services.print_jobs import PrintJobView
from pos.ui.devices.dialogs.jobs_panel import JobsPanel
from pos.ui.devices.dialogs.mail_jobs import MailJobsPanel
from pos.ui.devices.worker import job_name


class JobIntents(Protocol):
    """What the dialog asks of its caller (the devices controller)."""

    sig_jobs_changed: Any  # Signal()

    def jobs(self) -> list[PrintJobView]: ...
    def reprint(self, job_id: int) -> int | None: ...
    def retry_printing(self, job_id: int | None = None) -> None: ...
    def mail_jobs(self) -> list[MailJobView]: ...
    def retry_mail(self, job_id: int | None = None) -> None: ...
    def print_mail_instead(self, job_id: int) -> tuple[int, ...] | None: ...


RETRYABLE = (PrintJobState.FAILED, PrintJobState.WAITING)


class PrintJobsPanel(JobsPanel):
    """The print jobs: reprint one (DUPLICATA), or print a failed or waiting one again."""

    def __init__(self, devices: JobIntents, parent: QWidget | None = None) -> None:
        super().__init__("printJobsPanel", "printJobsTable", parent)
        self.devices = devices
        self._states = {
            PrintJobState.QUEUED: self.tr("queued"),
            PrintJobState.SENDING: self.tr("sending"),
            PrintJobState.DONE: self.tr("printed"),
            PrintJobState.FAILED: self.tr("failed (retried)"),
            PrintJobState.WAITING: self.tr("waiting for the cashier"),
        }
        self.set_columns([self.tr("No."), self.tr("Document"), self.tr("State"),
                          self.tr("Attempts"), self.tr("Time"), self.tr("Error")])
        self.reprint_button = self.add_button(self.tr("Reprint (duplicate)"), "reprintButton",
                                              devices.reprint)
        self.retry_button = self.add_button(self.tr("Retry"), "retryJobButton",
                                            devices.retry_printing,
                                            lambda job: job.state in RETRYABLE)

    def jobs(self) -> list[PrintJobView]:
        return self.devices.jobs()

    def cells(self, job: PrintJobView) -> list[str]:
        return [str(job.id), job_name(job.kind, job.operation_number, job.copy_number,
                                      job.label),
                self._states[job.state], str(job.attempts),
                formatting.timestamp(job.created_at), job.last_error]


class PrintJobsDialog(QDialog):
    """The jobs window (Ctrl+J): the print jobs, then the e-mails."""

    def __init__(self, devices: JobIntents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.devices = devices
        self.setObjectName("printJobsDialog")
        self.setWindowTitle(self.tr("Print jobs"))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        self.prints = PrintJobsPanel(devices, self)
        self.table = self.prints.table
        self.reprint_button, self.retry_button = (self.prints.reprint_button,
                                                  self.prints.retry_button)
        layout.addWidget(self.prints)
        self.mail = MailJobsPanel(devices, self)
        layout.addWidget(self.mail)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closePrintJobsButton")
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(close)
        layout.addLayout(bottom)
        devices.sig_jobs_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.prints.refresh()
        self.mail.refresh()

    def selected_job_id(self) -> int | None:
        return self.prints.selected_job_id()

    def select_job(self, job_id: int) -> None:
        self.prints.select_job(job_id)
