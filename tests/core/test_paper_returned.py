""""Billet papier repris": on for a scanned ticket, off for one taken from a list; kept
with the operation (held and resumed too), said on the receipt and in the order
history; a replaced ticket's duplicates counted in the order detail."""

from __future__ import annotations

from sqlalchemy import select

from pos.core.documents import Text
from pos.core.exchange_basket import totals
from pos.core.models import PaymentMode
from pos.core.models_printing import PrintJob
from pos.core.services.exchange import auto_exchange, settle_exchange
from pos.core.services.held_operations import resume_operation
from pos.core.services.holds import hold_basket
from pos.core.services.order_detail import order_detail
from pos.core.services.order_history import order_history
from pos.core.services.print_jobs import reprint
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.take_back import take_refundable
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, new_sale, scan, tariff_id


def _texts(document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Text)]


def _detail(db, number):
    with uow_of(db) as uow:
        detail = order_detail(uow, 959)
    return next(t for p in detail.performances for g in p.tariffs for t in g.tickets
                if t.number == number)


def test_a_scan_is_paper_returned_a_list_is_not_and_the_receipt_says_which(
        demo, station, clock):
    basket = scan(demo, clock, JOYAUX[:1])
    with uow_of(demo) as uow:
        take_refundable(uow, basket, JOYAUX[1:3], clock)
    assert [t.paper_returned for t in basket.tickets] == [True, False, False]
    basket.set_paper_returned(JOYAUX[2], True)  # the cashier ticks the box
    basket.set_paper_returned(JOYAUX[0], False)  # and unticks another
    assert basket.paper_returned() == (JOYAUX[2],)

    with uow_of(demo) as uow:
        result = refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                               station, clock)
    texts = _texts(result.documents[0])
    at = texts.index("Billets papier repris :")
    assert texts[at + 1:at + 2] == [f"  {JOYAUX[2]}"]
    assert f"  {JOYAUX[0]}" not in texts
    with uow_of(demo) as uow:
        [history] = order_history(uow, 959)
    assert history["paper_returned"] == [JOYAUX[2]]
    assert _detail(demo, JOYAUX[2]).paper_returned
    assert not _detail(demo, JOYAUX[0]).paper_returned


def test_the_box_is_kept_by_a_hold(demo, station, clock):
    basket = scan(demo, clock, JOYAUX[:2])
    basket.set_paper_returned(JOYAUX[1], False)
    with uow_of(demo) as uow:
        held = hold_basket(uow, basket, station, clock)
    with uow_of(demo) as uow:
        resumed = resume_operation(uow, held.operation_id, station, clock)
    assert [(t.number, t.paper_returned) for t in resumed.tickets] == [
        (JOYAUX[0], True), (JOYAUX[1], False)]


def test_a_replaced_ticket_shows_its_duplicates(demo, station, clock, chef):
    basket = scan(demo, clock, JOYAUX[:1])
    sale = new_sale()
    with uow_of(demo) as uow:
        auto_exchange(uow, sale, basket, clock, tariff_id=tariff_id(demo, "REDUIT"))
    with uow_of(demo) as uow:
        done = settle_exchange(uow, basket, sale,
                               [Tender(PaymentMode.CASH, abs(totals(basket, sale).total))],
                               station, clock)
    [new] = done.new_tickets
    assert _detail(demo, new).reprints == 0
    with uow_of(demo) as uow:
        job = uow.session.scalar(select(PrintJob.id).where(
            PrintJob.operation_id == done.operation_id, PrintJob.kind == "ticket"))
    for _ in range(2):
        with uow_of(demo) as uow:
            reprint(uow, job, counter_id=station.counter_id, operator_id=station.operator_id,
                    now=clock.now(), approval=chef)  # a duplicate needs a supervisor
    again = scan(demo, clock, [new])  # the new ticket exchanged in its turn
    sale = new_sale()
    with uow_of(demo) as uow:
        auto_exchange(uow, sale, again, clock, tariff_id=tariff_id(demo, "PLEIN"))
    with uow_of(demo) as uow:
        settle_exchange(uow, again, sale,
                        [Tender(PaymentMode.CASH, abs(totals(again, sale).total))],
                        station, clock)
    replaced = _detail(demo, new)
    assert (replaced.state, replaced.reprints) == ("replaced", 2)
    assert _detail(demo, JOYAUX[1]).reprints == 0
