"""New ticket numbers: 11 digits, from the ``number_sequences`` row "ticket".

One ``UPDATE ... RETURNING`` inside the settlement takes a block of numbers: the row lock
serialises two counters, and a rollback gives the numbers back (no gaps). A database
that has no such row yet starts after the highest ticket number it holds.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, select, update

from pos.core.models import Ticket
from pos.core.models_catalog import NumberSequence
from pos.core.prepared import PreparedWrite
from pos.core.uow import UnitOfWork

TICKET_SEQUENCE = "ticket"
WIDTH = 11

# Built once and run as Core (``UnitOfWork.execute``): every exchange takes its numbers
# here, and the ORM's bulk-UPDATE machinery cost more than the UPDATE itself.
_sequences = NumberSequence.__table__
_TAKE = PreparedWrite(update(_sequences).where(_sequences.c.name == TICKET_SEQUENCE)
                      .values(last_value=_sequences.c.last_value + bindparam("count"))
                      .returning(_sequences.c.last_value))


def highest_ticket_number(uow: UnitOfWork) -> int:
    top = uow.session.scalar(select(func.max(Ticket.number)))
    return int(top) if top and top.isdigit() else 0


def take_ticket_numbers(uow: UnitOfWork, count: int) -> list[str]:
    if count <= 0:
        return []
    s = uow.session
    last = uow.write(_TAKE, {"count": count}).scalar_one_or_none()
    if last is None:
        last = highest_ticket_number(uow) + count
        s.add(NumberSequence(name=TICKET_SEQUENCE, last_value=last))
        s.flush()
    return [f"{n:0{WIDTH}d}" for n in range(last - count + 1, last + 1)]
