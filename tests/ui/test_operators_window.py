"""Log-in in the real window: the dialog typed as a cashier types it, the status bar,
switching operators, and a supervisor approving on the same screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox
from sqlalchemy import select

from pos.config import parse_config
from pos.core.models import Operation, Operator
from pos.ui.app import build_main_window, make_printer
from tests.conftest import uow_of
from tests.ui.conftest import label, scan_field
from tests.ui.test_refund_slice import wedge_scan

JOYAUX = [f"0101000{n}" for n in range(2727, 2749)]


@pytest.fixture
def at_start(qtbot, demo, clock, printer):
    """The window as ``guichet`` opens it: nobody logged in yet."""
    config = parse_config(f"""
[printer]
connection = "network"
host = "127.0.0.1"
port = {printer.port}
""")
    win = build_main_window(config, demo, clock, make_printer(config))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def dialog_named(qtbot, win, name) -> QDialog:
    found = []

    def shown():
        found[:] = [win.findChild(QDialog, name)]
        assert found[0] is not None and found[0].isVisible()

    qtbot.waitUntil(shown)
    return found[0]


def type_login(qtbot, dialog, code, pin):
    """Operator code, Tab, PIN, Enter: keys sent to whatever has the focus."""
    for ch in code:
        qtbot.keyClick(dialog.focusWidget(), ch)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    for ch in pin:
        qtbot.keyClick(dialog.focusWidget(), ch)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)


def test_the_window_opens_on_the_log_in_and_nothing_is_done_before(at_start, qtbot):
    dialog = dialog_named(qtbot, at_start, "loginDialog")
    assert dialog.focusWidget().objectName() == "operatorCodeField"
    assert dialog.findChild(QLineEdit, "operatorPinField").echoMode() == \
        QLineEdit.EchoMode.Password
    assert label(at_start, "operatorLabel") == "Aucun opérateur connecté"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # no way round it
    assert dialog.isVisible()
    type_login(qtbot, dialog, "demo", "1234")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert label(at_start, "operatorLabel") == "Opérateur : demo (caissier)"
    assert at_start.controller.session.station.operator_login == "demo"
    assert scan_field(at_start).hasFocus() or at_start.controller.session.station.operator_id


def test_a_wrong_pin_keeps_the_dialog_and_says_why(at_start, qtbot):
    dialog = dialog_named(qtbot, at_start, "loginDialog")
    type_login(qtbot, dialog, "demo", "0000")
    message = dialog.findChild(type(dialog.message), "loginMessageLabel")
    qtbot.waitUntil(lambda: "code opérateur ou PIN incorrect" in message.text())
    assert dialog.isVisible() and dialog.findChild(QLineEdit, "operatorPinField").text() == ""
    assert dialog.focusWidget().objectName() == "operatorPinField"
    for ch in "1234":  # the code stays: the PIN again, Enter
        qtbot.keyClick(dialog.focusWidget(), ch)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert label(at_start, "operatorLabel") == "Opérateur : demo (caissier)"


def test_switching_operator_with_its_key(window, qtbot):
    assert label(window, "operatorLabel") == "Opérateur : demo (caissier)"
    qtbot.keyClick(scan_field(window), Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = dialog_named(qtbot, window, "loginDialog")
    assert label(window, "operatorLabel") == "Aucun opérateur connecté"
    type_login(qtbot, dialog, "chef", "9999")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert label(window, "operatorLabel") == "Opérateur : chef (superviseur)"


def confirm(qtbot, win):
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "confirmDialog") is not None)
    qtbot.keyClick(win.findChild(QMessageBox, "confirmDialog"), Qt.Key.Key_Return)


def test_a_refund_above_the_threshold_is_approved_on_the_same_screen(window, qtbot, demo):
    field = scan_field(window)
    for number in JOYAUX[:3]:  # 330,00 €: above the default 300,00 €
        wedge_scan(qtbot, field, number)
    qtbot.keyClick(field, Qt.Key.Key_F9)
    confirm(qtbot, window)
    dialog = dialog_named(qtbot, window, "supervisorApprovalDialog")
    assert "seuil superviseur" in label(window, "messageLabel")
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(Operation.id)) is None
    for name, text in (("supervisorLoginField", "chef"), ("supervisorPinField", "9999")):
        widget = dialog.findChild(QLineEdit, name)
        for ch in text:
            qtbot.keyClick(widget, ch)
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "330,00 € remboursés" in label(window, "messageLabel"))
    with uow_of(demo) as uow:
        operation = uow.session.scalar(select(Operation))
        ids = dict(uow.session.execute(select(Operator.login, Operator.id)).all())
    assert (operation.operator_id, operation.approved_by_id) == (ids["demo"], ids["chef"])


def lock(demo, code, clock):
    from datetime import timedelta

    with uow_of(demo) as uow:
        uow.begin_write()
        uow.session.scalar(select(Operator).where(Operator.login == code)).locked_until = \
            clock.now() + timedelta(minutes=15)
        uow.commit()


def ask_unlock(qtbot, win, code):
    win.findChild(QAction, "unlockOperatorAction").trigger()
    dialog = dialog_named(qtbot, win, "unlockOperatorDialog")
    field = dialog.findChild(QLineEdit, "unlockCodeField")
    for ch in code:
        qtbot.keyClick(field, ch)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return dialog


def test_a_cashier_cannot_unlock_an_account(window, qtbot, demo, clock):
    lock(demo, "chef", clock)
    dialog = ask_unlock(qtbot, window, "chef")
    message = dialog.findChild(type(dialog.message), "unlockMessageLabel")
    qtbot.waitUntil(lambda: "seul un administrateur" in message.text())
    assert dialog.isVisible()


@pytest.mark.operator("admin")
def test_an_administrator_unlocks_an_account(window, qtbot, demo, clock):
    lock(demo, "chef", clock)
    dialog = ask_unlock(qtbot, window, "chef")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert label(window, "messageLabel") == "Compte chef déverrouillé."
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(Operator.locked_until).where(
            Operator.login == "chef")) is None
