"""Taking tickets back in bulk: range and list reports, order detail, contact search,
on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.core.basket import CancellationBasket
from pos.core.errors import MalformedScan, UnknownOrder
from pos.core.models import (
    LineKind,
    Operation,
    OperationKind,
    OperationLine,
    OperationState,
    PaymentMode,
    Ticket,
    TicketState,
)
from pos.core.services.contact_search import SearchTooShort, search_contacts
from pos.core.services.order_detail import order_detail
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.take_back import (
    MAX_BATCH,
    BatchTooLarge,
    EmptyBatch,
    TakeBackStatus,
    list_report,
    parse_number_list,
    parse_range,
    range_report,
    take_refundable,
    tickets_report,
)
from tests.conftest import uow_of
from tests.support.statements import driver_statements

S = TakeBackStatus
D = Decimal


def _refund(db, station, clock, numbers):
    basket = CancellationBasket()
    with uow_of(db) as uow:
        take_refundable(uow, basket, numbers, clock)
    with uow_of(db) as uow:
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                      station, clock)


def _hold(db, station, clock, number, op_number=9001):
    with uow_of(db) as uow:
        s = uow.session
        ticket = s.scalar(select(Ticket).where(Ticket.number == number))
        op = Operation(counter_id=station.counter_id, number=op_number,
                       kind=OperationKind.REFUND, state=OperationState.ON_HOLD,
                       created_at=clock.now(), operator_id=station.operator_id)
        s.add(op)
        s.flush()
        s.add(OperationLine(operation_id=op.id, ticket_id=ticket.id, kind=LineKind.CANCEL,
                            price=ticket.price, fees=ticket.fees))
        uow.commit()


def _replace(db, old, new):
    with uow_of(db) as uow:
        s = uow.session
        tickets = {t.number: t for t in s.scalars(
            select(Ticket).where(Ticket.number.in_([old, new])))}
        tickets[old].state = TicketState.REPLACED
        tickets[old].replaced_by_id = tickets[new].id
        uow.commit()


def test_range_report_says_every_status_and_adds_nothing_by_itself(demo, station, clock):
    # 01010002740..01010002748: Joyaux (959); 01010003001..: the other orders; the range
    # 01010003003..01010003016 covers refundable, reserved, checked in and unknown numbers.
    _refund(demo, station, clock, ["01010003004"])
    _replace(demo, "01010003011", "01010003002")
    _hold(demo, station, clock, "01010003012")
    basket = CancellationBasket()
    with uow_of(demo) as uow:
        take_refundable(uow, basket, ["01010003013"], clock)
    with uow_of(demo) as uow:
        report = range_report(uow, "01010003003", " 01010003016\n", basket, clock)
    got = {line.number: line.status for line in report.lines}
    assert list(got) == [f"0101000{n}" for n in range(3003, 3017)]
    assert got == {
        "01010003003": S.REFUNDABLE, "01010003004": S.REFUNDED, "01010003005": S.REFUNDABLE,
        "01010003006": S.RESERVED, "01010003007": S.RESERVED, "01010003008": S.CHECKED_IN,
        "01010003009": S.REFUNDABLE, "01010003010": S.REFUNDABLE, "01010003011": S.REPLACED,
        "01010003012": S.HELD, "01010003013": S.IN_BASKET, "01010003014": S.UNKNOWN,
        "01010003015": S.UNKNOWN, "01010003016": S.UNKNOWN,
    }
    messages = {line.number: line.message for line in report.lines}
    assert messages["01010003004"] == (
        "Billet 01010003004 déjà remboursé (ordre 1271 du 27.11.2026 10:00).")
    assert messages["01010003011"] == (
        "Billet 01010003011 remplacé par 01010003002 lors d'un échange.")
    assert messages["01010003012"] == "Billet 01010003012 retenu par l'ordre 9001 en attente."
    assert "réservation non payée" in messages["01010003006"]
    assert messages["01010003014"] == "Billet 01010003014 inconnu."
    assert [t.number for t in report.refundable] == [
        "01010003003", "01010003005", "01010003009", "01010003010"]
    assert [t.number for t in basket.tickets] == ["01010003013"]  # the report adds nothing

    clock.advance(timedelta(hours=4))  # "Concert du soir" has started
    with uow_of(demo) as uow:
        late = range_report(uow, "01010003009", "01010003009", CancellationBasket(), clock)
    assert [line.status for line in late.lines] == [S.PAST]
    assert "est passée" in late.lines[0].message


def test_range_is_read_in_one_query_whatever_its_size(demo, clock):
    with driver_statements(demo) as statements, uow_of(demo) as uow:
        report = range_report(uow, "01010002727", "01010002748", CancellationBasket(), clock)
    assert len(report.refundable) == 22
    ticket_reads = [s for s in statements if "FROM tickets" in s and "BETWEEN" in s]
    assert len(ticket_reads) == 1
    assert len(statements) <= 4  # tickets, operations on hold (and nothing per ticket)


def test_range_ends_in_any_order_and_the_size_cap(demo, clock):
    assert parse_range("01010002732", "01010002727") == ("01010002727", "01010002732")
    assert parse_range("00000000001", f"{MAX_BATCH:011d}") == ("00000000001", f"{MAX_BATCH:011d}")
    with pytest.raises(BatchTooLarge, match="Plage de 501 numéros : 500 au plus"):
        parse_range("00000000001", f"{MAX_BATCH + 1:011d}")
    with pytest.raises(MalformedScan, match="Code illisible"):
        parse_range("0101000272", "01010002732")


def test_confirming_adds_only_the_refundable_and_rechecks(demo, station, clock):
    basket = CancellationBasket()
    with uow_of(demo) as uow:
        report = range_report(uow, "01010002727", "01010002732", basket, clock)
    assert len(report.refundable) == 6
    _hold(demo, station, clock, "01010002730")  # another counter holds one meanwhile
    with uow_of(demo) as uow:
        done = take_refundable(uow, basket, [t.number for t in report.refundable], clock)
    assert [line.number for line in done.refused] == ["01010002730"]
    assert len(basket) == 5 and basket.refund_total == D("550.00")
    assert {g.order_number for g in basket.groups()} == {959}


def test_list_parsing_garbage_duplicates_and_whitespace():
    parsed = parse_number_list(
        " 01010002727\r\n01010002728,01010002729 ; 01010002727\t\n\n0101ABC;;x\x1b[31m , 1,")
    assert parsed.numbers == ("01010002727", "01010002728", "01010002729")
    assert parsed.duplicates == ("01010002727",)
    assert parsed.malformed == ("0101ABC", "x\ufffd[31m", "1")
    assert parse_number_list("  \n\t ,;").numbers == ()
    too_many = " ".join(f"{n:011d}" for n in range(1, MAX_BATCH + 2))
    with pytest.raises(BatchTooLarge, match="Liste de 501 numéros"):
        parse_number_list(too_many)


def test_list_report(demo, clock):
    basket = CancellationBasket()
    with uow_of(demo) as uow:
        report = list_report(uow, "01010003003\n01010003006 09999999999,01010003003 zz",
                             basket, clock)
    assert [(line.number, line.status) for line in report.lines] == [
        ("01010003003", S.REFUNDABLE), ("01010003006", S.RESERVED),
        ("09999999999", S.UNKNOWN), ("01010003003", S.DUPLICATE), ("zz", S.MALFORMED)]
    assert [line.number for line in report.refused] == ["01010003006", "09999999999", "zz"]
    with uow_of(demo) as uow, pytest.raises(EmptyBatch):
        list_report(uow, " \n ", basket, clock)


def test_tickets_of_several_orders_join_one_basket(demo, clock):
    basket = CancellationBasket()
    with uow_of(demo) as uow:
        take_refundable(uow, basket, ["01010002748", "01010003003", "01010003001"], clock)
    assert [g.order_number for g in basket.groups()] == [959, 961, 960]
    with uow_of(demo) as uow:
        again = tickets_report(uow, ["01010002748"], basket, clock)
    assert again.lines[0].status is S.IN_BASKET


def test_order_detail_data(demo, station, clock):
    _refund(demo, station, clock, ["01010002748"])
    with uow_of(demo) as uow:
        detail = order_detail(uow, 959)
    assert (detail.number, detail.contact_name) == (
        959, "AKOKA, Viviane | UNIVERSITY PARIS / Relais")
    assert detail.settled
    assert (detail.created_by, detail.created_sales_point) == ("STX_BDD", "Guichet")
    assert detail.created_at == clock.now() - timedelta(days=3)
    assert detail.modified_at == clock.now()  # the refund touched the order
    assert detail.sales_count == 22
    [perf] = detail.performances
    assert perf.event_name == "Joyaux"
    [group] = perf.tariffs
    assert (group.category, group.tariff) == ("Cat 1", "Contact occasionnel - Plein tarif")
    assert len(detail.ticket_numbers) == 22 and detail.ticket_numbers[0] == "01010002727"
    last = group.tickets[-1]
    assert (last.quota, last.area, last.seat, last.number, last.kind, last.sales_point,
            last.operator, last.state, last.printed, last.delivery_mode) == (
        None, "Balcon", "7", "01010002748", "ticket", "Guichet", "STX_BDD", "cancelled", True,
        "Remis au contact")
    assert (detail.paid, detail.total, detail.balance) == (D("2310.00"), D("2310.00"), D("0"))

    with uow_of(demo) as uow:
        press = order_detail(uow, 964)
        reserved = order_detail(uow, 962)
    assert press.performances[0].tariffs[0].tickets[0].quota == "Contingent presse"
    assert not reserved.settled and reserved.paid == D("0")
    with uow_of(demo) as uow, pytest.raises(UnknownOrder, match="Dossier 12345 inconnu."):
        order_detail(uow, 12345)


def test_contact_search(demo):
    with uow_of(demo) as uow:
        by_name = search_contacts(uow, "ako")
        by_org = search_contacts(uow, "university")
        by_mail = search_contacts(uow, "CLAIRE.MARTIN@")
        two_words = search_contacts(uow, "dubois paul")
        nothing = search_contacts(uow, "zzz")
        wildcard = search_contacts(uow, "%%")
        limited = search_contacts(uow, "le", limit=1)
    assert [c.name for c in by_name.contacts] == ["AKOKA, Viviane | UNIVERSITY PARIS / Relais"]
    assert [(o.number, o.tickets) for o in by_name.contacts[0].orders] == [(959, 22)]
    assert [c.name for c in by_org.contacts] == [by_name.contacts[0].name]
    assert [o.number for o in by_mail.contacts[0].orders] == [960]
    assert [o.number for o in two_words.contacts[0].orders] == [961]
    assert nothing.contacts == () and wildcard.contacts == ()
    assert len(limited.contacts) == 1 and limited.more  # LEFEBVRE, MOREAU (Le Monde)
    with uow_of(demo) as uow, pytest.raises(SearchTooShort):
        search_contacts(uow, " a ")
