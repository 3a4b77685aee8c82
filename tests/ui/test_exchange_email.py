"""Tickets sent by e-mail after an exchange: PDFs made with reportlab go to a real SMTP
server (aiosmtpd on 127.0.0.1) off the GUI thread; without a server they are saved in
the outbox and the cashier is told where."""

from __future__ import annotations

import email
import email.policy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from pos.config import MailConfig
from pos.core.services.orders import order_summary
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX
from tests.devices.test_mailer import smtp_server  # noqa: F401 - the fixture
from tests.support import pdf_tools
from tests.ui.conftest import label, scan_field
from tests.ui.exchange_window_support import printed, scan_all, sell, shown

ADDRESS = "delwakok@secutixtest.com"  # AKOKA Viviane's, in the demo


def exchange_by_email(qtbot, window, demo, clock) -> None:
    combo = window.findChild(QComboBox, "deliveryModeCombo")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Envoi par e-mail"
    scan_all(qtbot, window, [JOYAUX[-1]])
    sell(window, demo, clock, "Carmina Burana", "Cat 1", quantity=1)  # -50,00 €
    from tests.ui.test_exchange_settlement_window import documents

    assert documents(window)[0] == ("Billets", "1", "Envoi par e-mail", "Billet")
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F10)
    box = shown(qtbot, window, QMessageBox, "confirmDialog")
    qtbot.keyClick(box, Qt.Key.Key_Return)


def attachments_of(message) -> dict[str, bytes]:
    return {p.get_filename(): p.get_content() for p in message.iter_attachments()}


def test_tickets_receipt_and_voucher_go_by_email_as_pdf(window, qtbot, demo, clock, printer,
                                                        smtp_server, tmp_path):  # noqa: F811
    controller, mailbox = smtp_server
    window.controller.exchange_settlement.mail_config = MailConfig(
        host="127.0.0.1", port=controller.port, security="none",
        sender="billetterie@theatre.test", timeout=5.0)
    exchange_by_email(qtbot, window, demo, clock)
    qtbot.waitUntil(lambda: label(window, "messageLabel") == f"E-mail envoyé à {ADDRESS}.",
                    timeout=30_000)

    with uow_of(demo) as uow:
        order = order_summary(uow, 959)
    new = next(t for t in order["tickets"] if t["event"] == "Carmina Burana")
    note = order["payments"][-1]["reference"]
    assert new["delivery_mode"] == "Envoi par e-mail" and new["printed"] is False
    [envelope] = mailbox.received
    assert envelope.rcpt_tos == [ADDRESS]
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert message["Subject"] == "Vos billets - ordre 1271"
    assert "ordre 1271" in message.get_body(("plain",)).get_content()
    parts = attachments_of(message)
    assert sorted(parts) == sorted([f"billet-{new['number']}.pdf", f"avoir-{note}.pdf",
                                    "recu-OP00001271.pdf"])
    assert all(pdf.startswith(b"%PDF") for pdf in parts.values())
    # the counter still prints its receipt and the voucher, not the e-mailed ticket
    jobs = printer.wait_for_jobs(2, timeout=20)
    assert printed(jobs[1])[1] == [note]
    # what the customer gets scans at the door
    page = pdf_tools.page_images(parts[f"billet-{new['number']}.pdf"], tmp_path / "png")[0]
    assert pdf_tools.symbols(page) == [("CODE-128", new["number"]), ("QR-Code", new["number"])]
    page = pdf_tools.page_images(parts[f"avoir-{note}.pdf"], tmp_path / "png2")[0]
    assert ("CODE-128", note) in pdf_tools.symbols(page)


def test_without_a_server_the_mail_is_saved_and_the_cashier_told_where(
        window, qtbot, demo, clock, printer, tmp_path):
    settlement = window.controller.exchange_settlement
    settlement.mail_config = MailConfig()  # host = "": no server
    settlement.outbox_dir = tmp_path / "outbox"
    exchange_by_email(qtbot, window, demo, clock)
    qtbot.waitUntil(lambda: "enregistrés dans" in label(window, "messageLabel"),
                    timeout=30_000)

    [folder] = list((tmp_path / "outbox").iterdir())
    assert label(window, "messageLabel") == (
        "Aucun serveur d'envoi configuré : l'e-mail et ses documents sont enregistrés "
        f"dans {folder}.")
    names = sorted(p.name for p in folder.iterdir())
    assert "message.eml" in names and len([n for n in names if n.endswith(".pdf")]) == 3
    message = email.message_from_bytes((folder / "message.eml").read_bytes(),
                                       policy=email.policy.default)
    assert message["To"] == ADDRESS
