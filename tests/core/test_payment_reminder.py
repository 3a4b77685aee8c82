"""The reminder of payment modes, the reference's numbers, and the refund ceiling as a
property of any sequence of partial refunds."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from pos.core.errors import CashRefundExceedsDrawer, DomainError, SettlementError
from pos.core.models import Order, Payment, PaymentMode
from pos.core.refund_split import RefundSplit, parse_amount
from pos.core.services.payment_reminder import (
    ReminderLine,
    largest_remainder,
    payment_reminder,
    refundable,
)
from pos.core.services.refunds import Tender, refund_basket
from tests.conftest import uow_of
from tests.core.test_refunds import JOYAUX, fill

D = Decimal
M = PaymentMode
# The property tests run their examples here in make test, ten times more in make stress.
SCALE = int(os.environ.get("GUICHET_PROPERTY_SCALE", "1"))


def reminder(db, basket):
    with uow_of(db) as uow:
        return payment_reminder(uow, basket)


def test_reference_numbers_6_and_22_tickets(demo, station, clock):
    six = fill(demo, clock, JOYAUX[:6])
    assert six.refund_total == D("660.00")
    r = reminder(demo, six)
    assert r.lines == (ReminderLine(M.SUSPENSE_ACCOUNT, D("660.00")),)
    assert r.refundable == D("2420.00")
    r = reminder(demo, fill(demo, clock, JOYAUX))
    assert r.lines == (ReminderLine(M.SUSPENSE_ACCOUNT, D("2420.00")),)
    with uow_of(demo) as uow:
        result = refund_basket(uow, six, [Tender(M.SUSPENSE_ACCOUNT, D("660"))], station, clock)
    assert result.refunded == D("660.00")
    # after the refund: what is still refundable of order 959
    assert reminder(demo, fill(demo, clock, JOYAUX[6:7])).refundable == D("1760.00")


def test_several_modes_share_to_the_cent(demo, station, clock):
    # order 964 (MOREAU) was paid by cheque; add a card payment so that it was paid
    # 2/3 cheque, 1/3 card, then take back one ticket
    with uow_of(demo) as uow:
        s = uow.session
        order = s.scalar(select(Order).where(Order.number == 964))
        charged = sum((t.price + t.fees for t in order.tickets), D(0))
        for p in list(order.payments):
            s.add(Payment(order_id=order.id, mode=p.mode, amount=-p.amount, at=clock.now(),
                          operator_id=station.operator_id))
        third = (charged / 3).quantize(D("0.01"))
        s.add(Payment(order_id=order.id, mode=M.CHEQUE, amount=charged - third, at=clock.now(),
                      operator_id=station.operator_id))
        s.add(Payment(order_id=order.id, mode=M.CARD, amount=third, at=clock.now(),
                      operator_id=station.operator_id))
        uow.commit()
        first = order.tickets[0].number
    basket = fill(demo, clock, [first])
    r = reminder(demo, basket)
    assert sum((line.amount for line in r.lines), D(0)) == basket.refund_total
    assert [line.mode for line in r.lines] == [M.CHEQUE, M.CARD]


def test_largest_remainder():
    assert largest_remainder(D("100"), [D(1), D(1), D(1)]) == [D("33.34"), D("33.33"),
                                                                 D("33.33")]
    assert largest_remainder(D("40"), [D("100"), D("20")]) == [D("33.33"), D("6.67")]
    assert largest_remainder(D("660"), [D("2420")]) == [D("660.00")]
    assert largest_remainder(D("5"), []) == []


@given(total=st.integers(0, 10**7), weights=st.lists(st.integers(1, 10**6), min_size=1,
                                                     max_size=6))
def test_largest_remainder_always_adds_up(total, weights):
    shares = largest_remainder(D(total) / 100, [D(w) for w in weights])
    assert sum(shares, D(0)) == D(total) / 100
    assert all(s >= 0 for s in shares)


def test_refund_split():
    split = RefundSplit(D("660"))
    split.add(M.CASH, parse_amount("100"))
    assert split.rest == D("560.00") and not split.complete
    with pytest.raises(SettlementError, match="dépasse le reste"):
        split.add(M.CREDIT_NOTE, parse_amount("560,01"))
    with pytest.raises(SettlementError, match="il reste"):
        split.tenders()
    split.add(M.CREDIT_NOTE, parse_amount("560,00 €"))
    assert split.complete
    assert split.tenders() == [Tender(M.CASH, D("100")), Tender(M.CREDIT_NOTE, D("560"))]
    split.remove(0)
    assert split.rest == D("100.00")
    for bad in ("", "abc", "-5", "1,234"):
        with pytest.raises(SettlementError, match="^Montant illisible"):
            parse_amount(bad)


ORDER_961 = ["01010003003", "01010003004", "01010003005"]  # paid 192,00 € by card


@pytest.mark.stress
@settings(max_examples=25 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(
    st.tuples(st.sets(st.sampled_from(ORDER_961), min_size=1), st.booleans(),
              st.sampled_from([M.CASH, M.CREDIT_NOTE, M.SUSPENSE_ACCOUNT, M.CARD]),
              st.integers(0, 15000)),
    min_size=1, max_size=5))
def test_partial_refunds_never_exceed_what_was_paid(tmp_path_factory, sqlite_template, clock,
                                                    steps):
    """Any sequence of partial refunds of order 961 (with hand-made refunds in between)
    leaves at least zero refundable and never refunds more than was paid. A fresh SQLite
    database per example."""
    import shutil

    from pos.core.db import Database
    from pos.core.demo import load_demo
    from pos.core.services.station import ensure_station

    path = tmp_path_factory.mktemp("prop") / "db.sqlite3"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    try:
        with uow_of(db) as uow:
            load_demo(uow, clock)
        with uow_of(db) as uow:
            station = ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                                     operator="STX_BDD")
        with uow_of(db) as uow:
            order_id = uow.session.scalar(select(Order.id).where(Order.number == 961))
            paid_in = sum(uow.session.scalars(select(Payment.amount).where(
                Payment.order_id == order_id, Payment.amount > 0)), D(0))
        def net_paid() -> Decimal:
            with uow_of(db) as uow:
                return refundable(uow, order_id)

        through_screen = D(0)
        for numbers, with_fees, mode, by_hand in steps:
            if by_hand:  # money given back outside this screen (a refund by card, say)
                with uow_of(db) as uow:
                    uow.session.add(Payment(order_id=order_id, mode=M.CARD,
                                            amount=-D(by_hand) / 100, at=clock.now(),
                                            operator_id=station.operator_id))
                    uow.commit()
            try:
                basket = fill(db, clock, sorted(numbers))
            except DomainError:  # a ticket already refunded: the scan refuses it
                continue
            basket.refund_fees = with_fees
            before = net_paid()
            try:
                with uow_of(db) as uow:
                    refund_basket(uow, basket, [Tender(mode, basket.refund_total)], station,
                                  clock)
            except SettlementError:
                assert basket.refund_total > before  # refused only when it is too much
                assert net_paid() == before
            else:
                through_screen += basket.refund_total
                assert basket.refund_total <= before
                assert net_paid() == before - basket.refund_total >= 0
        assert through_screen <= paid_in
    finally:
        db.dispose()


def _exchange_to(db, clock, station, numbers, tariff_code, pay_mode):
    """AUTO-ÉCHANGE of ``numbers`` to another tariff, the balance settled in ``pay_mode``."""
    from pos.core.exchange_basket import ExchangeBasket, totals
    from pos.core.services.exchange import auto_exchange, settle_exchange
    from tests.core.exchange_support import tariff_id

    basket = fill(db, clock, numbers)
    sale = ExchangeBasket()
    with uow_of(db) as uow:
        auto_exchange(uow, sale, basket, clock, tariff_id=tariff_id(db, tariff_code))
    balance = totals(basket, sale).total
    tenders = [Tender(pay_mode if balance > 0 else M.CASH, abs(balance))] if balance else []
    with uow_of(db) as uow:
        return settle_exchange(uow, basket, sale, tenders, station, clock)


def _sell_instead(db, clock, station, numbers, quantity, pay_mode):
    """A sale in exchange: ``numbers`` taken back, ``quantity`` Don Giovanni tickets sold
    on the same order, the balance settled in ``pay_mode``."""
    from pos.core.exchange_basket import ExchangeBasket, totals
    from pos.core.services.exchange import event_tickets, settle_exchange
    from tests.core.exchange_support import ids

    basket = fill(db, clock, numbers)
    sale = ExchangeBasket()
    with uow_of(db) as uow:
        event_tickets(uow, sale, basket, clock, quantity=quantity,
                      **ids(db, "Don Giovanni", "Cat 1"))
    balance = totals(basket, sale).total
    tenders = [Tender(pay_mode if balance > 0 else M.CASH, abs(balance))] if balance else []
    with uow_of(db) as uow:
        return settle_exchange(uow, basket, sale, tenders, station, clock)


def test_an_exchange_on_the_same_order_leaves_the_reminder_whole(demo, station, clock):
    """The issue's case: after an exchange on order 959, two of its 110,00 € tickets paid
    from the suspense account are 220,00 € from the suspense account, not a share of it."""
    _exchange_to(demo, clock, station, JOYAUX[:2], "REDUIT", M.CASH)
    r = reminder(demo, fill(demo, clock, JOYAUX[2:4]))
    assert r.lines == (ReminderLine(M.SUSPENSE_ACCOUNT, D("220.00")),)


@pytest.mark.stress
@settings(max_examples=12 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(
    st.sampled_from(["refund", "exchange", "sale"]), st.integers(1, 3),
    st.sampled_from(["REDUIT", "JEUNE", "PLEIN"]),
    st.sampled_from([M.CASH, M.CARD, M.CREDIT_NOTE, M.SUSPENSE_ACCOUNT])),
    min_size=1, max_size=4), last=st.integers(1, 4))
def test_the_reminder_always_adds_up_to_what_the_tickets_still_represent(
        tmp_path_factory, sqlite_template, clock, steps, last):
    """Any sequence of refunds, exchanges (to another tariff, the difference paid or
    given back) and sales (other tickets sold in exchange, the balance either way) on
    order 959, which is always fully paid: the reminder of the tickets
    still valid shares exactly their refund. A fresh SQLite database per example."""
    import shutil

    from pos.core.db import Database
    from pos.core.demo import load_demo
    from pos.core.models import Ticket, TicketState
    from pos.core.services.station import ensure_station

    path = tmp_path_factory.mktemp("reminder") / "db.sqlite3"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")

    def valid_joyaux() -> list[str]:
        with uow_of(db) as uow:
            return list(uow.session.scalars(select(Ticket.number).join(Order).where(
                Order.number == 959, Ticket.state == TicketState.VALID)
                .order_by(Ticket.number)))

    try:
        with uow_of(db) as uow:
            load_demo(uow, clock)
        with uow_of(db) as uow:
            station = ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                                     operator="STX_BDD")
        for kind, n, tariff, mode in steps:
            numbers = valid_joyaux()[:n]
            if kind == "refund":
                basket = fill(db, clock, numbers)
                try:
                    with uow_of(db) as uow:
                        refund_basket(uow, basket, [Tender(mode, basket.refund_total)],
                                      station, clock)
                except CashRefundExceedsDrawer:  # the demo drawer opens with 1 000,00 €:
                    continue  # past it, the cashier refunds in another mode: no refund
            elif kind == "sale":
                pay = M.CASH if mode in (M.CREDIT_NOTE, M.SUSPENSE_ACCOUNT) else mode
                try:
                    _sell_instead(db, clock, station, numbers, n + len(tariff) % 2, pay)
                except DomainError:  # sold out, say: no sale
                    continue
            else:
                try:
                    _exchange_to(db, clock, station, numbers, tariff,
                                 M.CASH if mode is M.CREDIT_NOTE else mode)
                except DomainError:  # the same tariff again, or no such price: no exchange
                    continue
        basket = fill(db, clock, valid_joyaux()[:last])
        r = reminder(db, basket)
        assert sum((line.amount for line in r.lines), D(0)) == basket.refund_total
        assert all(line.amount > 0 for line in r.lines)
    finally:
        db.dispose()


def test_a_sale_in_exchange_on_the_same_order_leaves_the_reminder_whole(demo, station, clock):
    """Two Don Giovanni tickets sold against one Joyaux ticket, the balance paid in card:
    the other Joyaux tickets and the new ones each add up to what they represent (the
    order's pro-rata share: the card's 80,00 € is spread over every live ticket)."""
    result = _sell_instead(demo, clock, station, JOYAUX[:1], 2, M.CARD)
    assert len(result.new_tickets) == 2
    r = reminder(demo, fill(demo, clock, JOYAUX[1:3]))
    assert sum((line.amount for line in r.lines), D(0)) == D("220.00")
    assert {line.mode for line in r.lines} <= {M.SUSPENSE_ACCOUNT, M.CARD}
    sold = fill(demo, clock, list(result.new_tickets))
    assert sum((line.amount for line in reminder(demo, sold).lines), D(0)) == \
        sold.refund_total
