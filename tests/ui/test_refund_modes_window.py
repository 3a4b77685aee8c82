"""Paying the money out, driven with the keys as a cashier: F10 credit note, F11 suspense
account, F12 other payment, F8 split; the window, the database and the printed bytes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
)
from sqlalchemy import select

from pos.core.models import Payment, PaymentMode
from pos.core.models_ledger import ContactAccountEntry, CreditNote
from pos.formatting import plain_spaces
from tests.conftest import uow_of
from tests.core.test_refunds import JOYAUX
from tests.support.escpos_decoder import QR, Barcode, Cut, DrawerPulse, decode, text_lines
from tests.ui.conftest import label, scan_field
from tests.ui.test_refund_slice import wedge_scan

D = Decimal


def table_rows(win, name: str) -> list[tuple[str, ...]]:
    table = win.findChild(QTableWidget, name)
    return [tuple(plain_spaces(table.item(r, c).text()) for c in range(table.columnCount()))
            for r in range(table.rowCount())]


def confirm_with_enter(qtbot, window) -> str:
    box = None

    def shown():
        nonlocal box
        box = window.findChild(QMessageBox, "confirmDialog")
        assert box is not None and box.isVisible()

    qtbot.waitUntil(shown)
    text = plain_spaces(box.text())
    qtbot.keyClick(box, Qt.Key.Key_Return)
    return text


def open_dialog(qtbot, window, name: str) -> QDialog:
    found = None

    def shown():
        nonlocal found
        found = window.findChild(QDialog, name)
        assert found is not None and found.isVisible()

    qtbot.waitUntil(shown)
    return found


def payments_of_last_operation(db):
    with uow_of(db) as uow:
        last = uow.session.scalar(select(Payment.operation_id).order_by(Payment.id.desc()))
        return [(p.mode, p.amount, p.reference) for p in uow.session.scalars(
            select(Payment).where(Payment.operation_id == last).order_by(Payment.id))]


def test_settlement_bar_shows_the_keys_and_waits_for_tickets(window, qtbot):
    names = ["cashButton", "creditNoteButton", "suspenseButton", "otherPaymentButton",
             "splitRefundButton"]
    buttons = [window.findChild(QPushButton, n) for n in names]
    assert [b.text() for b in buttons] == ["ESPÈCES [F9]", "SOLDE AVOIR [F10]",
                                           "COMPTE D'ATTENTE [F11]", "AUTRE PAIEMENT [F12]",
                                           "FRACTIONNER [F8]"]
    assert not any(b.isEnabled() for b in buttons)
    wedge_scan(qtbot, scan_field(window), JOYAUX[0])
    assert all(b.isEnabled() for b in buttons)


@pytest.mark.operator("chef")  # gives back more than supervisor_above
def test_reminder_and_suspense_account_with_f11(window, qtbot, demo, printer):
    field = scan_field(window)
    for number in JOYAUX[:6]:
        wedge_scan(qtbot, field, number)
    assert label(window, "totalLabel") == "-660,00 €"
    assert table_rows(window, "paymentReminderTable") == [("Compte d'attente", "660,00 €")]
    assert label(window, "paymentReminderRefundableLabel") == "Encore remboursable : 2 420,00 €"
    assert label(window, "contactBalanceLabel") == "Compte d'attente : 0,00 €"

    qtbot.keyClick(field, Qt.Key.Key_F11)
    assert confirm_with_enter(qtbot, window) == (
        "Rembourser 660,00 € sur le compte d'attente pour 6 billets ?")
    events = decode(printer.wait_for_jobs(1, timeout=10)[0])
    lines = [plain_spaces(x) for x in text_lines(events)]
    assert any(x.startswith("Compte d'attente") and x.endswith("-660,00 €") for x in lines)
    assert not any(isinstance(e, DrawerPulse) for e in events)  # no cash, no drawer

    qtbot.waitUntil(lambda: label(window, "contactBalanceLabel")
                    == "Compte d'attente : 660,00 €")
    assert label(window, "contactNameLabel").startswith("AKOKA, Viviane")
    assert table_rows(window, "paymentReminderTable") == []
    with uow_of(demo) as uow:
        entries = uow.session.scalars(select(ContactAccountEntry.amount)).all()
    assert entries == [D("660.00")]
    assert payments_of_last_operation(demo) == [(PaymentMode.SUSPENSE_ACCOUNT, D("-660"), "")]


def test_the_whole_order_reminds_2420(window, qtbot):
    field = scan_field(window)
    for number in JOYAUX:
        wedge_scan(qtbot, field, number)
    assert label(window, "totalLabel") == "-2 420,00 €"
    assert table_rows(window, "paymentReminderTable") == [("Compte d'attente", "2 420,00 €")]


def test_credit_note_with_f10_prints_the_voucher(window, qtbot, demo, printer):
    field = scan_field(window)
    wedge_scan(qtbot, field, JOYAUX[0])
    wedge_scan(qtbot, field, JOYAUX[1])
    qtbot.keyClick(field, Qt.Key.Key_F10)
    assert confirm_with_enter(qtbot, window) == "Rembourser 220,00 € en avoir pour 2 billets ?"
    receipt, voucher = printer.wait_for_jobs(2, timeout=10)  # one job per document
    events = decode(receipt) + decode(voucher)
    assert "AVOIR" in text_lines(decode(voucher))
    with uow_of(demo) as uow:
        note = uow.session.scalars(select(CreditNote)).one()
        assert note.amount == D("220.00") and len(note.number) == 13
        uow.session.expunge(note)
    lines = [plain_spaces(x) for x in text_lines(events)]
    assert "REMBOURSEMENT" in lines and "AVOIR" in lines
    assert any(x.startswith(f"Avoir {note.number}") and x.endswith("-220,00 €") for x in lines)
    assert any(x.startswith("Montant") and x.endswith("220,00 €") for x in lines)
    assert f"N° {note.number}" in lines and "Valable jusqu'au 27.11.2027" in lines
    barcodes = [e.payload for e in events if isinstance(e, Barcode)]
    assert barcodes == ["OP00001271", note.number]
    assert [e.payload for e in events if isinstance(e, QR)] == [note.number]
    assert sum(isinstance(e, Cut) for e in events) == 2  # receipt and voucher
    assert not any(isinstance(e, DrawerPulse) for e in events)
    assert payments_of_last_operation(demo) == [(PaymentMode.CREDIT_NOTE, D("-220"),
                                                 note.number)]


def test_other_payment_f12_by_cheque_with_its_reference(window, qtbot, demo, printer):
    field = scan_field(window)
    wedge_scan(qtbot, field, "01010003003")
    qtbot.keyClick(field, Qt.Key.Key_F12)
    dialog = open_dialog(qtbot, window, "otherPaymentDialog")
    combo = dialog.findChild(QComboBox, "otherModeCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Carte bancaire", "Chèque", "Virement", "Autre"]
    assert plain_spaces(dialog.findChild(QLabel, "otherAmountLabel").text()) == (
        "Montant à rembourser : 75,00 €")
    combo.setCurrentIndex(1)
    reference = dialog.findChild(QLineEdit, "otherReferenceField")
    qtbot.keyClicks(reference, "1234567")
    qtbot.keyClick(reference, Qt.Key.Key_Return)
    events = decode(printer.wait_for_jobs(1, timeout=10)[0])
    lines = [plain_spaces(x) for x in text_lines(events)]
    assert any(x.startswith("Chèque 1234567") and x.endswith("-75,00 €") for x in lines)
    assert not any(isinstance(e, DrawerPulse) for e in events)
    assert payments_of_last_operation(demo) == [(PaymentMode.CHEQUE, D("-75"), "1234567")]
    assert label(window, "totalLabel") == "0,00 €"


@pytest.mark.operator("chef")  # gives back more than supervisor_above
def test_split_100_cash_and_the_rest_as_credit_note(window, qtbot, demo, printer):
    field = scan_field(window)
    for number in JOYAUX[:6]:
        wedge_scan(qtbot, field, number)
    qtbot.keyClick(field, Qt.Key.Key_F8)
    dialog = open_dialog(qtbot, window, "splitRefundDialog")
    amount = dialog.findChild(QLineEdit, "splitAmountField")
    confirm = dialog.findChild(QPushButton, "splitConfirmButton")
    assert plain_spaces(amount.text()) == "660,00"  # the rest, prefilled
    qtbot.keyClicks(amount, "700")  # more than the refund: refused
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert plain_spaces(dialog.findChild(QLabel, "splitErrorLabel").text()) == (
        "700,00 € dépasse le reste à rembourser (660,00 €).")
    amount.selectAll()
    qtbot.keyClicks(amount, "100")  # mode: Espèces, the first one
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert plain_spaces(amount.text()) == "560,00"
    assert plain_spaces(dialog.findChild(QLabel, "splitRestLabel").text()) == (
        "Reste à répartir : 560,00 €")
    assert not confirm.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # nothing happens behind the dialog
    mode = dialog.findChild(QComboBox, "splitModeCombo")
    mode.setCurrentIndex(mode.findText("Avoir"))
    qtbot.keyClick(amount, Qt.Key.Key_Return)  # the rest as a credit note
    assert table_rows(dialog, "splitLinesTable") == [("Espèces", "100,00 €", ""),
                                                     ("Avoir", "560,00 €", "")]
    assert confirm.isEnabled() and amount.text() == ""
    qtbot.keyClick(amount, Qt.Key.Key_Return)  # confirms

    receipt, voucher = printer.wait_for_jobs(2, timeout=10)  # one job per document
    events = decode(receipt) + decode(voucher)
    with uow_of(demo) as uow:
        note = uow.session.scalars(select(CreditNote)).one()
        assert note.amount == D("560.00")
        uow.session.expunge(note)
    lines = [plain_spaces(x) for x in text_lines(events)]
    assert any(x.startswith("TOTAL") and x.endswith("-660,00 €") for x in lines)
    assert any(x.startswith("Espèces") and x.endswith("-100,00 €") for x in lines)
    assert any(x.startswith(f"Avoir {note.number}") and x.endswith("-560,00 €") for x in lines)
    assert [e.payload for e in events if isinstance(e, Barcode)][-1] == note.number
    # cash in the split: the drawer opens once, after the receipt is cut
    first = decode(receipt)
    pulses = [i for i, e in enumerate(first) if isinstance(e, DrawerPulse)]
    cuts = [i for i, e in enumerate(first) if isinstance(e, Cut)]
    assert len(pulses) == 1 and len(cuts) == 1 and pulses[0] > cuts[0]
    assert not any(isinstance(e, DrawerPulse) for e in decode(voucher))
    assert payments_of_last_operation(demo) == [(PaymentMode.CASH, D("-100"), ""),
                                                (PaymentMode.CREDIT_NOTE, D("-560"),
                                                 note.number)]
    assert label(window, "messageLabel") == "Ordre 1271 : 660,00 € remboursés."


def test_split_cancelled_with_escape_changes_nothing(window, qtbot, demo):
    field = scan_field(window)
    wedge_scan(qtbot, field, JOYAUX[0])
    qtbot.keyClick(field, Qt.Key.Key_F8)
    dialog = open_dialog(qtbot, window, "splitRefundDialog")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "splitRefundDialog") is None
                    or not window.findChild(QDialog, "splitRefundDialog").isVisible())
    assert label(window, "totalLabel") == "-110,00 €"
    with uow_of(demo) as uow:
        assert uow.session.scalars(select(Payment).where(Payment.amount < 0)).all() == []
