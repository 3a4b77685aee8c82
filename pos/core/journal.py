"""The counter's journal: entries are appended, never changed."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from pos.core.models import JournalEntry


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
    return session.execute(insert(JournalEntry).values(
        at=at,
        action=action,
        counter_id=counter_id,
        operator_id=operator_id,
        operation_id=operation_id,
        payload=json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str),
    ).returning(JournalEntry.id)).scalar_one()
