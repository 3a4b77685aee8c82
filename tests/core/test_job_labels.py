"""Jobs tell what they are (issue 9): every print job is named by its document, so that
reprinting one ticket of an exchange is obvious in the jobs window (Ctrl+J)."""

from __future__ import annotations

import re
from decimal import Decimal

from pos.core.exchange_basket import totals
from pos.core.models import PaymentMode
from pos.core.services.exchange import event_tickets, settle_exchange
from pos.core.services.print_jobs import list_jobs
from pos.core.services.refunds import Tender, refund_basket
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan


def labels(db, station) -> list[str]:
    with uow_of(db) as uow:
        return [j.label for j in reversed(list_jobs(uow, station.counter_id))]


def test_a_credit_note_refund_names_its_receipt_and_its_voucher(demo, station, clock):
    with uow_of(demo) as uow:
        done = refund_basket(uow, scan(demo, clock, [JOYAUX[0]]),
                             [Tender(PaymentMode.CREDIT_NOTE, Decimal("110.00"))],
                             station, clock)
    voucher = done.tenders[0].reference
    assert labels(demo, station) == [f"Reçu ordre {done.operation_number}",
                                     f"Avoir {voucher}"]


def test_exchange_tickets_name_their_number_event_and_seat(demo, station, clock):
    cancellation = scan(demo, clock, [JOYAUX[0]])
    sale = new_sale()
    with uow_of(demo) as uow:
        event_tickets(uow, sale, cancellation, clock, quantity=2,
                      **ids(demo, "Carmina Burana", "Cat 1"))
    due = totals(cancellation, sale).total
    with uow_of(demo) as uow:
        result = settle_exchange(uow, cancellation, sale, [Tender(PaymentMode.CASH, due)],
                                 station, clock)
    names = labels(demo, station)
    assert f"Reçu ordre {result.operation_number}" in names
    tickets = [n for n in names if n.startswith("Billet ")]
    assert len(tickets) == 2
    for name in tickets:
        assert re.fullmatch(r"Billet \d{11} – Carmina Burana – \S.*", name), name
    assert len(set(tickets)) == 2  # one line per ticket, told apart
