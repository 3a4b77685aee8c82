"""The counter's e-mails in the print/send jobs window: recipient, state, attempts,
error; a failed one printed instead in one key, or sent again now."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos import formatting
from pos.core.models_mail import MailJobState
from pos.ui import keys

MAIL_JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PENDING = (MailJobState.QUEUED, MailJobState.FAILED)


class MailJobsPanel(QWidget):
    """``devices``: the devices controller (``mail_jobs``, ``retry_mail``,
    ``print_mail_instead``)."""

    def __init__(self, devices: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.devices = devices
        self.setObjectName("mailJobsPanel")
        self._states = {
            MailJobState.QUEUED: self.tr("to send"),
            MailJobState.SENDING: self.tr("sending"),
            MailJobState.SENT: self.tr("sent"),
            MailJobState.FAILED: self.tr("not sent (retried)"),
            MailJobState.PRINTED: self.tr("printed instead"),
        }
        self._jobs: dict[int, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("E-mails"), self)
        title.setObjectName("mailJobsTitle")
        layout.addWidget(title)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("mailJobsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("E-mail"), self.tr("State"), self.tr("Attempts"),
            self.tr("Time"), self.tr("Error")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print instead"), self)
        self.print_button.setObjectName("printMailInsteadButton")
        keys.bind_button(self.print_button, keys.PRINT_MAIL_INSTEAD, keep_focus=False)
        self.print_button.clicked.connect(self._print_instead)
        self.retry_button = QPushButton(self.tr("Send again"), self)
        self.retry_button.setObjectName("retryMailButton")
        keys.bind_button(self.retry_button, keys.RETRY_MAIL, keep_focus=False)
        self.retry_button.clicked.connect(self._retry)
        row.addWidget(self.print_button)
        row.addWidget(self.retry_button)
        row.addStretch()
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def refresh(self) -> None:
        selected = self.selected_job_id()
        jobs = self.devices.mail_jobs()
        self._jobs = {j.id: j for j in jobs}
        self.table.setRowCount(len(jobs))
        for r, job in enumerate(jobs):
            what = self.tr("To %1 - %2").replace("%1", job.recipient).replace("%2", job.subject)
            cells = [str(job.id), what, self._states[job.state], str(job.attempts),
                     formatting.timestamp(job.created_at), job.last_error]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(MAIL_JOB_ID_ROLE, job.id)
                self.table.setItem(r, c, item)
            if job.id == selected:
                self.table.selectRow(r)
        self.table.resizeColumnsToContents()
        if self.selected_job_id() is None:
            # The e-mail waiting the longest is the one the cashier came for.
            pending = [r for r, j in enumerate(jobs) if j.state in PENDING]
            if pending:
                self.table.selectRow(pending[-1])
        self._selection_changed()

    def selected_job_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(MAIL_JOB_ID_ROLE) if rows else None

    def select_job(self, job_id: int) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(MAIL_JOB_ID_ROLE) == job_id:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        job = self._jobs.get(self.selected_job_id() or -1)
        self.print_button.setEnabled(job is not None and job.state in PENDING)
        self.retry_button.setEnabled(job is not None and job.state is MailJobState.FAILED)

    def _print_instead(self) -> None:
        job_id = self.selected_job_id()
        if job_id is not None and self._jobs[job_id].state in PENDING:
            self.devices.print_mail_instead(job_id)

    def _retry(self) -> None:
        job_id = self.selected_job_id()
        if job_id is not None:
            self.devices.retry_mail(job_id)
