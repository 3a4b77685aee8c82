"""Roles in the settlement pipeline: what a cashier alone may not do is refused in the
core, whatever the window shows, and allowed with a supervisor's approval; both
identities are recorded on the operation and its journal entry."""

import json
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.core.basket import CancellationBasket
from pos.core.errors import (
    ApprovalExpired,
    ApproverNotSupervisor,
    NotLoggedIn,
    SupervisorRequired,
)
from pos.core.exchange_basket import totals
from pos.core.models import (
    JournalEntry,
    Operation,
    Operator,
    OperatorRole,
    PaymentMode,
    Ticket,
    TicketState,
)
from pos.core.models_printing import PrintJob
from pos.core.services import print_jobs
from pos.core.services.authorization import APPROVAL_VALIDITY, Approval
from pos.core.services.cash_drawer import open_drawer_no_sale
from pos.core.services.exchange import event_tickets, settle_exchange
from pos.core.services.operators import find_operator, identity_of
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan

D = Decimal
CHECKED_IN = "01010003008"


THRESHOLD = D("300.00")


def as_operator(db, station, login, threshold=THRESHOLD):
    """The station as after ``login`` logged in, with the counter's threshold."""
    with uow_of(db) as uow:
        who = identity_of(find_operator(uow, login))
    return replace(station.logged_in(who), supervisor_above=threshold)


def refund(db, basket, station, clock, approval=None):
    with uow_of(db) as uow:
        return refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                             station, clock, approval=approval)


def operator_id(db, login):
    with uow_of(db) as uow:
        return uow.session.scalar(select(Operator.id).where(Operator.login == login))


def recorded(db, operation_id):
    with uow_of(db) as uow:
        op = uow.session.get(Operation, operation_id)
        entry = uow.session.scalar(select(JournalEntry).where(
            JournalEntry.operation_id == operation_id,
            JournalEntry.action.in_(("refund.settled", "exchange.settled"))))
        return (op.operator_id, op.approved_by_id, entry.operator_id,
                json.loads(entry.payload).get("approved_by"),
                json.loads(entry.payload).get("approved_by_id"))


def count(db, model):
    with uow_of(db) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def test_cashier_refund_above_the_threshold_needs_a_supervisor(demo, station, clock, chef):
    cashier = as_operator(demo, station, "demo")
    basket = scan(demo, clock, JOYAUX[:3])  # 330,00 €
    with pytest.raises(SupervisorRequired, match="Remboursement au-dessus du seuil "
                       "superviseur : refusé sans l'accord d'un superviseur"):
        refund(demo, basket, cashier, clock)
    assert count(demo, Operation) == 0 and count(demo, PrintJob) == 0
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(Ticket.state).where(
            Ticket.number == JOYAUX[0])) is TicketState.VALID
    result = refund(demo, basket, cashier, clock, approval=chef)
    demo_id, chef_id = operator_id(demo, "demo"), operator_id(demo, "chef")
    assert recorded(demo, result.operation_id) == (demo_id, chef_id, demo_id, "chef", chef_id)


def test_at_or_below_the_threshold_a_cashier_refunds_alone(demo, station, clock):
    cashier = as_operator(demo, station, "demo", threshold=D("330.00"))
    result = refund(demo, scan(demo, clock, JOYAUX[:3]), cashier, clock)  # exactly 330,00 €
    demo_id = operator_id(demo, "demo")
    assert recorded(demo, result.operation_id) == (demo_id, None, demo_id, None, None)


def test_a_supervisor_logged_in_allows_it_themselves(demo, station, clock):
    supervisor = as_operator(demo, station, "chef")
    result = refund(demo, scan(demo, clock, JOYAUX[:3]), supervisor, clock)
    chef_id = operator_id(demo, "chef")
    assert recorded(demo, result.operation_id) == (chef_id, chef_id, chef_id, "chef", chef_id)


def test_an_approval_must_be_a_supervisors_and_fresh(demo, station, clock, chef):
    cashier = as_operator(demo, station, "demo")
    basket = scan(demo, clock, JOYAUX[:3])
    forged = Approval(operator_id(demo, "demo"), "demo")  # a cashier is no approver
    with pytest.raises(ApproverNotSupervisor, match="demo n'est pas \\(ou plus\\) superviseur"):
        refund(demo, basket, cashier, clock, approval=forged)
    stale = replace(chef, granted_at=clock.now())
    clock.advance(APPROVAL_VALIDITY + timedelta(seconds=1))
    with pytest.raises(ApprovalExpired):
        refund(demo, basket, cashier, clock, approval=stale)
    with uow_of(demo) as uow:  # demoted since: allows nothing
        uow.begin_write()
        uow.session.scalar(select(Operator).where(Operator.login == "chef")).role = \
            OperatorRole.CASHIER
        uow.commit()
    with pytest.raises(ApproverNotSupervisor):
        refund(demo, basket, cashier, clock, approval=chef)
    assert count(demo, Operation) == 0


def test_exchange_giving_money_back_above_the_threshold_needs_a_supervisor(
        demo, station, clock, chef):
    cashier = as_operator(demo, station, "demo")
    cancellation = scan(demo, clock, JOYAUX[:5])  # 550,00 € back
    sale = new_sale()
    with uow_of(demo) as uow:
        event_tickets(uow, sale, cancellation, clock, quantity=2,
                      **ids(demo, "Don Giovanni", "Cat 1"))
    back = -totals(cancellation, sale).total
    assert back > D("300.00")
    tenders = [Tender(PaymentMode.CREDIT_NOTE, back)]
    with pytest.raises(SupervisorRequired), uow_of(demo) as uow:
        settle_exchange(uow, cancellation, sale, tenders, cashier, clock)
    with uow_of(demo) as uow:
        result = settle_exchange(uow, cancellation, sale, tenders, cashier, clock,
                                 approval=chef)
    demo_id, chef_id = operator_id(demo, "demo"), operator_id(demo, "chef")
    assert recorded(demo, result.operation_id) == (demo_id, chef_id, demo_id, "chef", chef_id)


def test_checked_in_ticket_keeps_its_scan_approval_on_the_new_path(demo, station, clock):
    cashier = as_operator(demo, station, "demo")
    basket = CancellationBasket()
    with uow_of(demo) as uow:
        take_ticket(uow, basket, CHECKED_IN, clock, approved_by="chef")
    with uow_of(demo) as uow:  # the supervisor who allowed it at the scan is one no more
        uow.begin_write()
        uow.session.scalar(select(Operator).where(Operator.login == "chef")).role = \
            OperatorRole.CASHIER
        uow.commit()
    with pytest.raises(ApproverNotSupervisor, match="contrôlé"):
        refund(demo, basket, cashier, clock)
    with uow_of(demo) as uow:
        uow.begin_write()
        uow.session.scalar(select(Operator).where(Operator.login == "chef")).role = \
            OperatorRole.SUPERVISOR
        uow.commit()
    result = refund(demo, basket, cashier, clock)
    demo_id, chef_id = operator_id(demo, "demo"), operator_id(demo, "chef")
    assert recorded(demo, result.operation_id) == (demo_id, chef_id, demo_id, "chef", chef_id)


def test_reprint_and_no_sale_need_a_supervisor(demo, station, clock, chef):
    cashier = as_operator(demo, station, "demo")
    [job] = refund(demo, scan(demo, clock, [JOYAUX[0]]), cashier, clock).print_job_ids
    with pytest.raises(SupervisorRequired, match="Réimpression"), uow_of(demo) as uow:
        print_jobs.reprint(uow, job, counter_id=cashier.counter_id,
                           operator_id=cashier.operator_id, now=clock.now())
    with pytest.raises(SupervisorRequired, match="Ouverture du tiroir sans vente"), \
            uow_of(demo) as uow:
        open_drawer_no_sale(uow, cashier, "Monnaie", clock)
    assert count(demo, PrintJob) == 1
    with uow_of(demo) as uow:
        print_jobs.reprint(uow, job, counter_id=cashier.counter_id,
                           operator_id=cashier.operator_id, now=clock.now(), approval=chef)
    with uow_of(demo) as uow:
        open_drawer_no_sale(uow, as_operator(demo, station, "admin"), "Monnaie", clock)
    with uow_of(demo) as uow:
        entries = [(j.action, j.operator_id, json.loads(j.payload)["approved_by"])
                   for j in uow.session.scalars(select(JournalEntry).where(
                       JournalEntry.action.in_(("print.reprint", "drawer.no_sale")))
                       .order_by(JournalEntry.id))]
    assert entries == [("print.reprint", cashier.operator_id, "chef"),
                       ("drawer.no_sale", operator_id(demo, "admin"), "admin")]


def test_nobody_logged_in_settles_nothing(demo, station, clock):
    with pytest.raises(NotLoggedIn):
        refund(demo, scan(demo, clock, [JOYAUX[0]]), station.logged_out(), clock)


def test_a_range_report_offers_the_checked_in_ticket_to_a_supervisor(demo, station, clock):
    from pos.core.services.take_back import TakeBackStatus, range_report, take_refundable

    basket = CancellationBasket()
    with uow_of(demo) as uow:
        report = range_report(uow, "01010003007", "01010003009", basket, clock)
    by_number = {line.number: line for line in report.lines}
    assert by_number[CHECKED_IN].status is TakeBackStatus.CHECKED_IN
    assert [line.number for line in report.approvable] == [CHECKED_IN]
    assert not by_number["01010003009"].needs_approval
    with uow_of(demo) as uow:
        taken = take_refundable(uow, basket, [CHECKED_IN], clock, approved_by="chef")
    assert [t.approved_by for t in taken.refundable] == ["chef"]
    result = refund(demo, basket, as_operator(demo, station, "demo"), clock)
    demo_id, chef_id = operator_id(demo, "demo"), operator_id(demo, "chef")
    assert recorded(demo, result.operation_id) == (demo_id, chef_id, demo_id, "chef", chef_id)


def test_the_settings_drawer_test_is_a_no_sale_opening_too(demo, station, clock, chef):
    from pos.core.services.cash_drawer import record_drawer_test

    cashier = as_operator(demo, station, "demo")
    with pytest.raises(SupervisorRequired), uow_of(demo) as uow:
        record_drawer_test(uow, cashier, clock, "printer")
    with uow_of(demo) as uow:
        entry_id = record_drawer_test(uow, cashier, clock, "printer", chef)
    with uow_of(demo) as uow:
        entry = uow.session.get(JournalEntry, entry_id)
        assert (entry.operator_id, json.loads(entry.payload)["approved_by"]) == (
            cashier.operator_id, "chef")
        assert uow.session.scalar(select(func.count()).select_from(JournalEntry).where(
            JournalEntry.action == "drawer.no_sale")) == 1
