"""Who may do what: the one check every action that needs a supervisor goes through.

A cashier may refund and exchange; a supervisor (or an administrator) must allow a
refund above ``[refunds] supervisor_above``, a refund of tickets checked in or of a
performance that has started, a reprint, a drawer opened without a sale, undoing a
cancellation and closing a cash session with a difference. When the logged-in operator
is a supervisor they allow it themselves; otherwise a supervisor types their own code
and PIN on the same screen (``approvals.approve`` gives an ``Approval``) and the action
is tried again with it. Both identities are recorded: the operator as the operation's
and the journal entry's ``operator_id``, the approver as ``approved_by_id`` /
``approved_by``.

``require_supervisor`` is called inside the action's write transaction: the roles are
read again there, so an operator demoted meanwhile allows nothing. An approval is
valid ``APPROVAL_VALIDITY`` after it was granted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from pos.core.basket import CancellationBasket
from pos.core.errors import ApprovalExpired, ApproverNotSupervisor, SupervisorRequired
from pos.core.i18n import Lazy, lazy
from pos.core.models import Operator, OperatorRole, TicketState
from pos.core.services.operators import at_least
from pos.core.uow import UnitOfWork

APPROVAL_VALIDITY = timedelta(minutes=10)

#: What needs a supervisor, as the refusal names it. Another action adds its key here.
ACTIONS: dict[str, Lazy] = {
    "refund_above": lazy("Refund above the supervisor threshold"),
    "refund_checked_in": lazy("Refund of a ticket checked in or of a past performance"),
    "reprint": lazy("Reprint"),
    "no_sale": lazy("Opening the drawer without a sale"),
    "undo_cancellation": lazy("Undoing a cancellation"),
    "close_with_difference": lazy("Closing a cash session with a difference"),
}


@dataclass(frozen=True)
class Approval:
    """A supervisor's code and PIN checked (``approvals.approve``), not yet used."""

    supervisor_id: int
    supervisor_login: str
    granted_at: datetime | None = None


@dataclass(frozen=True)
class Approver:
    """Who allowed the action, as it is recorded."""

    id: int
    login: str


def _operator(uow: UnitOfWork, operator_id: int):
    return uow.session.execute(
        select(Operator.id, Operator.login, Operator.role).where(Operator.id == operator_id)
    ).one_or_none()


def require_supervisor(uow: UnitOfWork, approval: Approval | None, *, operator_id: int,
                       action: str, now: datetime) -> Approver:
    """The approver of ``action`` (a key of ``ACTIONS``): the operator when they are a
    supervisor, else the approval's supervisor; raises ``SupervisorRequired`` (or its
    leaves ``ApprovalExpired``, ``ApproverNotSupervisor``) when there is none. Call it
    inside the action's write transaction, and record the ``Approver``."""
    what = ACTIONS.get(action, action)
    operator = _operator(uow, operator_id)
    if operator is not None and at_least(operator.role, OperatorRole.SUPERVISOR):
        return Approver(operator.id, operator.login)
    if approval is None:
        raise SupervisorRequired(action=what, action_key=action)
    if approval.granted_at is not None and now - approval.granted_at > APPROVAL_VALIDITY:
        raise ApprovalExpired(action=what, action_key=action)
    supervisor = _operator(uow, approval.supervisor_id)
    if supervisor is None or not at_least(supervisor.role, OperatorRole.SUPERVISOR):
        raise ApproverNotSupervisor(action=what, action_key=action,
                                    login=approval.supervisor_login)
    return Approver(supervisor.id, supervisor.login)


def settlement_approver(uow: UnitOfWork, basket: CancellationBasket,
                        states: Mapping[int, TicketState], *, refunded: Decimal,
                        threshold: Decimal | None, approval: Approval | None,
                        operator_id: int, now: datetime) -> Approver | None:
    """What a settlement needs allowed, and by whom: the money given back above the
    threshold, and each ticket refunded checked in or after its performance started
    (``states``: the tickets' locked states). Each such ticket was allowed at its scan
    (``BasketTicket.approved_by``, a supervisor's login); that supervisor must still be
    one. None: nothing needed a supervisor."""
    approver = None
    if threshold is not None and refunded > threshold:
        approver = require_supervisor(uow, approval, operator_id=operator_id,
                                      action="refund_above", now=now)
    lifted = {t.approved_by for t in basket.tickets
              if states.get(t.ticket_id) is TicketState.CHECKED_IN or t.starts_at <= now}
    for login in sorted(lifted):
        given = approval or _scan_approval(uow, login)
        approver = approver or require_supervisor(
            uow, given, operator_id=operator_id, action="refund_checked_in", now=now)
    return approver


def _scan_approval(uow: UnitOfWork, login: str) -> Approval | None:
    """The approval a ticket got at its scan: its supervisor's login."""
    if not login:
        return None
    found = uow.session.execute(select(Operator.id).where(Operator.login == login)).scalar()
    return Approval(found, login) if found is not None else Approval(0, login)
