"""Supervisor approval: what a cashier alone may not do (refund a ticket already checked
in at the door, or one of a performance that has started) a supervisor may allow, with
their login and PIN; every decision is journaled."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from pos.core import journal
from pos.core.clock import Clock
from pos.core.errors import ApprovalRefused, NotASupervisor
from pos.core.models import Operator, OperatorRole
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork

_ITERATIONS = 120_000  # PBKDF2-SHA256: slow enough to make a stolen table costly


@dataclass(frozen=True)
class Approval:
    supervisor_id: int
    supervisor_login: str


def hash_pin(pin: str, *, iterations: int = _ITERATIONS) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    computed = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(computed.hex(), digest)


def approve(
    uow: UnitOfWork, *, login: str, pin: str, station: Station, clock: Clock, reason: str
) -> Approval:
    """Check a supervisor's login and PIN; journal the grant or the refusal."""
    uow.begin_write()
    supervisor = uow.session.scalar(select(Operator).where(Operator.login == login.strip()))
    refusal: ApprovalRefused | None = None
    if supervisor is None or not supervisor.pin_hash or not verify_pin(pin, supervisor.pin_hash):
        refusal = ApprovalRefused()
    elif supervisor.role is not OperatorRole.SUPERVISOR:
        refusal = NotASupervisor(login=supervisor.login)
    journal.append(
        uow.session,
        at=clock.now(),
        action="approval.refused" if refusal else "approval.granted",
        counter_id=station.counter_id,
        operator_id=station.operator_id,
        approver_id=None if refusal or supervisor is None else supervisor.id,
        supervisor=login.strip()[:40],
        reason=reason,
    )
    uow.commit()
    if refusal:
        raise refusal
    assert supervisor is not None
    return Approval(supervisor_id=supervisor.id, supervisor_login=supervisor.login)
