"""Refunds by e-mail (issue 9): with "Envoi par e-mail" the documents panel says so, and
the refund receipt and the credit-note voucher go as PDF to the contact through a real
SMTP server (aiosmtpd on 127.0.0.1); the counter prints them too."""

from __future__ import annotations

import email
import email.policy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from pos.config import MailConfig
from pos.core.models import PaymentMode
from tests.core.exchange_support import JOYAUX
from tests.devices.test_mailer import smtp_server  # noqa: F401 - the fixture
from tests.ui.conftest import label, scan_field
from tests.ui.exchange_window_support import scan_all, shown
from tests.ui.test_exchange_email import ADDRESS, attachments_of
from tests.ui.test_exchange_settlement_window import documents


def test_a_credit_note_refund_goes_by_email(window, qtbot, printer, smtp_server):  # noqa: F811
    controller, mailbox = smtp_server
    window.controller.exchange_settlement.mail_config = MailConfig(
        host="127.0.0.1", port=controller.port, security="none",
        sender="billetterie@theatre.test", timeout=5.0)
    combo = window.findChild(QComboBox, "deliveryModeCombo")
    combo.setCurrentIndex(combo.findData("email"))
    scan_all(qtbot, window, [JOYAUX[-1]])
    assert documents(window)[0] == ("Reçu de remboursement", "1", "Envoi par e-mail", "Reçu")
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F10)  # SOLDE AVOIR
    box = shown(qtbot, window, QMessageBox, "confirmDialog")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: label(window, "messageLabel") == f"E-mail envoyé à {ADDRESS}.",
                    timeout=30_000)
    [envelope] = mailbox.received
    assert envelope.rcpt_tos == [ADDRESS]
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert message["Subject"] == "Votre remboursement - ordre 1271"
    parts = attachments_of(message)
    assert any(n.startswith("recu-") for n in parts)
    assert any(n.startswith("avoir-99") for n in parts)
    assert all(pdf.startswith(b"%PDF") for pdf in parts.values())
    printer.wait_for_jobs(2, timeout=20)  # receipt and voucher printed at the counter too


def test_a_refund_by_email_without_an_address_is_refused(window, qtbot):
    window.controller.exchange_settlement.set_contact(None)
    combo = window.findChild(QComboBox, "deliveryModeCombo")
    combo.setCurrentIndex(combo.findData("email"))
    scan_all(qtbot, window, [JOYAUX[-1]])
    window.controller.exchange_settlement.set_contact(None)  # a contact without e-mail
    assert window.controller.refund.refund(PaymentMode.CASH) is None
    assert "adresse e-mail" in label(window, "messageLabel")
    assert len(window.controller.basket.tickets) == 1  # nothing refunded
