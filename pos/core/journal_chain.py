"""The journal's hash chain, as plain data: how an entry is hashed, and the walk that
finds the first entry edited, deleted, inserted or reordered.

No database here: the same walk checks the live journal (``services.journal_audit``)
and an export file, offline. An entry is a mapping of the hashed fields (``FIELDS``),
plus ``id`` and ``hash``.

``hash = SHA-256(previous hash + canonical JSON of the entry)``: the canonical JSON is
RFC 8785 (JCS, the ``rfc8785`` library), so that an export can be checked by any
program that has a JCS library; the previous hash is its hex text, the first entry of a
counter follows ``GENESIS``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import rfc8785

GENESIS = "0" * 64
FIELDS = ("seq", "counter_id", "at", "action", "operator_id", "approver_id", "operation_id",
          "amount_cents", "payload")


def utc_text(at: datetime) -> str:
    """The entry's time as hashed: UTC, to the microsecond (what both databases keep)."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def payload_text(payload: Mapping[str, Any]) -> str:
    """The payload as stored (JSON text); ``default=str`` turns dates and Decimals into
    text, so that what is hashed is exactly what is read back."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)


def hashed_fields(*, seq: int, counter_id: int, at: datetime | str, action: str,
                  operator_id: int | None, approver_id: int | None, operation_id: int | None,
                  amount_cents: int | None, payload: str | Mapping[str, Any]) -> dict[str, Any]:
    return {
        "seq": seq, "counter_id": counter_id,
        "at": at if isinstance(at, str) else utc_text(at), "action": action,
        "operator_id": operator_id, "approver_id": approver_id, "operation_id": operation_id,
        "amount_cents": amount_cents,
        "payload": json.loads(payload) if isinstance(payload, str) else dict(payload),
    }


def chain_hash(previous: str, entry: Mapping[str, Any]) -> str:
    canonical = canonical_json({k: entry[k] for k in FIELDS})
    return hashlib.sha256(previous.encode("ascii") + canonical).hexdigest()


_SAFE_INT = 2**53 - 1  # JCS writes numbers as IEEE doubles: larger integers are refused


def _plain(value: Any) -> bool:
    """True when the standard library's JSON of ``value`` is already its RFC 8785 form:
    objects with ASCII keys (sorted alike by code point and by UTF-16 unit), strings
    (both escape exactly ``"``, ``\\`` and the control characters, in lower-case hex),
    integers a double holds exactly, booleans and null; no floats."""
    if value is None or isinstance(value, str | bool):
        return True
    if isinstance(value, int):
        return -_SAFE_INT <= value <= _SAFE_INT
    if isinstance(value, dict):
        return all(isinstance(k, str) and k.isascii() and _plain(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    return False


def canonical_json(value: Any) -> bytes:
    """RFC 8785 (JCS) bytes of ``value``. The journal's entries are plain (``_plain``):
    for them the C encoder of ``json`` writes the same bytes as the ``rfc8785`` library,
    seven times faster (every settlement hashes its entry); anything else goes to the
    library. tests/core/test_journal_chain.py checks the two agree on generated data."""
    if _plain(value):
        try:
            return json.dumps(value, sort_keys=True, separators=(",", ":"),
                              ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: the library says what it makes of it
            pass
    return rfc8785.dumps(value)


@dataclass(frozen=True)
class Finding:
    """The first thing wrong in a counter's chain."""

    kind: str  # edited | deleted | inserted | reordered | head
    counter_id: int
    seq: int  # the entry named (for "deleted": the first missing number)
    entry_id: int | None
    detail: str = ""


def walk(entries: Sequence[Mapping[str, Any]], *, counter_id: int, previous: str = GENESIS,
         after_seq: int = 0, head: tuple[int, str] | None = None) -> Finding | None:
    """Check one counter's entries, sorted by (seq, id), that follow entry ``after_seq``
    whose hash is ``previous``. ``head``: the counter's recorded (seq, hash) of its last
    entry, to find entries deleted at the end. Returns the first finding, or None."""
    hashes = [previous]  # hashes[k]: the hash entry k follows
    prev_seq, prev_id = after_seq, None
    for i, entry in enumerate(entries):
        seq, entry_id = entry["seq"], entry.get("id")
        if seq == prev_seq:
            return Finding("inserted", counter_id, seq, entry_id, "numéro en double")
        if seq > prev_seq + 1:
            return Finding("deleted", counter_id, prev_seq + 1, None,
                           f"n° {prev_seq + 1} à {seq - 1} manquants")
        if chain_hash(hashes[i], entry) != entry["hash"]:
            return _broken(entries, i, hashes, counter_id)
        if prev_id is not None and entry_id is not None and entry_id < prev_id:
            return Finding("reordered", counter_id, seq, entry_id,
                           f"écrite avant l'écriture n° {prev_seq}")
        hashes.append(entry["hash"])
        prev_seq, prev_id = seq, entry_id
    if head is not None:
        head_seq, head_hash = head
        if head_seq > prev_seq:
            return Finding("deleted", counter_id, prev_seq + 1, None,
                           f"n° {prev_seq + 1} à {head_seq} manquants en fin de journal")
        if head_seq < prev_seq:
            extra = next(e for e in entries if e["seq"] == head_seq + 1)
            return Finding("inserted", counter_id, head_seq + 1, extra.get("id"),
                           f"au-delà de la tête de chaîne (n° {head_seq})")
        if head_seq == prev_seq and head_hash != hashes[-1]:
            return Finding("edited", counter_id, prev_seq, prev_id,
                           "la tête de chaîne enregistrée diffère")
    return None


def _renumbered(entry: Mapping[str, Any], by: int) -> dict[str, Any]:
    return {**entry, "seq": entry["seq"] + by}


def _broken(entries: Sequence[Mapping[str, Any]], i: int, hashes: list[str],
            counter_id: int) -> Finding:
    """Entry ``i`` does not follow the chain: say why, as precisely as the hashes allow."""
    entry = entries[i]
    seq, entry_id = entry["seq"], entry.get("id")
    following = entries[i + 1] if i + 1 < len(entries) else None
    if following is not None and \
            chain_hash(hashes[i], {**following, "seq": seq}) == following["hash"] and \
            chain_hash(following["hash"], {**entry, "seq": following["seq"]}) == entry["hash"]:
        return Finding("reordered", counter_id, seq, entry_id,
                       f"échangée avec l'écriture n° {following['seq']}")
    if i >= 1 and chain_hash(hashes[i - 1], _renumbered(entry, -1)) == entry["hash"]:
        before = entries[i - 1]  # this one followed the one before the previous
        return Finding("inserted", counter_id, before["seq"], before.get("id"),
                       "glissée dans la chaîne, les suivantes renumérotées")
    if following is not None and chain_hash(hashes[i], _renumbered(following, -1)) == \
            following["hash"]:
        return Finding("inserted", counter_id, seq, entry_id,
                       "glissée dans la chaîne, les suivantes renumérotées")
    return Finding("edited", counter_id, seq, entry_id,
                   "son contenu ne correspond plus à son empreinte")
