"""The keyboard all the way (issue 9): Tab through every panel, scan field first; Suppr
in either basket tree; every button shows its key; after a settlement the screen is
ready for the next customer; an empty no-sale reason keeps its dialog open."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMessageBox,
    QRadioButton,
)
from sqlalchemy import func, select

from pos.core.models import JournalEntry
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX
from tests.ui.conftest import scan_field
from tests.ui.exchange_window_support import scan_all, sell, shown

ALL_PANELS = ["scanField", "basketView", "exchangeView", "requestedByCombo", "causeCombo",
              "remarksField", "deliveryModeCombo", "immediatePrintYes", "documentsTable",
              "paymentReminderTable",
              "contactSearchField"]


def focus_name() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def tab(qtbot) -> str:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return focus_name()


def tab_to(qtbot, name: str) -> None:
    for _ in range(40):
        if focus_name() == name:
            return
        tab(qtbot)
    raise AssertionError(f"Tab never reached {name}")


def test_tab_goes_through_every_panel_scan_field_first(window, qtbot):
    scan_all(qtbot, window, [JOYAUX[0]])  # the documents table is shown
    scan_field(window).setFocus()
    qtbot.waitUntil(lambda: focus_name() == "scanField")
    visited = []
    for _ in range(40):
        name = tab(qtbot)
        if name == "scanField":
            break
        visited.append(name)
    else:
        raise AssertionError(f"Tab never came back to the scan field: {visited}")
    assert [n for n in visited if n in ALL_PANELS] == ALL_PANELS[1:], visited
    # the documents table is one Tab stop, not a walk through its cells
    assert visited.count("documentsTable") == 1


def test_suppr_removes_the_selected_line_of_the_focused_basket_tree(
        window, qtbot, demo, clock):
    scan_all(qtbot, window, [JOYAUX[0], "01010003003"])  # two orders
    sell(window, demo, clock, "Don Giovanni", "Cat 1", quantity=1)
    session = window.controller.session
    scan_field(window).setFocus()
    tab_to(qtbot, "exchangeView")
    view = QApplication.focusWidget()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the first line, selected
    assert view.selectionModel().selectedRows()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(session.sale) == 0)
    assert len(window.controller.basket.tickets) == 2  # the other basket is left alone

    scan_field(window).setFocus()
    tab_to(qtbot, "basketView")
    view = QApplication.focusWidget()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the first order's line
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(window.controller.basket.tickets) == 1)


def test_every_button_shows_its_key(window):
    missing = []
    for button in window.findChildren(QAbstractButton):
        name = button.objectName()
        if not name or name.startswith("qt_") or isinstance(button, QRadioButton) \
                or name == "compoundProductButton":  # not sold yet: disabled for good
            continue
        if not re.search(r"\[[^\]]+\]$", button.text()):
            missing.append((name, button.text()))
    assert missing == []
    remove = [b for b in window.findChildren(QAbstractButton) if b.objectName() == "removeButton"]
    assert remove[0].text() == "SUPPRIMER [Suppr]"


def test_after_a_settlement_the_screen_is_ready_for_the_next_customer(window, qtbot):
    scan_all(qtbot, window, [JOYAUX[-1]])  # order 959: AKOKA, Viviane
    contact = window.findChild(QLabel, "deliveryContactLabel")
    assert contact.text() != ""
    mode = window.findChild(QComboBox, "deliveryModeCombo")
    mode.setCurrentIndex(mode.findData("email"))
    window.findChild(QRadioButton, "immediatePrintNo").setChecked(True)
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F9)
    box = shown(qtbot, window, QMessageBox, "confirmDialog")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller.basket.tickets == [])
    qtbot.waitUntil(lambda: focus_name() == "scanField")
    assert contact.text() == ""
    assert mode.currentData() == "counter"
    assert window.findChild(QRadioButton, "immediatePrintYes").isChecked()
    assert window.findChild(QLabel, "noDocumentLabel").isVisible()


def test_an_empty_no_sale_reason_keeps_the_dialog_open(window, qtbot, demo):
    qtbot.keyClick(scan_field(window), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = shown(qtbot, window, QDialog, "noSaleDialog")
    qtbot.waitUntil(lambda: focus_name() == "noSaleReasonField")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "noSaleErrorLabel").text() == (
        "Indiquez pourquoi le tiroir est ouvert sans vente.")
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(func.count()).select_from(JournalEntry).where(
            JournalEntry.action == "drawer.no_sale")) == 0
    dialog.reject()
