"""E-mails that failed are listed with the documents kept (``guichet documents pending``):
each one says what it carries ("Billet 0101… – Carmina Burana – A12", "Reçu ordre 1271",
"Avoir 99…"), to whom, how many tries, the last error and the next try. The failures
are real: a closed port (nobody listens) and a real SMTP server (aiosmtpd) refusing the
recipient."""

from __future__ import annotations

from sqlalchemy import select

from pos.core.models import PaymentMode
from pos.core.models_ledger import CreditNote
from pos.core.services import mail_jobs
from pos.core.services.failed_mail import failed_count, failed_mails
from pos.core.services.mail_jobs import MailRequest
from pos.core.services.print_jobs import retry_delay
from pos.core.services.refunds import Tender, refund_basket
from pos.devices.errors import DeviceError
from pos.devices.mailer import Attachment, attachment_name, send_mail
from pos.devices.pdf import render_pdf
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, scan
from tests.core.test_mail_jobs import ADDRESS, by_mail
from tests.devices.test_mailer import _config, _free_port, smtp_server  # noqa: F401


def send_due(demo, counter_id, clock, config, outbox) -> str | None:
    """What the mail worker does with one due job: send it for real, record how it went;
    returns the error said, None once sent."""
    with uow_of(demo) as uow:
        job = mail_jobs.claim_next(uow, counter_id, clock.now())
    assert job is not None
    try:
        send_mail(config, outbox, recipient=job.recipient, subject=job.subject, body=job.body,
                  attachments=[Attachment(attachment_name(d), render_pdf([d]))
                               for d in job.documents], at=clock.now())
    except DeviceError as exc:
        with uow_of(demo) as uow:
            mail_jobs.mark_failed(uow, job.id, exc.message, clock.now())
        return exc.message
    with uow_of(demo) as uow:
        mail_jobs.mark_sent(uow, job.id, clock.now())
    return None


def test_an_email_the_server_cannot_take_is_listed_until_it_is_sent(
        demo, station, clock, tmp_path, smtp_server):  # noqa: F811
    result = by_mail(demo, station, clock)
    with uow_of(demo) as uow:
        assert failed_mails(uow) == []  # queued, not failed: the worker has it
    closed = _config(_free_port())
    first = send_due(demo, station.counter_id, clock, closed, tmp_path)
    clock.advance(retry_delay(1))
    error = send_due(demo, station.counter_id, clock, closed, tmp_path)
    assert "connexion refusée" in error and first == error
    with uow_of(demo) as uow:
        [mail] = failed_mails(uow)
        assert failed_count(uow, station.counter_id) == 1
    assert (mail.recipient, mail.attempts, mail.last_error) == (ADDRESS, 2, error)
    assert mail.operation_number == result.operation_number and mail.counter == "Guichet 1"
    assert mail.next_try == clock.now() + retry_delay(2)
    assert mail.documents[0] == f"Reçu ordre {result.operation_number}"
    names = [n for n in mail.documents if n.startswith("Billet ")]
    assert sorted(n.split(" – ")[0] for n in names) == sorted(
        f"Billet {t}" for t in result.new_tickets)
    assert all(n.split(" – ")[1] == "Carmina Burana" for n in names)

    with uow_of(demo) as uow:  # the cashier's "Renvoyer": due now, still not sent
        mail_jobs.retry(uow, station.counter_id, clock.now(), mail.id)
    with uow_of(demo) as uow:
        [again] = failed_mails(uow)
        assert failed_count(uow, station.counter_id) == 0  # being sent, not failed
    assert again.next_try == clock.now() and again.last_error == error

    controller, mailbox = smtp_server  # the server is back
    assert send_due(demo, station.counter_id, clock, _config(controller.port), tmp_path) is None
    assert len(mailbox.received) == 1
    with uow_of(demo) as uow:
        assert failed_mails(uow) == []


def test_a_refund_voucher_refused_by_the_server_says_avoir_and_the_refusal(
        demo, station, clock, tmp_path, smtp_server):  # noqa: F811
    controller, mailbox = smtp_server
    basket = scan(demo, clock, [JOYAUX[-1]])
    refused = MailRequest("nobody@refused.test", "Votre avoir - ordre %1", "Bonjour,\n")
    with uow_of(demo) as uow:
        result = refund_basket(uow, basket, [Tender(PaymentMode.CREDIT_NOTE,
                                                     basket.refund_total)],
                               station, clock, mail=refused)
    error = send_due(demo, station.counter_id, clock, _config(controller.port), tmp_path)
    assert error.startswith("Adresse e-mail refusée : « nobody@refused.test »")
    assert mailbox.received == []
    with uow_of(demo) as uow:
        [mail] = failed_mails(uow)
    assert mail.recipient == "nobody@refused.test" and mail.attempts == 1
    with uow_of(demo) as uow:
        [voucher] = uow.session.scalars(select(CreditNote.number).where(
            CreditNote.issued_operation_id == result.operation_id)).all()
    assert mail.documents == (f"Reçu ordre {result.operation_number}", f"Avoir {voucher}")


def test_an_email_printed_instead_is_no_longer_listed(demo, station, clock, tmp_path):
    by_mail(demo, station, clock)
    send_due(demo, station.counter_id, clock, _config(_free_port()), tmp_path)
    with uow_of(demo) as uow:
        [mail] = failed_mails(uow)
        mail_jobs.print_instead(uow, mail.id, counter_id=station.counter_id,
                                operator_id=station.operator_id, now=clock.now())
    with uow_of(demo) as uow:
        assert failed_mails(uow) == []
