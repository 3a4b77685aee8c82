"""The cash session of a counter: float, cash in and out, the drawer's expected content,
the refusal of a cash refund the drawer cannot pay (with its proposal), the counted
close (a supervisor approves a difference), the X and Z figures."""

from __future__ import annotations

import json
import threading
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.core.demo import DEMO_FLOAT
from pos.core.denominations import total
from pos.core.errors import (
    BadDenominationCount,
    CashMovementRefused,
    CashOutExceedsDrawer,
    CashRefundExceedsDrawer,
    CashSessionAlreadyOpen,
    CloseNeedsApproval,
    NoCashSession,
    UnknownDenomination,
)
from pos.core.models import JournalEntry, Payment, PaymentMode, Ticket, TicketState
from pos.core.models_cash import CashMovement, CashMovementKind, CashSession
from pos.core.models_printing import PrintJob
from pos.core.services.approvals import approve
from pos.core.services.cash_reports import session_report
from pos.core.services.cash_sessions import (
    close_session,
    current_session,
    move_cash,
    open_session,
)
from pos.core.services.operation_notes import OperationNotes
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.station import ensure_station
from tests.conftest import uow_of
from tests.core.exchange_support import ids, new_sale, scan
from tests.core.test_exchange_settlement import sell, settle

D = Decimal
JOYAUX = [f"0101000{n}" for n in range(2727, 2749)]  # 110,00 € each, order 959
FLOAT_130 = {5000: 2, 1000: 3}  # 2 x 50 € + 3 x 10 €


def fresh_drawer(db, station, clock, count=FLOAT_130):
    """The demo's session closed (nothing happened in it) and a new one opened."""
    with uow_of(db) as uow:
        close_session(uow, station, clock, DEMO_FLOAT)
    with uow_of(db) as uow:
        return open_session(uow, station, clock, count)


def expected(db, station):
    with uow_of(db) as uow:
        return current_session(uow, station.counter_id).expected


def refund(db, numbers, tenders, station, clock, cause=""):
    basket = scan(db, clock, numbers)
    with uow_of(db) as uow:
        return refund_basket(uow, basket, tenders(basket.refund_total), station, clock,
                             notes=OperationNotes(cause=cause))


def cash(amount):
    return [Tender(PaymentMode.CASH, amount)]


def test_the_demo_counter_starts_with_its_drawer_open(demo, station):
    with uow_of(demo) as uow:
        session = current_session(uow, station.counter_id)
    assert session.float_amount == total(DEMO_FLOAT) == D("1000.00")
    assert session.expected == D("1000.00")


def test_a_float_is_counted_in_euro_coins_and_notes(demo, station, clock):
    with uow_of(demo) as uow:
        close_session(uow, station, clock, DEMO_FLOAT)
    with uow_of(demo) as uow, pytest.raises(UnknownDenomination):
        open_session(uow, station, clock, {300: 1})  # no 3 € coin
    with uow_of(demo) as uow, pytest.raises(BadDenominationCount) as refused:
        open_session(uow, station, clock, {100: -2})
    assert "1 €" in refused.value.message
    with uow_of(demo) as uow:
        session = open_session(uow, station, clock, {1: 3, 50000: 1, 200: 4})
    assert session.float_amount == D("508.03")
    with uow_of(demo) as uow:
        row = uow.session.get(CashSession, session.id)
        assert json.loads(row.float_count) == {"50000": 1, "200": 4, "1": 3}


def test_the_expected_drawer_follows_every_cash_movement(demo, station, clock):
    fresh_drawer(demo, station, clock)
    assert expected(demo, station) == D("130.00")
    refund(demo, [JOYAUX[0]], cash, station, clock)  # -110
    assert expected(demo, station) == D("20.00")
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    sell(demo, clock, cancellation, sale, quantity=2, **ids(demo, "Don Giovanni", "Cat 1"))
    result = settle(demo, cancellation, sale, [Tender(PaymentMode.CASH, D("100.00"))],
                    station, clock)
    assert result.change == D("20.00")
    assert expected(demo, station) == D("100.00")  # +80: 100 handed over, 20 given back
    refund(demo, [JOYAUX[1]], lambda amount: [Tender(PaymentMode.CREDIT_NOTE, amount)],
           station, clock)
    assert expected(demo, station) == D("100.00")  # a credit note moves no cash
    with uow_of(demo) as uow:
        move_cash(uow, station, clock, CashMovementKind.IN, D("50.00"), "Monnaie du coffre")
    with uow_of(demo) as uow:
        out = move_cash(uow, station, clock, CashMovementKind.OUT, D("30.00"),
                        "  Dépôt   au coffre ")
    assert out.expected == expected(demo, station) == D("120.00")
    with uow_of(demo) as uow:
        report = session_report(uow, out.session_id, now=clock.now())
        reasons = list(uow.session.scalars(select(CashMovement.reason)
                                           .order_by(CashMovement.id)))
        kicks = uow.session.scalar(select(func.count()).select_from(PrintJob)
                                   .where(PrintJob.open_drawer.is_(True)))
    assert reasons == ["Monnaie du coffre", "Dépôt au coffre"]
    assert (report.cash.taken, report.cash.given) == (D("80.00"), D("-110.00"))
    assert (report.cash_in, report.cash_out) == (D("50.00"), D("-30.00"))
    # The running figure and the rows summed again agree.
    assert report.expected == report.expected_from_rows == D("120.00")
    assert kicks == 5  # opening, cash refund, cash exchange, cash in, cash out


def test_a_cash_refund_beyond_the_drawer_is_refused_with_a_proposal(demo, station, clock):
    fresh_drawer(demo, station, clock)
    basket = scan(demo, clock, JOYAUX[:2])  # 220,00 €
    with uow_of(demo) as uow:
        numbers_before = uow.session.scalar(select(func.count()).select_from(Payment))
    with uow_of(demo) as uow, pytest.raises(CashRefundExceedsDrawer) as refused:
        refund_basket(uow, basket, cash(D("220.00")), station, clock)
    message = refused.value.message.replace("\u202f", " ").replace("\xa0", " ")
    assert message == ("Le tiroir ne contient que 130,00 € : 220,00 € ne peuvent pas être "
                       "rendus en espèces. Rendez 130,00 € en espèces et le reste, 90,00 €, "
                       "en avoir ou dans un autre mode.")
    assert refused.value.details["available_amount"] == D("130.00")
    with uow_of(demo) as uow:  # nothing written: tickets, payments, drawer as they were
        states = set(uow.session.scalars(select(Ticket.state).where(
            Ticket.number.in_(JOYAUX[:2]))))
        assert uow.session.scalar(select(func.count()).select_from(Payment)) == numbers_before
    assert states == {TicketState.VALID}
    assert expected(demo, station) == D("130.00")
    # The proposal, taken: the drawer's content in cash, the rest as a credit note.
    with uow_of(demo) as uow:
        result = refund_basket(uow, basket, [Tender(PaymentMode.CASH, D("130.00")),
                                             Tender(PaymentMode.CREDIT_NOTE, D("90.00"))],
                               station, clock)
    assert result.operation_number == 1271  # the refused attempt took no number
    assert expected(demo, station) == D("0.00")


def test_without_an_open_session_no_cash_changes_hands(demo, station, clock):
    with uow_of(demo) as uow:
        close_session(uow, station, clock, DEMO_FLOAT)
    with pytest.raises(NoCashSession) as refused:
        refund(demo, [JOYAUX[0]], cash, station, clock)
    assert "Aucune session de caisse n'est ouverte au Guichet 1" in refused.value.message
    # Other modes need no drawer.
    done = refund(demo, [JOYAUX[0]], lambda a: [Tender(PaymentMode.CREDIT_NOTE, a)],
                  station, clock)
    assert done.refunded == D("110.00")
    with uow_of(demo) as uow, pytest.raises(NoCashSession):
        move_cash(uow, station, clock, CashMovementKind.IN, D("10.00"), "Monnaie")


def test_cash_out_is_refused_beyond_the_drawer_or_without_reason(demo, station, clock):
    fresh_drawer(demo, station, clock)
    with uow_of(demo) as uow, pytest.raises(CashOutExceedsDrawer) as refused:
        move_cash(uow, station, clock, CashMovementKind.OUT, D("130.01"), "Coffre")
    assert "130,00" in refused.value.message and "130,01" in refused.value.message
    with uow_of(demo) as uow, pytest.raises(CashMovementRefused):
        move_cash(uow, station, clock, CashMovementKind.IN, D("5.00"), "   ")
    assert expected(demo, station) == D("130.00")


def test_one_session_per_counter(demo, station, clock):
    with uow_of(demo) as uow, pytest.raises(CashSessionAlreadyOpen) as refused:
        open_session(uow, station, clock, FLOAT_130)
    assert "Guichet 1" in refused.value.message
    with uow_of(demo) as uow:
        other = ensure_station(uow, counter="Guichet 2", sales_point="Guichet",
                               operator="STX_BDD")
    with uow_of(demo) as uow:
        second = open_session(uow, other, clock, FLOAT_130)
    with uow_of(demo) as uow:
        first = current_session(uow, station.counter_id)
    assert second.id != first.id and second.counter_id != first.counter_id


def test_a_close_with_a_difference_needs_a_supervisor(demo, station, clock):
    fresh_drawer(demo, station, clock)
    refund(demo, [JOYAUX[0]], lambda a: [Tender(PaymentMode.CASH, D("100.00")),
                                         Tender(PaymentMode.CREDIT_NOTE, D("10.00"))],
           station, clock)
    short = {1000: 2, 500: 1}  # 25,00 € counted, 30,00 € expected
    with uow_of(demo) as uow, pytest.raises(CloseNeedsApproval) as refused:
        close_session(uow, station, clock, short)
    message = refused.value.message.replace("\u202f", " ").replace("\xa0", " ")
    assert "-5,00 €" in message and "25,00 €" in message and "30,00 €" in message
    assert expected(demo, station) == D("30.00")  # still open
    with uow_of(demo) as uow:
        approval = approve(uow, login="chef", pin="9999", station=station, clock=clock,
                           reason="Écart de caisse")
    with uow_of(demo) as uow:
        closed = close_session(uow, station, clock, short, approval)
    assert (closed.expected, closed.counted, closed.difference) == (
        D("30.00"), D("25.00"), D("-5.00"))
    with uow_of(demo) as uow:
        row = uow.session.get(CashSession, closed.session_id)
        entry = uow.session.scalars(select(JournalEntry).where(
            JournalEntry.action == "cash_session.closed").order_by(JournalEntry.id.desc())).first()
        assert current_session(uow, station.counter_id) is None
    assert row.difference == D("-5.00") and row.approved_by_id == approval.supervisor_id
    assert json.loads(row.counted_count) == {"1000": 2, "500": 1}
    assert json.loads(entry.payload)["supervisor"] == "chef"
    assert json.loads(entry.payload)["difference"] == "-5.00"
    assert closed.report.approved_by == "chef"


def test_the_z_report_figures(demo, station, clock):
    fresh_drawer(demo, station, clock, {5000: 10})  # 500,00 €
    refund(demo, [JOYAUX[0]], cash, station, clock, cause="Spectacle annulé")
    refund(demo, [JOYAUX[1]], lambda a: [Tender(PaymentMode.CREDIT_NOTE, a)], station, clock,
           cause="Spectacle annulé")
    refund(demo, JOYAUX[2:4], lambda a: [Tender(PaymentMode.CASH, D("200.00")),
                                         Tender(PaymentMode.CREDIT_NOTE, D("20.00"))],
           station, clock, cause="Maladie")
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    sell(demo, clock, cancellation, sale, quantity=2, **ids(demo, "Don Giovanni", "Cat 1"))
    settle(demo, cancellation, sale, [Tender(PaymentMode.CARD, D("80.00"))], station, clock)
    with uow_of(demo) as uow:
        move_cash(uow, station, clock, CashMovementKind.OUT, D("100.00"), "Coffre")
    with uow_of(demo) as uow:
        closed = close_session(uow, station, clock, {5000: 1, 1000: 4})  # 90 = 500-310-100
    z = closed.report
    assert closed.difference == D("0.00") and z.closed
    assert (z.operations, z.first_number, z.last_number) == (4, 1271, 1274)
    modes = {m.mode: (m.taken, m.given) for m in z.modes}
    assert modes == {"cash": (D("0.00"), D("-310.00")), "credit_note": (D("0.00"), D("-130.00")),
                     "card": (D("80.00"), D("0.00"))}
    by_mode = {(ln.kind, ln.key): (ln.operations, ln.amount) for ln in z.lines.by_mode}
    assert by_mode == {("refund", "cash"): (2, D("-310.00")),
                       ("refund", "credit_note"): (2, D("-130.00")),
                       ("exchange", "card"): (1, D("80.00"))}
    by_cause = {(ln.kind, ln.key): (ln.operations, ln.amount) for ln in z.lines.by_cause}
    assert by_cause == {("refund", "Spectacle annulé"): (2, D("-220.00")),
                        ("refund", "Maladie"): (1, D("-220.00")),
                        ("exchange", ""): (1, D("80.00"))}
    assert z.cash_out == D("-100.00") and z.expected == z.expected_from_rows == D("90.00")
    assert z.grand_total == D("-360.00")  # every payment of this counter, ever
    with uow_of(demo) as uow:
        close_entry = uow.session.scalar(select(CashSession.close_entry_id).where(
            CashSession.id == closed.session_id))
        job = uow.session.get(PrintJob, closed.print_job_ids[0])
        head = uow.session.scalar(select(JournalEntry.hash).where(
            JournalEntry.id == close_entry))
    assert z.chain_head == head and len(head) == 64  # the closing entry's hash
    assert job.kind == "z_report" and not job.open_drawer
    assert "RAPPORT Z" in job.document and "1271" in job.document
    # Read again later, the Z says the same (the grand total as it was at the close).
    refund(demo, [JOYAUX[5]], lambda a: [Tender(PaymentMode.CARD, a)], station, clock)
    with uow_of(demo) as uow:
        again = session_report(uow, closed.session_id, now=clock.now())
    assert again.grand_total == D("-360.00") and again.operations == 4


def test_two_cash_refunds_at_once_never_empty_the_drawer_twice(demo, station, clock):
    """Two windows of one counter (the same session) give back 110 € each from a drawer
    of 130 €: the check is the conditional UPDATE in the write transaction, so exactly
    one is paid and the other refused with its proposal."""
    fresh_drawer(demo, station, clock)
    baskets = [scan(demo, clock, [n]) for n in JOYAUX[:2]]
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def run(i: int) -> None:
        barrier.wait()
        try:
            with uow_of(demo) as uow:
                outcomes[i] = refund_basket(uow, baskets[i], cash(D("110.00")), station, clock)
        except Exception as error:  # noqa: BLE001 - the test looks at what it is
            outcomes[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], CashRefundExceedsDrawer), outcomes
    assert expected(demo, station) == D("20.00")


def test_two_windows_opening_one_counter_open_one_session(demo, station, clock):
    with uow_of(demo) as uow:
        close_session(uow, station, clock, DEMO_FLOAT)
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def run(i: int) -> None:
        barrier.wait()
        try:
            with uow_of(demo) as uow:
                outcomes[i] = open_session(uow, station, clock, FLOAT_130)
        except Exception as error:  # noqa: BLE001
            outcomes[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], CashSessionAlreadyOpen), outcomes
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(func.count()).select_from(CashSession).where(
            CashSession.counter_id == station.counter_id)) == 2  # the demo's, and one
