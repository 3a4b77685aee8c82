"""Settlement keys: what makes a settlement idempotent.

The caller (the window, per basket; the CLI, per command) gives each settlement a key.
The pipeline claims it inside the write transaction (``settlement.open_write``) and
records the settlement's outcome under it in the same transaction
(``settlement.commit``): the key is there if and only if the settlement is. A second
press, or a retry after a crash between the commit and the screen, finds the key and
gets the first outcome back instead of settling again."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.core.models import Base, UtcDateTime


class SettlementKey(Base):
    __tablename__ = "settlement_keys"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # refund, exchange, hold, abandon
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("operations.id"), index=True)
    outcome: Mapped[str | None] = mapped_column(Text)  # the result as JSON (idempotency)
