"""The figures of the X and Z reports (a cash session) and of the refunds-and-exchanges
report (a period): plain data, read with a few aggregate queries.

A session's operations are the refunds and exchanges its counter journalled between the
entry that opened the session and the one that closed it (journal ids, not clocks: at
one counter they are written one after the other, and two events never tie)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import Select, case, distinct, func, select

from pos.core.errors import BadReportPeriod, UnknownCashSession
from pos.core.models import Counter, JournalEntry, Operation, OperationState, Operator, Payment
from pos.core.models_cash import CashMovement, CashMovementKind, CashSession, CashSessionState
from pos.core.money import ZERO
from pos.core.uow import UnitOfWork
from pos.formatting import VENUE_TZ

SETTLED = ("refund.settled", "exchange.settled")


@dataclass(frozen=True)
class ModeTotal:
    mode: str  # PaymentMode value
    taken: Decimal  # paid in (>= 0)
    given: Decimal  # given back (<= 0)

    @property
    def net(self) -> Decimal:
        return self.taken + self.given


@dataclass(frozen=True)
class KindLine:
    """Refunds or exchanges of one mode (or one cause): how many operations, how much
    (the operations' payments, signed: a refund is negative)."""

    kind: str  # OperationKind value
    key: str  # a PaymentMode value ("" for an operation that moved no money), or a cause
    operations: int
    amount: Decimal


@dataclass(frozen=True)
class Breakdown:
    by_mode: tuple[KindLine, ...]
    by_cause: tuple[KindLine, ...]


@dataclass(frozen=True)
class Movement:
    at: datetime
    kind: str
    amount: Decimal
    reason: str
    operator: str


@dataclass(frozen=True)
class SessionReport:
    closed: bool  # Z (closed) or X (still open)
    session_id: int
    counter: str
    opened_at: datetime
    opened_by: str
    made_at: datetime
    closed_at: datetime | None
    closed_by: str
    float_amount: Decimal
    cash_in: Decimal
    cash_out: Decimal  # <= 0
    expected: Decimal  # the running figure
    expected_from_rows: Decimal  # float + cash payments + movements, summed again
    counted: Decimal | None
    difference: Decimal | None
    approved_by: str
    modes: tuple[ModeTotal, ...]
    lines: Breakdown
    movements: tuple[Movement, ...]
    operations: int
    first_number: int | None
    last_number: int | None
    grand_total: Decimal
    chain_head: str

    @property
    def cash(self) -> ModeTotal:
        return next((m for m in self.modes if m.mode == "cash"), ModeTotal("cash", ZERO, ZERO))


def grand_total(uow: UnitOfWork, counter_id: int) -> Decimal:
    """The counter's perpetual grand total: every payment and refund it ever recorded,
    signed (never reset, unlike a session's totals)."""
    return uow.session.scalar(select(func.coalesce(func.sum(Payment.amount), ZERO))
                              .where(Payment.counter_id == counter_id))


def chain_head(uow: UnitOfWork, counter_id: int) -> str:
    """The counter's last journal entry: its hash when the journal has one, else its id."""
    entry = uow.session.scalars(select(JournalEntry).where(
        JournalEntry.counter_id == counter_id).order_by(JournalEntry.id.desc()).limit(1)).first()
    if entry is None:
        return ""
    return str(getattr(entry, "hash", None) or f"entrée {entry.id}")


def close_figures(uow: UnitOfWork, counter_id: int) -> tuple[Decimal, str]:
    """What a Z keeps as it was at the close: the grand total and the chain head."""
    return grand_total(uow, counter_id), chain_head(uow, counter_id)


def _operation_ids(cs: CashSession) -> Select:
    query = select(JournalEntry.operation_id).where(
        JournalEntry.counter_id == cs.counter_id, JournalEntry.action.in_(SETTLED),
        JournalEntry.operation_id.is_not(None), JournalEntry.id > (cs.open_entry_id or 0))
    if cs.close_entry_id is not None:
        query = query.where(JournalEntry.id < cs.close_entry_id)
    return query


def _login(uow: UnitOfWork, operator_id: int | None) -> str:
    if operator_id is None:
        return ""
    return uow.session.scalar(select(Operator.login).where(Operator.id == operator_id)) or ""


def _grouped(uow: UnitOfWork, operation_ids: Select, key) -> tuple[KindLine, ...]:
    rows = uow.session.execute(
        select(Operation.kind, key, func.count(distinct(Operation.id)),
               func.coalesce(func.sum(Payment.amount), ZERO))
        .outerjoin(Payment, Payment.operation_id == Operation.id)
        .where(Operation.id.in_(operation_ids))
        .group_by(Operation.kind, key).order_by(Operation.kind, key)).all()
    return tuple(KindLine(kind.value, getattr(k, "value", k) or "", count, amount)
                 for kind, k, count, amount in rows)


def breakdown(uow: UnitOfWork, operation_ids: Select) -> Breakdown:
    """Refunds and exchanges by kind and mode, and by kind and cause (an operation with
    no payment, such as an even exchange, counts under the mode "")."""
    return Breakdown(_grouped(uow, operation_ids, Payment.mode),
                     _grouped(uow, operation_ids, Operation.cause))


def _modes(uow: UnitOfWork, operation_ids: Select) -> tuple[ModeTotal, ...]:
    # The sums keep the Cents type of the column: they come back as Decimal euros.
    taken = func.sum(case((Payment.amount > ZERO, Payment.amount), else_=ZERO))
    given = func.sum(case((Payment.amount < ZERO, Payment.amount), else_=ZERO))
    rows = uow.session.execute(
        select(Payment.mode, taken, given).where(Payment.operation_id.in_(operation_ids))
        .group_by(Payment.mode).order_by(Payment.mode)).all()
    return tuple(ModeTotal(mode.value, t, g) for mode, t, g in rows)


def session_report(uow: UnitOfWork, session_id: int, *, now: datetime) -> SessionReport:
    """The figures of a session: its Z once closed (grand total and chain head as they
    were at the close), its X while it is open (as they are ``now``)."""
    s = uow.session
    cs = s.get(CashSession, session_id, populate_existing=True)
    if cs is None:
        raise UnknownCashSession(session=session_id)
    ids = _operation_ids(cs)
    first, last, count = s.execute(
        select(func.min(Operation.number), func.max(Operation.number), func.count())
        .where(Operation.id.in_(ids))).one()
    movements = tuple(Movement(m.at, m.kind.value, m.amount, m.reason, login)
                      for m, login in s.execute(
                          select(CashMovement, Operator.login)
                          .join(Operator, Operator.id == CashMovement.operator_id)
                          .where(CashMovement.session_id == cs.id).order_by(CashMovement.id)))
    cash_in = sum((m.amount for m in movements if m.kind == CashMovementKind.IN.value), ZERO)
    cash_out = sum((m.amount for m in movements if m.kind == CashMovementKind.OUT.value), ZERO)
    modes = _modes(uow, ids)
    closed = cs.state is CashSessionState.CLOSED
    if closed:
        total, head = cs.grand_total if cs.grand_total is not None else ZERO, cs.chain_head
    else:
        total, head = close_figures(uow, cs.counter_id)
    report = SessionReport(
        closed=closed, session_id=cs.id,
        counter=s.scalar(select(Counter.name).where(Counter.id == cs.counter_id)) or "",
        opened_at=cs.opened_at, opened_by=_login(uow, cs.opened_by_id), made_at=now,
        closed_at=cs.closed_at, closed_by=_login(uow, cs.closed_by_id),
        float_amount=cs.float_amount, cash_in=cash_in, cash_out=cash_out,
        expected=cs.expected, expected_from_rows=ZERO, counted=cs.counted,
        difference=cs.difference, approved_by=_login(uow, cs.approved_by_id), modes=modes,
        lines=breakdown(uow, ids), movements=movements, operations=count,
        first_number=first, last_number=last, grand_total=total, chain_head=head)
    rows = cs.float_amount + report.cash.net + cash_in + cash_out
    return replace(report, expected_from_rows=rows)


def latest_session_id(uow: UnitOfWork, counter_id: int) -> int | None:
    return uow.session.scalar(select(func.max(CashSession.id)).where(
        CashSession.counter_id == counter_id))


@dataclass(frozen=True)
class PeriodReport:
    start: datetime
    end: datetime  # exclusive
    lines: Breakdown


def refunds_report(uow: UnitOfWork, start: datetime, end: datetime,
                   counter_id: int | None = None) -> PeriodReport:
    """Refunds and exchanges completed in [start, end), by kind, mode and cause."""
    ids = select(Operation.id).where(Operation.state == OperationState.COMPLETED,
                                     Operation.completed_at >= start, Operation.completed_at < end)
    if counter_id is not None:
        ids = ids.where(Operation.counter_id == counter_id)
    return PeriodReport(start, end, breakdown(uow, ids))


def day_period(start: date, end: date) -> tuple[datetime, datetime]:
    """Whole days in the venue's time zone: [start 00:00, the day after end 00:00)."""
    if start > end:
        raise BadReportPeriod(start=start.strftime("%d.%m.%Y"), end=end.strftime("%d.%m.%Y"))
    return (datetime.combine(start, time(0), tzinfo=VENUE_TZ),
            datetime.combine(end + timedelta(days=1), time(0), tzinfo=VENUE_TZ))
