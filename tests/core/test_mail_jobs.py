"""The mail outbox (issue 9, "A failed e-mail"): the e-mail of a settlement is written in
its transaction, tried again with the print jobs' backoff when the server does not take
it, sent again after a stop in mid-send, and printed instead when the cashier says so:
never dropped, never both."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.core.errors import MailJobNotPending
from pos.core.models import JournalEntry, PaymentMode, Ticket
from pos.core.models_mail import MailJob, MailJobState
from pos.core.models_printing import PrintJob
from pos.core.services import mail_jobs, print_jobs
from pos.core.services.exchange import settle_exchange
from pos.core.services.mail_jobs import MailRequest
from pos.core.services.refunds import Tender, refund_basket
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan
from tests.core.test_exchange_delivery import exchange
from tests.core.test_exchange_settlement import sell

ADDRESS = "delwakok@secutixtest.com"
MAIL = MailRequest(ADDRESS, "Vos billets - ordre %1", "Bonjour,\n\nOrdre %1.\n")


def by_mail(demo, station, clock, **kw):
    return exchange(demo, station, clock, tickets_print="none",
                    delivery_mode="Envoi par e-mail", mail=MAIL, **kw)


def mails(demo) -> list[MailJob]:
    with uow_of(demo) as uow:
        rows = uow.session.scalars(select(MailJob).order_by(MailJob.id)).all()
        uow.session.expunge_all()
        return list(rows)


def print_kinds(demo) -> list[str]:
    with uow_of(demo) as uow:
        return list(uow.session.scalars(select(PrintJob.kind).order_by(PrintJob.id)))


def test_the_exchange_writes_its_email_in_its_own_transaction(demo, station, clock):
    result = by_mail(demo, station, clock)
    [job] = mails(demo)
    assert job.state is MailJobState.QUEUED and job.recipient == ADDRESS
    assert job.operation_id == result.operation_id
    assert job.subject == f"Vos billets - ordre {result.operation_number}"
    assert f"Ordre {result.operation_number}." in job.body
    assert [d.kind for d in mail_jobs.documents_of(job)] == [d.kind for d in result.documents]
    assert print_kinds(demo) == ["exchange_receipt"]  # the tickets go by e-mail only
    with uow_of(demo) as uow:
        assert mail_jobs.unsent(uow, station.counter_id) == 1


def test_a_settlement_replayed_by_its_key_queues_one_email(demo, station, clock):
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    sell(demo, clock, cancellation, sale, quantity=2, **ids(demo, "Carmina Burana", "Cat 1"))
    results = []
    for _ in range(2):
        with uow_of(demo) as uow:
            results.append(settle_exchange(
                uow, cancellation, sale, [Tender(PaymentMode.CARD, Decimal("10"))], station,
                clock, tickets_print="none", mail=MAIL, idempotency_key="k-mail"))
    assert results[0] == results[1]
    assert len(mails(demo)) == 1


def test_a_failed_send_is_retried_with_the_print_jobs_backoff(demo, station, clock):
    by_mail(demo, station, clock)
    counter = station.counter_id
    for attempt in (1, 2, 3):
        with uow_of(demo) as uow:
            claimed = mail_jobs.claim_next(uow, counter, clock.now())
            assert claimed is not None and claimed.attempts == attempt
            assert claimed.recipient == ADDRESS and len(claimed.documents) == 3
            due = mail_jobs.mark_failed(uow, claimed.id, "connexion refusée", clock.now())
        assert due - clock.now() == print_jobs.retry_delay(attempt)
        with uow_of(demo) as uow:
            assert mail_jobs.next_due(uow, counter) == due
            clock.advance(print_jobs.retry_delay(attempt) - timedelta(milliseconds=1))
            assert mail_jobs.claim_next(uow, counter, clock.now()) is None  # not yet
        clock.advance(timedelta(milliseconds=1))
    with uow_of(demo) as uow:
        claimed = mail_jobs.claim_next(uow, counter, clock.now())
        mail_jobs.mark_sent(uow, claimed.id, clock.now())
    [job] = mails(demo)
    assert job.state is MailJobState.SENT and job.attempts == 4
    with uow_of(demo) as uow:
        assert mail_jobs.claim_next(uow, counter, clock.now()) is None
        assert mail_jobs.unsent(uow, counter) == 0


def test_the_cashiers_retry_sends_it_now(demo, station, clock):
    by_mail(demo, station, clock)
    with uow_of(demo) as uow:
        claimed = mail_jobs.claim_next(uow, station.counter_id, clock.now())
        mail_jobs.mark_failed(uow, claimed.id, "connexion refusée", clock.now())
        assert mail_jobs.claim_next(uow, station.counter_id, clock.now()) is None
    with uow_of(demo) as uow:
        assert mail_jobs.retry(uow, station.counter_id, clock.now(), claimed.id) == 1
    with uow_of(demo) as uow:
        assert mail_jobs.claim_next(uow, station.counter_id, clock.now()).id == claimed.id


def test_a_restart_sends_again_what_a_stop_left_in_mid_send(demo, station, clock):
    by_mail(demo, station, clock)
    with uow_of(demo) as uow:
        claimed = mail_jobs.claim_next(uow, station.counter_id, clock.now())
    # the process stops here; at the next start the worker recovers the job
    with uow_of(demo) as uow:
        assert mail_jobs.recover_interrupted(uow, station.counter_id, clock.now()) == 1
    [job] = mails(demo)
    assert job.state is MailJobState.FAILED and job.last_error == mail_jobs.INTERRUPTED
    clock.advance(print_jobs.retry_delay(1))
    with uow_of(demo) as uow:
        assert mail_jobs.claim_next(uow, station.counter_id, clock.now()).id == claimed.id


def test_printing_instead_prints_the_emailed_tickets_once(demo, station, clock):
    result = by_mail(demo, station, clock)
    [job] = mails(demo)
    with uow_of(demo) as uow:
        claimed = mail_jobs.claim_next(uow, station.counter_id, clock.now())
        mail_jobs.mark_failed(uow, claimed.id, "connexion refusée", clock.now())
    with uow_of(demo) as uow:
        ids = mail_jobs.print_instead(uow, job.id, counter_id=station.counter_id,
                                      operator_id=station.operator_id, now=clock.now())
    assert len(ids) == 2
    # the receipt printed already: only the two tickets are added
    assert print_kinds(demo) == ["exchange_receipt", "ticket", "ticket"]
    [job] = mails(demo)
    assert job.state is MailJobState.PRINTED
    with uow_of(demo) as uow:
        printed = uow.session.scalars(select(Ticket.printed).where(
            Ticket.number.in_(result.new_tickets))).all()
        assert printed == [True, True]
        assert uow.session.scalar(select(func.count()).select_from(JournalEntry).where(
            JournalEntry.action == "mail.print_instead")) == 1
        # never both: the worker does not send it any more
        clock.advance(timedelta(minutes=5))
        assert mail_jobs.claim_next(uow, station.counter_id, clock.now()) is None
    with pytest.raises(MailJobNotPending, match="imprimé à la place"), uow_of(demo) as uow:
        mail_jobs.print_instead(uow, job.id, counter_id=station.counter_id,
                                operator_id=station.operator_id, now=clock.now())
    assert len(print_kinds(demo)) == 3


def test_an_email_being_sent_cannot_be_printed_instead(demo, station, clock):
    by_mail(demo, station, clock)
    with uow_of(demo) as uow:
        claimed = mail_jobs.claim_next(uow, station.counter_id, clock.now())
    with pytest.raises(MailJobNotPending, match="en cours d'envoi"), uow_of(demo) as uow:
        mail_jobs.print_instead(uow, claimed.id, counter_id=station.counter_id,
                                operator_id=station.operator_id, now=clock.now())
    assert print_kinds(demo) == ["exchange_receipt"]


def test_a_refund_by_email_queues_its_receipt_and_voucher(demo, station, clock):
    basket = scan(demo, clock, [JOYAUX[-1]])
    with uow_of(demo) as uow:
        result = refund_basket(uow, basket, [Tender(PaymentMode.CREDIT_NOTE,
                                                     basket.refund_total)],
                               station, clock, mail=MAIL)
    [job] = mails(demo)
    assert [d.kind for d in mail_jobs.documents_of(job)] == [d.kind for d in result.documents]
    assert len(result.documents) == 2 and result.refunded == Decimal("110.00")
    with uow_of(demo) as uow:  # printed at the counter already: nothing more to print
        assert mail_jobs.print_instead(uow, job.id, counter_id=station.counter_id,
                                       operator_id=station.operator_id, now=clock.now()) == ()
    assert len(print_kinds(demo)) == 2


def test_training_mode_queues_no_email(demo, station, clock):
    from dataclasses import replace

    by_mail(demo, replace(station, training=True), clock)
    assert mails(demo) == []


def test_the_worker_and_the_cashier_racing_for_an_email_never_both_win(demo, station, clock):
    """The mail worker claims the e-mails while the cashier prints them instead, on two
    connections at once: each e-mail is sent or printed, never both, never neither."""
    import threading

    from pos.core.documents import Document, Text
    from pos.core.errors import MailJobError

    counter = station.counter_id
    document = Document(kind="ticket", blocks=(Text("Billet"),))
    with uow_of(demo) as uow:
        uow.begin_write()
        ids = [mail_jobs.enqueue(uow.session, counter, None, None, [document], MAIL,
                                 clock.now()) for _ in range(12)]
        uow.commit()
    claimed: list[int] = []
    printed: list[int] = []
    start = threading.Barrier(2)

    def worker() -> None:
        start.wait()
        while True:
            with uow_of(demo) as uow:
                job = mail_jobs.claim_next(uow, counter, clock.now())
            if job is None:
                return
            claimed.append(job.id)

    def cashier() -> None:
        start.wait()
        for job_id in reversed(ids):
            try:
                with uow_of(demo) as uow:
                    mail_jobs.print_instead(uow, job_id, counter_id=counter,
                                            operator_id=station.operator_id, now=clock.now())
                printed.append(job_id)
            except MailJobError:
                pass

    threads = [threading.Thread(target=worker), threading.Thread(target=cashier)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not set(claimed) & set(printed)
    assert sorted(claimed + printed) == ids
    states = {j.id: j.state for j in mails(demo)}
    assert {states[i] for i in claimed} <= {MailJobState.SENDING}
    assert {states[i] for i in printed} <= {MailJobState.PRINTED}
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(func.count()).select_from(PrintJob)) == len(printed)
