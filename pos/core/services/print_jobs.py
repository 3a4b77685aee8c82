"""Print jobs: the documents a committed operation owes the customer, kept in ``print_jobs``.

``enqueue`` is called inside the transaction of the operation that causes the job, so
a committed operation never loses its receipt and a failed one prints nothing (nor
opens the drawer). A worker then takes the jobs of its counter in order:

    QUEUED --claim--> SENDING --> DONE
                         |-----> FAILED  (link error: claimed again once due, with backoff)
                         '-----> WAITING (paper out, cover open...: waits for the cashier)
    FAILED, WAITING --cashier "Réessayer"--> QUEUED

Every change goes through ``_move``: an illegal transition raises, so a job that is
done is never sent again on its own. A reprint asked by the cashier is a NEW job whose
document says "DUPLICATA n°k", never with the drawer kick, and leaves a journal entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from pos.core import journal
from pos.core.documents import Document, Heading, Text, from_json, to_json
from pos.core.errors import DomainError, IllegalPrintJobTransition, PrintJobError, UnknownPrintJob  # noqa: F401 - their home is pos.core.errors
from pos.core.job_labels import job_label
from pos.core.models import Operation
from pos.core.models_printing import PrintJob, PrintJobState
from pos.core.prepared import PreparedWrite
from pos.core.services.authorization import Approval, require_supervisor
from pos.core.uow import UnitOfWork, driver_of, note_write

Q, S, D, F, W = (PrintJobState.QUEUED, PrintJobState.SENDING, PrintJobState.DONE,
                 PrintJobState.FAILED, PrintJobState.WAITING)

ALLOWED: dict[PrintJobState, frozenset[PrintJobState]] = {
    Q: frozenset({S}),
    S: frozenset({D, F, W}),
    F: frozenset({S, Q}),
    W: frozenset({Q}),
    D: frozenset(),
}

#: The note of a job written WAITING on purpose ("impression immédiate : non").
DEFERRED_NOTE = "À imprimer plus tard (impression immédiate : non)."
#: The note of a ticket kept for the next post batch (delivery "Envoi postal").
POSTAL_NOTE = "Envoi postal : à imprimer avec le prochain lot d'envoi."

#: First retry after a link error, doubled at each attempt up to the cap.
RETRY_BASE = timedelta(seconds=2)
RETRY_CAP = timedelta(seconds=60)


@dataclass(frozen=True)
class PrintJobView:
    """A job as the window lists it (plain data, safe across threads)."""

    id: int
    kind: str
    state: PrintJobState
    operation_number: int | None
    attempts: int
    last_error: str
    created_at: datetime
    updated_at: datetime
    copy_number: int
    reprint_of_id: int | None
    open_drawer: bool
    label: str = ""  # "Billet 01010003014 – Carmina Burana – A12" (pos.core.job_labels)


@dataclass(frozen=True)
class ClaimedJob:
    """A job handed to the worker: it is SENDING until the worker says how it went."""

    id: int
    kind: str
    documents: tuple[Document, ...]
    open_drawer: bool
    attempts: int
    operation_number: int | None
    copy_number: int


def retry_delay(attempts: int) -> timedelta:
    """How long after its last failure a job is tried again."""
    if attempts <= 0:
        return timedelta(0)
    return min(RETRY_BASE * 2 ** (attempts - 1), RETRY_CAP)


def due_at(job: PrintJob) -> datetime:
    return job.updated_at + retry_delay(job.attempts)


def _move(job: PrintJob, to: PrintJobState, now: datetime) -> None:
    if to not in ALLOWED[job.state]:
        raise IllegalPrintJobTransition(job_id=job.id, from_state=job.state.value,
                                        to_state=to.value)
    job.state = to
    job.updated_at = now


# Run on the driver's cursor of the settlement's transaction (pos.core.prepared).
_ENQUEUE = PreparedWrite(insert(PrintJob.__table__).returning(PrintJob.__table__.c.id))


def enqueue(
    session: Session,
    counter_id: int,
    operation_id: int | None,
    documents: Sequence[Document],
    open_drawer: bool,
    now: datetime,
    *,
    operator_id: int | None = None,
    waiting_note: str = "",
) -> tuple[int, ...]:
    """One QUEUED job per document, in the caller's transaction (not committed here).

    The drawer kick, when asked, rides on the first document only: one kick per
    cash movement, after that receipt is cut. ``waiting_note``: the jobs are written
    WAITING (never tried) with this note, printed when the cashier asks (``retry``).
    """
    if not documents:
        return ()
    state = W if waiting_note else Q
    # No ORM object per job: one prepared INSERT ... RETURNING each, the ids in order.
    rows = [{"counter_id": counter_id, "operation_id": operation_id,
             "kind": document.kind[:30], "document": to_json(document),
             "open_drawer": bool(open_drawer and i == 0), "state": state, "attempts": 0,
             "last_error": waiting_note, "created_at": now, "updated_at": now,
             "copy_number": 0, "reprint_of_id": None, "operator_id": operator_id}
            for i, document in enumerate(documents)]
    note_write(session)
    return tuple(_ENQUEUE.run(*driver_of(session), rows).scalars())


def _get(session: Session, job_id: int, *, lock: bool = False) -> PrintJob:
    query = select(PrintJob).where(PrintJob.id == job_id)
    if lock:
        query = query.with_for_update()
    job = session.scalar(query)
    if job is None:
        raise UnknownPrintJob(job_id=job_id)
    return job


def _operation_number(session: Session, job: PrintJob) -> int | None:
    if job.operation_id is None:
        return None
    return session.scalar(select(Operation.number).where(Operation.id == job.operation_id))


def claim_next(uow: UnitOfWork, counter_id: int, now: datetime) -> ClaimedJob | None:
    """Take the oldest pending job of the counter and mark it SENDING (committed).

    Jobs go out in order: if the oldest pending one is a FAILED job not yet due,
    nothing is claimed (the worker asks ``next_due`` when to come back). WAITING
    jobs are the cashier's: they are not claimed until "Réessayer".
    """
    s = uow.session
    pending = (select(PrintJob).where(PrintJob.counter_id == counter_id,
                                      PrintJob.state.in_([Q, F]))
               .order_by(PrintJob.id).limit(1))
    # The worker polls: an idle poll only reads, it never takes SQLite's write lock.
    if s.scalar(pending.with_only_columns(PrintJob.id)) is None:
        return None
    uow.begin_write()
    job = s.scalar(pending.with_for_update().execution_options(populate_existing=True))
    if job is None or (job.state is F and due_at(job) > now):
        return None
    _move(job, S, now)
    job.attempts += 1
    claimed = ClaimedJob(
        id=job.id, kind=job.kind, documents=(from_json(job.document),),
        open_drawer=job.open_drawer, attempts=job.attempts,
        operation_number=_operation_number(s, job), copy_number=job.copy_number)
    uow.commit()
    return claimed


def next_due(uow: UnitOfWork, counter_id: int) -> datetime | None:
    """When the oldest pending job may be claimed (None: nothing pending)."""
    job = uow.session.scalar(
        select(PrintJob)
        .where(PrintJob.counter_id == counter_id, PrintJob.state.in_([Q, F]))
        .order_by(PrintJob.id)
        .limit(1)
    )
    if job is None:
        return None
    return job.created_at if job.state is Q else due_at(job)


def _finish(uow: UnitOfWork, job_id: int, to: PrintJobState, error: str,
            now: datetime) -> None:
    uow.begin_write()
    job = _get(uow.session, job_id, lock=True)
    _move(job, to, now)
    job.last_error = error
    uow.commit()


def mark_done(uow: UnitOfWork, job_id: int, now: datetime, note: str = "") -> None:
    _finish(uow, job_id, D, note, now)


def mark_failed(uow: UnitOfWork, job_id: int, error: str, now: datetime) -> datetime:
    """A link error: the job is tried again from the returned time on."""
    _finish(uow, job_id, F, error, now)
    return now + retry_delay(_get(uow.session, job_id).attempts)


def mark_waiting(uow: UnitOfWork, job_id: int, error: str, now: datetime) -> None:
    """The printer cannot print (paper out, cover open): the cashier decides."""
    _finish(uow, job_id, W, error, now)


def recover_interrupted(uow: UnitOfWork, counter_id: int, now: datetime) -> int:
    """Jobs left SENDING by a stop in mid-job may have printed: the cashier checks."""
    uow.begin_write()
    jobs = uow.session.scalars(
        select(PrintJob).where(PrintJob.counter_id == counter_id, PrintJob.state == S)
        .with_for_update()).all()
    for job in jobs:
        _move(job, W, now)
        job.last_error = "Interrompu pendant l'envoi : vérifier le ticket, puis réessayer."
    uow.commit()
    return len(jobs)


def retry(uow: UnitOfWork, counter_id: int, now: datetime,
          job_id: int | None = None) -> int:
    """The cashier's "Réessayer": WAITING and FAILED jobs (or one of them) go back in
    the queue, due at once; all of them but the tickets kept for later (DEFERRED_NOTE),
    printed only when asked by id. Returns how many."""
    uow.begin_write()
    query = select(PrintJob).where(PrintJob.counter_id == counter_id,
                                   PrintJob.state.in_([W, F]))
    if job_id is not None:
        query = query.where(PrintJob.id == job_id)
    else:
        query = query.where(_not_deferred())
    jobs = uow.session.scalars(query.with_for_update()).all()
    for job in jobs:
        _move(job, Q, now)
    uow.commit()
    return len(jobs)


def reprint(uow: UnitOfWork, job_id: int, *, counter_id: int, operator_id: int,
            now: datetime, approval: Approval | None = None) -> int:
    """A duplicate asked by the cashier: a new job "DUPLICATA n°k", never kicking the
    drawer, and a journal entry. A supervisor allows it (``approval``, unless the
    operator is one). Returns the new job's id."""
    uow.begin_write()
    s = uow.session
    approver = require_supervisor(uow, approval, operator_id=operator_id, action="reprint",
                                  now=now)
    original = _get(s, job_id)
    if original.reprint_of_id is not None:
        original = _get(s, original.reprint_of_id)
    copies = s.scalar(select(func.count()).select_from(PrintJob)
                      .where(PrintJob.reprint_of_id == original.id)) or 0
    k = copies + 1
    document = duplicate(from_json(original.document), k)
    job = PrintJob(
        counter_id=counter_id, operation_id=original.operation_id, kind=original.kind,
        document=to_json(document), open_drawer=False, state=Q, attempts=0, last_error="",
        created_at=now, updated_at=now, copy_number=k, reprint_of_id=original.id,
        operator_id=operator_id)
    s.add(job)
    s.flush()
    journal.append(s, at=now, action="print.reprint", counter_id=counter_id,
                   operator_id=operator_id, operation_id=original.operation_id,
                   original_job=original.id, job=job.id, copy=k, kind=original.kind,
                   approved_by=approver.login, approved_by_id=approver.id)
    uow.commit()
    return job.id


def duplicate(document: Document, k: int) -> Document:
    """The document with "DUPLICATA n°k" under its heading (or on top)."""
    mark = Text(f"DUPLICATA n°{k}", bold=True, align="center")
    blocks = list(document.blocks)
    at = 1 if blocks and isinstance(blocks[0], Heading) else 0
    blocks.insert(at, mark)
    return Document(kind=document.kind, blocks=tuple(blocks), cut=document.cut)


def list_jobs(uow: UnitOfWork, counter_id: int, *, limit: int = 200,
              states: Sequence[PrintJobState] | None = None) -> list[PrintJobView]:
    """The counter's jobs, newest first (read on the tables: the window lists the
    deferred ones before its first paint, when no ORM query should configure the mappers
    yet; see ``station.ensure_station``)."""
    jobs, operations = PrintJob.__table__, Operation.__table__
    query = (select(jobs, operations.c.number.label("operation_number"))
             .outerjoin(operations, operations.c.id == jobs.c.operation_id)
             .where(jobs.c.counter_id == counter_id))
    if states:
        query = query.where(jobs.c.state.in_(list(states)))
    rows = [(j, j.operation_number) for j in uow.session.execute(
        query.order_by(jobs.c.id.desc()).limit(limit))]
    return [
        PrintJobView(
            id=j.id, kind=j.kind, state=j.state, operation_number=number,
            attempts=j.attempts, last_error=j.last_error, created_at=j.created_at,
            updated_at=j.updated_at, copy_number=j.copy_number,
            reprint_of_id=j.reprint_of_id, open_drawer=j.open_drawer,
            label=job_label(j.kind, (from_json(j.document),), number))
        for j, number in rows
    ]


def pending_attention(uow: UnitOfWork, counter_id: int) -> int:
    """How many jobs wait for the cashier or failed (the retry button shows them); the
    tickets kept for later are not a problem to retry."""
    return uow.session.scalar(
        select(func.count()).select_from(PrintJob)
        .where(PrintJob.counter_id == counter_id, PrintJob.state.in_([W, F]),
               _not_deferred())) or 0


def _not_deferred():
    return ~((PrintJob.state == W) & (PrintJob.attempts == 0)
             & PrintJob.last_error.in_([DEFERRED_NOTE, POSTAL_NOTE]))
