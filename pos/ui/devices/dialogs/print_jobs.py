"""The counter's print jobs: state, error, attempts; reprint (DUPLICATA) and retry. Below
them its e-mails (the mail outbox): a failed one sent again, or printed instead in one
key (``keys.PRINT_MAIL_INSTEAD``)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos import formatting
from pos.core.models_printing import PrintJobState
from pos.core.services.mail_jobs import MailJobView
from pos.core.services.print_jobs import PrintJobView
from pos.ui.devices.dialogs.mail_jobs import MailJobsPanel
from pos.ui.devices.worker import job_name

JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class JobIntents(Protocol):
    """What the dialog asks of its caller (the devices controller)."""

    sig_jobs_changed: Any  # Signal()

    def jobs(self) -> list[PrintJobView]: ...
    def reprint(self, job_id: int) -> int | None: ...
    def retry_printing(self, job_id: int | None = None) -> None: ...
    def mail_jobs(self) -> list[MailJobView]: ...
    def retry_mail(self, job_id: int | None = None) -> None: ...
    def print_mail_instead(self, job_id: int) -> tuple[int, ...] | None: ...


class PrintJobsDialog(QDialog):
    def __init__(self, devices: JobIntents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.devices = devices
        self.setObjectName("printJobsDialog")
        self.setWindowTitle(self.tr("Print jobs"))
        self.resize(900, 420)
        self._states = {
            PrintJobState.QUEUED: self.tr("queued"),
            PrintJobState.SENDING: self.tr("sending"),
            PrintJobState.DONE: self.tr("printed"),
            PrintJobState.FAILED: self.tr("failed (retried)"),
            PrintJobState.WAITING: self.tr("waiting for the cashier"),
        }
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("printJobsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Document"), self.tr("State"), self.tr("Attempts"),
            self.tr("Time"), self.tr("Error")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.reprint_button = QPushButton(self.tr("Reprint (duplicate)"), self)
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.clicked.connect(self._reprint)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setObjectName("retryJobButton")
        self.retry_button.clicked.connect(self._retry)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closePrintJobsButton")
        close.clicked.connect(self.accept)
        row.addWidget(self.reprint_button)
        row.addWidget(self.retry_button)
        row.addStretch()
        layout.addLayout(row)
        self.mail = MailJobsPanel(devices, self)
        layout.addWidget(self.mail)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(close)
        layout.addLayout(bottom)
        devices.sig_jobs_changed.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_job_id()
        jobs = self.devices.jobs()
        self._jobs = {j.id: j for j in jobs}
        self.table.setRowCount(len(jobs))
        for r, job in enumerate(jobs):
            cells = [str(job.id), job_name(job.kind, job.operation_number, job.copy_number,
                                              job.label),
                     self._states[job.state], str(job.attempts),
                     formatting.timestamp(job.created_at), job.last_error]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(JOB_ID_ROLE, job.id)
                self.table.setItem(r, c, item)
            if job.id == selected:
                self.table.selectRow(r)
        self.table.resizeColumnsToContents()
        if selected is None and jobs:
            self.table.selectRow(0)
        self._selection_changed()
        self.mail.refresh()

    def selected_job_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(JOB_ID_ROLE) if rows else None

    def select_job(self, job_id: int) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(JOB_ID_ROLE) == job_id:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        job = self._jobs.get(self.selected_job_id() or -1)
        self.reprint_button.setEnabled(job is not None)
        self.retry_button.setEnabled(
            job is not None and job.state in (PrintJobState.FAILED, PrintJobState.WAITING))

    def _reprint(self) -> None:
        job_id = self.selected_job_id()
        if job_id is not None:
            self.devices.reprint(job_id)

    def _retry(self) -> None:
        job_id = self.selected_job_id()
        if job_id is not None:
            self.devices.retry_printing(job_id)
