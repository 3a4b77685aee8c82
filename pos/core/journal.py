"""The counter's journal: entries are appended, never changed, each chained to the one
before by its hash (``pos.core.journal_chain``)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from pos.core.journal_chain import chain_hash, hashed_fields, payload_text
from pos.core.models import Counter, JournalEntry
from pos.core.money import to_cents
from pos.core.prepared import PreparedQuery, PreparedWrite
from pos.core.uow import driver_of, note_write

# Built once, on the Core tables, and run on the driver's cursor of the caller's write
# transaction (pos.core.prepared): no ORM machinery, no statement built per entry (an
# entry is never loaded back as an object anyway).
_COUNTERS = Counter.__table__
_ENTRIES = JournalEntry.__table__
_HEAD = PreparedQuery(select(_COUNTERS.c.journal_seq, _COUNTERS.c.journal_head)
                      .where(_COUNTERS.c.id == bindparam("counter")).with_for_update())
_APPEND = PreparedWrite(insert(_ENTRIES).returning(_ENTRIES.c.id))


def append(
    session: Session,
    *,
    at: datetime,
    action: str,
    counter_id: int | None,
    operator_id: int | None,
    operation_id: int | None = None,
    approver_id: int | None = None,
    net: Decimal | None = None,
    **payload: Any,
) -> int:
    """Append one entry in the caller's write transaction; returns its id.

    ``approver_id``: the supervisor who approved it (the second operator); ``net``: the
    money it moved (+ in, - out), kept in cents. The chain head is the counter's row,
    read locked (PostgreSQL: ``FOR UPDATE``; SQLite: the caller's ``BEGIN IMMEDIATE``),
    so two processes at one counter never take the same number; the insert's trigger
    advances the head. One indexed read, one insert."""
    if counter_id is None:
        raise ValueError("a journal entry belongs to a counter (its chain)")
    note_write(session)
    driver = driver_of(session)
    (seq, head), = _HEAD.run(*driver, {"counter": counter_id})
    text = payload_text(payload)
    fields = hashed_fields(seq=seq + 1, counter_id=counter_id, at=at, action=action,
                           operator_id=operator_id, approver_id=approver_id,
                           operation_id=operation_id,
                           amount_cents=None if net is None else to_cents(net), payload=text)
    return _APPEND.run(*driver, {
        "seq": fields["seq"], "hash": chain_hash(head, fields), "at": at, "action": action,
        "counter_id": counter_id, "operator_id": operator_id, "approver_id": approver_id,
        "operation_id": operation_id, "amount_cents": fields["amount_cents"],
        "payload": text}).scalar_one()
