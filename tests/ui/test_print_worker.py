"""The print worker over a real TCP printer: jobs from the database, printed once, in order,
retried after link errors, held on paper out until the cashier says "Réessayer"."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from pos.core.basket import CancellationBasket
from pos.core.errors import SettlementError
from pos.core.models import JournalEntry, Operation, Payment, PaymentMode
from pos.core.models_printing import PrintJob, PrintJobState
from pos.core.services import print_jobs
from pos.core.services.cash_drawer import open_drawer_no_sale
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from pos.devices.connections import NetworkConnection
from pos.devices.drawer import SerialDrawer
from pos.devices.printer import ReceiptPrinter
from pos.devices.status import PrinterStatus
from pos.ui.devices.worker import PrintQueue
from tests.conftest import uow_of
from tests.support.escpos_decoder import DrawerPulse, decode, text_lines
from tests.support.fake_printer import STATUS_TIMEOUT, FakeSerialPrinter
from tests.support.printed import PrintedJobsPrinter

S = PrintJobState


@pytest.fixture
def fake():
    with PrintedJobsPrinter() as printer:
        yield printer


@pytest.fixture
def target(fake):
    """Where the printer's connections go: tests move it to simulate an outage."""
    return {"port": fake.port}


def network_printer(target, kick_pin=2) -> ReceiptPrinter:
    return ReceiptPrinter(
        lambda: NetworkConnection("127.0.0.1", target["port"], timeout=2.0,
                                  status_timeout=STATUS_TIMEOUT), kick_pin=kick_pin)


@pytest.fixture
def make_queue(demo, station, clock, target):
    queues = []

    def make(printer=None, drawer=None, first_pass_after=0.0):
        queue = PrintQueue(demo, station.counter_id, clock,
                           printer or network_printer(target), drawer=drawer,
                           status_interval=3600, first_pass_after=first_pass_after)
        queues.append(queue)
        return queue

    yield make
    for queue in queues:
        queue.stop()


def refund(db, station, clock, number, mode=PaymentMode.CASH):
    basket = CancellationBasket()
    with uow_of(db) as uow:
        take_ticket(uow, basket, number, clock)
    with uow_of(db) as uow:
        return refund_basket(uow, basket, [Tender(mode, basket.refund_total)], station, clock)


def job(db, job_id):
    with uow_of(db) as uow:
        j = uow.session.get(PrintJob, job_id)
        return j.state, j.attempts, j.last_error


def wait_state(qtbot, db, job_id, state, timeout=10_000):
    qtbot.waitUntil(lambda: job(db, job_id)[0] is state, timeout=timeout)


def barrier(qtbot, queue):
    """Return once the worker has gone through a whole turn of its loop."""
    for name in ("barrier-1", "barrier-2"):
        with qtbot.waitSignal(queue.sig_task_done, timeout=10_000,
                              check_params_cb=lambda n, _r, name=name: n == name):
            queue.run_task(name, lambda: None)


def test_a_committed_job_is_printed_and_done(qtbot, demo, station, clock, fake, make_queue):
    queue = make_queue()
    [job_id] = refund(demo, station, clock, "01010002748").print_job_ids
    with qtbot.waitSignal(queue.sig_job_done, timeout=10_000) as done:
        queue.wake()
    assert done.args == ["Reçu ordre 1271"]
    assert job(demo, job_id) == (S.DONE, 1, "")
    [printed] = fake.jobs
    events = decode(printed)
    assert "REMBOURSEMENT" in text_lines(events) and "Ordre 1271" in text_lines(events)
    assert [e.pin for e in events if isinstance(e, DrawerPulse)] == [2]


def test_a_worker_told_to_wait_prints_nothing_before_begin_even_when_woken(
        qtbot, demo, station, clock, fake, make_queue):
    """The window's workers wait for it to be on the screen (``first_pass_after``): a
    wake() meanwhile (a view asking the printer's status) does not start them early."""
    queue = make_queue(first_pass_after=60.0)
    [job_id] = refund(demo, station, clock, "01010002748").print_job_ids
    queue.wake()
    qtbot.wait(400)
    assert fake.jobs == [] and job(demo, job_id)[0] is S.QUEUED
    with qtbot.waitSignal(queue.sig_job_done, timeout=10_000):
        queue.begin()
    assert job(demo, job_id) == (S.DONE, 1, "")


def test_printer_refusing_then_back_is_retried_and_printed_once(
        qtbot, demo, station, clock, fake, target, make_queue):
    with PrintedJobsPrinter() as down:
        down.refuse()
        target["port"] = down.port  # nobody listens there any more
        queue = make_queue()
        [job_id] = refund(demo, station, clock, "01010002748").print_job_ids
        queue.wake()
        wait_state(qtbot, demo, job_id, S.FAILED)
        state, attempts, error = job(demo, job_id)
        assert attempts == 1 and error.startswith("Imprimante injoignable")
        clock.advance(timedelta(seconds=2))  # the first retry is due: still down
        queue.wake()
        qtbot.waitUntil(lambda: job(demo, job_id)[1] == 2, timeout=10_000)
        wait_state(qtbot, demo, job_id, S.FAILED)
    target["port"] = fake.port  # the printer is back
    barrier(qtbot, queue)
    assert job(demo, job_id)[0] is S.FAILED  # not before it is due (4 s after)
    clock.advance(timedelta(seconds=4))
    queue.wake()
    wait_state(qtbot, demo, job_id, S.DONE)
    clock.advance(timedelta(minutes=10))
    queue.wake()
    barrier(qtbot, queue)
    assert len(fake.jobs) == 1  # printed once
    assert job(demo, job_id) == (S.DONE, 3, "")


def test_paper_out_after_the_job_waits_for_the_cashier(
        qtbot, demo, station, clock, fake, make_queue):
    queue = make_queue()
    with qtbot.waitSignal(queue.sig_printer_status, timeout=10_000):
        queue.request_status()
    fake.state = "paper_out"  # runs out while printing the next receipt
    [first] = refund(demo, station, clock, "01010002748").print_job_ids
    with qtbot.waitSignal(queue.sig_paused, timeout=10_000):
        queue.wake()
    state, _attempts, error = job(demo, first)
    assert state is S.WAITING and "plus de papier" in error
    assert queue.printer_status is PrinterStatus.PAPER_OUT
    [second] = refund(demo, station, clock, "01010002747").print_job_ids
    clock.advance(timedelta(hours=1))
    queue.wake()
    barrier(qtbot, queue)
    assert len(fake.jobs) == 1 and job(demo, second)[0] is S.QUEUED  # nothing on its own

    fake.state = "ready"  # paper replaced, the cashier says "Réessayer"
    with uow_of(demo) as uow:
        assert print_jobs.retry(uow, station.counter_id, clock.now()) == 1
    queue.resume()
    wait_state(qtbot, demo, second, S.DONE)
    assert job(demo, first)[0] is S.DONE
    texts = [text_lines(decode(j)) for j in fake.jobs]
    assert ["Ordre 1271" in t for t in texts] == [True, True, False]
    assert "Ordre 1272" in texts[2]


def test_a_connection_dropped_in_mid_job_is_sent_again_whole(
        qtbot, demo, station, clock, fake, make_queue):
    queue = make_queue()
    fake.drop_after(60)
    [job_id] = refund(demo, station, clock, "01010002748").print_job_ids
    queue.wake()
    wait_state(qtbot, demo, job_id, S.FAILED)
    assert fake.jobs == []  # the cut never came
    fake.drop_after(None)
    clock.advance(timedelta(seconds=2))
    queue.wake()
    wait_state(qtbot, demo, job_id, S.DONE)
    [printed] = fake.jobs
    assert "TOTAL" in " ".join(text_lines(decode(printed)))


def test_reprints_are_numbered_duplicates(qtbot, demo, station, clock, fake, make_queue, chef):
    queue = make_queue()
    [original] = refund(demo, station, clock, "01010002748").print_job_ids
    queue.wake()
    wait_state(qtbot, demo, original, S.DONE)
    for _ in range(2):
        with uow_of(demo) as uow:
            copy = print_jobs.reprint(uow, original, counter_id=station.counter_id,
                                      operator_id=station.operator_id, now=clock.now(),
                                          approval=chef)
        queue.wake()
        wait_state(qtbot, demo, copy, S.DONE)
    jobs = [decode(j) for j in fake.jobs]
    assert ["DUPLICATA n°1" in text_lines(e) for e in jobs] == [False, True, False]
    assert ["DUPLICATA n°2" in text_lines(e) for e in jobs] == [False, False, True]
    assert [sum(isinstance(x, DrawerPulse) for x in e) for e in jobs] == [1, 0, 0]


def test_every_drawer_pulse_is_a_committed_cash_event(
        qtbot, demo, station, clock, fake, make_queue, chef):
    queue = make_queue()
    refund(demo, station, clock, "01010002748")  # cash: one pulse
    refund(demo, station, clock, "01010003003", PaymentMode.CARD)  # card: none
    basket = CancellationBasket()
    with uow_of(demo) as uow:
        take_ticket(uow, basket, "01010002747", clock)
    with pytest.raises(SettlementError), uow_of(demo) as uow:  # a settlement that fails
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total + 1)],
                      station, clock)
    with uow_of(demo) as uow:
        open_drawer_no_sale(uow, station, "Rendre la monnaie", clock, chef)
    queue.wake()
    with uow_of(demo) as uow:
        ids = uow.session.scalars(select(PrintJob.id).order_by(PrintJob.id)).all()
    assert len(ids) == 3
    for job_id in ids:
        wait_state(qtbot, demo, job_id, S.DONE)
    pulses = [(i, e) for i, j in enumerate(fake.jobs) for e in decode(j)
              if isinstance(e, DrawerPulse)]
    with uow_of(demo) as uow:
        cash_operations = uow.session.scalars(
            select(Operation.number).join(Payment, Payment.operation_id == Operation.id)
            .where(Payment.mode == PaymentMode.CASH).distinct()).all()
        no_sales = uow.session.scalars(select(JournalEntry.payload)
                                       .where(JournalEntry.action == "drawer.no_sale")).all()
        drawer_jobs = uow.session.scalar(select(func.count()).select_from(PrintJob)
                                         .where(PrintJob.open_drawer.is_(True)))
    assert cash_operations == [1271]
    assert [json.loads(p)["reason"] for p in no_sales] == ["Rendre la monnaie"]
    assert len(pulses) == len(cash_operations) + len(no_sales) == drawer_jobs == 2
    texts = [text_lines(decode(fake.jobs[i])) for i, _ in pulses]
    assert "Ordre 1271" in texts[0]
    assert "OUVERTURE DU TIROIR SANS VENTE" in texts[1]


def test_a_serial_drawer_is_kicked_after_its_receipt(
        qtbot, demo, station, clock, fake, target, make_queue):
    with FakeSerialPrinter() as drawer_port:
        queue = make_queue(printer=network_printer(target, kick_pin=None),
                           drawer=SerialDrawer(drawer_port.path, pin=5))
        [job_id] = refund(demo, station, clock, "01010002748").print_job_ids
        queue.wake()
        wait_state(qtbot, demo, job_id, S.DONE)
        assert decode(drawer_port.wait_for_bytes(5)) == [
            DrawerPulse(pin=5, on_ms=100, off_ms=100)]
    assert not any(isinstance(e, DrawerPulse) for e in decode(fake.jobs[0]))


def test_an_interrupted_job_waits_after_a_restart(qtbot, demo, station, clock, make_queue):
    [job_id] = refund(demo, station, clock, "01010002748").print_job_ids
    with uow_of(demo) as uow:  # a previous run claimed it and stopped in mid-job
        print_jobs.claim_next(uow, station.counter_id, clock.now())
    make_queue()  # the worker starts and finds the interrupted job
    wait_state(qtbot, demo, job_id, S.WAITING)
    assert "Interrompu" in job(demo, job_id)[2]
