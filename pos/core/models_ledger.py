"""Money kept for later: credit notes ("avoirs") and the contacts' suspense accounts
("compte d'attente"). Both are ledgers: rows are only ever inserted, a balance is a sum."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.core.models import Base, Contact, UtcDateTime
from pos.core.money import Cents


class CreditNote(Base):
    """A voucher with its own barcode; what is left on it is the sum of its movements."""

    __tablename__ = "credit_notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(13), unique=True)  # the voucher's barcode
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    issued_operation_id: Mapped[int | None] = mapped_column(ForeignKey("operations.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    amount: Mapped[Decimal] = mapped_column(Cents())  # as issued
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())

    contact: Mapped["Contact | None"] = relationship()
    movements: Mapped[list["CreditNoteMovement"]] = relationship(
        back_populates="credit_note", order_by="CreditNoteMovement.id"
    )


class CreditNoteMovement(Base):
    """+amount when issued, -amount when spent. Only ever inserted."""

    __tablename__ = "credit_note_movements"
    id: Mapped[int] = mapped_column(primary_key=True)
    credit_note_id: Mapped[int] = mapped_column(ForeignKey("credit_notes.id"), index=True)
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("operations.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(Cents())
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))

    credit_note: Mapped["CreditNote"] = relationship(back_populates="movements")


class ContactAccountEntry(Base):
    """The suspense account: +amount is money held for the contact, -amount money used.
    Only ever inserted."""

    __tablename__ = "contact_account_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), index=True)
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("operations.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    amount: Mapped[Decimal] = mapped_column(Cents())
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    note: Mapped[str] = mapped_column(String(255), default="")
