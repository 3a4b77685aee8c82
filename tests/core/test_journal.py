"""The journal: numbered per counter without gaps, chained by SHA-256, refused any
UPDATE or DELETE by the database, and checked by ``journal_audit`` (which names the
first entry edited, deleted, inserted or reordered, and the money no entry recorded)."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError

from pos.core import journal
from pos.core.journal_chain import GENESIS, chain_hash, hashed_fields
from pos.core.models import Counter, JournalEntry, Payment, PaymentMode
from pos.core.models_ledger import CreditNoteMovement
from pos.core.services.credit_notes import credit_note_balance
from pos.core.services.journal_audit import entry_dict, verify_database
from tests.conftest import uow_of
from tests.core.journal_support import D, as_attacker, busy_day


@pytest.fixture
def busy(demo, station, clock):
    voucher = busy_day(demo, station, clock)
    return demo, station, voucher


def _chain(db, counter_id):
    with uow_of(db) as uow:
        return [entry_dict(e) for e in uow.session.scalars(
            select(JournalEntry).where(JournalEntry.counter_id == counter_id)
            .order_by(JournalEntry.seq))]


def _report(db):
    with uow_of(db) as uow:
        return verify_database(uow)


def test_every_entry_is_numbered_and_chained_to_the_one_before(busy):
    db, station, _ = busy
    chain = _chain(db, station.counter_id)
    actions = [e["action"] for e in chain]
    assert "refund.settled" in actions and "exchange.settled" in actions
    assert "credit_note.spent" in actions and "drawer.no_sale" in actions
    assert [e["seq"] for e in chain] == list(range(1, len(chain) + 1))
    previous = GENESIS
    for entry in chain:
        assert entry["hash"] == chain_hash(previous, entry)
        previous = entry["hash"]
    with uow_of(db) as uow:
        counter = uow.session.get(Counter, station.counter_id)
        assert (counter.journal_seq, counter.journal_head) == (len(chain), previous)
    settled = [e for e in chain if e["action"] == "refund.settled"]
    assert [e["amount_cents"] for e in settled] == [-11000] * 3  # the money, in cents
    report = _report(db)
    assert report.ok, (report.findings, report.mismatches)
    assert report.entries == len(chain)


def test_each_counter_has_its_own_sequence(busy):
    db, station, _ = busy
    from pos.core.services.station import ensure_station

    with uow_of(db) as uow:
        other = ensure_station(uow, counter="Guichet 2", sales_point="Guichet",
                               operator="STX_BDD")
    with uow_of(db) as uow:
        uow.begin_write()
        journal.append(uow.session, at=station_now(db), action="test.entry",
                       counter_id=other.counter_id, operator_id=other.operator_id)
        uow.commit()
    assert [e["seq"] for e in _chain(db, other.counter_id)] == [1]
    assert _report(db).ok


def station_now(db):
    from tests.conftest import NOW

    return NOW


def test_the_database_refuses_an_entry_out_of_sequence(busy):
    db, station, _ = busy
    last = _chain(db, station.counter_id)[-1]
    for seq in (last["seq"], last["seq"] + 2):  # a duplicate, a gap
        with pytest.raises(DBAPIError), db.engine.begin() as conn:
            conn.execute(insert(JournalEntry).values(
                seq=seq, hash="f" * 64, at=station_now(db), action="forged",
                counter_id=station.counter_id, operator_id=station.operator_id, payload="{}"))
    assert _chain(db, station.counter_id)[-1] == last


# Each of these was accepted on both databases before (issue 8). Now the database
# refuses every one, whatever the connection: the triggers act below the application.
TAMPERINGS = {
    "re-dated entry": "UPDATE journal_entries SET at = '2026-01-01 00:00:00' WHERE seq = 2",
    "deleted entry": "DELETE FROM journal_entries WHERE seq = 3",
    "whole journal deleted": "DELETE FROM journal_entries",
    "refund entry lowered": "UPDATE journal_entries SET amount_cents = -100 "
                            "WHERE action = 'refund.settled'",
    "entries renumbered": "UPDATE journal_entries SET seq = seq + 1000",
    "lowered payment": "UPDATE payments SET amount = amount - 1000 WHERE mode = 'card'",
    "forged refund": "UPDATE payments SET amount = -amount, mode = 'cash' "
                     "WHERE operation_id IS NULL",
    "deleted payment": "DELETE FROM payments WHERE mode = 'cash'",
    "deleted credit-note spend": "DELETE FROM credit_note_movements WHERE amount < 0",
    "credit note raised": "UPDATE credit_note_movements SET amount = amount + 100000",
    "suspense account emptied": "DELETE FROM contact_account_entries",
}


def _money_state(db):
    with db.engine.connect() as conn:
        return [conn.execute(text(f"SELECT * FROM {t} ORDER BY id")).all() for t in (
            "journal_entries", "payments", "credit_note_movements", "contact_account_entries")]


@pytest.mark.parametrize("sql", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_the_database_refuses_the_tampering(busy, sql, clock):
    db, _, voucher = busy
    before = _money_state(db)
    with pytest.raises(DBAPIError, match="append-only"):
        as_attacker(db, sql, drop_triggers=False)
    assert _money_state(db) == before
    with uow_of(db) as uow:  # the credit note cannot be spent twice
        assert credit_note_balance(uow, voucher, clock).balance == D("80.00")
    assert _report(db).ok


# With the triggers dropped (an attacker with DDL rights), the verifier names the first
# entry that was changed. ``{n}``: the last entry's number.
def _utc(db, stamp: str) -> str:
    """A UTC time as each database's literal (PostgreSQL would read it in its zone)."""
    return f"'{stamp}+00'" if db.dialect == "postgresql" else f"'{stamp}'"


def _forge_inserted(db, station):
    """An entry slipped in after n° 2, its hash computed as the application would, the
    later ones renumbered: only the chain of the later hashes tells."""
    chain = _chain(db, station.counter_id)
    fields = hashed_fields(seq=3, counter_id=station.counter_id, at=station_now(db),
                           action="refund.settled", operator_id=station.operator_id,
                           approver_id=None, operation_id=None, amount_cents=-50000,
                           payload={"forged": True})
    digest = chain_hash(chain[1]["hash"], fields)
    return (f"UPDATE journal_entries SET seq = -seq - 1 WHERE seq >= 3 AND counter_id = "
            f"{station.counter_id}",
            "UPDATE journal_entries SET seq = -seq WHERE seq < 0",
            "INSERT INTO journal_entries (seq, hash, at, action, counter_id, operator_id, "
            f"payload, amount_cents) VALUES (3, '{digest}', {_utc(db, '2026-11-27 09:00:00')}, "
            f"'refund.settled', {station.counter_id}, {station.operator_id}, "
            f"'{{\"forged\": true}}', -50000)")


ATTACKS = {
    "payload edited": (lambda db, st: (
        "UPDATE journal_entries SET payload = replace(payload, '110.00', '11.00') "
        "WHERE seq = 5",), ("edited", 5)),
    "re-dated": (lambda db, st: (
        f"UPDATE journal_entries SET at = {_utc(db, '2026-11-20 09:00:00')} WHERE seq = 2",),
        ("edited", 2)),
    "operator changed": (lambda db, st: (
        "UPDATE journal_entries SET approver_id = operator_id WHERE seq = 4",), ("edited", 4)),
    "deleted in the middle": (lambda db, st: (
        "DELETE FROM journal_entries WHERE seq = 4",), ("deleted", 4)),
    "deleted at the end": (lambda db, st: (
        "DELETE FROM journal_entries WHERE seq = (SELECT max(seq) FROM journal_entries)",),
        ("deleted", None)),
    "inserted": (_forge_inserted, ("inserted", 3)),
    "reordered": (lambda db, st: (
        "UPDATE journal_entries SET seq = -1 WHERE seq = 3",
        "UPDATE journal_entries SET seq = 3 WHERE seq = 4",
        "UPDATE journal_entries SET seq = 4 WHERE seq = -1"), ("reordered", 3)),
}


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_verify_names_the_first_entry_changed(busy, attack):
    db, station, _ = busy
    statements, (kind, seq) = attack
    last = _chain(db, station.counter_id)[-1]["seq"]
    as_attacker(db, *statements(db, station))
    report = _report(db)
    assert not report.ok
    finding = report.findings[0]
    assert (finding.kind, finding.seq) == (kind, last if seq is None else seq)
    assert finding.counter_id == station.counter_id


MONEY_ATTACKS = {
    "lowered payment": ("UPDATE payments SET amount = amount - 1000 WHERE mode = 'card'",
                        "payments", "opération"),
    "forged refund": ("INSERT INTO payments (order_id, mode, amount, at, operator_id, "
                      "counter_id, reference) SELECT order_id, 'cash', -5000, at, operator_id, "
                      "counter_id, '' FROM payments WHERE mode = 'card' "
                      "AND operation_id IS NOT NULL",
                      "payments", "paiement"),
    "refund added to an operation": (
        "INSERT INTO payments (order_id, operation_id, mode, amount, at, operator_id, "
        "counter_id, reference) SELECT order_id, operation_id, 'cash', -5000, at, "
        "operator_id, counter_id, '' FROM payments WHERE mode = 'card' "
        "AND operation_id IS NOT NULL",
        "payments", "opération"),
    "deleted credit-note spend": ("DELETE FROM credit_note_movements WHERE amount < 0",
                                  "credit_note_movements", "avoir"),
    "deleted suspense-account use": ("DELETE FROM contact_account_entries WHERE amount < 0",
                                     "contact_account_entries", "contact"),
}


@pytest.mark.parametrize("attack", MONEY_ATTACKS.values(), ids=MONEY_ATTACKS.keys())
def test_verify_finds_money_that_no_entry_recorded(busy, attack):
    db, _, _ = busy
    sql, table, key = attack
    as_attacker(db, sql)
    report = _report(db)
    assert not report.findings  # the chain itself is intact...
    assert [m.table for m in report.mismatches] == [table]  # ...the money is not
    assert report.mismatches[0].key.startswith(key)


def test_a_payment_lowered_is_named_with_its_operation(busy):
    db, _, _ = busy
    with uow_of(db) as uow:
        card = uow.session.scalar(select(Payment).where(Payment.mode == PaymentMode.CARD,
                                                        Payment.operation_id.is_not(None)))
        operation = card.operation
    as_attacker(db, f"UPDATE payments SET amount = amount - 1000 WHERE id = {card.id}")
    mismatch = _report(db).mismatches[0]
    assert mismatch.key == f"opération {operation.id}"
    assert mismatch.in_table[1] == mismatch.in_journal[1] - 1000


def test_the_spend_deleted_would_let_the_credit_note_be_spent_twice(busy, clock):
    db, _, voucher = busy
    as_attacker(db, "DELETE FROM credit_note_movements WHERE amount < 0")
    with uow_of(db) as uow:
        assert credit_note_balance(uow, voucher, clock).balance == D("110.00")
        spent = uow.session.scalars(select(CreditNoteMovement)).all()
    assert all(m.amount > 0 for m in spent)
    assert any(m.key == f"avoir {voucher}" for m in _report(db).mismatches)


def test_entries_written_before_the_chain_are_chained_by_the_migration(database):
    """An existing database upgraded: its entries get their numbers and hashes, in the
    order they were written, per counter, and the result verifies."""
    from alembic import command

    from pos.core.db import alembic_config, upgrade

    command.downgrade(alembic_config(database.engine), "0004")  # before the chain
    with database.engine.begin() as conn:
        conn.execute(text("INSERT INTO sales_points (name) VALUES ('G')"))
        for name in ("A", "B"):
            conn.execute(text("INSERT INTO counters (name, sales_point_id, "
                              "last_operation_number) VALUES (:n, 1, 0)"), {"n": name})
        conn.execute(text("INSERT INTO operators (login, name) VALUES ('op', 'op')"))
        for k, counter in enumerate((1, 2, 1, 1, 2)):
            conn.execute(text(
                "INSERT INTO journal_entries (at, counter_id, operator_id, action, payload) "
                "VALUES (:at, :c, 1, 'legacy', :p)"),
                {"at": station_now(database), "c": counter, "p": f'{{"k": {k}}}'})
    upgrade(database.engine)
    with uow_of(database) as uow:
        report = verify_database(uow)
        rows = uow.session.execute(select(JournalEntry.counter_id, JournalEntry.seq)
                                   .order_by(JournalEntry.id)).all()
    assert [tuple(r) for r in rows] == [(1, 1), (2, 1), (1, 2), (1, 3), (2, 2)]
    assert report.ok and report.entries == 5


def test_an_approval_records_both_operators(demo, station, clock):
    from pos.core.models import Operator
    from pos.core.services.approvals import approve

    with uow_of(demo) as uow:
        approve(uow, login="chef", pin="9999", station=station, clock=clock,
                reason="billet contrôlé")
    with uow_of(demo) as uow:
        entry = uow.session.scalar(select(JournalEntry).where(
            JournalEntry.action == "approval.granted"))
        chef = uow.session.scalar(select(Operator).where(Operator.login == "chef"))
        assert (entry.operator_id, entry.approver_id) == (station.operator_id, chef.id)
        assert verify_database(uow).ok
