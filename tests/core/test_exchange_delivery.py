"""How an exchange's new tickets leave the counter: printed now, kept for later (print
jobs WAITING until the cashier asks), or not printed at all (sent by e-mail); and the
pay split the TOUT PAYER dialog shows."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.core.errors import SettlementError
from pos.core.exchange_tender import PaySplit
from pos.core.models import PaymentMode, Ticket
from pos.core.models_printing import PrintJob, PrintJobState
from pos.core.services import print_jobs
from pos.core.services.deferred_prints import deferred_jobs, print_deferred
from pos.core.services.exchange import settle_exchange
from pos.core.services.refunds import Tender
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan
from tests.core.test_exchange_settlement import sell

D = Decimal


def exchange(demo, station, clock, **kw):
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    sell(demo, clock, cancellation, sale, quantity=2, **ids(demo, "Carmina Burana", "Cat 1"))
    with uow_of(demo) as uow:  # 2 x 60,00 - 110,00 = 10,00 € to pay
        return settle_exchange(uow, cancellation, sale, [Tender(PaymentMode.CARD, D("10"))],
                               station, clock, **kw)


def jobs(demo):
    with uow_of(demo) as uow:
        return [(j.kind, j.state, j.last_error) for j in
                uow.session.scalars(select(PrintJob).order_by(PrintJob.id))]


def test_later_keeps_the_tickets_waiting_until_the_cashier_prints_them(demo, station, clock):
    result = exchange(demo, station, clock, tickets_print="later")
    W, Q = PrintJobState.WAITING, PrintJobState.QUEUED
    assert jobs(demo) == [("exchange_receipt", Q, ""),
                          ("ticket", W, print_jobs.DEFERRED_NOTE),
                          ("ticket", W, print_jobs.DEFERRED_NOTE)]
    with uow_of(demo) as uow:
        assert [j.state for j in deferred_jobs(uow, station.counter_id)] == [W, W]
        # the worker never takes them on its own
        claimed = print_jobs.claim_next(uow, station.counter_id, clock.now())
        assert claimed.kind == "exchange_receipt"
        print_jobs.mark_done(uow, claimed.id, clock.now())
        assert print_jobs.claim_next(uow, station.counter_id, clock.now()) is None
        printed = uow.session.scalars(select(Ticket.printed).where(
            Ticket.number.in_(result.new_tickets))).all()
    assert printed == [False, False]
    with uow_of(demo) as uow:  # not a problem for "Réessayer", which leaves them alone
        assert print_jobs.pending_attention(uow, station.counter_id) == 0
        assert print_jobs.retry(uow, station.counter_id, clock.now()) == 0
    with uow_of(demo) as uow:
        assert print_deferred(uow, station.counter_id, clock.now()) == 2
    with uow_of(demo) as uow:
        assert deferred_jobs(uow, station.counter_id) == []
        assert print_jobs.claim_next(uow, station.counter_id, clock.now()).kind == "ticket"


def test_none_prints_only_the_receipt_and_notes_the_delivery(demo, station, clock):
    result = exchange(demo, station, clock, tickets_print="none",
                      delivery_mode="Envoi par e-mail")
    assert [k for k, _, _ in jobs(demo)] == ["exchange_receipt"]
    assert [d.kind for d in result.documents] == ["exchange_receipt", "ticket", "ticket"]
    with uow_of(demo) as uow:
        modes = uow.session.scalars(select(Ticket.delivery_mode).where(
            Ticket.number.in_(result.new_tickets))).all()
    assert modes == ["Envoi par e-mail"] * 2


def test_now_is_the_default(demo, station, clock):
    exchange(demo, station, clock)
    assert {s for _, s, _ in jobs(demo)} == {PrintJobState.QUEUED} and len(jobs(demo)) == 3


def test_pay_split_cash_change_and_credit_note_share():
    split = PaySplit(D("80.00"))
    assert split.credit_note_share(D("110.00"), False, "X") == D("80.00")
    split.add(PaymentMode.CARD, D("30"), "CB")
    with pytest.raises(SettlementError, match="seules les espèces"):
        split.add(PaymentMode.CHEQUE, D("60"))
    with pytest.raises(SettlementError, match="Scannez"):
        split.add(PaymentMode.CREDIT_NOTE, D("10"))
    assert split.credit_note_share(D("20.00"), False, "X") == D("20.00")
    with pytest.raises(SettlementError, match="expiré"):
        split.credit_note_share(D("20.00"), True, "X")
    split.add(PaymentMode.CASH, D("100"))
    assert (split.rest, split.change, split.complete) == (D("0.00"), D("50.00"), True)
    with pytest.raises(SettlementError, match="déjà réglé"):
        split.add(PaymentMode.CASH, D("1"))
    assert [(t.mode, t.amount) for t in split.tenders()] == [
        (PaymentMode.CARD, D("30.00")), (PaymentMode.CASH, D("100.00"))]
