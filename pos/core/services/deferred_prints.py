"""Tickets printed later ("Impression immédiate : non"): their print jobs were written
WAITING with ``print_jobs.DEFERRED_NOTE`` in the operation's transaction; the cashier
lists them and sends them to the printer when the customer comes for them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from pos.core.models import Counter
from pos.core.models_printing import PrintJobState
from pos.core.services import print_jobs
from pos.core.services.print_jobs import DEFERRED_NOTE, POSTAL_NOTE, PrintJobView, list_jobs
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


def pending_documents(uow: UnitOfWork) -> list[tuple[PrintJobView, str]]:
    """Every document kept rather than printed, at any counter: (job, why) with why
    "post" (delivery "Envoi postal", for the post batch) or "later" ("Plus tard",
    impression immédiate : non). ``guichet documents pending`` lists them."""
    why = {POSTAL_NOTE: "post", DEFERRED_NOTE: "later"}
    counters = uow.session.scalars(select(Counter.id).order_by(Counter.id)).all()
    found = [(j, why[j.last_error]) for c in counters
             for j in list_jobs(uow, c, limit=10_000, states=[PrintJobState.WAITING])
             if j.attempts == 0 and j.last_error in why]
    return sorted(found, key=lambda pair: pair[0].id)
