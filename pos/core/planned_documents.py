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


def exchange_documents(*, new_tickets: int, refund: bool, by_email: bool,
                       print_now: bool) -> tuple[PlannedDocument, ...]:
    """An exchange's documents: the new tickets (handed over and printed now or later,
    or sent by e-mail as PDF), the exchange receipt, a voucher when refunded as a credit
    note (the receipt and voucher print at the counter, and go in the e-mail too).
    ``refund``: the balance is given back, maybe as a credit note."""
    if by_email:
        ticket_sending = "Envoi par e-mail"
    else:
        ticket_sending = "Impression immédiate" if print_now else "Impression différée"
    documents = []
    if new_tickets:
        documents.append(PlannedDocument("Billets", new_tickets, ticket_sending, "Billet"))
    receipt_sending = "Impression + e-mail" if by_email else "Impression immédiate"
    documents.append(PlannedDocument("Reçu d'échange", 1, receipt_sending, "Reçu"))
    if refund:
        documents.append(PlannedDocument("Avoir", 1, receipt_sending,
                                         "Si remboursement en avoir"))
    return tuple(documents)
