"""The bulk take-back's own pieces: the basket's batch add and its index, and the
remembered conversions of the batch reads, on a real SQLite file and PostgreSQL."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields, replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.core.basket import BasketTicket, CancellationBasket, basket_ticket
from pos.core.errors import AlreadyInBasket
from pos.core.models import Contact, Order, Performance, Ticket, TicketState
from pos.core.prepared import PreparedQuery
from pos.core.remembered import remembered
from pos.core.services.scanning import range_rows, ticket_rows
from pos.core.services.take_back import range_report, take_refundable
from tests.conftest import uow_of
from tests.support.statements import driver_statements


def _tickets(demo, clock, first="01010002727", last="01010002732"):
    with uow_of(demo) as uow:
        return range_report(uow, first, last, CancellationBasket(), clock).refundable


def test_extend_adds_every_ticket_in_order_and_keeps_the_index(demo, clock):
    first, *rest = _tickets(demo, clock)
    basket = CancellationBasket()
    basket.add(first)
    basket.extend(rest)
    assert [t.number for t in basket.tickets] == [first.number] + [t.number for t in rest]
    assert all(t.number in basket for t in rest)
    assert basket.numbers() == {t.number for t in basket.tickets}
    with pytest.raises(AlreadyInBasket):
        basket.add(rest[-1])


@pytest.mark.parametrize("twice", ["already in the basket", "given twice"])
def test_extend_adds_nothing_when_one_ticket_is_there_twice(demo, clock, twice):
    tickets = list(_tickets(demo, clock))
    basket = CancellationBasket()
    basket.add(tickets[0])
    given = tickets[1:] + ([tickets[0]] if twice == "already in the basket" else [tickets[2]])
    with pytest.raises(AlreadyInBasket):
        basket.extend(given)
    assert [t.number for t in basket.tickets] == [tickets[0].number]
    assert basket.numbers() == {tickets[0].number}


def test_numbers_follow_a_list_the_caller_changed_itself(demo, clock):
    tickets = list(_tickets(demo, clock))
    basket = CancellationBasket()
    basket.extend(tickets[:2])
    basket.tickets.append(tickets[2])  # callers may extend the list themselves
    assert basket.numbers() == {t.number for t in tickets[:3]}
    basket.remove([tickets[0].number])
    assert tickets[0].number not in basket.numbers()


def test_confirming_a_range_fills_the_basket_as_one_add_per_ticket_would(demo, clock):
    tickets = _tickets(demo, clock)
    by_one = CancellationBasket()
    for t in tickets:
        by_one.add(t)
    basket = CancellationBasket()
    with uow_of(demo) as uow:
        take_refundable(uow, basket, [t.number for t in tickets], clock)
    assert basket.tickets == by_one.tickets
    assert basket.refund_total == by_one.refund_total == sum(t.price for t in tickets)


def test_remembered_columns_read_as_their_own_type(demo):
    plain = PreparedQuery(select(Ticket.number, Ticket.state, Ticket.price, Ticket.fees,
                                 Performance.starts_at)
                          .join(Performance, Performance.id == Ticket.performance_id)
                          .order_by(Ticket.number))
    memo = PreparedQuery(select(Ticket.number, remembered(Ticket.state),
                                remembered(Ticket.price), remembered(Ticket.fees),
                                remembered(Performance.starts_at))
                         .join(Performance, Performance.id == Ticket.performance_id)
                         .order_by(Ticket.number))
    with uow_of(demo) as uow:
        expected, rows = uow.fetch(plain, {}), uow.fetch(memo, {})
    assert rows == expected and len(rows) > 20
    assert rows[0]._fields == expected[0]._fields
    row = rows[0]
    assert isinstance(row.state, TicketState) and isinstance(row.price, Decimal)
    assert row.starts_at.tzinfo is not None and row.starts_at.utcoffset().total_seconds() == 0
    # Equal values of the driver give the very same converted value (converted once).
    same_price = [r.price for r in rows if r.price == row.price]
    assert len(same_price) > 1 and all(p is same_price[0] for p in same_price)


def test_a_range_read_twice_gives_equal_rows(demo, clock):
    with uow_of(demo) as uow:
        first = range_rows(uow, "01010002727", "01010002748")
    with uow_of(demo) as uow:
        again = range_rows(uow, "01010002727", "01010002748")
    assert first == again and len(first) == 22
    assert {r.state for r in first} <= set(TicketState)
    assert all(r.starts_at > datetime(2000, 1, 1, tzinfo=UTC) for r in first)


def test_a_dense_list_is_read_by_its_span_and_a_sparse_one_by_its_numbers(demo):
    dense = [f"{n:011d}" for n in range(1010002727, 1010002749) if n != 1010002730]
    sparse = [dense[0], dense[-1], "01010003013"]
    with driver_statements(demo) as statements, uow_of(demo) as uow:
        dense_rows = ticket_rows(uow, dense)
        sparse_rows = ticket_rows(uow, sparse)
    # In no particular order (no ORDER BY: PostgreSQL may give its heap's order after
    # the rows were updated); the callers look the rows up by number. The gap stays out.
    assert sorted(r.number for r in dense_rows) == dense
    assert sorted(r.number for r in sparse_rows) == sorted(sparse)
    reads = [s for s in statements if "FROM tickets" in s]
    assert len(reads) == 2 and "BETWEEN" in reads[0] and " IN (" in reads[1]
    by_number = {r.number: r for r in dense_rows}
    assert all(r == by_number[r.number] for r in sparse_rows if r.number in by_number)


@pytest.mark.parametrize("odd", ["0101000272x", "1010002728", "010100027280", "٠١٠١٠٠٠٢٧٢٨"])
def test_a_list_with_something_else_than_ticket_numbers_is_read_by_its_values(demo, odd):
    """Text order is numeric order only between 11 ASCII digits: anything else in the
    list and the span is not walked."""
    with driver_statements(demo) as statements, uow_of(demo) as uow:
        rows = ticket_rows(uow, ["01010002727", odd, "01010002729"])
    assert sorted(r.number for r in rows) == ["01010002727", "01010002729"]
    reads = [s for s in statements if "FROM tickets" in s]
    assert len(reads) == 1 and " IN (" in reads[0]


def test_confirming_takes_what_changed_since_the_report(demo, clock):
    """The confirmation re-reads each ticket: a snapshot of the report is not reused
    when its ticket's facts moved (here the customer's name, corrected meanwhile)."""
    with uow_of(demo) as uow:
        report = range_report(uow, "01010003001", "01010003016", CancellationBasket(), clock)
    ticket = report.refundable[0]
    assert len({t.order_id for t in report.refundable}) > 1
    with uow_of(demo) as uow:
        order = uow.session.get(Order, ticket.order_id)
        contact = uow.session.get(Contact, order.contact_id)
        contact.last_name = "Renommé"
    basket = CancellationBasket()
    with uow_of(demo) as uow:
        take_refundable(uow, basket, [t.number for t in report.refundable], clock)
    renamed = {t.number for t in basket.tickets if t.contact_name.startswith("Renommé")}
    assert ticket.number in renamed and not ticket.contact_name.startswith("Renommé")
    unchanged = [t for t in report.refundable if t.number not in renamed]
    assert unchanged and all(t in basket.tickets for t in unchanged)


def test_basket_ticket_is_the_dataclass_s_own_ticket(demo, clock):
    built = _tickets(demo, clock)[0]
    facts = {f.name: getattr(built, f.name) for f in fields(BasketTicket)}
    plain = BasketTicket(**facts)
    fast = basket_ticket(**facts)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert replace(fast, paper_returned=True) == replace(plain, paper_returned=True)
    with pytest.raises(FrozenInstanceError):
        fast.price = Decimal("0.00")  # type: ignore[misc]
    with pytest.raises(TypeError, match="paper_returned"):
        basket_ticket(**{k: v for k, v in facts.items() if k != "paper_returned"})
    with pytest.raises(TypeError, match="colour"):
        basket_ticket(**facts, colour="red")
