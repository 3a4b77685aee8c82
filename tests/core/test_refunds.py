import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.core.basket import CancellationBasket
from pos.core.errors import EmptyBasket, SettlementError, TicketNotRefundable
from pos.core.models import (
    Counter,
    JournalEntry,
    Operation,
    OperationState,
    Payment,
    PaymentMode,
    Ticket,
    TicketState,
)
from pos.core.services.orders import order_summary
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from tests.conftest import uow_of

D = Decimal
JOYAUX = [f"0101000{n}" for n in range(2727, 2749)]


def fill(db, clock, numbers):
    basket = CancellationBasket()
    for n in numbers:
        with uow_of(db) as uow:
            take_ticket(uow, basket, n, clock)
    return basket


def refund_cash(db, basket, station, clock):
    with uow_of(db) as uow:
        return refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                             station, clock)


def test_the_reference_totals(demo, clock):
    assert fill(demo, clock, JOYAUX[:6]).refund_total == D("660.00")
    assert fill(demo, clock, JOYAUX).refund_total == D("2420.00")


def test_cash_refund_of_one_ticket(demo, station, clock):
    basket = fill(demo, clock, ["01010002748"])
    result = refund_cash(demo, basket, station, clock)
    assert result.operation_number == 1271
    assert result.refunded == D("110.00")
    assert result.open_drawer is True
    with uow_of(demo) as uow:
        order = order_summary(uow, 959)
        journal = [(j.action, json.loads(j.payload))
                   for j in uow.session.scalars(select(JournalEntry))]
    ticket = next(t for t in order["tickets"] if t["number"] == "01010002748")
    assert ticket["state"] == "cancelled"
    assert order["payments"][-1]["mode"] == "cash"
    assert order["payments"][-1]["amount"] == "-110.00"
    assert order["payments"][-1]["operation"] == 1271
    assert order["settled"] is True and order["due"] == "2310.00"
    assert [action for action, _ in journal] == ["refund.settled"]
    assert journal[0][1]["tickets"] == ["01010002748"]


def test_operation_numbers_follow_without_gaps(demo, station, clock):
    numbers = []
    for n in JOYAUX[:3]:
        numbers.append(refund_cash(demo, fill(demo, clock, [n]), station, clock).operation_number)
    assert numbers == [1271, 1272, 1273]


def test_a_failed_settlement_changes_nothing_and_keeps_its_number(demo, station, clock):
    basket = fill(demo, clock, JOYAUX[:2])
    # The second ticket is refunded at another counter after it was scanned here.
    refund_cash(demo, fill(demo, clock, [JOYAUX[1]]), station, clock)
    with pytest.raises(TicketNotRefundable, match="changé depuis qu'il a été scanné"):
        refund_cash(demo, basket, station, clock)
    with uow_of(demo) as uow:
        s = uow.session
        first = s.scalar(select(Ticket).where(Ticket.number == JOYAUX[0]))
        assert first.state is TicketState.VALID
        assert s.scalar(select(func.count()).select_from(Operation)) == 1
        assert s.scalar(select(Counter.last_operation_number)) == 1271
        assert s.scalar(select(func.count()).select_from(Payment)) == 6  # demo 5 + 1
    assert refund_cash(demo, fill(demo, clock, [JOYAUX[0]]), station, clock).operation_number \
        == 1272


def test_tenders_must_cover_the_refund_exactly(demo, station, clock):
    basket = fill(demo, clock, JOYAUX[:2])
    with pytest.raises(SettlementError, match="ne couvrent pas exactement"), uow_of(demo) as uow:
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, D("219.99"))], station, clock)
    with pytest.raises(EmptyBasket), uow_of(demo) as uow:
        refund_basket(uow, CancellationBasket(), [], station, clock)


def test_split_across_modes_and_orders_balances_to_the_cent(demo, station, clock):
    # two orders: 959 (110 each) and 961 (75 + 1.50 fees, 37.50 + 1.50 fees)
    basket = fill(demo, clock, [JOYAUX[0], "01010003003", "01010003005"])
    basket.refund_fees = True
    assert basket.refund_total == D("110.00") + D("76.50") + D("39.00")
    tenders = [Tender(PaymentMode.CASH, D("100.00")),
               Tender(PaymentMode.SUSPENSE_ACCOUNT, D("125.50"))]
    with uow_of(demo) as uow:
        result = refund_basket(uow, basket, tenders, station, clock)
    with uow_of(demo) as uow:
        payments = [(p.mode, p.amount) for p in uow.session.scalars(
            select(Payment).where(Payment.operation_id == result.operation_id))]
        o959, o961 = order_summary(uow, 959), order_summary(uow, 961)
    assert sum(amount for _, amount in payments) == D("-225.50")
    by_mode = {}
    for mode, amount in payments:
        by_mode[mode] = by_mode.get(mode, D(0)) + amount
    assert by_mode == {PaymentMode.CASH: D("-100.00"), PaymentMode.SUSPENSE_ACCOUNT: D("-125.50")}
    assert o959["settled"] and o961["settled"]
    assert o961["due"] == "76.50"  # one full-price ticket with its fees is left


def test_fees_stay_with_the_box_office_unless_refunded(demo, station, clock):
    basket = fill(demo, clock, ["01010003003"])
    assert basket.refund_total == D("75.00")
    refund_cash(demo, basket, station, clock)
    with uow_of(demo) as uow:
        order = order_summary(uow, 961)
    assert order["due"] == "117.00"  # 192.00 - 75.00: the 1.50 of fees is kept
    assert order["settled"] is True


def test_cannot_refund_more_than_was_paid(demo, station, clock):
    basket = fill(demo, clock, [JOYAUX[0]])
    with uow_of(demo) as uow:
        # the order's suspense-account payment was partly given back by hand
        order_id = uow.session.scalar(select(Ticket.order_id).where(Ticket.number == JOYAUX[0]))
        uow.session.add(Payment(order_id=order_id, mode=PaymentMode.SUSPENSE_ACCOUNT,
                                amount=D("-2350.00"), at=clock.now(),
                                operator_id=station.operator_id))
        uow.commit()
    with pytest.raises(SettlementError, match="seulement 70,00\u00a0€ ont été payés"):
        refund_cash(demo, basket, station, clock)


def test_operation_is_recorded_complete(demo, station, clock):
    result = refund_cash(demo, fill(demo, clock, JOYAUX[:6]), station, clock)
    with uow_of(demo) as uow:
        op = uow.session.get(Operation, result.operation_id)
        assert op.state is OperationState.COMPLETED
        assert len(op.lines) == 6
        assert sum(line.price for line in op.lines) == D("660.00")
        assert op.completed_at == clock.now()
