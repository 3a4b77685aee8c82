"""Print jobs in the database: written with the operation, moved through checked states."""

from __future__ import annotations

import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from pos.core.basket import CancellationBasket
from pos.core.documents import Heading, Text, from_json
from pos.core.errors import SettlementError, TicketNotRefundable
from pos.core.models import JournalEntry, PaymentMode
from pos.core.models_printing import PrintJob, PrintJobState
from pos.core.services import print_jobs
from pos.core.services.cash_drawer import NoSaleRefused, open_drawer_no_sale
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from tests.conftest import uow_of

S = PrintJobState


def basket_of(db, clock, *numbers):
    basket = CancellationBasket()
    for n in numbers:
        with uow_of(db) as uow:
            take_ticket(uow, basket, n, clock)
    return basket


def jobs_of(db):
    with uow_of(db) as uow:
        jobs = uow.session.scalars(select(PrintJob).order_by(PrintJob.id)).all()
        return [SimpleNamespace(**{c.key: getattr(j, c.key) for c in PrintJob.__table__.c})
                for j in jobs]


def test_a_cash_refund_writes_its_job_in_the_same_commit(demo, station, clock):
    basket = basket_of(demo, clock, "01010002748")
    with uow_of(demo) as uow:
        result = refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                               station, clock)
    [job] = jobs_of(demo)
    assert result.print_job_ids == (job.id,)
    assert job.state is S.QUEUED and job.open_drawer and job.kind == "refund_receipt"
    assert job.operation_id == result.operation_id
    assert from_json(job.document) == result.documents[0]


def test_a_card_refund_never_opens_the_drawer(demo, station, clock):
    basket = basket_of(demo, clock, "01010003003")
    with uow_of(demo) as uow:
        refund_basket(uow, basket, [Tender(PaymentMode.CARD, basket.refund_total)], station,
                      clock)
    assert [j.open_drawer for j in jobs_of(demo)] == [False]


def test_a_failed_settlement_leaves_no_job(demo, station, clock):
    basket = basket_of(demo, clock, "01010002748")
    with pytest.raises(SettlementError), uow_of(demo) as uow:
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total - 1)],
                      station, clock)
    basket2 = basket_of(demo, clock, "01010002747")
    # the ticket is refunded elsewhere between the scan and the settlement
    with uow_of(demo) as uow:
        refund_basket(uow, basket_of(demo, clock, "01010002747"),
                      [Tender(PaymentMode.CASH, basket2.refund_total)], station, clock)
    with pytest.raises(TicketNotRefundable), uow_of(demo) as uow:
        refund_basket(uow, basket2, [Tender(PaymentMode.CASH, basket2.refund_total)],
                      station, clock)
    assert len(jobs_of(demo)) == 1  # the one committed refund


def test_lifecycle_and_illegal_transitions(demo, station, clock):
    basket = basket_of(demo, clock, "01010002748")
    with uow_of(demo) as uow:
        [job_id] = refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                                 station, clock).print_job_ids
    now = clock.now()
    with uow_of(demo) as uow:
        claimed = print_jobs.claim_next(uow, station.counter_id, now)
    assert claimed.id == job_id and claimed.attempts == 1 and claimed.open_drawer
    with uow_of(demo) as uow:
        assert print_jobs.claim_next(uow, station.counter_id, now) is None  # SENDING
    with uow_of(demo) as uow:
        due = print_jobs.mark_failed(uow, job_id, "Imprimante injoignable", now)
    assert due == now + timedelta(seconds=2)
    with uow_of(demo) as uow:
        assert print_jobs.claim_next(uow, station.counter_id, now) is None  # not yet due
        assert print_jobs.next_due(uow, station.counter_id) == due
    with uow_of(demo) as uow:
        claimed = print_jobs.claim_next(uow, station.counter_id, due)
    assert claimed.attempts == 2
    with uow_of(demo) as uow:
        assert print_jobs.mark_failed(uow, job_id, "x", due) == due + timedelta(seconds=4)
    with uow_of(demo) as uow:
        claimed = print_jobs.claim_next(uow, station.counter_id, due + timedelta(seconds=4))
    with uow_of(demo) as uow:
        print_jobs.mark_done(uow, job_id, now)
    for bad in (lambda uow: print_jobs.mark_done(uow, job_id, now),
                lambda uow: print_jobs.mark_failed(uow, job_id, "x", now),
                lambda uow: print_jobs.mark_waiting(uow, job_id, "x", now)):
        with pytest.raises(print_jobs.IllegalPrintJobTransition), uow_of(demo) as uow:
            bad(uow)
    with uow_of(demo) as uow:
        assert print_jobs.retry(uow, station.counter_id, now) == 0  # DONE stays done
        assert print_jobs.claim_next(uow, station.counter_id, now) is None
    with uow_of(demo) as uow:
        [view] = print_jobs.list_jobs(uow, station.counter_id)
    assert (view.state, view.attempts, view.operation_number) == (S.DONE, 3, 1271)


def test_waiting_jobs_wait_for_the_cashier(demo, station, clock, chef):
    now = clock.now()
    with uow_of(demo) as uow:
        result = open_drawer_no_sale(uow, station, "Rendre la monnaie", clock, chef)
    [job_id] = result.print_job_ids
    with uow_of(demo) as uow:
        print_jobs.claim_next(uow, station.counter_id, now)
    with uow_of(demo) as uow:
        print_jobs.mark_waiting(uow, job_id, "Imprimante non prête : plus de papier.", now)
    with uow_of(demo) as uow:
        assert print_jobs.claim_next(uow, station.counter_id, now + timedelta(days=1)) is None
        assert print_jobs.pending_attention(uow, station.counter_id) == 1
    with uow_of(demo) as uow:
        assert print_jobs.retry(uow, station.counter_id, now) == 1
    with uow_of(demo) as uow:
        assert print_jobs.claim_next(uow, station.counter_id, now).id == job_id


def test_interrupted_job_is_not_sent_again_on_its_own(demo, station, clock, chef):
    now = clock.now()
    with uow_of(demo) as uow:
        [job_id] = open_drawer_no_sale(uow, station, "Contrôle", clock, chef).print_job_ids
    with uow_of(demo) as uow:
        print_jobs.claim_next(uow, station.counter_id, now)
    with uow_of(demo) as uow:  # the program stopped in mid-job, then starts again
        assert print_jobs.recover_interrupted(uow, station.counter_id, now) == 1
    with uow_of(demo) as uow:
        assert print_jobs.claim_next(uow, station.counter_id, now) is None
        [view] = print_jobs.list_jobs(uow, station.counter_id)
    assert view.state is S.WAITING and "Interrompu" in view.last_error


def test_reprint_is_a_numbered_duplicate_without_drawer(demo, station, clock, chef):
    basket = basket_of(demo, clock, "01010002748")
    with uow_of(demo) as uow:
        [original] = refund_basket(
            uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)], station,
            clock).print_job_ids
    ids = []
    for asked_on in (original, original):
        with uow_of(demo) as uow:
            ids.append(print_jobs.reprint(uow, asked_on, counter_id=station.counter_id,
                                          operator_id=station.operator_id, now=clock.now(),
                                          approval=chef))
    with uow_of(demo) as uow:  # a reprint of a duplicate counts on the original
        ids.append(print_jobs.reprint(uow, ids[0], counter_id=station.counter_id,
                                      operator_id=station.operator_id, now=clock.now(),
                                          approval=chef))
    jobs = {j.id: j for j in jobs_of(demo)}
    for k, job_id in enumerate(ids, start=1):
        job = jobs[job_id]
        doc = from_json(job.document)
        assert isinstance(doc.blocks[0], Heading)
        assert doc.blocks[1] == Text(f"DUPLICATA n°{k}", bold=True, align="center")
        assert (job.copy_number, job.reprint_of_id, job.open_drawer) == (k, original, False)
        assert job.state is S.QUEUED
    with uow_of(demo) as uow:
        payloads = uow.session.scalars(select(JournalEntry.payload).where(
            JournalEntry.action == "print.reprint").order_by(JournalEntry.id)).all()
    assert [json.loads(p)["copy"] for p in payloads] == [1, 2, 3]


def test_no_sale_needs_a_reason_and_is_journalled(demo, station, clock, chef):
    with pytest.raises(NoSaleRefused), uow_of(demo) as uow:
        open_drawer_no_sale(uow, station, "   ", clock, chef)
    assert jobs_of(demo) == []
    with uow_of(demo) as uow:
        result = open_drawer_no_sale(uow, station, "  Rendre   la monnaie ", clock, chef)
    with uow_of(demo) as uow:
        entry = uow.session.get(JournalEntry, result.journal_entry_id)
        operator_id, payload = entry.operator_id, entry.payload
        count = uow.session.scalar(select(func.count()).select_from(JournalEntry)
                                   .where(JournalEntry.action == "drawer.no_sale"))
    assert count == 1 and operator_id == station.operator_id
    assert json.loads(payload) == {"operator": "STX_BDD", "reason": "Rendre la monnaie",
                                   "approved_by": "chef", "approved_by_id": chef.supervisor_id}
    [job] = jobs_of(demo)
    assert job.open_drawer and job.kind == "no_sale" and job.operation_id is None
    assert Text("Raison : Rendre la monnaie") in from_json(job.document).blocks
