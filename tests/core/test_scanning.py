from datetime import timedelta

import pytest

from pos.core.basket import CancellationBasket
from pos.core.errors import (
    AlreadyInBasket,
    MalformedScan,
    TicketNotRefundable,
    UnknownTicket,
)
from pos.core.models import PaymentMode
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from tests.conftest import uow_of

JOYAUX_FIRST = "01010002727"


def scan(db, basket, code, clock):
    with uow_of(db) as uow:
        return take_ticket(uow, basket, code, clock)


def test_a_paid_ticket_lands_in_the_basket(demo, clock):
    basket = CancellationBasket()
    ticket = scan(demo, basket, "  01010002748\r\n", clock)
    assert ticket.number == "01010002748"
    assert (ticket.order_number, ticket.event_name, ticket.area, ticket.category) == (
        959, "Joyaux", "Balcon", "Cat 1")
    assert [t.number for t in basket.tickets] == ["01010002748"]


@pytest.mark.parametrize("garbage", [
    "0101000272", "010100027270", "0101000272A", "\x1b[31m01010002727", "\x00\x01\x02",
    "x" * 10_000, "١٢٣٤٥٦٧٨٩٠١",  # Arabic-Indic digits are digits to Python, not to us
])
def test_malformed_scans_are_refused_without_a_lookup(demo, clock, garbage):
    basket = CancellationBasket()
    with pytest.raises(MalformedScan) as caught:
        scan(demo, basket, garbage, clock)
    assert "Code illisible" in caught.value.message
    assert len(caught.value.message) < 120
    assert "\x1b" not in caught.value.message and "\x00" not in caught.value.message
    assert len(basket) == 0


def test_unknown_number(demo, clock):
    with pytest.raises(UnknownTicket, match="Billet 09999999999 inconnu"):
        scan(demo, CancellationBasket(), "09999999999", clock)


def test_twice_in_the_basket(demo, clock):
    basket = CancellationBasket()
    scan(demo, basket, JOYAUX_FIRST, clock)
    with pytest.raises(AlreadyInBasket, match="déjà dans le panier"):
        scan(demo, basket, JOYAUX_FIRST, clock)
    assert len(basket) == 1


def test_already_refunded_says_by_which_operation(demo, station, clock):
    basket = CancellationBasket()
    scan(demo, basket, JOYAUX_FIRST, clock)
    with uow_of(demo) as uow:
        result = refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                               station, clock)
    with pytest.raises(TicketNotRefundable) as caught:
        scan(demo, CancellationBasket(), JOYAUX_FIRST, clock)
    assert caught.value.message == (
        f"Billet {JOYAUX_FIRST} déjà remboursé (ordre {result.operation_number} "
        "du 27.11.2026 10:00).")


def test_unpaid_reservation_is_sent_to_the_sale_basket(demo, clock):
    with pytest.raises(TicketNotRefundable, match="réservation non payée.*panier de vente"):
        scan(demo, CancellationBasket(), "01010003006", clock)


def test_checked_in_ticket_is_refused(demo, clock):
    with pytest.raises(TicketNotRefundable, match="contrôlé à l'entrée"):
        scan(demo, CancellationBasket(), "01010003008", clock)


def test_past_performance_is_refused(demo, clock):
    clock.advance(timedelta(days=400))
    with pytest.raises(TicketNotRefundable, match="séance .* est passée"):
        scan(demo, CancellationBasket(), JOYAUX_FIRST, clock)
