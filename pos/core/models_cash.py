"""The drawer of a counter: a cash session, opened with a counted float and closed with
a counted drawer, and the cash put in or taken out during it.

One open session per counter at most (a partial unique index: two windows of one
counter cannot open two). ``expected`` is the running figure of what the drawer should
hold (float + cash taken - cash given back + in - out): it is moved by one conditional
UPDATE in the transaction of each cash payment, so the refund path reads no sum.
Cash movements are only ever inserted."""

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from pos.core.models import Base, UtcDateTime, _enum
from pos.core.money import Cents

OPEN_SQL = "state = 'open'"


class CashSessionState(enum.Enum):
    OPEN = "open"
    CLOSED = "closed"


class CashMovementKind(enum.Enum):
    IN = "in"  # cash put into the drawer (change brought from the safe...)
    OUT = "out"  # cash taken out (to the safe, an expense...)


class CashSession(Base):
    __tablename__ = "cash_sessions"
    __table_args__ = (
        Index("uq_cash_sessions_one_open", "counter_id", unique=True,
              sqlite_where=text(OPEN_SQL),
              info={"postgresql_where": OPEN_SQL}),  # see schema.postgresql_options
    )
    id: Mapped[int] = mapped_column(primary_key=True)  # the session number of reports
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"), index=True)
    state: Mapped[CashSessionState] = mapped_column(_enum(CashSessionState))
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime())
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    float_amount: Mapped[Decimal] = mapped_column(Cents())
    float_count: Mapped[str] = mapped_column(Text, default="{}")  # {cents: pieces}
    expected: Mapped[Decimal] = mapped_column(Cents())  # running figure, see above
    # The journal entries that open and close the session: what the counter journalled
    # between them is the session's (ids, not clocks: two events never tie). A session
    # loaded with the demo data starts after the counter's last entry (None: the first).
    open_entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entries.id"))
    close_entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entries.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    counted: Mapped[Decimal | None] = mapped_column(Cents())
    counted_count: Mapped[str] = mapped_column(Text, default="{}")
    difference: Mapped[Decimal | None] = mapped_column(Cents())  # counted - expected
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    grand_total: Mapped[Decimal | None] = mapped_column(Cents())  # perpetual, at close
    chain_head: Mapped[str] = mapped_column(String(100), default="")  # journal, at close


class CashMovement(Base):
    """+amount put in, -amount taken out, with the reason. Only ever inserted."""

    __tablename__ = "cash_movements"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    kind: Mapped[CashMovementKind] = mapped_column(_enum(CashMovementKind))
    amount: Mapped[Decimal] = mapped_column(Cents())
    reason: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
