"""Operation numbers ("Ordre n°"): gapless per counter."""

from __future__ import annotations

from sqlalchemy import update

from pos.core.models import Counter
from pos.core.uow import UnitOfWork


def take_operation_number(uow: UnitOfWork, counter_id: int) -> int:
    """The counter's next number. One UPDATE ... RETURNING: the row lock serialises two
    settlements at one counter, and a rollback gives the number back, so numbers have
    no gaps."""
    return uow.session.execute(
        update(Counter)
        .where(Counter.id == counter_id)
        .values(last_operation_number=Counter.last_operation_number + 1)
        .returning(Counter.last_operation_number)
    ).scalar_one()
