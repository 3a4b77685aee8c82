"""Revoked barcodes for the door scanners: every refunded or replaced ticket number.

A ticket is revoked by the settlement that cancels or replaces it (its completed
operation's cancel line): the list is read from those rows, so no code path can refund
a ticket and forget to revoke it. ``export`` writes it as JSON and CSV with a
``sha256sum`` manifest (``sha256sum -c`` checks it), so that a door-scanner import can
tell a truncated or altered file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from pos.core.errors import RevocationSinceUnreadable
from pos.core.models import (
    Event,
    LineKind,
    Operation,
    OperationLine,
    OperationState,
    Performance,
    Ticket,
    TicketState,
)
from pos.core.uow import UnitOfWork
from pos.formatting import VENUE_TZ, performance_date

FIELDS = ("number", "performance_id", "performance", "time", "reason", "replaced_by")
REASONS = {TicketState.CANCELLED: "remboursé", TicketState.REPLACED: "remplacé"}


@dataclass(frozen=True)
class Revocation:
    number: str
    performance_id: int
    performance: str  # "Joyaux - 17.12.2026 20:15"
    time: str  # ISO 8601, UTC: when the settlement revoked it
    reason: str  # "remboursé" | "remplacé", and the operation's cause
    replaced_by: str  # "remplacé par": the new ticket's number, or ""


def parse_since(text: str) -> datetime:
    """``2026-11-27``, ``2026-11-27T10:00`` (venue time) or with an offset."""
    try:
        at = datetime.fromisoformat(text.strip())
    except ValueError:
        raise RevocationSinceUnreadable(text=text) from None
    return at if at.tzinfo is not None else at.replace(tzinfo=VENUE_TZ)


def revocations_since(uow: UnitOfWork, since: datetime) -> list[Revocation]:
    """The tickets revoked by settlements completed at or after ``since``, oldest
    first; a ticket revoked since and put back valid (undone) is not in it."""
    new = aliased(Ticket)
    rows = uow.session.execute(
        select(Ticket.number, Ticket.state, Ticket.performance_id, Event.name,
               Performance.starts_at, Operation.completed_at, Operation.cause,
               new.number.label("replaced_by"))
        .join(OperationLine, OperationLine.ticket_id == Ticket.id)
        .join(Operation, Operation.id == OperationLine.operation_id)
        .join(Performance, Performance.id == Ticket.performance_id)
        .join(Event, Event.id == Performance.event_id)
        .outerjoin(new, new.id == Ticket.replaced_by_id)
        .where(OperationLine.kind == LineKind.CANCEL,
               Operation.state == OperationState.COMPLETED,
               Operation.completed_at >= since,
               Ticket.state.in_(tuple(REASONS)))
        .order_by(Operation.completed_at, Ticket.number)).all()
    seen: dict[str, Revocation] = {}
    for r in rows:
        reason = REASONS[r.state] + (f" : {r.cause}" if r.cause else "")
        seen[r.number] = Revocation(
            r.number, r.performance_id, f"{r.name} - {performance_date(r.starts_at)}",
            r.completed_at.isoformat(), reason, r.replaced_by or "")
    return list(seen.values())


def _json(revocations: list[Revocation], since: datetime, now: datetime) -> bytes:
    body = {"since": since.isoformat(), "generated_at": now.isoformat(),
            "count": len(revocations), "revocations": [asdict(r) for r in revocations]}
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode()


def _csv(revocations: list[Revocation]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(asdict(r) for r in revocations)
    return out.getvalue().encode()


def paths(target: Path) -> tuple[Path, Path, Path]:
    """FILE (with or without .json/.csv) -> the JSON, the CSV and the manifest."""
    base = target.with_suffix("") if target.suffix in (".json", ".csv") else target
    return (base.with_name(base.name + ".json"), base.with_name(base.name + ".csv"),
            base.with_name(base.name + ".sha256"))


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: a temporary file renamed over the target."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def export(revocations: list[Revocation], target: Path, *, since: datetime,
           now: datetime) -> tuple[Path, Path, Path]:
    """Write the JSON, the CSV, then their manifest (last: a manifest present means the
    files it names were complete when it was written)."""
    json_path, csv_path, manifest = paths(Path(target))
    files = {json_path: _json(revocations, since, now), csv_path: _csv(revocations)}
    for path, data in files.items():
        _write(path, data)
    _write(manifest, "".join(f"{hashlib.sha256(data).hexdigest()}  {path.name}\n"
                             for path, data in files.items()).encode())
    return json_path, csv_path, manifest


def verify(manifest: Path) -> list[str]:
    """What is wrong with an export (empty: every file is whole), as an import checks."""
    problems = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        path = manifest.with_name(name)
        if not path.exists():
            problems.append(f"{name} : absent")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(f"{name} : somme de contrôle différente (fichier tronqué ?)")
    return problems
