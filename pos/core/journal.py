"""The counter's journal: entries are appended, never changed."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from pos.core.models import JournalEntry
from pos.core.uow import note_write

_APPEND = insert(JournalEntry.__table__).returning(JournalEntry.__table__.c.id)


def append(
    session: Session,
    *,
    at: datetime,
    action: str,
    counter_id: int | None,
    operator_id: int | None,
    operation_id: int | None = None,
    **payload: Any,
) -> int:
    """Append one entry in the caller's transaction; returns its id. A plain INSERT:
    an entry is never loaded back to be changed."""
    note_write(session)
    return session.connection().execute(_APPEND, {
        "at": at, "action": action, "counter_id": counter_id, "operator_id": operator_id,
        "operation_id": operation_id,
        "payload": json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str),
    }).scalar_one()
