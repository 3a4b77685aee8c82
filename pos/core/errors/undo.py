"""Refusals of "annuler l'annulation" (undoing a settled cancellation)."""

from __future__ import annotations

from pos.core.errors.settlement import SettlementError
from pos.core.i18n import N_


class UndoRefused(SettlementError):
    """Root of the refusals of "annuler l'annulation"."""

    code = "undo_refused"
    template = N_("The cancellation cannot be undone.")


class NothingToUndo(UndoRefused):
    code = "nothing_to_undo"
    template = N_("Ticket {number} was not refunded or replaced: there is nothing to undo.")


class UndoNotSameDay(UndoRefused):
    code = "undo_not_same_day"
    template = N_("Operation {operation} was not settled today: it can no longer be undone.")


class UndoNotSameCounter(UndoRefused):
    code = "undo_not_same_counter"
    template = N_("Operation {operation} was settled at {counter}: undo it at that counter.")


class AlreadyUndone(UndoRefused):
    code = "already_undone"
    template = N_("Operation {operation} was already undone (operation {undo}).")


class UndoTicketChanged(UndoRefused):
    code = "undo_ticket_changed"
    template = N_("Ticket {number} has changed since operation {operation}: the cancellation "
                  "cannot be undone.")


class UndoSeatTaken(UndoRefused):
    code = "undo_seat_taken"
    template = N_("Seat {seat} of {event} is now held by ticket {ticket} of order {order} "
                  "({contact}): the cancellation cannot be undone.")


class UndoSeatHeld(UndoRefused):
    code = "undo_seat_held"
    template = N_("Seat {seat} of {event} is held by operation {hold} on hold at {counter}: "
                  "the cancellation cannot be undone.")


class UndoCreditNoteSpent(UndoRefused):
    code = "undo_credit_note_spent"
    template = N_("Credit note {credit_note} of operation {operation} has been used: the "
                  "cancellation cannot be undone.")


class UndoAccountUsed(UndoRefused):
    code = "undo_account_used"
    template = N_("The suspense account no longer holds {amount}: the cancellation cannot "
                  "be undone.")


class UndoProductsSold(UndoRefused):
    code = "undo_products_sold"
    template = N_("Operation {operation} sold products: its cancellation cannot be undone "
                  "at the counter.")
