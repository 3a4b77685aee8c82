"""The documents panel follows the chosen mode (issue 9, "After a settlement the screen is
ready for the next customer"): the cashier changes the delivery mode with the keyboard
while documents are listed, and "Envoi documents" says each time where each document
goes; after a settlement the mode is back to the default and the panel with it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMessageBox

from tests.core.exchange_support import JOYAUX
from tests.ui.conftest import scan_field
from tests.ui.exchange_window_support import choose_by_keys, focused, scan_all, sell, shown
from tests.ui.test_exchange_settlement_window import documents
from tests.ui.test_keyboard_all_the_way import tab_to

MODES = ["Remis au contact", "Envoi par e-mail", "Envoi postal", "Plus tard"]

# A refund's receipt prints at the counter whatever the mode (the core's
# planned_documents), and goes in the e-mail too with "Envoi par e-mail".
REFUND = {
    "Remis au contact": [("Reçu de remboursement", "1", "Remis au contact", "Reçu")],
    "Envoi par e-mail": [("Reçu de remboursement", "1", "Envoi par e-mail", "Reçu")],
    "Envoi postal": [("Reçu de remboursement", "1", "Impression immédiate", "Reçu")],
    "Plus tard": [("Reçu de remboursement", "1", "Impression immédiate", "Reçu")],
}
# An exchange's new tickets go where the mode says; its receipt and voucher print now.
EXCHANGE_TICKETS = {
    "Remis au contact": "Impression immédiate",
    "Envoi par e-mail": "Envoi par e-mail",
    "Envoi postal": "Gardés pour l'envoi postal",
    "Plus tard": "Impression différée",
}


def combo(window) -> QComboBox:
    return window.findChild(QComboBox, "deliveryModeCombo")


def choose_mode(qtbot, window, text: str) -> None:
    """Tab from the scan field to the delivery mode, then the arrow keys, as a cashier."""
    scan_field(window).setFocus()
    focused(qtbot, "scanField")
    tab_to(qtbot, "deliveryModeCombo")
    choose_by_keys(qtbot, QApplication.focusWidget(), text)
    assert combo(window).currentText() == text


def test_the_refund_documents_follow_every_mode(window, qtbot):
    scan_all(qtbot, window, [JOYAUX[-1]])
    for text in [*MODES, *reversed(MODES)]:  # each mode, from either side
        choose_mode(qtbot, window, text)
        assert documents(window) == REFUND[text], text


def test_the_exchange_documents_follow_every_mode(window, qtbot, demo, clock):
    scan_all(qtbot, window, [JOYAUX[-1]])
    sell(window, demo, clock, "Carmina Burana", "Cat 1", quantity=1)  # -50,00 €
    for text in [*MODES, *reversed(MODES)]:
        choose_mode(qtbot, window, text)
        rows = documents(window)
        assert rows[0] == ("Billets", "1", EXCHANGE_TICKETS[text], "Billet"), text
        receipt = "Impression + e-mail" if text == "Envoi par e-mail" else "Impression immédiate"
        assert [r[2] for r in rows[1:]] == [receipt, receipt], (text, rows)


def test_after_a_settlement_the_mode_and_the_panel_are_back_to_the_default(window, qtbot):
    scan_all(qtbot, window, [JOYAUX[-1]])
    choose_mode(qtbot, window, "Plus tard")
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F9)
    box = shown(qtbot, window, QMessageBox, "confirmDialog")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller.basket.tickets == [])
    assert combo(window).currentText() == "Remis au contact"
    assert window.findChild(QLabel, "noDocumentLabel").isVisible()
    scan_all(qtbot, window, [JOYAUX[0]])  # the next customer
    assert documents(window) == REFUND["Remis au contact"]
    choose_mode(qtbot, window, "Envoi par e-mail")  # and it still follows
    assert documents(window) == REFUND["Envoi par e-mail"]
