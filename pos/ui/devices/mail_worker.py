"""Sending the mail outbox off the GUI thread: one worker thread per counter.

The settlement wrote the e-mail job in its own transaction (``services.mail_jobs``);
this worker claims each due job, renders its PDFs, hands it to ``[mail]``'s server
(or the outbox folder without one) and records how it went. A job the server does not
take is FAILED and tried again with the print jobs' backoff, by the injected clock; a
job left SENDING by a stop is sent again at start-up. Every change is said by signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos.config import MailConfig
from pos.core.clock import Clock
from pos.core.db import Database
from pos.core.services import failed_mail, mail_jobs
from pos.core.uow import UnitOfWork
from pos.devices.errors import DeviceError
from pos.ui.devices.job_worker import RetryingJobWorker

log = logging.getLogger(__name__)

#: Where the worker reads the mail settings at each send (they may change).
MailSettings = Callable[[], tuple[MailConfig, Path]]


class MailQueue(RetryingJobWorker):
    """The mail worker of one counter. Call ``wake()`` after committing a job."""

    sig_sent = Signal(str)  # the notice for the cashier ("E-mail envoyé à …")
    sig_failed = Signal(str)  # the whole sentence: which e-mail, why, what next
    sig_changed = Signal()  # a job changed state
    # sig_attention: failed e-mails of the counter, after each look at them (every pass:
    # the cashier's retry and "Imprimer à la place" change the count from the GUI
    # thread, then wake us)

    jobs = mail_jobs
    what = "e-mails"
    report_each_pass = True

    def __init__(self, database: Database, counter_id: int, clock: Clock,
                 settings: MailSettings, parent: QObject | None = None, *,
                 first_pass_after: float = 0.0) -> None:
        super().__init__(database, counter_id, clock, parent,
                         first_pass_after=first_pass_after)
        self.settings = settings
        self._start_thread("mailThread")

    def _recovered(self, count: int) -> None:
        if count:
            self.sig_changed.emit()

    def _attention_count(self, uow: UnitOfWork) -> int:
        return failed_mail.failed_count(uow, self.counter_id)

    def _handle(self, job: mail_jobs.ClaimedMail) -> None:
        """Send one claimed job (SENDING) and record how it went."""
        from pos.devices.mailer import Attachment, attachment_name, send_mail
        from pos.devices.pdf import render_pdf

        self.sig_changed.emit()
        config, outbox = self.settings()
        try:
            attachments = [Attachment(attachment_name(d), render_pdf([d]))
                           for d in job.documents]
            result = send_mail(config, outbox, recipient=job.recipient, subject=job.subject,
                               body=job.body, attachments=attachments, at=self.clock.now())
        except Exception as exc:  # noqa: BLE001 - every failure keeps the job
            message = exc.message if isinstance(exc, DeviceError) else str(exc)
            if not isinstance(exc, DeviceError):
                log.exception("e-mail job %s", job.id)
            with self._uow() as uow:
                mail_jobs.mark_failed(uow, job.id, message, self.clock.now())
            self.sig_changed.emit()
            if job.attempts == 1:  # said once, not at every retry
                self.sig_failed.emit(failure_text(job, message))
            return
        with self._uow() as uow:
            mail_jobs.mark_sent(uow, job.id, self.clock.now(),
                                "" if result.sent else str(result.saved_to))
        self.sig_changed.emit()
        self.sig_sent.emit(result.notice)


def failure_text(job: mail_jobs.ClaimedMail, message: str) -> str:
    """"L'e-mail de l'ordre 1271 n'a pas pu être envoyé : … Il sera renvoyé ; Ctrl+J pour
    l'imprimer à la place." """
    text = QCoreApplication.translate(
        "MailQueue", "The e-mail of operation %1 could not be sent: %2. It will be sent "
        "again; the print jobs window (Ctrl+J) can print it instead.")
    return text.replace("%1", str(job.operation_number or "")).replace(
        "%2", message.rstrip("."))
