"""The counter's e-mails in the print/send jobs window: recipient, state, attempts,
error; a failed one printed instead in one key, or sent again now."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from pos import formatting
from pos.core.models_mail import MailJobState
from pos.core.services.mail_jobs import MailJobView
from pos.ui import keys
from pos.ui.devices.dialogs.jobs_panel import JobsPanel

PENDING = (MailJobState.QUEUED, MailJobState.FAILED)


class MailJobsPanel(JobsPanel):
    """``devices``: the devices controller (``mail_jobs``, ``retry_mail``,
    ``print_mail_instead``)."""

    def __init__(self, devices: Any, parent: QWidget | None = None) -> None:
        super().__init__("mailJobsPanel", "mailJobsTable", parent)
        self.devices = devices
        self.add_title(self.tr("E-mails"), "mailJobsTitle")
        self.set_columns([self.tr("No."), self.tr("E-mail"), self.tr("State"),
                          self.tr("Attempts"), self.tr("Time"), self.tr("Error")])
        self._states = {
            MailJobState.QUEUED: self.tr("to send"),
            MailJobState.SENDING: self.tr("sending"),
            MailJobState.SENT: self.tr("sent"),
            MailJobState.FAILED: self.tr("not sent (retried)"),
            MailJobState.PRINTED: self.tr("printed instead"),
        }
        self.print_button = self.add_button(
            self.tr("Print instead"), "printMailInsteadButton", devices.print_mail_instead,
            lambda job: job.state in PENDING, key=keys.PRINT_MAIL_INSTEAD)
        self.retry_button = self.add_button(
            self.tr("Send again"), "retryMailButton", devices.retry_mail,
            lambda job: job.state is MailJobState.FAILED, key=keys.RETRY_MAIL)

    def jobs(self) -> list[MailJobView]:
        return self.devices.mail_jobs()

    def cells(self, job: MailJobView) -> list[str]:
        what = self.tr("To %1 - %2").replace("%1", job.recipient).replace("%2", job.subject)
        return [str(job.id), what, self._states[job.state], str(job.attempts),
                formatting.timestamp(job.created_at), job.last_error]

    def first_row(self, jobs: Sequence[MailJobView]) -> int | None:
        # The e-mail waiting the longest is the one the cashier came for.
        pending = [r for r, j in enumerate(jobs) if j.state in PENDING]
        return pending[-1] if pending else None
