"""Operators log in at a counter with their code and PIN.

Five wrong PINs in a row lock the account for fifteen minutes (read from the injected
clock); an administrator may unlock it sooner (``unlock_operator``). A good PIN resets
the count. The same count guards a supervisor's PIN typed into an approval
(``approvals.approve``): the approval dialog is no way round the lockout. Every log-in,
refusal, log-out and unlock is journaled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from pos.core import journal
from pos.core.clock import Clock
from pos.core.errors import AccountLocked, AdministratorRequired, DomainError, LoginRefused
from pos.core.i18n import lazy
from pos.core.models import Operator, OperatorRole
from pos.core.pins import hash_pin, needs_rehash, verify_pin
from pos.core.uow import UnitOfWork
from pos.formatting import local

MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=15)
# Verified when the code is unknown, so that a wrong code costs what a wrong PIN does.
_DUMMY_HASH = ("$argon2id$v=19$m=65536,t=3,p=4$MezsZe6iVKqdmm/D0er4lQ"
               "$ulNNpT9B7jk1ucFtQfy15IuhZyX4+3tMVkLX7IGVj1U")

_RANK = {OperatorRole.CASHIER: 0, OperatorRole.SUPERVISOR: 1, OperatorRole.ADMINISTRATOR: 2}


def at_least(role: OperatorRole, needed: OperatorRole) -> bool:
    """Roles are ordered: an administrator may do what a supervisor may, and so on."""
    return _RANK[role] >= _RANK[needed]


@dataclass(frozen=True)
class Identity:
    """Who is logged in."""

    id: int
    login: str
    name: str
    role: OperatorRole


@dataclass(frozen=True)
class Attempt:
    operator: Operator | None
    refusal: DomainError | None
    locked_now: bool = False  # this wrong PIN was the one that locked the account


def find_operator(uow: UnitOfWork, login: str, *, lock: bool = False) -> Operator | None:
    """Operator codes are compared without case (``CHEF`` is ``chef``)."""
    query = select(Operator).where(func.lower(Operator.login) == login.strip().lower())
    if lock:
        query = query.with_for_update()
    return uow.session.scalar(query.execution_options(populate_existing=True))


def attempt(uow: UnitOfWork, login: str, pin: str, now: datetime) -> Attempt:
    """Check a code and PIN inside the caller's write transaction, counting a wrong PIN
    and locking at the limit; the caller journals, commits, then raises the refusal (so
    that the count survives the refusal)."""
    operator = find_operator(uow, login, lock=True)
    if operator is None or not operator.pin_hash:
        verify_pin(pin, _DUMMY_HASH)
        return Attempt(None, LoginRefused())
    if operator.locked_until is not None and now < operator.locked_until:
        return Attempt(operator, _locked(operator))
    if not verify_pin(pin, operator.pin_hash):
        operator.failed_pins += 1
        if operator.failed_pins < MAX_FAILURES:
            return Attempt(operator, LoginRefused())
        operator.failed_pins = 0
        operator.locked_until = now + LOCK_DURATION
        return Attempt(operator, _locked(operator), locked_now=True)
    operator.failed_pins = 0
    operator.locked_until = None
    if needs_rehash(operator.pin_hash):
        operator.pin_hash = hash_pin(pin)
    return Attempt(operator, None)


def _locked(operator: Operator) -> AccountLocked:
    assert operator.locked_until is not None
    return AccountLocked(login=operator.login, failures=MAX_FAILURES,
                         until=local(operator.locked_until).strftime("%H:%M"))


def identity_of(operator: Operator) -> Identity:
    return Identity(operator.id, operator.login, operator.name, operator.role)


def identity_by_login(uow: UnitOfWork, login: str) -> Identity | None:
    """The operator of a login (compared without case), read on the table: the window
    started logged in (tests, benchmarks) asks it before its first paint, when no ORM
    query should configure the mappers yet (``station.ensure_station``)."""
    t = Operator.__table__
    row = uow.session.execute(
        select(t.c.id, t.c.login, t.c.name, t.c.role)
        .where(func.lower(t.c.login) == login.strip().lower())).first()
    return Identity(row.id, row.login, row.name, row.role) if row is not None else None


def log_in(uow: UnitOfWork, login: str, pin: str, *, counter_id: int | None,
           clock: Clock) -> Identity:
    """The operator behind a code and PIN, or a ``LoginRefused`` (``AccountLocked``)."""
    uow.begin_write()
    now = clock.now()
    tried = attempt(uow, login, pin, now)
    who = tried.operator
    journal.append(uow.session, at=now,
                   action="operator.login_refused" if tried.refusal else "operator.login",
                   counter_id=counter_id, operator_id=who.id if who else None,
                   login=login.strip()[:40], **({"locked": True} if tried.locked_now else {}))
    uow.commit()
    if tried.refusal is not None:
        raise tried.refusal
    assert who is not None
    return identity_of(who)


def log_out(uow: UnitOfWork, *, operator_id: int, counter_id: int | None,
            clock: Clock) -> None:
    uow.begin_write()
    journal.append(uow.session, at=clock.now(), action="operator.logout",
                   counter_id=counter_id, operator_id=operator_id)
    uow.commit()


def unlock_operator(uow: UnitOfWork, login: str, *, by_operator_id: int | None,
                    counter_id: int | None, clock: Clock) -> Identity:
    """An administrator lifts a lock (and the count of wrong PINs). ``by_operator_id``
    None: the command line, whose user already holds the database itself."""
    uow.begin_write()
    if by_operator_id is not None:
        role = uow.session.scalar(select(Operator.role).where(Operator.id == by_operator_id))
        if role is None or not at_least(role, OperatorRole.ADMINISTRATOR):
            raise AdministratorRequired(action=lazy("Unlocking an account"))
    operator = find_operator(uow, login, lock=True)
    if operator is None:
        raise LoginRefused()
    operator.failed_pins = 0
    operator.locked_until = None
    journal.append(uow.session, at=clock.now(), action="operator.unlocked",
                   counter_id=counter_id, operator_id=by_operator_id, login=operator.login)
    uow.commit()
    return identity_of(operator)
