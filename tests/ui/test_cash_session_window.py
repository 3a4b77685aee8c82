"""The cash session in the window, with the keys: the drawer's expected content in the
status bar, cash out, a cash refund the drawer cannot pay offered as a split, the close
counted per denomination with a supervisor's approval, the Z report printed and saved,
the X report and the refunds-and-exchanges report saved."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)
from sqlalchemy import select

from pos.core.models import Payment, PaymentMode
from pos.core.models_cash import CashSession
from pos.formatting import plain_spaces
from tests.conftest import uow_of
from tests.core.test_refunds import JOYAUX
from tests.support import pdf_tools
from tests.support.escpos_decoder import decode, text_lines
from tests.ui.conftest import label, open_window, scan_field
from tests.ui.test_refund_modes_window import confirm_with_enter, open_dialog, table_rows
from tests.ui.test_refund_slice import wedge_scan

D = Decimal


@pytest.fixture
def cash_window(qtbot, demo, clock, printer, tmp_path):
    win = open_window(qtbot, demo, clock, printer,
                      sections=f"[cash]\nreports_dir = \"{tmp_path / 'reports'}\"")
    yield win
    win.close()


def key(qtbot, window, sequence: str) -> None:
    # Offscreen, a closed message box leaves no active window: a window shortcut needs one.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(scan_field(window), getattr(Qt.Key, f"Key_{sequence}"), modifiers)


def cash_out(qtbot, window, amount: str, reason: str) -> None:
    key(qtbot, window, "S")
    dialog = open_dialog(qtbot, window, "cashMovementDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "cashMovementAmountField"), amount)
    dialog.findChild(QComboBox, "cashMovementReasonField").setEditText(reason)
    qtbot.keyClick(dialog.findChild(QLineEdit, "cashMovementAmountField"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_drawer_is_in_the_status_bar_and_follows_cash(cash_window, qtbot, demo, printer):
    w = cash_window
    assert label(w, "drawerExpectedLabel") == "Caisse : 1 000,00 €"
    wedge_scan(qtbot, scan_field(w), JOYAUX[0])
    qtbot.keyClick(scan_field(w), Qt.Key.Key_F9)
    confirm_with_enter(qtbot, w)
    qtbot.waitUntil(lambda: label(w, "drawerExpectedLabel") == "Caisse : 890,00 €")
    cash_out(qtbot, w, "800", "Dépôt au coffre")
    assert label(w, "drawerExpectedLabel") == "Caisse : 90,00 €"
    assert label(w, "messageLabel") == "Sortie d'espèces enregistrée."


def test_a_cash_refund_beyond_the_drawer_opens_the_split(cash_window, qtbot, demo):
    w = cash_window
    cash_out(qtbot, w, "950", "Dépôt au coffre")  # 50,00 € left
    wedge_scan(qtbot, scan_field(w), JOYAUX[0])  # 110,00 €
    qtbot.keyClick(scan_field(w), Qt.Key.Key_F9)
    confirm_with_enter(qtbot, w)
    dialog = open_dialog(qtbot, w, "splitRefundDialog")
    assert label(w, "messageLabel").startswith("Le tiroir ne contient que 50,00 € : 110,00 €")
    # The proposal: what the drawer holds in cash, the rest prefilled as a credit note.
    assert table_rows(dialog, "splitLinesTable") == [("Espèces", "50,00 €", "")]
    amount = dialog.findChild(QLineEdit, "splitAmountField")
    assert plain_spaces(amount.text()) == "60,00"
    qtbot.keyClick(amount, Qt.Key.Key_Return)  # the rest, in the preselected mode
    assert table_rows(dialog, "splitLinesTable")[-1] == ("Avoir", "60,00 €", "")
    qtbot.keyClick(amount, Qt.Key.Key_Return)  # confirms
    qtbot.waitUntil(lambda: label(w, "drawerExpectedLabel") == "Caisse : 0,00 €")
    with uow_of(demo) as uow:
        modes = [(p.mode, p.amount) for p in uow.session.scalars(
            select(Payment).where(Payment.amount < 0).order_by(Payment.id))]
    assert modes == [(PaymentMode.CASH, D("-50.00")), (PaymentMode.CREDIT_NOTE, D("-60.00"))]


def test_the_close_counts_asks_a_supervisor_prints_and_saves_the_z(cash_window, qtbot, demo,
                                                                   printer, tmp_path):
    w = cash_window
    key(qtbot, w, "F")
    dialog = open_dialog(qtbot, w, "cashCountDialog")
    dialog.findChild(QSpinBox, "countSpin50000").setValue(2)  # 1 000,00 € expected
    assert plain_spaces(dialog.findChild(QLabel, "countDifferenceLabel").text()) == (
        "Écart : 0,00 €")
    dialog.findChild(QSpinBox, "countSpin10000").setValue(0)
    dialog.findChild(QSpinBox, "countSpin50000").setValue(1)
    dialog.findChild(QSpinBox, "countSpin10000").setValue(4)  # 900,00 €: 100 short
    assert plain_spaces(dialog.findChild(QLabel, "countDifferenceLabel").text()) == (
        "Écart : -100,00 €")
    qtbot.keyClick(dialog.findChild(QSpinBox, "countSpin10000"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    approval = open_dialog(qtbot, w, "supervisorApprovalDialog")
    assert "-100,00 €" in plain_spaces(approval.findChild(QLabel, "approvalReasonLabel").text())
    qtbot.keyClicks(approval.findChild(QLineEdit, "supervisorLoginField"), "chef")
    qtbot.keyClick(approval.findChild(QLineEdit, "supervisorLoginField"), Qt.Key.Key_Return)
    qtbot.keyClicks(approval.findChild(QLineEdit, "supervisorPinField"), "9999")
    qtbot.keyClick(approval.findChild(QLineEdit, "supervisorPinField"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: label(w, "drawerExpectedLabel") == "Caisse fermée")
    with uow_of(demo) as uow:
        closed = uow.session.scalars(select(CashSession)).one()
    assert closed.difference == D("-100.00") and closed.approved_by_id is not None
    assert not w.findChild(type(w.cash_session_ui.actions["cashInAction"]),
                           "cashInAction").isEnabled()
    # Printed on the receipt printer...
    z = printer.wait_for_jobs(1, timeout=10)[-1]
    lines = [plain_spaces(x) for x in text_lines(decode(z))]
    assert any("RAPPORT Z" in x for x in lines)
    assert any(x.startswith("Écart") and x.endswith("-100,00 €") for x in lines)
    # ... and saved as a PDF.
    pdf = tmp_path / "reports" / f"z-{closed.id}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = plain_spaces(" ".join(pdf_tools.text(pdf.read_bytes(), tmp_path / "pdf")))
    assert "RAPPORT Z - CLÔTURE DE CAISSE" in text and "Écart approuvé par" in text


def test_x_and_refunds_reports_are_shown_and_saved(cash_window, qtbot, demo, tmp_path):
    w = cash_window
    key(qtbot, w, "X")
    dialog = open_dialog(qtbot, w, "cashReportDialog")
    shown = dialog.findChild(QPlainTextEdit, "cashReportView").toPlainText()
    assert "RAPPORT X - LECTURE DE CAISSE" in shown and "1 000,00" in plain_spaces(shown)
    qtbot.mouseClick(dialog.findChild(QPushButton, "cashReportPdfButton"),
                     Qt.MouseButton.LeftButton)
    assert list((tmp_path / "reports").glob("x-*.pdf"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "cashReportCloseButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    key(qtbot, w, "B")
    dialog = open_dialog(qtbot, w, "cashReportDialog")
    assert "REMBOURSEMENTS ET ÉCHANGES" in dialog.findChild(
        QPlainTextEdit, "cashReportView").toPlainText()
    qtbot.mouseClick(dialog.findChild(QPushButton, "cashReportCsvButton"),
                     Qt.MouseButton.LeftButton)
    saved = list((tmp_path / "reports").glob("refunds-*.csv"))
    assert saved and saved[0].read_text(encoding="utf-8-sig").startswith("Par;Type;")


def test_a_closed_counter_refuses_cash_until_its_drawer_is_opened(cash_window, qtbot, demo):
    w = cash_window
    w.controller.cash.close({10000: 5, 5000: 6, 2000: 5, 1000: 5, 500: 6, 200: 5, 100: 5,
                             50: 6, 20: 5, 10: 10})  # the demo's float, exactly
    qtbot.waitUntil(lambda: label(w, "drawerExpectedLabel") == "Caisse fermée")
    wedge_scan(qtbot, scan_field(w), JOYAUX[0])
    qtbot.keyClick(scan_field(w), Qt.Key.Key_F9)
    confirm_with_enter(qtbot, w)
    qtbot.waitUntil(lambda: label(w, "messageLabel").startswith(
        "Aucune session de caisse n'est ouverte au Guichet 1"))
    key(qtbot, w, "C")
    dialog = open_dialog(qtbot, w, "cashCountDialog")
    dialog.findChild(QSpinBox, "countSpin2000").setValue(10)
    dialog.findChild(QSpinBox, "countSpin200").setValue(25)
    assert plain_spaces(dialog.findChild(QLabel, "countTotalLabel").text()) == "Compté : 250,00 €"
    qtbot.keyClick(dialog.findChild(QSpinBox, "countSpin200"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: label(w, "drawerExpectedLabel") == "Caisse : 250,00 €")
    qtbot.keyClick(scan_field(w), Qt.Key.Key_F9)  # the basket is still there
    confirm_with_enter(qtbot, w)
    qtbot.waitUntil(lambda: label(w, "drawerExpectedLabel") == "Caisse : 140,00 €")
