"""A checked-in ticket: refused to the cashier, refunded with a supervisor's login and PIN."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from pos.ui.counter.dialogs.supervisor_approval import SupervisorApprovalDialog
from tests.ui.conftest import basket_view, label, scan_field, tree_rows
from tests.ui.test_refund_slice import wedge_scan


def _dialog(window, qtbot):
    found = []

    def shown():
        found[:] = [window.findChild(SupervisorApprovalDialog, "supervisorApprovalDialog")]
        assert found[0] is not None and found[0].isVisible()

    qtbot.waitUntil(shown)
    return found[0]


def _type(qtbot, widget, text):
    for ch in text:
        qtbot.keyClick(widget, ch)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_supervisor_lifts_a_checked_in_refusal(window, qtbot):
    wedge_scan(qtbot, scan_field(window), "01010003008")
    assert "sans l'accord d'un superviseur" in label(window, "messageLabel")
    dialog = _dialog(window, qtbot)
    login = dialog.findChild(QLineEdit, "supervisorLoginField")
    pin = dialog.findChild(QLineEdit, "supervisorPinField")
    assert pin.echoMode() == QLineEdit.EchoMode.Password
    _type(qtbot, login, "chef")
    assert dialog.isVisible()  # the first Enter only moves on to the PIN
    _type(qtbot, pin, "9999")
    qtbot.waitUntil(lambda: any(r[0] == 3 and r[1].startswith("01010003008")
                                for r in tree_rows(basket_view(window))))
    assert label(window, "totalLabel") == "-35,00 €"


def test_a_wrong_pin_adds_nothing(window, qtbot):
    wedge_scan(qtbot, scan_field(window), "01010003008")
    dialog = _dialog(window, qtbot)
    _type(qtbot, dialog.findChild(QLineEdit, "supervisorLoginField"), "chef")
    _type(qtbot, dialog.findChild(QLineEdit, "supervisorPinField"), "1111")
    qtbot.waitUntil(lambda: "Approbation refusée" in label(window, "messageLabel"))
    assert tree_rows(basket_view(window)) == []


@pytest.mark.operator("chef")
def test_a_supervisor_at_the_counter_allows_it_themselves(window, qtbot):
    wedge_scan(qtbot, scan_field(window), "01010003008")
    qtbot.waitUntil(lambda: any(r[0] == 3 and r[1].startswith("01010003008")
                                for r in tree_rows(basket_view(window))))
    assert window.findChild(SupervisorApprovalDialog, "supervisorApprovalDialog") is None
    assert [t.approved_by for t in window.controller.basket.tickets] == ["chef"]
