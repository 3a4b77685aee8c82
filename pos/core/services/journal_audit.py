"""Checking the journal: every counter's chain walked (``journal_chain.walk``), and the
money tables cross-checked against the entries that recorded them. Exporting a period
with its manifest, which the same walk checks offline (``verify_export``).

Cross-checks (the database mode):
- payments: per operation, their sum is the ``amount_cents`` of the operation's
  settlement entries; a payment outside any operation is a sale brought in with the
  order (the demo's), never money given back nor taken at a counter;
- credit-note movements: per credit note, their count and sum are those of its
  ``credit_note.issued`` / ``credit_note.spent`` entries;
- suspense-account entries: per contact, those of its ``account.*`` entries.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pos.core.journal_chain import GENESIS, Finding, hashed_fields, walk
from pos.core.models import Counter, JournalEntry, Payment
from pos.core.models_ledger import ContactAccountEntry, CreditNote, CreditNoteMovement
from pos.core.money import to_cents
from pos.core.uow import UnitOfWork
from pos.formatting import VENUE_TZ

SETTLEMENT_ACTIONS = ("refund.settled", "exchange.settled")  # record the payments
CREDIT_NOTE_ACTIONS = ("credit_note.issued", "credit_note.spent")
ACCOUNT_ACTIONS = ("account.credited", "account.debited")
EXPORT_FORMAT = "guichet-journal-export/1"


@dataclass(frozen=True)
class Mismatch:
    """Money that no entry recorded, or an entry whose money is gone."""

    table: str  # payments | credit_note_movements | contact_account_entries
    key: str  # "opération 12", "avoir 2000000000012", "contact 3"
    in_table: tuple[int, int]  # (count, cents)
    in_journal: tuple[int, int]


@dataclass
class Report:
    counters: int = 0
    entries: int = 0
    findings: list[Finding] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings and not self.mismatches


def entry_dict(row: JournalEntry) -> dict[str, Any]:
    fields = hashed_fields(seq=row.seq, counter_id=row.counter_id, at=row.at,
                           action=row.action, operator_id=row.operator_id,
                           approver_id=row.approver_id, operation_id=row.operation_id,
                           amount_cents=row.amount_cents, payload=row.payload)
    return {"id": row.id, **fields, "hash": row.hash}


def _entries(uow: UnitOfWork, *conditions: Any) -> dict[int, list[dict[str, Any]]]:
    by_counter: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows = uow.session.scalars(select(JournalEntry).where(*conditions).order_by(
        JournalEntry.counter_id, JournalEntry.seq, JournalEntry.id))
    for row in rows:
        by_counter[row.counter_id].append(entry_dict(row))
    return by_counter


def verify_database(uow: UnitOfWork) -> Report:
    """The whole journal, counter by counter, then the money tables."""
    report = Report()
    entries = _entries(uow)
    heads = {c.id: (c.journal_seq, c.journal_head) for c in uow.session.scalars(select(Counter))}
    for counter_id in sorted(set(entries) | {c for c, h in heads.items() if h[0]}):
        chain = entries.get(counter_id, [])
        report.counters += 1
        report.entries += len(chain)
        finding = walk(chain, counter_id=counter_id, head=heads.get(counter_id))
        if finding:
            report.findings.append(finding)
    all_entries = [e for chain in entries.values() for e in chain]
    report.mismatches += cross_check_payments(_payments(uow), all_entries)
    report.mismatches += _cross_check_ledgers(uow, all_entries)
    return report


def _payments(uow: UnitOfWork) -> list[dict[str, Any]]:
    return [{"id": p.id, "operation_id": p.operation_id, "counter_id": p.counter_id,
             "amount_cents": to_cents(p.amount)}
            for p in uow.session.scalars(select(Payment).order_by(Payment.id))]


def _tally(pairs: Iterable[tuple[Any, int]]) -> dict[Any, tuple[int, int]]:
    tally: dict[Any, tuple[int, int]] = {}
    for key, cents in pairs:
        count, total = tally.get(key, (0, 0))
        tally[key] = (count + 1, total + cents)
    return tally


def _compare(table: str, label: str, in_table: Mapping[Any, tuple[int, int]],
             in_journal: Mapping[Any, tuple[int, int]], *,
             counts: bool = True) -> list[Mismatch]:
    out = []
    for key in sorted(set(in_table) | set(in_journal), key=str):
        a, b = in_table.get(key, (0, 0)), in_journal.get(key, (0, 0))
        if (a if counts else a[1]) != (b if counts else b[1]):
            out.append(Mismatch(table, f"{label} {key}", a, b))
    return out


def cross_check_payments(payments: list[Mapping[str, Any]],
                         entries: list[Mapping[str, Any]]) -> list[Mismatch]:
    """Per operation, the payments' sum is what its settlement entries recorded."""
    outside = [p for p in payments if p["operation_id"] is None
               and (p["amount_cents"] < 0 or p["counter_id"] is not None)]
    mismatches = [Mismatch("payments", f"paiement {p['id']} hors opération",
                           (1, p["amount_cents"]), (0, 0)) for p in outside]
    in_table = _tally((p["operation_id"], p["amount_cents"]) for p in payments
                      if p["operation_id"] is not None)
    in_journal = _tally((e["operation_id"], e["amount_cents"] or 0) for e in entries
                        if e["action"] in SETTLEMENT_ACTIONS)
    # A settlement with no payment (an exchange at zero) is one entry and no row.
    in_journal = {k: v for k, v in in_journal.items() if k in in_table or v[1]}
    return mismatches + _compare("payments", "opération", in_table, in_journal, counts=False)


def _cross_check_ledgers(uow: UnitOfWork, entries: list[Mapping[str, Any]]) -> list[Mismatch]:
    s = uow.session
    movements = _tally((number, to_cents(amount)) for number, amount in s.execute(
        select(CreditNote.number, CreditNoteMovement.amount).join(CreditNote)))
    noted = _tally((e["payload"].get("number"), e["amount_cents"] or 0) for e in entries
                   if e["action"] in CREDIT_NOTE_ACTIONS)
    accounts = _tally((contact, to_cents(amount)) for contact, amount in s.execute(
        select(ContactAccountEntry.contact_id, ContactAccountEntry.amount)))
    kept = _tally((e["payload"].get("contact_id"), e["amount_cents"] or 0) for e in entries
                  if e["action"] in ACCOUNT_ACTIONS)
    return (_compare("credit_note_movements", "avoir", movements, noted)
            + _compare("contact_account_entries", "contact", accounts, kept))


# --- export ---------------------------------------------------------------------------


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=VENUE_TZ)


def export_period(uow: UnitOfWork, first: date, last: date, path: Path) -> dict[str, Any]:
    """The entries of the days ``first`` to ``last`` (venue time, inclusive), each
    counter's chain with the hash it follows, the period's payments, and a manifest.
    Returns the manifest."""
    start, end = _day_start(first), _day_start(last + timedelta(days=1))
    entries = _entries(uow, JournalEntry.at >= start, JournalEntry.at < end)
    chains = {}
    for counter_id, chain in sorted(entries.items()):
        before = uow.session.scalar(select(JournalEntry.hash).where(
            JournalEntry.counter_id == counter_id, JournalEntry.seq == chain[0]["seq"] - 1))
        chains[str(counter_id)] = {
            "previous_hash": before or GENESIS, "first_seq": chain[0]["seq"],
            "last_seq": chain[-1]["seq"], "head": chain[-1]["hash"], "count": len(chain)}
    flat = [e for chain in entries.values() for e in chain]
    payments = _payments_between(uow, start, end)
    manifest = {"format": EXPORT_FORMAT, "from": first.isoformat(), "to": last.isoformat(),
                "counters": chains, "entries": len(flat), "payments": len(payments),
                "totals": _totals(flat, payments)}
    document = {"manifest": manifest, "entries": flat, "payments": payments}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True),
                    encoding="utf-8")
    return manifest


def _payments_between(uow: UnitOfWork, start: datetime, end: datetime) -> list[dict]:
    rows = uow.session.scalars(select(Payment).where(
        Payment.at >= start, Payment.at < end, Payment.operation_id.is_not(None))
        .order_by(Payment.id))
    return [{"id": p.id, "operation_id": p.operation_id, "counter_id": p.counter_id,
             "mode": p.mode.value, "amount_cents": to_cents(p.amount)} for p in rows]


def _totals(entries: list[Mapping[str, Any]], payments: list[Mapping[str, Any]]) -> dict:
    by_action = _tally((e["action"], e["amount_cents"] or 0) for e in entries)
    by_mode = _tally((p["mode"], p["amount_cents"]) for p in payments)
    return {"by_action": {k: {"count": c, "cents": t} for k, (c, t) in sorted(by_action.items())},
            "payments_by_mode": {k: {"count": c, "cents": t}
                                 for k, (c, t) in sorted(by_mode.items())}}


def verify_export(path: Path) -> Report:
    """An export checked offline: each counter's chain from the hash it follows, the
    manifest's heads, counts and totals, and the payments against the settlements."""
    document = json.loads(path.read_text(encoding="utf-8"))
    manifest, entries = document["manifest"], document["entries"]
    report = Report()
    by_counter: dict[int, list[dict]] = defaultdict(list)
    for e in entries:
        by_counter[e["counter_id"]].append(e)
    declared = manifest["counters"]
    for key in sorted(set(declared) | {str(c) for c in by_counter}, key=int):
        counter_id, chain = int(key), by_counter.get(int(key), [])
        report.counters += 1
        report.entries += len(chain)
        info = declared.get(key)
        if info is None:
            report.findings.append(Finding("inserted", counter_id, chain[0]["seq"],
                                           chain[0].get("id"), "guichet absent du manifeste"))
            continue
        chain.sort(key=lambda e: (e["seq"], e.get("id") or 0))
        finding = walk(chain, counter_id=counter_id, previous=info["previous_hash"],
                       after_seq=info["first_seq"] - 1, head=(info["last_seq"], info["head"]))
        if finding is None and len(chain) != info["count"]:
            finding = Finding("deleted", counter_id, info["first_seq"], None,
                              "le nombre d'écritures diffère du manifeste")
        if finding:
            report.findings.append(finding)
    if manifest["totals"] != _totals(entries, document["payments"]) or \
            manifest["entries"] != len(entries):
        report.findings.append(Finding("edited", 0, 0, None, "totaux du manifeste"))
    report.mismatches += cross_check_payments(document["payments"], entries)
    return report


def head_of(uow: UnitOfWork, counter_id: int) -> tuple[int, str]:
    """The counter's chain head (number and hash of its last entry): the Z report's."""
    return uow.session.execute(select(Counter.journal_seq, Counter.journal_head)
                               .where(Counter.id == counter_id)).one()
