"""The part the print worker and the mail worker share: one thread per counter that works
through the counter's due jobs of one table, each in its own units of work (the Database
is shared, sessions are per thread), sleeps until the next one is due by the injected
clock (the core's backoff: ``print_jobs.retry_delay``), and wakes when a job is committed
or retried. A database hiccup never stops the thread.

A kind of worker says only what differs: its core service (claim, next due, recover),
how a job is done, and what the status bar counts (``sig_attention``); the print
worker adds its device tasks and its printer polls between passes
(``_between_passes``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, Signal

from pos.core.clock import Clock
from pos.core.db import Database
from pos.core.uow import UnitOfWork

log = logging.getLogger(__name__)

#: The longest sleep with nothing due: a job committed by another process is seen then.
IDLE_WAIT = 30.0
#: The wait after a database error, before the next pass.
ERROR_WAIT = 2.0


class JobService(Protocol):
    """What a core service of jobs gives a worker (``pos.core.services.print_jobs``,
    ``mail_jobs``): the oldest due job claimed and committed, when the next one is due,
    and the jobs a stop left in mid-send made due again."""

    def claim_next(self, uow: UnitOfWork, counter_id: int, now: datetime) -> Any | None: ...
    def next_due(self, uow: UnitOfWork, counter_id: int) -> datetime | None: ...
    def recover_interrupted(self, uow: UnitOfWork, counter_id: int, now: datetime) -> int: ...


class _Thread(QThread):
    def __init__(self, worker: RetryingJobWorker) -> None:
        super().__init__(worker)
        self._worker = worker

    def run(self) -> None:
        self._worker._loop()


class RetryingJobWorker(QObject):
    """The worker thread of one counter's jobs. Call ``wake()`` after committing a job;
    a subclass ends its ``__init__`` with ``_start_thread(name)``."""

    sig_attention = Signal(int)  # the jobs the cashier should look at (status bar)

    #: The core service of the jobs' table (``print_jobs``, ``mail_jobs``).
    jobs: JobService
    #: What the log calls the jobs ("print jobs", "e-mails").
    what = "jobs"
    #: Count the jobs for ``sig_attention`` after every pass (else the kind says when).
    report_each_pass = False

    def __init__(self, database: Database, counter_id: int, clock: Clock,
                 parent: QObject | None = None, *, first_pass_after: float = 0.0) -> None:
        """``first_pass_after``: seconds the thread waits before its first pass, unless
        ``begin()`` comes first. The window gives it and begins its workers once it is on
        the screen, so that their first pass (recover, count, claim: a dozen statements
        each) does not take the GIL from its build."""
        super().__init__(parent)
        self.database, self.counter_id, self.clock = database, counter_id, clock
        self.first_pass_after = first_pass_after
        self._begun = first_pass_after <= 0
        self._cond = threading.Condition()
        self._woken = False
        self._stopping = False

    def _start_thread(self, name: str) -> None:
        self._thread = _Thread(self)
        self._thread.setObjectName(name)
        self._thread.start()

    # --- called from the GUI thread -----------------------------------------------------

    def begin(self) -> None:
        """The first pass now (see ``first_pass_after``)."""
        with self._cond:
            self._begun = True
            self._cond.notify_all()

    def wake(self) -> None:
        """A job was committed, retried, or the clock moved: look at the jobs now."""
        with self._cond:
            self._woken = True
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.wait(15_000)

    # --- what a kind of job says --------------------------------------------------------

    def _recovered(self, count: int) -> None:
        """``count`` jobs a stop had left in mid-send will be done again."""

    def _handle(self, job: Any) -> None:
        """Do the job and record how it went (in its own units of work)."""
        raise NotImplementedError

    def _attention_count(self, uow: UnitOfWork) -> int:
        raise NotImplementedError

    def _between_passes(self) -> float:
        """Work done before each pass over the jobs; returns the longest sleep after it."""
        return IDLE_WAIT

    def _may_work(self) -> bool:
        """Checked before each job, under the lock: False holds the jobs (a paused printer)."""
        return True

    def _more_to_do(self) -> bool:
        """Checked under the lock before sleeping: True goes round again at once."""
        return False

    # --- the worker thread --------------------------------------------------------------

    def _uow(self) -> UnitOfWork:
        return UnitOfWork(self.database.sessions)

    def _safe(self, call: Callable[[], Any], what: str = "") -> None:
        try:
            call()
        except Exception:  # noqa: BLE001 - the thread must live on
            log.exception("%s worker%s", self.what, f": {what}" if what else "")

    def _report_attention(self) -> None:
        with self._uow() as uow:
            self.sig_attention.emit(self._attention_count(uow))

    def _recover_interrupted(self) -> None:
        with self._uow() as uow:
            count = self.jobs.recover_interrupted(uow, self.counter_id, self.clock.now())
        self._recovered(count)

    def _loop(self) -> None:
        with self._cond:  # a wake() before the first pass is seen by it anyway
            self._cond.wait_for(lambda: self._begun or self._stopping, self.first_pass_after)
        self._safe(self._recover_interrupted, "jobs left in mid-send could not be recovered")
        self._safe(self._report_attention)
        while True:
            with self._cond:
                if self._stopping:
                    return
            wait = self._between_passes()
            try:
                due_in = self._work_due_jobs()
                if self.report_each_pass:
                    self._report_attention()
            except Exception:  # noqa: BLE001 - a database hiccup must not stop the jobs
                log.exception("%s worker: database error", self.what)
                due_in = ERROR_WAIT
            if due_in is not None:
                wait = min(wait, max(due_in, 0.05))
            with self._cond:
                if not self._woken and not self._stopping and not self._more_to_do():
                    self._cond.wait(wait)
                self._woken = False

    def _work_due_jobs(self) -> float | None:
        """Do every due job in order; return the seconds until the next one is due."""
        while True:
            with self._cond:
                if self._stopping or not self._may_work():
                    return None
            with self._uow() as uow:
                claimed = self.jobs.claim_next(uow, self.counter_id, self.clock.now())
                if claimed is None:
                    due = self.jobs.next_due(uow, self.counter_id)
                    return None if due is None else (due - self.clock.now()).total_seconds()
            self._handle(claimed)
