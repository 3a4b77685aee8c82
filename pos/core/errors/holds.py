"""Operations on hold and the seats they hold."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.errors.seats import SeatTaken
from pos.core.i18n import N_


class SeatHeld(SeatTaken):
    code = "seat_held"
    template = N_(
        "Seat {seat} of {event} is held by operation {number} on hold at {counter} until "
        "{until}: choose another seat. Nothing was saved.")


class HeldSeatGone(DomainError):
    """Not raised: said when a held exchange is resumed after its seats' time ran out."""

    code = "held_seat_gone"
    template = N_(
        "Seat {seat} of {event} is no longer free (held until {until}): it was taken out "
        "of the exchange.")


class OperationNotOnHold(DomainError):
    code = "operation_not_on_hold"
    template = N_("Operation {number} is not on hold ({state}).")


class OperationNoLongerOnHold(OperationNotOnHold):
    code = "operation_no_longer_on_hold"
    template = N_("Operation {number} is no longer on hold ({state}).")
