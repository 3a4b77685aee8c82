"""Print jobs: written in the same transaction as the operation that causes them, so a
committed operation never loses its documents and a failed one prints nothing."""

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.core.models import Base, UtcDateTime, _enum


class PrintJobState(enum.Enum):
    QUEUED = "queued"
    SENDING = "sending"
    DONE = "done"
    FAILED = "failed"  # connection error: retried with backoff
    WAITING = "waiting"  # paper out / cover open: waits for the cashier


class PrintJob(Base):
    __tablename__ = "print_jobs"
    __table_args__ = (Index("ix_print_jobs_counter_state", "counter_id", "state"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("operations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # refund_receipt, ticket, voucher, hold_slip...
    document: Mapped[str] = mapped_column(Text)  # pos.core.documents as JSON
    open_drawer: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[PrintJobState] = mapped_column(_enum(PrintJobState))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    copy_number: Mapped[int] = mapped_column(Integer, default=0)  # k of "DUPLICATA n°k"
    reprint_of_id: Mapped[int | None] = mapped_column(ForeignKey("print_jobs.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
