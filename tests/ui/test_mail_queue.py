"""A failed e-mail (issue 9, "Delivery loses nothing"): with the mail server unreachable (a
closed port) the exchange's e-mail is queued, shown in the print/send jobs window
(Ctrl+J), sent by the mail worker once a real SMTP server (aiosmtpd) listens on that
port, sent after a restart of the window, or printed instead in one key (Ctrl+P) on the
loopback printer."""

from __future__ import annotations

import email
import email.policy
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget
from sqlalchemy import select

from pos.config import MailConfig, parse_config
from pos.core.models_mail import MailJob, MailJobState
from pos.core.services.orders import order_summary
from pos.core.services.print_jobs import retry_delay
from pos.ui.app import build_main_window, make_printer
from tests.conftest import uow_of
from tests.devices.test_mailer import Mailbox, _free_port
from tests.ui.conftest import label, scan_field
from tests.ui.exchange_window_support import printed
from tests.ui.test_exchange_email import ADDRESS, attachments_of, exchange_by_email

SENDER = "billetterie@theatre.test"


@pytest.fixture
def port():
    """A port nobody listens on (until a test starts its server there)."""
    return _free_port()


@pytest.fixture
def server(port):
    """Starts a real SMTP server on ``port`` when called; stopped at the end."""
    started: list[Controller] = []

    def start() -> Mailbox:
        mailbox = Mailbox()
        controller = Controller(mailbox, hostname="127.0.0.1", port=port)
        controller.start()
        started.append(controller)
        return mailbox

    yield start
    for controller in started:
        controller.stop()


def mail_to(window, port: int) -> None:
    window.controller.exchange_settlement.mail_config = MailConfig(
        host="127.0.0.1", port=port, security="none", sender=SENDER, timeout=3.0)


def fail_by_email(qtbot, window, demo, clock, port: int) -> None:
    mail_to(window, port)  # nobody listens there
    exchange_by_email(qtbot, window, demo, clock)
    qtbot.waitUntil(lambda: "n'a pas pu être envoyé" in label(window, "messageLabel"),
                    timeout=30_000)
    text = label(window, "messageLabel")
    assert text.startswith("L'e-mail de l'ordre 1271 n'a pas pu être envoyé : ")
    assert "connexion refusée" in text
    assert text.endswith("Il sera renvoyé ; la fenêtre des impressions (Ctrl+J) peut "
                         "l'imprimer à la place.")


def open_jobs(qtbot, window) -> QTableWidget:
    qtbot.keyClick(scan_field(window), Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    found: list[QTableWidget] = []

    def shown():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "printJobsDialog"
        found.append(dialog.findChild(QTableWidget, "mailJobsTable"))

    qtbot.waitUntil(shown)
    table = found[-1]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is table.window())  # its keys
    return table


def row(table: QTableWidget, r: int = 0) -> list[str]:
    return [table.item(r, c).text() for c in range(table.columnCount())]


def mail_states(demo) -> list[MailJobState]:
    with uow_of(demo) as uow:
        return list(uow.session.scalars(select(MailJob.state).order_by(MailJob.id)))


def new_ticket(demo) -> dict:
    with uow_of(demo) as uow:
        order = order_summary(uow, 959)
    return next(t for t in order["tickets"] if t["event"] == "Carmina Burana")


def test_an_unreachable_server_queues_the_email_and_it_goes_when_the_server_is_back(
        window, qtbot, demo, clock, printer, port, server):
    fail_by_email(qtbot, window, demo, clock, port)
    table = open_jobs(qtbot, window)
    cells = row(table)
    assert cells[1] == f"À {ADDRESS} - Vos billets - ordre 1271"
    assert cells[2:4] == ["non envoyé (nouvel essai)", "1"]
    assert "connexion refusée" in cells[5]
    ticket = new_ticket(demo)
    assert ticket["printed"] is False  # neither e-mailed nor printed yet: queued

    mailbox = server()  # the server comes up; the retry is due after the backoff
    clock.advance(retry_delay(1))
    qtbot.waitUntil(lambda: len(mailbox.received) == 1, timeout=30_000)
    [envelope] = mailbox.received
    assert envelope.rcpt_tos == [ADDRESS]
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert message["Subject"] == "Vos billets - ordre 1271"
    assert f"billet-{ticket['number']}.pdf" in attachments_of(message)
    qtbot.waitUntil(lambda: row(table)[2] == "envoyé", timeout=10_000)
    assert row(table)[3] == "2"
    qtbot.waitUntil(lambda: label(window, "messageLabel") == f"E-mail envoyé à {ADDRESS}.")
    assert mail_states(demo) == [MailJobState.SENT]


def test_one_key_prints_the_failed_email_instead(window, qtbot, demo, clock, printer, port,
                                                 server):
    fail_by_email(qtbot, window, demo, clock, port)
    printer.wait_for_jobs(2, timeout=20)  # the receipt and the voucher, as always
    table = open_jobs(qtbot, window)
    dialog = table.window()
    button = dialog.findChild(QPushButton, "printMailInsteadButton")
    assert button.text() == "Imprimer à la place [Ctrl+P]" and button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    ticket = new_ticket(demo)
    # a button's key clicks it from the event loop (animateClick): keep the loop turning
    qtbot.waitUntil(lambda: len(printer.jobs) >= 3, timeout=20_000)
    jobs = printer.jobs
    assert printed(jobs[2])[1] == [ticket["number"]]  # the e-mailed ticket, on paper
    qtbot.waitUntil(lambda: row(table)[2] == "imprimé à la place")
    assert not button.isEnabled()
    assert new_ticket(demo)["printed"] is True
    assert mail_states(demo) == [MailJobState.PRINTED]
    # the server coming back sends nothing: the customer has the paper ticket
    mailbox = server()
    clock.advance(timedelta(minutes=5))
    window.controller.devices.mail_queue.wake()
    qtbot.wait(300)
    assert mailbox.received == []


def test_a_restart_sends_the_email_left_unsent(window, qtbot, demo, clock, printer, port,
                                               server):
    fail_by_email(qtbot, window, demo, clock, port)
    window.close()  # the counter is shut down with the e-mail not sent

    mailbox = server()
    config = parse_config(f"""
[counter]
name = "Guichet 1"
venue_name = "Théâtre de la Ville"
[printer]
connection = "network"
host = "127.0.0.1"
port = {printer.port}
timeout = 3
[mail]
host = "127.0.0.1"
port = {port}
security = "none"
sender = "{SENDER}"
timeout = 3
""")
    again = build_main_window(config, demo, clock, make_printer(config), operator="demo")
    qtbot.addWidget(again)
    try:
        clock.advance(retry_delay(1))
        again.controller.devices.mail_queue.wake()
        qtbot.waitUntil(lambda: len(mailbox.received) == 1, timeout=30_000)
        message = email.message_from_bytes(mailbox.received[0].original_content,
                                           policy=email.policy.default)
        assert message["To"] == ADDRESS and message["Subject"] == "Vos billets - ordre 1271"
        qtbot.waitUntil(lambda: mail_states(demo) == [MailJobState.SENT], timeout=10_000)
    finally:
        again.close()



def test_send_again_in_one_key_does_not_wait_for_the_backoff(window, qtbot, demo, clock,
                                                             printer, port, server):
    fail_by_email(qtbot, window, demo, clock, port)
    table = open_jobs(qtbot, window)
    mailbox = server()  # the clock does not move: only the cashier's key sends it now
    button = table.window().findChild(QPushButton, "retryMailButton")
    assert button.text() == "Renvoyer [Ctrl+E]"
    qtbot.keyClick(table.window(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(mailbox.received) == 1, timeout=30_000)
    qtbot.waitUntil(lambda: row(table)[2] == "envoyé", timeout=10_000)
