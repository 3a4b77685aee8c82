"""The delivery modes of the documents panel ("Envoi documents") and what each one does
with an exchange's new tickets: one rule, read by the window, the settlement and tests."""

from __future__ import annotations

MODES = ("counter", "email", "post", "later")

#: the mode as each new ticket keeps it (``Ticket.delivery_mode``), in the reference
#: screen's words: data shown in the order detail, not a window string
TICKET_LABELS = {"counter": "Remis au contact", "email": "Envoi par e-mail",
                 "post": "Envoi postal", "later": "Plus tard"}


def tickets_print(mode: str, chosen: str, *, emailed: bool) -> str:
    """What becomes of the new tickets (``settle_exchange``'s ``tickets_print``): sent
    by e-mail ("none" printed), kept for the post batch ("post"), kept for later at the
    counter ("later"), or as "Impression immédiate" says (``chosen``: "now" or
    "later")."""
    if emailed:
        return "none"
    return {"post": "post", "later": "later"}.get(mode, chosen)
