"""The persistent model (SQLAlchemy 2 typed mappings).

Rules the schema itself enforces, so that no code path can forget them:
- money is integer cents (``Cents``);
- a ticket number is unique and indexed (a scan is one index look-up);
- a seat holds at most one live ticket per performance (partial unique index);
- operation numbers are unique per counter;
- payments and journal entries are only ever inserted (see ``pos.core.journal``).

The table modules do not use ``from __future__ import annotations``: Python evaluates a
column's ``Mapped[...]`` when the class is made, where SQLAlchemy would otherwise evaluate
each string again (~60 million instructions, about 10 ms of every start on this
machine). A relationship to a class defined later names it in quotes.
"""

import enum
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import TextClause
from sqlalchemy.types import TypeDecorator

from pos.core.journal_chain import GENESIS
from pos.core.money import Cents

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as UTC; SQLite would otherwise drop the offset silently."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are refused: inject a clock")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(
        cls,
        native_enum=False,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class TicketState(enum.Enum):
    RESERVED = "reserved"  # booked, not paid: cancelled in the sale basket, not here
    VALID = "valid"  # paid
    CHECKED_IN = "checked_in"  # scanned at the door
    CANCELLED = "cancelled"  # refunded
    REPLACED = "replaced"  # refunded in an exchange, see replaced_by


LIVE_TICKET_STATES = (TicketState.RESERVED, TicketState.VALID, TicketState.CHECKED_IN)
# The condition of the partial unique index on live seats, as literal SQL: with the
# states as bound parameters SQLite cannot prove a query matches the index's WHERE and
# scans the whole performance instead (50,000 rows in a stadium).
LIVE_TICKET_SQL = "state IN ('reserved', 'valid', 'checked_in')"
assert {s.value for s in LIVE_TICKET_STATES} == {"reserved", "valid", "checked_in"}


def live_ticket() -> TextClause:
    """``tickets.state`` is live, in the words of the partial index (it can use it)."""
    return text("tickets." + LIVE_TICKET_SQL)


class PaymentMode(enum.Enum):
    CASH = "cash"
    CREDIT_NOTE = "credit_note"
    SUSPENSE_ACCOUNT = "suspense_account"
    CARD = "card"
    CHEQUE = "cheque"
    TRANSFER = "transfer"
    OTHER = "other"


class OperationState(enum.Enum):
    OPEN = "open"
    ON_HOLD = "on_hold"
    COMPLETED = "completed"
    ABANDONED = "abandoned"


class OperationKind(enum.Enum):
    REFUND = "refund"
    EXCHANGE = "exchange"
    UNDO = "undo"  # "annuler l'annulation": a refund or exchange of the day undone


class LineKind(enum.Enum):
    CANCEL = "cancel"
    SALE = "sale"


# --- Places and catalogue -------------------------------------------------------------


class Venue(Base):
    __tablename__ = "venues"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    address: Mapped[str] = mapped_column(String(255), default="")
    areas: Mapped[list["Area"]] = relationship(back_populates="venue")


class Area(Base):
    __tablename__ = "areas"
    __table_args__ = (UniqueConstraint("venue_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    name: Mapped[str] = mapped_column(String(80))
    venue: Mapped["Venue"] = relationship(back_populates="areas")


class Seat(Base):
    __tablename__ = "seats"
    __table_args__ = (UniqueConstraint("area_id", "row", "label"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"), index=True)
    row: Mapped[str] = mapped_column(String(8), default="")
    label: Mapped[str] = mapped_column(String(16))  # as printed: "51S"
    position: Mapped[int] = mapped_column(Integer)  # order in the row, for adjacency
    area: Mapped["Area"] = relationship()


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), index=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    venue: Mapped["Venue"] = relationship()
    performances: Mapped[list["Performance"]] = relationship(back_populates="event")


class Performance(Base):
    __tablename__ = "performances"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime())
    event: Mapped["Event"] = relationship(back_populates="performances")


class PriceCategoryArea(Base):
    __tablename__ = "price_category_areas"
    category_id: Mapped[int] = mapped_column(ForeignKey("price_categories.id"), primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"), primary_key=True)


class PriceCategory(Base):
    """A seat zone of an event (Cat 1, Cat 2...), made of areas of the venue."""

    __tablename__ = "price_categories"
    __table_args__ = (UniqueConstraint("event_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))
    name: Mapped[str] = mapped_column(String(40))
    rank: Mapped[int] = mapped_column(Integer, default=1)
    areas: Mapped[list["Area"]] = relationship(secondary="price_category_areas")


class Tariff(Base):
    __tablename__ = "tariffs"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(120))


class Price(Base):
    __tablename__ = "prices"
    __table_args__ = (UniqueConstraint("performance_id", "category_id", "tariff_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    performance_id: Mapped[int] = mapped_column(ForeignKey("performances.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("price_categories.id"))
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"))
    amount: Mapped[Decimal] = mapped_column(Cents())
    fees: Mapped[Decimal] = mapped_column(Cents(), default=Decimal("0.00"))


class Quota(Base):
    """An allotment; a ticket without quota is "Hors cont." (outside any quota)."""

    __tablename__ = "quotas"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


# --- People and places of sale --------------------------------------------------------


class Contact(Base):
    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    last_name: Mapped[str] = mapped_column(String(80), index=True)
    first_name: Mapped[str] = mapped_column(String(80), default="")
    organisation: Mapped[str] = mapped_column(String(120), default="")
    relation: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(String(255), default="")
    postcode: Mapped[str] = mapped_column(String(16), default="")
    city: Mapped[str] = mapped_column(String(80), default="")
    country: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(255), default="")

    @property
    def display_name(self) -> str:
        name = f"{self.last_name}, {self.first_name}" if self.first_name else self.last_name
        if self.organisation:
            org = self.organisation + (f" / {self.relation}" if self.relation else "")
            return f"{name} | {org}"
        return name


class OperatorRole(enum.Enum):
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"  # may approve what a cashier alone may not
    ADMINISTRATOR = "administrator"  # a supervisor who also unlocks accounts


class Operator(Base):
    __tablename__ = "operators"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[OperatorRole] = mapped_column(
        _enum(OperatorRole), default=OperatorRole.CASHIER, server_default="cashier"
    )
    pin_hash: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Wrong PINs in a row since the last good one; at the limit the account is locked
    # until ``locked_until`` (pos.core.services.operators).
    failed_pins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())


class SalesPoint(Base):
    __tablename__ = "sales_points"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class Counter(Base):
    """One ticket window. Its operations are numbered without gaps."""

    __tablename__ = "counters"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    sales_point_id: Mapped[int] = mapped_column(ForeignKey("sales_points.id"))
    last_operation_number: Mapped[int] = mapped_column(Integer, default=0)
    # The journal's chain head: advanced by a trigger at each entry (pos.core.append_only)
    journal_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    journal_head: Mapped[str] = mapped_column(String(64), default=GENESIS,
                                              server_default=GENESIS)
    sales_point: Mapped["SalesPoint"] = relationship()


# --- Orders, tickets, payments --------------------------------------------------------


class Order(Base):
    """A "dossier": the sales of one contact."""

    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    created_by_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    created_sales_point_id: Mapped[int] = mapped_column(ForeignKey("sales_points.id"))
    modified_at: Mapped[datetime] = mapped_column(UtcDateTime())
    modified_by_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    modified_sales_point_id: Mapped[int] = mapped_column(ForeignKey("sales_points.id"))

    contact: Mapped["Contact"] = relationship()
    created_by: Mapped["Operator"] = relationship(foreign_keys=[created_by_id])
    modified_by: Mapped["Operator"] = relationship(foreign_keys=[modified_by_id])
    created_sales_point: Mapped["SalesPoint"] = relationship(foreign_keys=[created_sales_point_id])
    modified_sales_point: Mapped["SalesPoint"] = relationship(
        foreign_keys=[modified_sales_point_id]
    )
    tickets: Mapped[list["Ticket"]] = relationship(
        back_populates="order", order_by="Ticket.number", foreign_keys="Ticket.order_id"
    )
    payments: Mapped[list["Payment"]] = relationship(back_populates="order", order_by="Payment.id")


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        # A seat is never sold twice for one performance, whatever the code does.
        Index(
            "uq_tickets_live_seat",
            "performance_id",
            "seat_id",
            unique=True,
            sqlite_where=text(LIVE_TICKET_SQL),
            info={"postgresql_where": LIVE_TICKET_SQL},  # see schema.postgresql_options
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(11), unique=True)  # the barcode
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    performance_id: Mapped[int] = mapped_column(ForeignKey("performances.id"), index=True)
    seat_id: Mapped[int | None] = mapped_column(ForeignKey("seats.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("price_categories.id"))
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"))
    quota_id: Mapped[int | None] = mapped_column(ForeignKey("quotas.id"))
    price: Mapped[Decimal] = mapped_column(Cents())
    fees: Mapped[Decimal] = mapped_column(Cents(), default=Decimal("0.00"))
    state: Mapped[TicketState] = mapped_column(_enum(TicketState))
    printed: Mapped[bool] = mapped_column(Boolean, default=False)
    delivery_mode: Mapped[str] = mapped_column(String(40), default="Remis au contact")
    sold_at: Mapped[datetime] = mapped_column(UtcDateTime())
    sold_by_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    sales_point_id: Mapped[int] = mapped_column(ForeignKey("sales_points.id"))
    checked_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))

    order: Mapped["Order"] = relationship(back_populates="tickets", foreign_keys=[order_id])
    performance: Mapped["Performance"] = relationship()
    seat: Mapped["Seat | None"] = relationship()
    category: Mapped["PriceCategory"] = relationship()
    tariff: Mapped["Tariff"] = relationship()
    quota: Mapped["Quota | None"] = relationship()
    sold_by: Mapped["Operator"] = relationship()
    sales_point: Mapped["SalesPoint"] = relationship()
    replaced_by: Mapped["Ticket | None"] = relationship(remote_side=[id])


class Payment(Base):
    """Money in (positive) or out (negative) of an order. Only ever inserted."""

    __tablename__ = "payments"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("operations.id"), index=True)
    mode: Mapped[PaymentMode] = mapped_column(_enum(PaymentMode))
    amount: Mapped[Decimal] = mapped_column(Cents())
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"), index=True)
    reference: Mapped[str] = mapped_column(String(80), default="")

    order: Mapped["Order"] = relationship(back_populates="payments")
    operator: Mapped["Operator"] = relationship()
    operation: Mapped["Operation | None"] = relationship()


# --- Operations ("Ordre") -------------------------------------------------------------


class Operation(Base):
    """A numbered refund or exchange at a counter."""

    __tablename__ = "operations"
    __table_args__ = (UniqueConstraint("counter_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[OperationKind] = mapped_column(_enum(OperationKind))
    state: Mapped[OperationState] = mapped_column(_enum(OperationState))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    # The supervisor who allowed what the operator alone could not (pos.core.services.
    # authorization); the operator themselves when they are a supervisor.
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    refund_fees: Mapped[bool] = mapped_column(Boolean, default=False)
    requested_by: Mapped[str] = mapped_column(String(20), default="public")
    cause: Mapped[str] = mapped_column(String(80), default="")
    remarks: Mapped[str] = mapped_column(Text, default="")

    counter: Mapped["Counter"] = relationship()
    operator: Mapped["Operator"] = relationship(foreign_keys=[operator_id])
    approved_by: Mapped["Operator | None"] = relationship(foreign_keys=[approved_by_id])
    lines: Mapped[list["OperationLine"]] = relationship(
        back_populates="operation", order_by="OperationLine.id"
    )
    payments: Mapped[list["Payment"]] = relationship(order_by="Payment.id", viewonly=True)


class OperationLine(Base):
    """A ticket taken back (cancel: what was refunded) or sold (sale: what was charged)."""

    __tablename__ = "operation_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("operations.id"), index=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    kind: Mapped[LineKind] = mapped_column(_enum(LineKind))
    price: Mapped[Decimal] = mapped_column(Cents())
    fees: Mapped[Decimal] = mapped_column(Cents())
    # The cancellation / exchange fee kept on a cancel line, and the rule that made it
    # (pos.core.fees): what went back is price + fees - fee_kept.
    fee_kept: Mapped[Decimal] = mapped_column(Cents(), default=Decimal("0.00"),
                                              server_default="0")
    fee_rule: Mapped[str] = mapped_column(String(120), default="", server_default="")
    # "billet papier repris": the customer handed the paper ticket back (cancel lines)
    paper_returned: Mapped[bool] = mapped_column(Boolean, default=False)

    operation: Mapped["Operation"] = relationship(back_populates="lines")
    ticket: Mapped["Ticket"] = relationship()


class JournalEntry(Base):
    """What happened at a counter, in order: a gapless number per counter and a hash
    chain (``pos.core.journal_chain``). Only ever inserted: the database refuses an
    UPDATE or DELETE (``pos.core.append_only``)."""

    __tablename__ = "journal_entries"
    __table_args__ = (UniqueConstraint("counter_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    amount_cents: Mapped[int | None] = mapped_column(BigInteger)  # the money it moved
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"), index=True)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("operations.id"))
    action: Mapped[str] = mapped_column(String(60))
    payload: Mapped[str] = mapped_column(Text, default="{}")  # JSON
