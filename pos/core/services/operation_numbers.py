"""Operation numbers ("Ordre n°"): gapless per counter."""

from __future__ import annotations

from sqlalchemy import bindparam, update

from pos.core.models import Counter
from pos.core.prepared import PreparedWrite
from pos.core.uow import UnitOfWork

_counters = Counter.__table__
_NEXT = PreparedWrite(  # run on the driver's cursor (pos.core.prepared): every settlement
    update(_counters).where(_counters.c.id == bindparam("counter"))
    .values(last_operation_number=_counters.c.last_operation_number + 1)
    .returning(_counters.c.last_operation_number))


def take_operation_number(uow: UnitOfWork, counter_id: int) -> int:
    """The counter's next number. One UPDATE ... RETURNING: the row lock serialises two
    settlements at one counter, and a rollback gives the number back, so numbers have
    no gaps."""
    return uow.write(_NEXT, {"counter": counter_id}).scalar_one()
