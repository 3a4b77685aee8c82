"""Delivery modes "Envoi postal" and "Plus tard" (issue 9): no mode drops a document.
The new tickets of an exchange are kept as print jobs, for the post batch or for the
counter later, listed by ``pending_documents`` (``guichet documents pending``); the
receipt prints at once."""

from __future__ import annotations

import pytest

from pos.core.exchange_basket import totals
from pos.core.models import PaymentMode
from pos.core.models_printing import PrintJobState
from pos.core.services import print_jobs
from pos.core.services.deferred_prints import deferred_jobs, pending_documents
from pos.core.services.exchange import event_tickets, settle_exchange
from pos.core.services.refunds import Tender
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan


def exchange(demo, station, clock, numbers, tickets_print, delivery):
    cancellation = scan(demo, clock, numbers)
    sale = new_sale()
    with uow_of(demo) as uow:
        event_tickets(uow, sale, cancellation, clock, quantity=len(numbers),
                      **ids(demo, "Carmina Burana", "Cat 1"))
    due = totals(cancellation, sale).total
    tenders = [Tender(PaymentMode.CASH, abs(due))] if due else []
    with uow_of(demo) as uow:
        return settle_exchange(uow, cancellation, sale, tenders, station, clock,
                               tickets_print=tickets_print, delivery_mode=delivery)


@pytest.mark.parametrize(("mode", "delivery"), [("post", "Envoi postal"),
                                                ("later", "Plus tard")])
def test_kept_tickets_are_listed_and_never_dropped(demo, station, clock, mode, delivery):
    result = exchange(demo, station, clock, JOYAUX[:2], mode, delivery)
    with uow_of(demo) as uow:
        pending = pending_documents(uow)
        jobs = print_jobs.list_jobs(uow, station.counter_id)
        attention = print_jobs.pending_attention(uow, station.counter_id)
    assert sorted(j.label.split(" – ")[0] for j, _why in pending) == sorted(
        f"Billet {n}" for n in result.new_tickets)
    assert {why for _j, why in pending} == {mode}
    receipt = [j for j in jobs if j.kind == "exchange_receipt"]
    assert [j.state for j in receipt] == [PrintJobState.QUEUED]  # printed at once
    assert attention == 0  # kept on purpose: not a failure to retry


def test_post_tickets_are_not_printed_with_the_counters_later_ones(demo, station, clock):
    exchange(demo, station, clock, JOYAUX[:1], "post", "Envoi postal")
    later = exchange(demo, station, clock, JOYAUX[1:2], "later", "Plus tard")
    with uow_of(demo) as uow:
        counter_later = deferred_jobs(uow, station.counter_id)
        pending = pending_documents(uow)
    assert [j.label.split(" – ")[0] for j in counter_later] == [
        f"Billet {n}" for n in later.new_tickets]
    assert sorted(why for _j, why in pending) == ["later", "post"]
