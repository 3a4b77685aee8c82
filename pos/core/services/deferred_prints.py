"""Tickets printed later ("Impression immédiate : non"): their print jobs were written
WAITING with ``print_jobs.DEFERRED_NOTE`` in the operation's transaction; the cashier
lists them and sends them to the printer when the customer comes for them."""

from __future__ import annotations

from datetime import datetime

from pos.core.models_printing import PrintJobState
from pos.core.services import print_jobs
from pos.core.services.print_jobs import DEFERRED_NOTE, PrintJobView
from pos.core.uow import UnitOfWork


def deferred_jobs(uow: UnitOfWork, counter_id: int) -> list[PrintJobView]:
    """The counter's jobs waiting to be printed on demand, oldest first."""
    jobs = print_jobs.list_jobs(uow, counter_id, limit=1000, states=[PrintJobState.WAITING])
    return sorted((j for j in jobs if j.attempts == 0 and j.last_error == DEFERRED_NOTE),
                  key=lambda j: j.id)


def print_deferred(uow: UnitOfWork, counter_id: int, now: datetime) -> int:
    """Send every deferred job to the printer queue (in order); returns how many."""
    jobs = deferred_jobs(uow, counter_id)
    for job in jobs:
        print_jobs.retry(uow, counter_id, now, job.id)
    return len(jobs)
