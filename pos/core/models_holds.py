"""What a held exchange keeps beyond its cancel lines, and the undoing of operations.

``held_sales``: the sale side of an operation on hold (the ÉCHANGÉ basket, as JSON, so
that resuming brings it back as it was). ``seat_holds``: the seats it holds until
``until``; another sale is refused them while the operation is on hold and the time has
not run out (``services.seat_holds``). ``operation_undos``: an operation undone
("annuler l'annulation") by another; the unique key undoes it once, even from two
counters at the same instant.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.core.models import Base, UtcDateTime


class HeldSale(Base):
    __tablename__ = "held_sales"
    operation_id: Mapped[int] = mapped_column(ForeignKey("operations.id"), primary_key=True)
    basket: Mapped[str] = mapped_column(Text)  # pos.core.held_sale_codec JSON
    seats_until: Mapped[datetime] = mapped_column(UtcDateTime())


class SeatHold(Base):
    __tablename__ = "seat_holds"
    __table_args__ = (Index("ix_seat_holds_performance_seat", "performance_id", "seat_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("operations.id"), index=True)
    performance_id: Mapped[int] = mapped_column(ForeignKey("performances.id"))
    seat_id: Mapped[int] = mapped_column(ForeignKey("seats.id"))
    until: Mapped[datetime] = mapped_column(UtcDateTime())


class OperationUndo(Base):
    __tablename__ = "operation_undos"
    undone_operation_id: Mapped[int] = mapped_column(ForeignKey("operations.id"),
                                                     primary_key=True)
    undo_operation_id: Mapped[int] = mapped_column(ForeignKey("operations.id"), index=True)
    approved_by_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    tickets: Mapped[int] = mapped_column(Integer)
