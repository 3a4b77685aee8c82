"""What the operation on the screen will produce ("Envoi documents"), as plain data the
window lists: name, quantity, sending, nature; in the current language (built when the
window refreshes the list)."""

from __future__ import annotations

from dataclasses import dataclass

from pos.core.i18n import _


@dataclass(frozen=True)
class PlannedDocument:
    name: str
    quantity: int
    sending: str  # how it reaches the customer
    nature: str


def planned_documents(*, tickets: int, delivery: str = "counter",
                      held: bool = False, credit_notes: int = 0) -> tuple[PlannedDocument, ...]:
    """Nothing for an empty basket; a refund receipt otherwise (printed at the counter
    whatever "immediate print" says: that choice is for replacement tickets), a voucher
    per credit note (SOLDE AVOIR), and the hold slip again for a resumed held operation
    that may be put back on hold. ``delivery``: the delivery panel's mode (counter,
    email, post, later); a refund's documents print at the counter in every mode (and go
    in the e-mail too), so "post" and "later" say they print now, not "handed over"."""
    if tickets <= 0:
        return ()
    sending = {"email": _("Sent by e-mail"), "post": _("Printed now"),
               "later": _("Printed now")}.get(delivery, _("Handed to the contact"))
    documents = [PlannedDocument(_("Refund receipt"), 1, sending, _("Receipt"))]
    if credit_notes:
        documents.append(PlannedDocument(_("Credit note"), credit_notes, sending,
                                         _("Voucher")))
    if held:
        documents.append(PlannedDocument(_("Operation on hold slip"), 1, sending,
                                         _("If put on hold again")))
    return tuple(documents)


def exchange_documents(*, new_tickets: int, refund: bool, by_email: bool,
                       print_now: bool, delivery: str = "") -> tuple[PlannedDocument, ...]:
    """An exchange's documents: the new tickets (handed over and printed now or later,
    or sent by e-mail as PDF), the exchange receipt, a voucher when refunded as a credit
    note (the receipt and voucher print at the counter, and go in the e-mail too).
    ``refund``: the balance is given back, maybe as a credit note."""
    if by_email:
        ticket_sending = _("Sent by e-mail")
    elif delivery == "post":
        ticket_sending = _("Kept for the post batch")
    elif delivery == "later":
        ticket_sending = _("Printed later")
    else:
        ticket_sending = _("Printed now") if print_now else _("Printed later")
    documents = []
    if new_tickets:
        documents.append(PlannedDocument(_("Tickets"), new_tickets, ticket_sending,
                                         _("Ticket")))
    receipt_sending = _("Printed + e-mail") if by_email else _("Printed now")
    documents.append(PlannedDocument(_("Exchange receipt"), 1, receipt_sending, _("Receipt")))
    if refund:
        documents.append(PlannedDocument(_("Credit note"), 1, receipt_sending,
                                         _("If refunded as a credit note")))
    return tuple(documents)
