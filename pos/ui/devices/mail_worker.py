"""Sending the mail outbox off the GUI thread: one worker thread per counter.

The settlement wrote the e-mail job in its own transaction (``services.mail_jobs``);
this worker claims each due job, renders its PDFs, hands it to ``[mail]``'s server
(or the outbox folder without one) and records how it went. A job the server does not
take is FAILED and tried again with the print jobs' backoff, by the injected clock; a
job left SENDING by a stop is sent again at start-up. Every change is said by signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from pos.config import MailConfig
from pos.core.clock import Clock
from pos.core.db import Database
from pos.core.services import failed_mail, mail_jobs
from pos.core.uow import UnitOfWork
from pos.devices.errors import DeviceError

log = logging.getLogger(__name__)

#: Where the worker reads the mail settings at each send (they may change).
MailSettings = Callable[[], tuple[MailConfig, Path]]


class _Thread(QThread):
    def __init__(self, queue: MailQueue) -> None:
        super().__init__(queue)
        self._queue = queue

    def run(self) -> None:
        self._queue._loop()


class MailQueue(QObject):
    """The mail worker of one counter. Call ``wake()`` after committing a job."""

    sig_sent = Signal(str)  # the notice for the cashier ("E-mail envoyé à …")
    sig_failed = Signal(str)  # the whole sentence: which e-mail, why, what next
    sig_changed = Signal()  # a job changed state
    sig_attention = Signal(int)  # failed e-mails of the counter, after each look at them

    def __init__(self, database: Database, counter_id: int, clock: Clock,
                 settings: MailSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database, self.counter_id, self.clock = database, counter_id, clock
        self.settings = settings
        self._cond = threading.Condition()
        self._woken = False
        self._stopping = False
        self._thread = _Thread(self)
        self._thread.setObjectName("mailThread")
        self._thread.start()

    def wake(self) -> None:
        """A job was committed, retried, or the clock moved: look at the outbox now."""
        with self._cond:
            self._woken = True
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.wait(15_000)

    # --- the worker thread --------------------------------------------------------------

    def _uow(self) -> UnitOfWork:
        return UnitOfWork(self.database.sessions)

    def _loop(self) -> None:
        try:
            with self._uow() as uow:
                if mail_jobs.recover_interrupted(uow, self.counter_id, self.clock.now()):
                    self.sig_changed.emit()
        except Exception:  # noqa: BLE001 - the thread must live on
            log.exception("e-mails left in mid-send could not be recovered")
        while True:
            with self._cond:
                if self._stopping:
                    return
            try:
                due_in = self._send_due_jobs()
                self._report_attention()
            except Exception:  # noqa: BLE001 - a database hiccup must not stop sending
                log.exception("mail worker: database error")
                due_in = 2.0
            wait = 30.0 if due_in is None else min(30.0, max(due_in, 0.05))
            with self._cond:
                if not self._woken and not self._stopping:
                    self._cond.wait(wait)
                self._woken = False

    def _report_attention(self) -> None:
        # every pass (a wake, a due retry, a sent or failed job): the cashier's retry and
        # "Imprimer à la place" change the count from the GUI thread, then wake us
        with self._uow() as uow:
            self.sig_attention.emit(failed_mail.failed_count(uow, self.counter_id))

    def _send_due_jobs(self) -> float | None:
        """Send every due job; return the seconds until the next one is due."""
        while True:
            with self._cond:
                if self._stopping:
                    return None
            with self._uow() as uow:
                claimed = mail_jobs.claim_next(uow, self.counter_id, self.clock.now())
                if claimed is None:
                    due = mail_jobs.next_due(uow, self.counter_id)
                    return None if due is None else (due - self.clock.now()).total_seconds()
            self.sig_changed.emit()
            self._send(claimed)

    def _send(self, job: mail_jobs.ClaimedMail) -> None:
        from pos.devices.mailer import Attachment, attachment_name, send_mail
        from pos.devices.pdf import render_pdf

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
