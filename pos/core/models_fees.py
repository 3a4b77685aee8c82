"""Cancellation and exchange fee rules, and the mark of a cancelled performance.

A rule says how much of a ticket's refund the box office keeps: a fixed amount and/or a
percentage, per ticket or once per operation, for refunds and/or exchanges, restricted
(or not) to who asked for it ("public" / "organiser"), to a tariff code, to a category,
and to a window of hours before the performance. The first matching rule by
``position`` applies (``pos.core.fees``)."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from pos.core.models import Base, UtcDateTime
from pos.core.money import Cents


class FeeRule(Base):
    __tablename__ = "fee_rules"
    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, index=True)  # first match wins
    name: Mapped[str] = mapped_column(String(80), unique=True)
    applies_to: Mapped[str] = mapped_column(String(12), default="both")  # refund|exchange|both
    requested_by: Mapped[str] = mapped_column(String(20), default="")  # "" = any
    tariff: Mapped[str] = mapped_column(String(24), default="")  # tariff code, "" = any
    category: Mapped[str] = mapped_column(String(40), default="")  # category name, "" = any
    # The window, in hours before the performance: from_hours <= h < until_hours;
    # NULL = unbounded on that side (a past performance has negative hours).
    from_hours: Mapped[int | None] = mapped_column(Integer)
    until_hours: Mapped[int | None] = mapped_column(Integer)
    percent_bp: Mapped[int] = mapped_column(Integer, default=0)  # basis points: 1000 = 10 %
    fixed: Mapped[Decimal] = mapped_column(Cents(), default=Decimal("0.00"))
    per: Mapped[str] = mapped_column(String(12), default="ticket")  # ticket|operation


class PerformanceCancellation(Base):
    """A performance the organiser cancelled: its tickets are to be refunded in bulk."""

    __tablename__ = "performance_cancellations"
    performance_id: Mapped[int] = mapped_column(ForeignKey("performances.id"), primary_key=True)
    cancelled_at: Mapped[datetime] = mapped_column(UtcDateTime())
    cancelled_by_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")
