""""Annuler l'annulation" in the real window: Ctrl+Shift+U, the ticket scanned into the
dialog, the supervisor's login and PIN; a refusal stays in the dialog; the undo's
receipt printed, the ticket valid again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox
from sqlalchemy import select

from pos.core.models import Ticket, TicketState
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX
from tests.support.escpos_decoder import decode, text_lines
from tests.ui.conftest import label, scan_field
from tests.ui.exchange_window_support import shown, wedge_scan
from tests.ui.test_hold import confirm, reactivate


def _state(demo, number):
    with uow_of(demo) as uow:
        return uow.session.scalar(select(Ticket.state).where(Ticket.number == number))


def _open(qtbot, window) -> QDialog:
    qtbot.keyClick(scan_field(window), Qt.Key.Key_U,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    return shown(qtbot, window, QDialog, "undoCancellationDialog")


def _type(qtbot, dialog, name, text):
    field = dialog.findChild(QLineEdit, name)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_ctrl_shift_z_undoes_todays_refund_with_a_supervisor(window, qtbot, demo, printer):
    wedge_scan(qtbot, scan_field(window), JOYAUX[-1])
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F9)
    confirm(qtbot, window, QMessageBox, "confirmDialog")
    qtbot.waitUntil(lambda: label(window, "operationNumberLabel") == "[Ordre 1272]")
    printer.wait_for_jobs(1, timeout=10)
    assert _state(demo, JOYAUX[-1]) is TicketState.CANCELLED

    dialog = _open(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and
                    QApplication.focusWidget().objectName() == "undoTicketField")
    _type(qtbot, dialog, "undoTicketField", JOYAUX[-1])
    _type(qtbot, dialog, "undoSupervisorLoginField", "chef")
    _type(qtbot, dialog, "undoSupervisorPinField", "0000")  # a wrong PIN: said, stays open
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "undoErrorLabel").text()
    assert _state(demo, JOYAUX[-1]) is TicketState.CANCELLED
    _type(qtbot, dialog, "undoSupervisorPinField", "9999")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    reactivate(qtbot, window)

    assert _state(demo, JOYAUX[-1]) is TicketState.VALID
    assert label(window, "messageLabel") == (
        f"Ordre 1271 annulé par l'ordre 1272 : {JOYAUX[-1]} de nouveau valable(s).")
    assert label(window, "operationNumberLabel") == "[Ordre 1273]"
    lines = text_lines(decode(printer.wait_for_jobs(2, timeout=10)[1]))
    assert "ANNULATION DE L'ANNULATION" in lines and "Ordre 1271 annulé" in lines
    assert any(line.strip() == JOYAUX[-1] for line in lines)


def test_a_refused_undo_says_who_holds_nothing_changed(window, qtbot, demo):
    dialog = _open(qtbot, window)
    _type(qtbot, dialog, "undoTicketField", JOYAUX[0])
    _type(qtbot, dialog, "undoSupervisorLoginField", "chef")
    _type(qtbot, dialog, "undoSupervisorPinField", "9999")
    assert dialog.findChild(QLabel, "undoErrorLabel").text() == (
        f"Le billet {JOYAUX[0]} n'a été ni remboursé ni remplacé : il n'y a rien à annuler.")
    assert dialog.isVisible()
