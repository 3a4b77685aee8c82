"""Idempotent settlements: the key claimed in the write transaction, the outcome kept.

``claim`` runs in ``settlement.open_write``, right after the write transaction opened:
the key's row is inserted (``ON CONFLICT DO NOTHING``), else its first outcome is read.
On SQLite the write lock already serialises two processes with one key; on PostgreSQL
the second INSERT waits on the first's uncommitted row, then finds it committed (read
committed: the next SELECT sees it) and replays its outcome, or, if the first rolled
back, goes on and settles. ``record`` runs in ``settlement.commit``, in the same
transaction: the key exists if and only if the settlement does.

Outcomes are the services' frozen result dataclasses, kept as JSON: Decimal, Tender,
Document (``documents.to_json``) and tuples are typed, nothing is ever unpickled.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update

from pos.core.documents import Document, from_json, to_json
from pos.core.errors import SettlementKeyReused
from pos.core.models import PaymentMode
from pos.core.models_idempotency import SettlementKey
from pos.core.tenders import Tender
from pos.core.uow import UnitOfWork

_OUTCOMES: dict[str, type] = {}


def outcome_type(cls: type) -> type:
    """Class decorator: ``cls`` (a frozen dataclass) may be kept as an outcome."""
    _OUTCOMES[cls.__name__] = cls
    return cls


def claim(uow: UnitOfWork, key: str, kind: str, counter_id: int, now: datetime) -> Any:
    """Inside the write transaction: the first outcome under ``key``, or ``None`` after
    the key was taken for this settlement."""
    table = SettlementKey.__table__
    # The dialect's own INSERT ... ON CONFLICT, imported here: the PostgreSQL dialect
    # is not loaded at every start on SQLite.
    if uow.session.bind.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql as dialect
    else:
        from sqlalchemy.dialects import sqlite as dialect
    taken = uow.session.execute(
        dialect.insert(table).values(key=key, kind=kind, counter_id=counter_id, created_at=now)
        .on_conflict_do_nothing(index_elements=[table.c.key])
        .returning(table.c.key)).scalar_one_or_none()
    if taken is not None:
        return None
    found = _recorded(uow, key)  # settled before, or by another process while we waited
    if found is None:
        raise SettlementKeyReused(kind="")
    recorded_kind, outcome = found
    if recorded_kind != kind or outcome is None:
        raise SettlementKeyReused(kind=recorded_kind)
    return decode(outcome)


def _recorded(uow: UnitOfWork, key: str) -> tuple[str, str | None] | None:
    row = uow.session.execute(select(SettlementKey.kind, SettlementKey.outcome)
                              .where(SettlementKey.key == key)).one_or_none()
    return None if row is None else (row.kind, row.outcome)


def record(uow: UnitOfWork, key: str, operation_id: int | None, outcome: Any) -> None:
    uow.session.execute(update(SettlementKey).where(SettlementKey.key == key)
                        .values(operation_id=operation_id, outcome=encode(outcome)))


# --- the outcome as JSON ------------------------------------------------------------

def encode(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)


def decode(text: str) -> Any:
    return _typed(json.loads(text))


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, datetime):  # a held exchange's seats-held-until
        return {"$datetime": value.isoformat()}
    if isinstance(value, Document):
        return {"$document": to_json(value)}
    if isinstance(value, Tender):
        return {"$tender": [value.mode.value, str(value.amount), value.reference]}
    if isinstance(value, tuple | list):
        return {"$tuple": [_plain(v) for v in value]}
    if dataclasses.is_dataclass(value) and type(value).__name__ in _OUTCOMES:
        return {"$outcome": type(value).__name__,
                "fields": {f.name: _plain(getattr(value, f.name))
                           for f in dataclasses.fields(value)}}
    raise TypeError(f"not an outcome: {type(value).__name__}")


def _typed(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if "$decimal" in value:
        return Decimal(value["$decimal"])
    if "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if "$document" in value:
        return from_json(value["$document"])
    if "$tender" in value:
        mode, amount, reference = value["$tender"]
        return Tender(PaymentMode(mode), Decimal(amount), reference)
    if "$tuple" in value:
        return tuple(_typed(v) for v in value["$tuple"])
    cls = _OUTCOMES[value["$outcome"]]
    return cls(**{name: _typed(v) for name, v in value["fields"].items()})
