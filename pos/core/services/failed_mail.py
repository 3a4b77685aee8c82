"""E-mails the server did not take, at every counter: what ``guichet documents pending``
lists next to the post and "plus tard" documents, so that nothing owed to a customer is
out of sight while the mail server is down (or a counter that would retry is off).

A FAILED job waits for its next try (the print jobs' backoff, ``mail_jobs.due_at``);
a job the cashier sent again (``mail_jobs.retry``) is QUEUED with its last error kept
and is due at once. The outbox never gives a job up on its own: only "Imprimer à la
place" (PRINTED) ends it without sending.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select

from pos.core.job_labels import job_label
from pos.core.models import Counter, Operation
from pos.core.models_mail import MailJob, MailJobState
from pos.core.services.mail_jobs import documents_of, due_at
from pos.core.uow import UnitOfWork


@dataclass(frozen=True)
class FailedMail:
    """One e-mail not sent, as the command lists it (plain data)."""

    id: int
    counter: str
    operation_number: int | None
    recipient: str
    documents: tuple[str, ...]  # each document's name, as the jobs window names it
    attempts: int
    last_error: str
    next_try: datetime  # when the worker of its counter sends it again


def failed_mails(uow: UnitOfWork) -> list[FailedMail]:
    """Every e-mail that failed and is not sent yet, oldest first."""
    rows = uow.session.execute(
        select(MailJob, Operation.number, Counter.name)
        .join(Counter, Counter.id == MailJob.counter_id)
        .outerjoin(Operation, Operation.id == MailJob.operation_id)
        .where(or_(MailJob.state == MailJobState.FAILED,
                   (MailJob.state == MailJobState.QUEUED) & (MailJob.last_error != "")))
        .order_by(MailJob.id)).all()
    return [FailedMail(id=job.id, counter=counter, operation_number=number,
                       recipient=job.recipient, documents=_names(job, number),
                       attempts=job.attempts, last_error=job.last_error,
                       next_try=due_at(job) if job.state is MailJobState.FAILED
                       else job.updated_at)
            for job, number, counter in rows]


def _names(job: MailJob, operation_number: int | None) -> tuple[str, ...]:
    return tuple(job_label(d.kind, (d,), operation_number) or d.kind
                 for d in documents_of(job))


def failed_count(uow: UnitOfWork, counter_id: int) -> int:
    """How many e-mails of the counter failed and wait for their next try (the status
    bar's retry button counts them with the print jobs)."""
    return uow.session.scalar(
        select(func.count()).select_from(MailJob)
        .where(MailJob.counter_id == counter_id, MailJob.state == MailJobState.FAILED)) or 0
