"""Supervisor approval: what a cashier alone may not do (``authorization.ACTIONS``) a
supervisor may allow on the same screen, with their own code and PIN; every decision is
journaled. A wrong PIN here counts towards the supervisor's lockout, as at log-in."""

from __future__ import annotations

from pos.core import journal
from pos.core.clock import Clock
from pos.core.errors import ApprovalRefused, LoginRefused, NotASupervisor
from pos.core.models import OperatorRole
from pos.core.pins import hash_pin, verify_pin
from pos.core.services.authorization import Approval
from pos.core.services.operators import at_least, attempt
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork

__all__ = ["Approval", "approve", "hash_pin", "verify_pin"]


def approve(
    uow: UnitOfWork, *, login: str, pin: str, station: Station, clock: Clock, reason: str
) -> Approval:
    """Check a supervisor's login and PIN; journal the grant or the refusal."""
    uow.begin_write()
    now = clock.now()
    tried = attempt(uow, login, pin, now)
    supervisor = tried.operator
    refusal = tried.refusal
    if type(refusal) is LoginRefused:  # a locked account says so; a wrong PIN as before
        refusal = ApprovalRefused()
    elif refusal is None and supervisor is not None and not at_least(
            supervisor.role, OperatorRole.SUPERVISOR):
        refusal = NotASupervisor(login=supervisor.login)
    journal.append(
        uow.session,
        at=now,
        action="approval.refused" if refusal else "approval.granted",
        counter_id=station.counter_id,
        operator_id=station.operator_id or None,  # 0: nobody logged in (a command line)
        approver_id=None if refusal or supervisor is None else supervisor.id,
        supervisor=login.strip()[:40],
        supervisor_id=supervisor.id if supervisor is not None and not refusal else None,
        reason=reason,
        **({"locked": True} if tried.locked_now else {}),
    )
    uow.commit()
    if refusal:
        raise refusal
    assert supervisor is not None
    return Approval(supervisor_id=supervisor.id, supervisor_login=supervisor.login,
                    granted_at=now)
