"""Training mode in the real window: F9 refunds as usual, the receipt prints with the
FORMATION banner and no drawer kick, and the database keeps nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pos.config import parse_config
from pos.core.services.orders import order_summary
from pos.ui.app import build_main_window, make_printer
from tests.conftest import uow_of
from tests.support.escpos_decoder import DrawerPulse, decode, text_lines
from tests.ui.conftest import label, scan_field
from tests.ui.test_refund_slice import wedge_scan


@pytest.fixture
def training_window(qtbot, demo, clock, printer):
    config = parse_config(f"""
[counter]
name = "Guichet 1"
training = true
[printer]
connection = "network"
host = "127.0.0.1"
port = {printer.port}
timeout = 3
""")
    win = build_main_window(config, demo, clock, make_printer(config), operator="demo")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
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
