""""Envoi postal" in the window: the documents panel says the tickets are kept for the
post batch, the settlement prints the receipt only, and the tickets wait as jobs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from pos.core.services.deferred_prints import pending_documents
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX
from tests.ui.conftest import scan_field
from tests.ui.exchange_window_support import printed, scan_all, sell, shown
from tests.ui.test_exchange_settlement_window import documents


def test_sent_by_post_keeps_the_tickets_for_the_batch(window, qtbot, demo, clock, printer):
    combo = window.findChild(QComboBox, "deliveryModeCombo")
    combo.setCurrentIndex(combo.findData("post"))
    assert combo.currentText() == "Envoi postal"
    scan_all(qtbot, window, [JOYAUX[-1]])
    sell(window, demo, clock, "Carmina Burana", "Cat 1", quantity=1)  # -50,00 €
    assert documents(window)[0] == ("Billets", "1", "Gardés pour l'envoi postal", "Billet")
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F9)
    box = shown(qtbot, window, QMessageBox, "confirmDialog")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller.basket.tickets == [])
    [receipt] = printer.wait_for_jobs(1, timeout=20)
    assert printed(receipt)[1][0].startswith("OP")  # the receipt's barcode, no ticket
    with uow_of(demo) as uow:
        pending = pending_documents(uow)
    assert [why for _job, why in pending] == ["post"]
    assert combo.currentData() == "counter"  # the next customer starts from the default
