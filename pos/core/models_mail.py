"""The mail outbox: documents owed to a customer by e-mail, written in the settlement's
transaction, so a mail server that cannot be reached loses nothing (the job is tried
again with the print jobs' backoff, or printed instead)."""

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.core.models import Base, UtcDateTime, _enum


class MailJobState(enum.Enum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"  # accepted by the server, or saved in the outbox folder (no server)
    FAILED = "failed"  # not accepted: retried with backoff
    PRINTED = "printed"  # the cashier printed the documents instead


class MailJob(Base):
    __tablename__ = "mail_jobs"
    __table_args__ = (Index("ix_mail_jobs_counter_state", "counter_id", "state"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("operations.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    documents: Mapped[str] = mapped_column(Text)  # a JSON list of pos.core.documents
    state: Mapped[MailJobState] = mapped_column(_enum(MailJobState))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
