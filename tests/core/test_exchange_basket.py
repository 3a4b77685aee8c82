"""The sale side of an exchange, pure domain: grouping for the ÉCHANGÉ tree and totals."""

from datetime import UTC, datetime
from decimal import Decimal

from pos.core.basket import BasketTicket, CancellationBasket
from pos.core.exchange_basket import ExchangeBasket, SaleProduct, SaleTicket, totals
from pos.core.models import PaymentMode
from pos.core.services.payments import transfers
from pos.core.services.refunds import Tender
from pos.core.tenders import check_tenders

D = Decimal
AT = datetime(2026, 12, 11, 18, 30, tzinfo=UTC)


def ticket(perf: int, tariff: str, price: str, seat: str, fees: str = "0") -> SaleTicket:
    return SaleTicket(performance_id=perf, event_name=f"Event {perf}", starts_at=AT,
                      category_id=1, category="Cat 1", tariff_id=hash(tariff) % 100,
                      tariff=tariff, seat_id=int(seat), area="Parterre", seat=seat,
                      price=D(price), fees=D(fees))


def cancelled(price: str) -> CancellationBasket:
    basket = CancellationBasket()
    basket.add(BasketTicket(1, "01010002727", 1, 959, "AKOKA, Viviane", "Joyaux", 9, AT,
                            "Balcon", "8", "Cat 1", "Plein", D(price), D("0")))
    return basket


def test_groups_per_contact_performance_and_tariff_with_products():
    sale = ExchangeBasket()
    sale.bind(1, 959, 15, "AKOKA, Viviane")
    sale.add_tickets([ticket(1, "Plein", "60.00", "1"), ticket(1, "Plein", "60.00", "2"),
                      ticket(1, "Réduit", "48.00", "3"), ticket(2, "Plein", "40.00", "4", "2")])
    sale.add_product(SaleProduct(7, "PROG", "Programme de salle", "other", 2, D("5.00")))
    [contact] = sale.groups()
    assert (contact.contact_name, contact.quantity, contact.amount) == (
        "AKOKA, Viviane", 6, D("220.00"))
    first, second = contact.performances
    assert [(g.tariff, g.quantity, g.amount) for g in first.tariffs] == [
        ("Plein", 2, D("120.00")), ("Réduit", 1, D("48.00"))]
    assert (second.quantity, second.fees, second.amount) == (1, D("2.00"), D("42.00"))
    assert sale.seats_taken(1) == {1, 2, 3}
    sums = totals(cancelled("110.00"), sale)
    assert (sums.sold, sums.refunded, sums.total, sums.to_pay) == (
        D("220.00"), D("-110.00"), D("110.00"), D("110.00"))
    sale.remove([first.tariffs[0].tickets[0].line_id, contact.products[0].line_id])
    assert sale.sold_total == D("150.00") and len(sale) == 3


def test_cash_beyond_the_balance_is_change_and_only_the_net_is_recorded():
    checked = check_tenders(D("80.00"), [Tender(PaymentMode.CARD, D("50.00"), "CB"),
                                         Tender(PaymentMode.CASH, D("50.00"))])
    assert checked.change == D("20.00")
    assert [(t.mode, t.amount) for t in checked.tenders] == [
        (PaymentMode.CASH, D("30.00")), (PaymentMode.CARD, D("50.00"))]


def test_orders_that_give_back_fund_those_that_take_first():
    moves, to_pay, to_refund = transfers({1: D("80.00"), 2: D("-75.00"), 3: D("-10.00")})
    assert moves == [(2, 1, D("75.00")), (3, 1, D("5.00"))]
    assert to_pay == {} and to_refund == {3: D("5.00")}
