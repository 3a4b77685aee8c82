"""The mail outbox: the documents a settlement owes by e-mail, kept in ``mail_jobs``.

``enqueue`` runs inside the settlement's transaction (pipeline step 8b,
``settlement.enqueue_mail``): a committed operation always has its e-mail, sent or
not; a server that cannot be reached loses nothing. The mail worker of the window then
sends the jobs of its counter:

    QUEUED --claim--> SENDING --> SENT
                         '-----> FAILED  (not accepted: claimed again once due, with
                                          the print jobs' backoff, ``retry_delay``)
    QUEUED, FAILED --cashier "Imprimer à la place"--> PRINTED (print jobs written)
    FAILED --cashier "Réessayer"--> QUEUED

A job left SENDING by a stop in mid-send is FAILED again at start-up and retried: a
customer may get an e-mail twice, never none.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update

from pos.core import journal
from pos.core.documents import Barcode, Document, from_json, to_json
from pos.core.errors import MailJobNotPending, UnknownMailJob
from pos.core.i18n import lazy
from pos.core.models import Operation, Ticket
from pos.core.models_mail import MailJob, MailJobState
from pos.core.models_printing import PrintJob
from pos.core.services import print_jobs
from pos.core.services.print_jobs import retry_delay
from pos.core.uow import UnitOfWork, note_write

Q, S, T, F, P = (MailJobState.QUEUED, MailJobState.SENDING, MailJobState.SENT,
                 MailJobState.FAILED, MailJobState.PRINTED)

ALLOWED: dict[MailJobState, frozenset[MailJobState]] = {
    Q: frozenset({S, P}),
    S: frozenset({T, F}),
    F: frozenset({S, Q, P}),
    T: frozenset(),
    P: frozenset(),
}

STATE_WORDS = {Q: lazy("queued"), S: lazy("being sent"), T: lazy("sent"),
               F: lazy("not sent"), P: lazy("printed instead")}

#: The placeholder of the operation's number in a request's subject and body: the
#: window writes them before the settlement takes its number.
NUMBER = "%1"

INTERRUPTED = "Interrompu pendant l'envoi : renvoyé."


@dataclass(frozen=True)
class MailRequest:
    """What the cashier asked: send the documents to ``recipient`` (``%1`` in the
    subject and body stands for the operation's number)."""

    recipient: str
    subject: str
    body: str


@dataclass(frozen=True)
class ClaimedMail:
    """A job handed to the worker: SENDING until the worker says how it went."""

    id: int
    recipient: str
    subject: str
    body: str
    documents: tuple[Document, ...]
    attempts: int
    operation_number: int | None


@dataclass(frozen=True)
class MailJobView:
    """A job as the jobs window lists it (plain data, safe across threads)."""

    id: int
    recipient: str
    subject: str
    state: MailJobState
    operation_number: int | None
    attempts: int
    last_error: str
    created_at: datetime
    updated_at: datetime
    document_count: int


def documents_json(documents: Sequence[Document]) -> str:
    return json.dumps([to_json(d) for d in documents])


def documents_of(job: MailJob) -> tuple[Document, ...]:
    return tuple(from_json(text) for text in json.loads(job.documents))


def enqueue(session, counter_id: int, operation_id: int | None, operation_number: int | None,
            documents: Sequence[Document], mail: MailRequest, now: datetime, *,
            operator_id: int | None = None) -> int:
    """One QUEUED job, in the caller's transaction (not committed here)."""
    number = "" if operation_number is None else str(operation_number)
    job = MailJob(counter_id=counter_id, operation_id=operation_id,
                  recipient=mail.recipient[:254],
                  subject=mail.subject.replace(NUMBER, number),
                  body=mail.body.replace(NUMBER, number), documents=documents_json(documents),
                  state=Q, attempts=0, last_error="", created_at=now, updated_at=now,
                  operator_id=operator_id)
    note_write(session)
    session.add(job)
    session.flush()
    return job.id


def due_at(job: MailJob) -> datetime:
    return job.updated_at + retry_delay(job.attempts)


def _move(job: MailJob, to: MailJobState, now: datetime) -> None:
    if to not in ALLOWED[job.state]:
        raise MailJobNotPending(job_id=job.id, state=STATE_WORDS[job.state])
    job.state = to
    job.updated_at = now


def _get(uow: UnitOfWork, job_id: int) -> MailJob:
    job = uow.session.scalar(select(MailJob).where(MailJob.id == job_id).with_for_update()
                             .execution_options(populate_existing=True))
    if job is None:
        raise UnknownMailJob(job_id=job_id)
    return job


def _pending(counter_id: int):
    return (select(MailJob).where(MailJob.counter_id == counter_id,
                                  MailJob.state.in_([Q, F])).order_by(MailJob.id))


def _number(uow: UnitOfWork, job: MailJob) -> int | None:
    if job.operation_id is None:
        return None
    return uow.session.scalar(select(Operation.number).where(Operation.id == job.operation_id))


def claim_next(uow: UnitOfWork, counter_id: int, now: datetime) -> ClaimedMail | None:
    """The oldest due job of the counter, marked SENDING (committed). Unlike prints,
    e-mails need no order: one not yet due does not hold back the others."""
    s = uow.session
    # An idle poll only reads: it never takes SQLite's write lock.
    if s.scalar(_pending(counter_id).with_only_columns(MailJob.id).limit(1)) is None:
        return None
    uow.begin_write()
    job = next((j for j in s.scalars(_pending(counter_id).with_for_update().execution_options(
        populate_existing=True)) if j.state is Q or due_at(j) <= now), None)
    if job is None:
        uow.rollback()
        return None
    _move(job, S, now)
    job.attempts += 1
    claimed = ClaimedMail(id=job.id, recipient=job.recipient, subject=job.subject,
                          body=job.body, documents=documents_of(job), attempts=job.attempts,
                          operation_number=_number(uow, job))
    uow.commit()
    return claimed


def next_due(uow: UnitOfWork, counter_id: int) -> datetime | None:
    """When the first pending job may be claimed (None: nothing pending)."""
    jobs = uow.session.scalars(_pending(counter_id)).all()
    return min((j.created_at if j.state is Q else due_at(j) for j in jobs), default=None)


def _finish(uow: UnitOfWork, job_id: int, to: MailJobState, note: str, now: datetime) -> None:
    uow.begin_write()
    job = _get(uow, job_id)
    _move(job, to, now)
    job.last_error = note
    uow.commit()


def mark_sent(uow: UnitOfWork, job_id: int, now: datetime, note: str = "") -> None:
    _finish(uow, job_id, T, note, now)


def mark_failed(uow: UnitOfWork, job_id: int, error: str, now: datetime) -> datetime:
    """Not accepted: the job is tried again from the returned time on."""
    _finish(uow, job_id, F, error, now)
    job = uow.session.get(MailJob, job_id)
    return now + retry_delay(job.attempts)


def recover_interrupted(uow: UnitOfWork, counter_id: int, now: datetime) -> int:
    """Jobs left SENDING by a stop: FAILED, so they are sent again (twice rather than
    never). Nothing left: only a read (the window's start takes no write lock)."""
    sending = select(MailJob).where(MailJob.counter_id == counter_id, MailJob.state == S)
    if uow.session.scalar(sending.with_only_columns(MailJob.id).limit(1)) is None:
        return 0
    uow.begin_write()
    jobs = uow.session.scalars(sending.with_for_update().execution_options(
        populate_existing=True)).all()
    for job in jobs:
        _move(job, F, now)
        job.last_error = INTERRUPTED
    uow.commit()
    return len(jobs)


def retry(uow: UnitOfWork, counter_id: int, now: datetime, job_id: int | None = None) -> int:
    """The cashier's "Réessayer": failed jobs (or one) due at once. Returns how many."""
    uow.begin_write()
    query = select(MailJob).where(MailJob.counter_id == counter_id, MailJob.state == F)
    if job_id is not None:
        query = query.where(MailJob.id == job_id)
    jobs = uow.session.scalars(query.with_for_update()).all()
    for job in jobs:
        _move(job, Q, now)
        job.attempts = 0  # due now, and the backoff starts over
    uow.commit()
    return len(jobs)


def print_instead(uow: UnitOfWork, job_id: int, *, counter_id: int, operator_id: int | None,
                  now: datetime) -> tuple[int, ...]:
    """The cashier gives up the e-mail: the job is PRINTED and its documents the
    counter has not printed yet (the tickets of an exchange; a refund's receipt and
    vouchers printed already) become print jobs of this counter, in one transaction;
    those tickets are marked printed. Returns the print jobs' ids."""
    uow.begin_write()
    s = uow.session
    job = _get(uow, job_id)
    _move(job, P, now)
    documents = documents_of(job)
    printed = set(s.scalars(select(PrintJob.document).where(
        PrintJob.operation_id == job.operation_id))) if job.operation_id is not None else set()
    owed = [d for d in documents if to_json(d) not in printed]
    job.last_error = ""
    ids = print_jobs.enqueue(s, counter_id, job.operation_id, owed, False, now,
                             operator_id=operator_id)
    numbers = [b.payload for d in owed if d.kind == "ticket" for b in d.blocks
               if isinstance(b, Barcode)]
    if numbers:
        s.execute(update(Ticket).where(Ticket.number.in_(numbers)).values(printed=True))
    journal.append(s, at=now, action="mail.print_instead", counter_id=counter_id,
                   operator_id=operator_id, operation_id=job.operation_id, mail_job=job.id,
                   recipient=job.recipient, print_jobs=list(ids))
    uow.commit()
    return ids


def list_jobs(uow: UnitOfWork, counter_id: int, *, limit: int = 200) -> list[MailJobView]:
    """The counter's e-mails, newest first."""
    rows = uow.session.execute(
        select(MailJob, Operation.number)
        .outerjoin(Operation, Operation.id == MailJob.operation_id)
        .where(MailJob.counter_id == counter_id)
        .order_by(MailJob.id.desc()).limit(limit)).all()
    return [MailJobView(id=j.id, recipient=j.recipient, subject=j.subject, state=j.state,
                        operation_number=number, attempts=j.attempts,
                        last_error=j.last_error, created_at=j.created_at,
                        updated_at=j.updated_at, document_count=len(json.loads(j.documents)))
            for j, number in rows]


def unsent(uow: UnitOfWork, counter_id: int) -> int:
    """How many e-mails of the counter are not sent yet (queued or failed)."""
    return uow.session.scalar(
        select(func.count()).select_from(MailJob)
        .where(MailJob.counter_id == counter_id, MailJob.state.in_([Q, F]))) or 0
