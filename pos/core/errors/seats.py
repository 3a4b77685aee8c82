"""Seats sold in an exchange: sold out, not free, taken at another counter."""

from __future__ import annotations

from pos.core.errors.exchange import ExchangeError
from pos.core.i18n import N_, Nn_


class SoldOut(ExchangeError):
    code = "sold_out"
    template = N_("Sold out: no free seat left in {where}.")


class NotEnoughSeats(SoldOut):
    code = "not_enough_seats"
    template = Nn_("Only {n} free seat left in {where}: cannot sell {quantity}.",
                   "Only {n} free seats left in {where}: cannot sell {quantity}.")


class SeatQuantityBelowOne(SoldOut):
    code = "seat_quantity_below_one"
    template = N_("The quantity must be at least one seat.")


class SeatNotFree(ExchangeError):
    code = "seat_not_free"
    template = N_("Seat {seat} is not free for this performance.")


class SeatChosenTwice(SeatNotFree):
    code = "seat_chosen_twice"
    template = N_("The same seat is chosen twice.")


class SeatNotInCategory(SeatNotFree):
    code = "seat_not_in_category"
    template = N_("This seat is not in {where}.")


class SeatAlreadyInExchange(SeatNotFree):
    code = "seat_already_in_exchange"
    template = N_("The seat of ticket {number} is already sold in this exchange.")


class SeatTaken(SeatNotFree):
    code = "seat_taken"
    template = N_(
        "A seat of this exchange has just been sold at another counter: choose other seats. "
        "Nothing was saved.")


class NamedSeatTaken(SeatTaken):
    code = "named_seat_taken"
    template = N_(
        "Seat {seat} of {event} has just been sold at another counter: choose another seat. "
        "Nothing was saved.")
