"""A ticket's life: which state may follow which. Every change of a ticket's state goes
through ``services.ticket_transitions.transition``, which refuses any other move and
applies the allowed ones as conditional UPDATEs (``... WHERE state = <expected>``)."""

from __future__ import annotations

from pos.core.models import TicketState

R, V, C, X, P = (TicketState.RESERVED, TicketState.VALID, TicketState.CHECKED_IN,
                 TicketState.CANCELLED, TicketState.REPLACED)

ALLOWED: dict[TicketState, frozenset[TicketState]] = {
    R: frozenset({V, X}),  # paid, or released in the sale basket
    V: frozenset({C, X, P}),  # checked in at the door, refunded, exchanged
    C: frozenset({X, P}),  # refunded or exchanged with a supervisor's approval
    X: frozenset({V}),  # a refund of the day undone ("annuler l'annulation")
    P: frozenset({V}),  # an exchange of the day undone
}


def allowed(frm: TicketState, to: TicketState) -> bool:
    return to in ALLOWED[frm]
