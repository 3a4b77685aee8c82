"""The supervisor's login and PIN block, shared by the approval, the undo and the fee
waiver dialogs: the fields' objectNames, Tab and Enter walking them in order, a wrong PIN
asked again, and each dialog's own answer to a scan (issue 9): the approval takes the
badge into the login, the undo dialog the ticket into its ticket field, the waiver
dialog, which declares no scan field, refuses it aloud."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from pos.ui.box_office.dialogs.fee_waiver import FeeWaiverDialog
from pos.ui.common.scan_target import REFUSAL_LABEL, deliver_scan
from pos.ui.common.supervisor_credentials import SupervisorCredentials
from pos.ui.counter.dialogs.supervisor_approval import SupervisorApprovalDialog
from pos.ui.undo.dialogs.undo_dialog import UndoCancellationDialog


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def _focus(qtbot, name: str) -> None:
    qtbot.waitUntil(lambda: (QApplication.focusWidget() is not None
                             and QApplication.focusWidget().objectName() == name))


def _fields(dialog, *names: str) -> list[QLineEdit]:
    return [dialog.findChild(QLineEdit, name) for name in names]


def test_both_dialogs_show_the_one_block_with_their_own_field_names(qtbot):
    approval = _shown(qtbot, SupervisorApprovalDialog("Billet composté."))
    undo = _shown(qtbot, UndoCancellationDialog(lambda *_a: ""))
    waiver = _shown(qtbot, FeeWaiverDialog())
    for dialog, login, pin in ((approval, "supervisorLoginField", "supervisorPinField"),
                               (undo, "undoSupervisorLoginField", "undoSupervisorPinField"),
                               (waiver, "feeWaiverLoginField", "feeWaiverPinField")):
        block = dialog.findChild(SupervisorCredentials)
        assert block is not None
        assert [f.objectName() for f in (block.login, block.pin)] == [login, pin]
        assert (dialog.login, dialog.pin) == (block.login, block.pin)
        assert block.pin.echoMode() == QLineEdit.EchoMode.Password


def test_tab_walks_ticket_login_pin_in_the_undo_dialog(qtbot):
    dialog = _shown(qtbot, UndoCancellationDialog(lambda *_a: ""))
    _focus(qtbot, "undoTicketField")
    for name in ("undoSupervisorLoginField", "undoSupervisorPinField", "undoConfirmButton"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        _focus(qtbot, name)
    assert dialog.isVisible()


def test_tab_and_enter_walk_reason_login_pin_in_the_fee_waiver_dialog(qtbot):
    dialog = _shown(qtbot, FeeWaiverDialog())
    _focus(qtbot, "feeWaiverReasonField")
    for name in ("feeWaiverLoginField", "feeWaiverPinField", "feeWaiverConfirmButton"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        _focus(qtbot, name)
    reason, login, pin = _fields(dialog, "feeWaiverReasonField", "feeWaiverLoginField",
                                 "feeWaiverPinField")
    for field, text, then in ((reason, "Client malade", "feeWaiverLoginField"),
                              (login, "chef", "feeWaiverPinField")):
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        _focus(qtbot, then)
    assert dialog.isVisible()  # not waived before the PIN's Enter
    qtbot.keyClicks(pin, "9999")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_tab_walks_login_pin_in_the_approval_dialog(qtbot):
    dialog = _shown(qtbot, SupervisorApprovalDialog("Billet composté."))
    _focus(qtbot, "supervisorLoginField")
    for name in ("supervisorPinField", "approveButton"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        _focus(qtbot, name)
    assert dialog.isVisible()


def test_enter_walks_the_undo_dialog_and_a_refusal_asks_the_pin_again(qtbot):
    asked = []

    def undo(number, login, pin):
        asked.append((number, login, pin))
        return "Code de superviseur ou PIN faux." if pin != "9999" else ""

    dialog = _shown(qtbot, UndoCancellationDialog(undo))
    ticket, login, pin = _fields(dialog, "undoTicketField", "undoSupervisorLoginField",
                                 "undoSupervisorPinField")
    for field, text, then in ((ticket, "01010002748", "undoSupervisorLoginField"),
                              (login, "chef", "undoSupervisorPinField"),
                              (pin, "0000", "undoSupervisorPinField")):
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        _focus(qtbot, then)
    assert asked == [("01010002748", "chef", "0000")]
    assert dialog.findChild(QLabel, "undoErrorLabel").text() == "Code de superviseur ou PIN faux."
    assert (dialog.isVisible(), login.text(), pin.text()) == (True, "chef", "")
    qtbot.keyClicks(pin, "9999")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert asked[-1] == ("01010002748", "chef", "9999")
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_badge_scan_goes_to_the_approval_login_then_the_pin(qtbot):
    dialog = _shown(qtbot, SupervisorApprovalDialog("Billet composté."))
    login, pin = _fields(dialog, "supervisorLoginField", "supervisorPinField")
    pin.setFocus()
    assert deliver_scan(dialog, "chef") is True
    assert login.text() == "chef"
    _focus(qtbot, "supervisorPinField")
    assert dialog.isVisible() and dialog.findChild(QLabel, REFUSAL_LABEL) is None


def test_a_scan_in_the_undo_dialog_is_its_ticket_then_the_login(qtbot):
    dialog = _shown(qtbot, UndoCancellationDialog(lambda *_a: ""))
    ticket, login, pin = _fields(dialog, "undoTicketField", "undoSupervisorLoginField",
                                 "undoSupervisorPinField")
    login.setFocus()
    assert deliver_scan(dialog, "01010002748") is True
    assert (ticket.text(), login.text(), pin.text()) == ("01010002748", "", "")
    _focus(qtbot, "undoSupervisorLoginField")
    assert dialog.findChild(QLabel, REFUSAL_LABEL) is None


@pytest.mark.parametrize("make, names", [
    (FeeWaiverDialog, ("feeWaiverReasonField", "feeWaiverLoginField", "feeWaiverPinField")),
], ids=["fee-waiver"])
def test_a_dialog_expecting_no_scan_refuses_it_aloud(qtbot, make, names):
    dialog = _shown(qtbot, make())
    assert deliver_scan(dialog, "01010002748") is False
    refusal = dialog.findChild(QLabel, REFUSAL_LABEL)
    assert refusal is not None and "01010002748" in refusal.text()
    assert [f.text() for f in _fields(dialog, *names)] == ["", "", ""]
