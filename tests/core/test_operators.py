"""Operators log in with argon2id-hashed PINs; wrong PINs lock the account."""

import hashlib
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from pos.core.errors import (
    AccountLocked,
    AdministratorRequired,
    ApprovalRefused,
    LoginRefused,
)
from pos.core.models import JournalEntry, Operator, OperatorRole
from pos.core.pins import hash_pin, needs_rehash, verify_pin
from pos.core.services.approvals import approve
from pos.core.services.operators import (
    LOCK_DURATION,
    MAX_FAILURES,
    log_in,
    log_out,
    unlock_operator,
)
from tests.conftest import CHEAP, uow_of


def a_counter(db) -> int:
    """The demo's counter: every log-in is journaled in a counter's chain."""
    from pos.core.models import Counter

    with uow_of(db) as uow:
        return uow.session.scalar(select(Counter.id).order_by(Counter.id))


def login(db, clock, code, pin, counter_id=None):
    counter_id = counter_id or a_counter(db)
    with uow_of(db) as uow:
        return log_in(uow, code, pin, counter_id=counter_id, clock=clock)


def cheap_pin(db, code, pin):
    """The operator's PIN hashed cheaply, so that a test may get it wrong many times."""
    with uow_of(db) as uow:
        uow.begin_write()
        uow.session.scalar(select(Operator).where(Operator.login == code)).pin_hash = \
            hash_pin(pin, CHEAP)
        uow.commit()


def operator(db, code):
    with uow_of(db) as uow:
        return uow.session.scalar(select(Operator).where(Operator.login == code))


def journal(db):
    with uow_of(db) as uow:
        return [(j.action, j.operator_id, json.loads(j.payload)) for j in uow.session.scalars(
            select(JournalEntry).order_by(JournalEntry.id))]


def test_pins_are_argon2id_and_the_old_pbkdf2_hashes_are_upgraded():
    stored = hash_pin("4321")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$") and not needs_rehash(stored)
    assert verify_pin("4321", stored) and not verify_pin("4322", stored)
    salt = bytes(16)
    legacy = "pbkdf2_sha256$1000${}${}".format(
        salt.hex(), hashlib.pbkdf2_hmac("sha256", b"4321", salt, 1000).hex())
    assert verify_pin("4321", legacy) and not verify_pin("1234", legacy)
    assert needs_rehash(legacy) and needs_rehash(hash_pin("4321", CHEAP))


def test_the_demo_operators_log_in_with_their_roles(demo, station, clock):
    who = [login(demo, clock, code, pin, station.counter_id)
           for code, pin in (("demo", "1234"), ("chef", "9999"), ("ADMIN", "0000"))]
    assert [(w.login, w.role) for w in who] == [
        ("demo", OperatorRole.CASHIER), ("chef", OperatorRole.SUPERVISOR),
        ("admin", OperatorRole.ADMINISTRATOR)]
    with uow_of(demo) as uow:
        log_out(uow, operator_id=who[0].id, counter_id=station.counter_id, clock=clock)
    assert [(a, o, p.get("login")) for a, o, p in journal(demo)] == [
        ("operator.login", who[0].id, "demo"), ("operator.login", who[1].id, "chef"),
        ("operator.login", who[2].id, "ADMIN"), ("operator.logout", who[0].id, None)]
    with pytest.raises(LoginRefused):
        login(demo, clock, "STX_BDD", "")  # sold the demo orders; has no PIN
    with pytest.raises(LoginRefused, match="code opérateur ou PIN incorrect"):
        login(demo, clock, "nobody", "1234")


def test_wrong_pins_lock_the_account_until_the_time_has_passed(demo, clock):
    cheap_pin(demo, "demo", "1234")
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginRefused) as refused:
            login(demo, clock, "demo", "0000")
        assert not isinstance(refused.value, AccountLocked)
    assert operator(demo, "demo").failed_pins == MAX_FAILURES - 1
    with pytest.raises(AccountLocked, match="verrouillé après 5 PIN erronés, jusqu'à 10:15"):
        login(demo, clock, "demo", "0000")
    with pytest.raises(AccountLocked):  # the right PIN does not open a locked account
        login(demo, clock, "demo", "1234")
    clock.advance(LOCK_DURATION - timedelta(seconds=1))
    with pytest.raises(AccountLocked):
        login(demo, clock, "demo", "1234")
    clock.advance(timedelta(seconds=1))
    assert login(demo, clock, "demo", "1234").login == "demo"
    locked = [p for a, _o, p in journal(demo) if a == "operator.login_refused"]
    assert [p.get("locked", False) for p in locked] == [False] * 4 + [True, False, False]
    assert operator(demo, "demo").failed_pins == 0


def test_a_good_pin_resets_the_count(demo, clock):
    cheap_pin(demo, "demo", "1234")
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginRefused):
            login(demo, clock, "demo", "0000")
    login(demo, clock, "demo", "1234")
    with pytest.raises(LoginRefused) as refused:
        login(demo, clock, "demo", "0000")
    assert not isinstance(refused.value, AccountLocked)


def test_an_administrator_unlocks_an_account_a_cashier_cannot(demo, station, clock):
    cheap_pin(demo, "chef", "9999")
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginRefused):
            login(demo, clock, "chef", "1111")
    cashier, admin = operator(demo, "demo"), operator(demo, "admin")
    with pytest.raises(AdministratorRequired, match="seul un administrateur"), \
            uow_of(demo) as uow:
        unlock_operator(uow, "chef", by_operator_id=cashier.id,
                        counter_id=station.counter_id, clock=clock)
    with pytest.raises(AccountLocked):
        login(demo, clock, "chef", "9999")
    with uow_of(demo) as uow:
        unlock_operator(uow, "CHEF", by_operator_id=admin.id, counter_id=station.counter_id,
                        clock=clock)
    assert login(demo, clock, "chef", "9999").role is OperatorRole.SUPERVISOR
    assert ("operator.unlocked", admin.id, {"login": "chef"}) in journal(demo)


def test_wrong_pins_in_the_approval_dialog_lock_the_supervisor_too(demo, station, clock):
    cheap_pin(demo, "chef", "9999")
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(ApprovalRefused), uow_of(demo) as uow:
            approve(uow, login="chef", pin="0000", station=station, clock=clock, reason="x")
    with pytest.raises(AccountLocked), uow_of(demo) as uow:
        approve(uow, login="chef", pin="0000", station=station, clock=clock, reason="x")
    with pytest.raises(AccountLocked), uow_of(demo) as uow:
        approve(uow, login="chef", pin="9999", station=station, clock=clock, reason="x")
    assert [a for a, _o, _p in journal(demo)] == ["approval.refused"] * MAX_FAILURES + [
        "approval.refused"]


def test_wrong_pins_typed_at_once_at_five_counters_all_count(demo, clock):
    """Each attempt counts inside its write transaction (the operator's row locked on
    PostgreSQL, BEGIN IMMEDIATE on SQLite): five at the same instant lock the account,
    none is lost to another's update."""
    import threading

    cheap_pin(demo, "demo", "1234")
    barrier = threading.Barrier(MAX_FAILURES)
    results: list[str] = []

    def counter() -> None:
        barrier.wait()
        try:
            login(demo, clock, "demo", "0000")
        except AccountLocked:
            results.append("locked")
        except LoginRefused:
            results.append("refused")

    threads = [threading.Thread(target=counter) for _ in range(MAX_FAILURES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(results) == ["locked"] + ["refused"] * (MAX_FAILURES - 1)
    assert operator(demo, "demo").locked_until == clock.now() + LOCK_DURATION
    with pytest.raises(AccountLocked):
        login(demo, clock, "demo", "1234")
