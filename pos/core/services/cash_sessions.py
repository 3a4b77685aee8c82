"""The cash session of a counter: opened with a counted float, cash put in or taken out
with a reason, closed with a counted drawer (a supervisor approves a difference).

What the drawer should hold is a running figure on the session row (``expected``),
moved by ONE conditional UPDATE in the transaction that moves the cash
(``take_cash``: the settlement pipeline's check, called by ``payments.record_payments``):
the UPDATE is the check, so two refunds at one counter cannot both spend the same
coins, and the refund path reads no sum. A counter with no open session takes and gives
no cash (a professional counter opens its drawer first)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import IntegrityError

from pos.core import denominations, journal
from pos.core.clock import Clock
from pos.core.errors import (
    CashAmountRefused,
    CashMovementRefused,
    CashOutExceedsDrawer,
    CashRefundExceedsDrawer,
    CashSessionAlreadyOpen,
    CloseNeedsApproval,
    NoCashSession,
)
from pos.core.models import JournalEntry, Operator
from pos.core.models_cash import CashMovement, CashMovementKind, CashSession, CashSessionState
from pos.core.money import ZERO, as_text, money
from pos.core.prepared import PreparedWrite
from pos.core.services.print_jobs import enqueue
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork
from pos.formatting import money as euros

if TYPE_CHECKING:
    from pos.core.services.approvals import Approval
    from pos.core.services.cash_reports import SessionReport

# The slips and the Z report (pos.core.cash_documents, pos.core.services.cash_reports)
# are imported by the writes that print them: the window reads the open session before
# its first paint and needs neither then.

MAX_REASON = 200
_T = CashSession.__table__


@dataclass(frozen=True)
class SessionView:
    id: int
    counter_id: int
    opened_at: datetime
    opened_by: str
    float_amount: Decimal
    expected: Decimal


def current_session(uow: UnitOfWork, counter_id: int) -> SessionView | None:
    """The counter's open session, or None: one look-up on the partial unique index."""
    operators = Operator.__table__  # the table: the window asks this before its first paint
    row = uow.session.execute(
        select(_T.c.id, _T.c.opened_at, operators.c.login, _T.c.float_amount, _T.c.expected)
        .join(operators, operators.c.id == _T.c.opened_by_id)
        .where(_T.c.counter_id == counter_id, _T.c.state == CashSessionState.OPEN)).first()
    if row is None:
        return None
    return SessionView(row.id, counter_id, row.opened_at, row.login, row.float_amount,
                       row.expected)


# Every cash settlement runs it: built once, run on the driver's cursor (UnitOfWork.write).
_MOVE_EXPECTED = PreparedWrite(
    update(_T).where(_T.c.counter_id == bindparam("drawer_counter"),
                     _T.c.state == CashSessionState.OPEN,
                     _T.c.expected + bindparam("delta", type_=_T.c.expected.type) >= ZERO)
    .values(expected=_T.c.expected + bindparam("delta", type_=_T.c.expected.type))
    .returning(_T.c.id))


def _move_expected(uow: UnitOfWork, counter_id: int, delta: Decimal) -> int | None:
    """The drawer's running figure moved by ``delta`` if it stays >= 0: the session's
    id, or None (no open session, or not that much in the drawer)."""
    return uow.write(_MOVE_EXPECTED, {"drawer_counter": counter_id,
                                      "delta": delta}).scalar_one_or_none()


def take_cash(uow: UnitOfWork, station: Station, delta: Decimal) -> int:
    """The pipeline's check, inside the settlement's write transaction: the cash this
    settlement takes (``delta`` > 0) or gives back (< 0) moves the drawer's expected
    content. Refused with no open session, or when the drawer cannot give that much
    back (the refusal proposes the rest as a credit note or in another mode)."""
    session_id = _move_expected(uow, station.counter_id, delta)
    if session_id is not None:
        return session_id
    session = current_session(uow, station.counter_id)
    if session is None:
        raise NoCashSession(counter=station.counter_name)
    raise CashRefundExceedsDrawer(requested=euros(-delta), available=euros(session.expected),
                                  rest=euros(-delta - session.expected),
                                  available_amount=session.expected)


def open_session(uow: UnitOfWork, station: Station, clock: Clock,
                 count: dict[int, int]) -> SessionView:
    """Open the counter's drawer with its float, counted per denomination (the drawer
    opens: a slip is printed with the kick)."""
    uow.begin_write()
    view = start_session(uow, station, clock.now(), count)
    uow.commit()
    return view


def start_session(uow: UnitOfWork, station: Station, now: datetime, count: dict[int, int],
                  *, loaded: bool = False) -> SessionView:
    """``open_session``'s work in the caller's write transaction. ``loaded``: a session
    that comes with loaded data (the demo's), like its orders and payments: no journal
    entry and no slip; it starts after the counter's last journal entry."""
    from pos.core.cash_documents import opening_slip

    count = denominations.checked(count)
    amount = denominations.total(count)
    existing = current_session(uow, station.counter_id)
    if existing is not None:
        raise CashSessionAlreadyOpen(counter=station.counter_name, session=existing.id)
    s = uow.session
    try:
        with s.begin_nested():
            session_id = s.execute(_T.insert().values(
                counter_id=station.counter_id, state=CashSessionState.OPEN, opened_at=now,
                opened_by_id=station.operator_id, float_amount=amount,
                float_count=denominations.to_json(count), expected=amount,
                counted_count="{}", chain_head="").returning(_T.c.id)).scalar_one()
    except IntegrityError:  # another window of this counter opened it meanwhile
        raise CashSessionAlreadyOpen(counter=station.counter_name, session="?") from None
    if loaded:
        entry = s.scalar(select(func.max(JournalEntry.id)).where(
            JournalEntry.counter_id == station.counter_id))
    else:
        entry = journal.append(s, at=now, action="cash_session.opened",
                               counter_id=station.counter_id, operator_id=station.operator_id,
                               cash_session=session_id, float=as_text(amount),
                               count={str(k): v for k, v in count.items()})
        enqueue(s, station.counter_id, None,
                [opening_slip(station, session_id, amount, count, now)], True, now,
                operator_id=station.operator_id)
    s.execute(update(_T).where(_T.c.id == session_id).values(open_entry_id=entry))
    return SessionView(session_id, station.counter_id, now, station.operator_login, amount,
                       amount)


@dataclass(frozen=True)
class MovementResult:
    session_id: int
    expected: Decimal
    print_job_ids: tuple[int, ...]


def move_cash(uow: UnitOfWork, station: Station, clock: Clock, kind: CashMovementKind,
              amount: Decimal, reason: str) -> MovementResult:
    """Cash put in or taken out of the drawer, with its reason: a movement row (only
    ever inserted), a journal entry and a slip that opens the drawer."""
    from pos.core.cash_documents import movement_slip

    uow.begin_write()
    amount = money(amount)
    reason = " ".join(reason.split())
    if amount <= ZERO:
        raise CashAmountRefused()
    if not reason or len(reason) > MAX_REASON:
        raise CashMovementRefused()
    delta = amount if kind is CashMovementKind.IN else -amount
    session_id = _move_expected(uow, station.counter_id, delta)
    if session_id is None:
        session = current_session(uow, station.counter_id)
        if session is None:
            raise NoCashSession(counter=station.counter_name)
        raise CashOutExceedsDrawer(requested=euros(amount), available=euros(session.expected))
    s, now = uow.session, clock.now()
    s.execute(CashMovement.__table__.insert().values(
        session_id=session_id, kind=kind, amount=delta, reason=reason, at=now,
        operator_id=station.operator_id))
    journal.append(s, at=now, action=f"cash.{kind.value}", counter_id=station.counter_id,
                   operator_id=station.operator_id, cash_session=session_id, amount=as_text(delta),
                   reason=reason)
    expected = s.scalar(select(_T.c.expected).where(_T.c.id == session_id))
    job_ids = enqueue(s, station.counter_id, None,
                      [movement_slip(station, kind, amount, reason, expected, now)], True, now,
                      operator_id=station.operator_id)
    uow.commit()
    return MovementResult(session_id, expected, job_ids)


@dataclass(frozen=True)
class CloseResult:
    session_id: int
    expected: Decimal
    counted: Decimal
    difference: Decimal
    report: SessionReport
    print_job_ids: tuple[int, ...]


def close_session(uow: UnitOfWork, station: Station, clock: Clock, count: dict[int, int],
                  approval: Approval | None = None) -> CloseResult:
    """Close the drawer, counted per denomination against the expected amount; a
    difference is recorded, and refused unless a supervisor approved it. The Z report
    is printed (a print job of this transaction) and returned."""
    from pos.core.cash_documents import z_document
    from pos.core.services.cash_reports import close_figures, session_report

    uow.begin_write()
    count = denominations.checked(count)
    counted = denominations.total(count)
    s, now = uow.session, clock.now()
    session = s.scalar(select(CashSession).where(
        CashSession.counter_id == station.counter_id,
        CashSession.state == CashSessionState.OPEN).with_for_update())
    if session is None:
        raise NoCashSession(counter=station.counter_name)
    difference = counted - session.expected
    if difference != ZERO and approval is None:
        raise CloseNeedsApproval(difference=euros(difference), counted=euros(counted),
                                 expected=euros(session.expected))
    approved_by = approval.supervisor_id if difference != ZERO and approval else None
    entry = journal.append(
        s, at=now, action="cash_session.closed", counter_id=station.counter_id,
        operator_id=station.operator_id, cash_session=session.id,
        expected=as_text(session.expected), counted=as_text(counted),
        difference=as_text(difference), count={str(k): v for k, v in count.items()},
        supervisor=approval.supervisor_login if approved_by else None)
    grand_total, chain_head = close_figures(uow, station.counter_id)
    s.execute(update(_T).where(_T.c.id == session.id).values(
        state=CashSessionState.CLOSED, closed_at=now, closed_by_id=station.operator_id,
        counted=counted, counted_count=denominations.to_json(count), difference=difference,
        approved_by_id=approved_by, close_entry_id=entry, grand_total=grand_total,
        chain_head=chain_head))
    report = session_report(uow, session.id, now=now)
    job_ids = enqueue(s, station.counter_id, None, [z_document(report, station.venue_name)],
                      False, now, operator_id=station.operator_id)
    uow.commit()
    return CloseResult(session.id, report.expected, counted, difference, report, job_ids)
