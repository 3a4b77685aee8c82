"""No delivery mode ever drops a document (issue 9, "Delivery loses nothing"): for every
mode of the delivery panel and every kind of settlement, each document the settlement
produced (receipt, voucher, new tickets) is accounted for where its mode sends it: a
print job (pending or printed), a document kept for the post batch or for later
(``pending_documents``, what ``guichet documents pending`` lists), or an e-mail job;
never nowhere, never twice in one of them, never both printed and kept.

The core is called as the window calls it (pos/ui/refund/controller.py: a refund is
given only the e-mail; pos/ui/exchange/settlement.py: an exchange is given
``tickets_print`` and ``delivery_mode`` by the rule of ``pos.core.delivery``)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.core import delivery
from pos.core.documents import Document, from_json
from pos.core.exchange_basket import totals
from pos.core.models import PaymentMode
from pos.core.models_mail import MailJob
from pos.core.models_printing import PrintJob, PrintJobState
from pos.core.services import mail_jobs
from pos.core.services.deferred_prints import pending_documents
from pos.core.services.exchange import event_tickets, settle_exchange
from pos.core.services.mail_jobs import MailRequest
from pos.core.services.refunds import Tender, refund_basket
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan

MAIL = MailRequest("delwakok@secutixtest.com", "Vos documents - ordre %1", "Ordre %1.\n")

# The delivery panel's choices: (its mode, "Impression immédiate" yes?).
MODES = {
    "counter": ("counter", True),  # "Remis au contact", printed now
    "counter, not printed now": ("counter", False),
    "email": ("email", True),  # "Envoi par e-mail"
    "post": ("post", True),  # "Envoi postal"
    "later": ("later", True),  # "Plus tard"
}
def refund(demo, station, clock, mode: str, _print_now: bool, payment: PaymentMode):
    basket = scan(demo, clock, [JOYAUX[-1]])
    with uow_of(demo) as uow:
        return refund_basket(uow, basket, [Tender(payment, Decimal("110"))], station, clock,
                             mail=MAIL if mode == "email" else None)


def exchange(demo, station, clock, mode: str, print_now: bool, quantity: int,
             payment: PaymentMode):
    cancellation = scan(demo, clock, [JOYAUX[-1]])  # 110,00 €
    sale = new_sale()
    with uow_of(demo) as uow:  # 60,00 € each
        event_tickets(uow, sale, cancellation, clock, quantity=quantity,
                      **ids(demo, "Carmina Burana", "Cat 1"))
    due = totals(cancellation, sale).total
    with uow_of(demo) as uow:
        return settle_exchange(uow, cancellation, sale, [Tender(payment, abs(due))], station,
                               clock, tickets_print=delivery.tickets_print(
                                   mode, "now" if print_now else "later",
                                   emailed=mode == "email"),
                               delivery_mode=delivery.TICKET_LABELS[mode],
                               mail=MAIL if mode == "email" else None)


SETTLEMENTS = {
    "cash refund": lambda *a: refund(*a, PaymentMode.CASH),
    "credit-note refund": lambda *a: refund(*a, PaymentMode.CREDIT_NOTE),
    "exchange, balance as a credit note": lambda *a: exchange(*a, 1, PaymentMode.CREDIT_NOTE),
    "exchange, balance paid by card": lambda *a: exchange(*a, 2, PaymentMode.CARD),
}


def destinations(demo) -> Counter[tuple[str, Document]]:
    """Where every document of every job went: ("print" | "kept post" | "kept later" |
    "mail" | "lost <state>", document), counted."""
    found: Counter[tuple[str, Document]] = Counter()
    with uow_of(demo) as uow:
        kept = {job.id: why for job, why in pending_documents(uow)}
        for job in uow.session.scalars(select(PrintJob)):
            if job.id in kept:
                where = f"kept {kept[job.id]}"
            elif job.state in (PrintJobState.QUEUED, PrintJobState.SENDING,
                               PrintJobState.DONE):
                where = "print"
            else:  # waiting for no one, or failed: nobody would print it
                where = f"lost {job.state.value}"
            found[(where, from_json(job.document))] += 1
        for mail in uow.session.scalars(select(MailJob)):
            for document in mail_jobs.documents_of(mail):
                found[("mail", document)] += 1
    return found


def expected(document: Document, mode: str, print_now: bool) -> set[str]:
    """The rule: the new tickets go where the mode says; the receipt and the voucher
    print at the counter, and with "Envoi par e-mail" go in the e-mail as well
    (``exchange_documents``: "Imprimé + e-mail")."""
    if document.kind == "ticket":
        return {"counter": {"print" if print_now else "kept later"}, "email": {"mail"},
                "post": {"kept post"}, "later": {"kept later"}}[mode]
    return {"print", "mail"} if mode == "email" else {"print"}


@pytest.mark.parametrize("settlement", list(SETTLEMENTS))
@pytest.mark.parametrize("choice", list(MODES))
def test_every_document_is_accounted_for_once(demo, station, clock, settlement, choice):
    mode, print_now = MODES[choice]
    result = SETTLEMENTS[settlement](demo, station, clock, mode, print_now)
    assert sorted(d.kind for d in result.documents) == {
        "cash refund": ["refund_receipt"],
        "credit-note refund": ["credit_note", "refund_receipt"],
        "exchange, balance as a credit note": ["credit_note", "exchange_receipt", "ticket"],
        "exchange, balance paid by card": ["exchange_receipt", "ticket", "ticket"],
    }[settlement]
    went = destinations(demo)
    assert all(count == 1 for count in went.values()), went  # never twice in one place
    assert {d for _where, d in went} == set(result.documents)  # nothing else, none lost
    for document in result.documents:
        places = {where for where, d in went if d == document}
        assert places, f"{document.kind} dropped under {choice}"
        assert not ({"print"} <= places and any(p.startswith("kept") for p in places))
        assert places == expected(document, mode, print_now), (document.kind, places)
