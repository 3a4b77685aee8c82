"""Training mode in the real window: F9 refunds as usual, the receipt prints with the
FORMATION banner and no drawer kick, and the database keeps nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pos.core.services.orders import order_summary
from tests.conftest import uow_of
from tests.support.escpos_decoder import DrawerPulse, decode, text_lines
from tests.ui.conftest import label, open_window, scan_field
from tests.ui.test_refund_slice import wedge_scan


@pytest.fixture
def training_window(qtbot, demo, clock, printer):
    win = open_window(qtbot, demo, clock, printer, counter="training = true")
    yield win
    win.close()


def test_a_training_refund_in_the_window(training_window, qtbot, demo, printer):
    window = training_window
    assert label(window, "stationLabel").endswith(" - FORMATION")
    field = scan_field(window)
    wedge_scan(qtbot, field, "01010002748")
    qtbot.keyClick(field, Qt.Key.Key_F9)
    box = None

    def confirmation_shown():
        nonlocal box
        box = window.findChild(QMessageBox, "confirmDialog")
        assert box is not None and box.isVisible()

    qtbot.waitUntil(confirmation_shown)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    events = decode(printer.wait_for_jobs(1, timeout=10)[0])
    lines = text_lines(events)
    assert any("FORMATION" in line for line in lines[:3])
    assert "REMBOURSEMENT" in lines
    assert not [e for e in events if isinstance(e, DrawerPulse)]
    with uow_of(demo) as uow:
        order = order_summary(uow, 959)
    ticket = next(t for t in order["tickets"] if t["number"] == "01010002748")
    assert ticket["state"] == "valid" and len(order["payments"]) == 1
