"""What the operation on the screen will produce ("Envoi documents"), as plain data the
window lists: name, quantity, sending, nature."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlannedDocument:
    name: str
    quantity: int
    sending: str  # how it reaches the customer
    nature: str


def planned_documents(*, tickets: int, delivery: str = "Remis au contact",
                      held: bool = False, credit_notes: int = 0) -> tuple[PlannedDocument, ...]:
    """Nothing for an empty basket; a refund receipt otherwise (printed at the counter
    whatever "immediate print" says: that choice is for replacement tickets), a voucher
    per credit note (SOLDE AVOIR), and the hold slip again for a resumed held operation
    that may be put back on hold."""
    if tickets <= 0:
        return ()
    sending = delivery
    documents = [PlannedDocument("Reçu de remboursement", 1, sending, "Reçu")]
    if credit_notes:
        documents.append(PlannedDocument("Avoir", credit_notes, sending, "Bon de valeur"))
    if held:
        documents.append(PlannedDocument("Bon d'ordre en attente", 1, sending,
                                         "Si remis en attente"))
    return tuple(documents)
