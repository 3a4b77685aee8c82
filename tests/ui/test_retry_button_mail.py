"""The status bar's "Réessayer" (``retryPrintButton``, Ctrl+R) counts the failed e-mails
with the print jobs that wait, and retries both: the mail server is a real closed port,
then a real SMTP server (aiosmtpd) listening there; the printer is the loopback one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from pos.core.models_mail import MailJob, MailJobState
from pos.core.models_printing import PrintJob, PrintJobState
from tests.conftest import uow_of
from tests.ui.conftest import scan_field
from tests.ui.test_devices_window import status_label
from tests.ui.test_exchange_email import ADDRESS, exchange_by_email
from tests.ui.test_mail_queue import mail_states, mail_to, port, server  # noqa: F401


def retry_button(window) -> QPushButton:
    return window.findChild(QPushButton, "retryPrintButton")


def print_states(demo) -> list[PrintJobState]:
    with uow_of(demo) as uow:
        return list(uow.session.scalars(select(PrintJob.state).order_by(PrintJob.id)))


def attempts(demo) -> list[int]:
    with uow_of(demo) as uow:
        return list(uow.session.scalars(select(MailJob.attempts).order_by(MailJob.id)))


def test_the_button_counts_a_failed_email_and_ctrl_r_sends_it(
        window, qtbot, demo, clock, printer, port, server):  # noqa: F811
    button = retry_button(window)
    assert not button.isVisible()
    mail_to(window, port)  # nobody listens there
    exchange_by_email(qtbot, window, demo, clock)
    qtbot.waitUntil(lambda: mail_states(demo) == [MailJobState.FAILED], timeout=30_000)
    qtbot.waitUntil(lambda: button.isVisible(), timeout=10_000)
    assert button.text() == "Réessayer : 1 e-mail en échec [Ctrl+R]"
    printer.wait_for_jobs(2, timeout=20)  # the receipt and the voucher printed

    mailbox = server()  # back, but the clock does not move: only the cashier's key sends
    qtbot.keyClick(scan_field(window), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(mailbox.received) == 1, timeout=30_000)
    assert mailbox.received[0].rcpt_tos == [ADDRESS]
    qtbot.waitUntil(lambda: mail_states(demo) == [MailJobState.SENT], timeout=10_000)
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=10_000)
    assert attempts(demo) == [1]  # sent again from scratch, not after the backoff


def test_prints_and_emails_counted_together_and_retried_in_one_click(
        window, qtbot, demo, clock, printer, port, server):  # noqa: F811
    button = retry_button(window)
    qtbot.waitUntil(lambda: status_label(window) == "Imprimante : prête", timeout=10_000)
    printer.state = "paper_out"
    qtbot.waitUntil(lambda: status_label(window) == "Imprimante : plus de papier",
                    timeout=10_000)
    mail_to(window, port)
    exchange_by_email(qtbot, window, demo, clock)
    qtbot.waitUntil(lambda: mail_states(demo) == [MailJobState.FAILED], timeout=30_000)
    qtbot.waitUntil(lambda: button.text() == "Réessayer : 1 impression, 1 e-mail en échec "
                    "[Ctrl+R]", timeout=10_000)
    assert PrintJobState.WAITING in print_states(demo)
    assert printer.jobs == []

    printer.state = "ready"
    mailbox = server()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(mailbox.received) == 1, timeout=30_000)
    printer.wait_for_jobs(2, timeout=20)  # the receipt and the voucher
    qtbot.waitUntil(lambda: print_states(demo) == [PrintJobState.DONE] * 2, timeout=10_000)
    qtbot.waitUntil(lambda: mail_states(demo) == [MailJobState.SENT], timeout=10_000)
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=10_000)


def test_the_french_plural_forms(qtbot, window):
    view = window.device_ui
    view._failed_mails = 2
    view._attention(2)
    assert retry_button(window).text() == \
        "Réessayer : 2 impressions, 2 e-mails en échec [Ctrl+R]"
