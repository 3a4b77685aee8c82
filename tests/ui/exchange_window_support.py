"""Helpers of the exchange settlement window tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos.core.services.exchange import event_tickets
from tests.conftest import uow_of
from tests.core.exchange_support import ids
from tests.support.escpos_decoder import QR, Barcode, decode, text_lines
from tests.ui.conftest import scan_field


def wedge_scan(qtbot, widget, code: str) -> None:
    """What a keyboard-wedge scanner does: one key per character, then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def scan_all(qtbot, window, numbers) -> None:
    for number in numbers:
        wedge_scan(qtbot, scan_field(window), number)
    assert len(window.controller.basket.tickets) == len(numbers)


def sell(window, demo, clock, event: str, category: str, tariff: str = "PLEIN", **kw):
    """Fill the sale basket through the core (as ÉVÉNEMENT does) and tell the window."""
    c = window.controller
    with uow_of(demo) as uow:
        tickets = event_tickets(uow, c.exchange.sale, c.basket, clock,
                                **ids(demo, event, category, tariff), **kw)
    c.exchange.sig_sale_changed.emit()
    return tickets


def focused(qtbot, name: str):
    """Wait until the widget ``name`` has the keyboard focus; return it."""
    found = []

    def has_focus():
        widget = QApplication.focusWidget()
        assert widget is not None and widget.objectName() == name
        found.append(widget)

    qtbot.waitUntil(has_focus)
    return found[-1]


def shown(qtbot, window, cls, name: str):
    found = []

    def visible():
        widget = window.findChild(cls, name)
        assert widget is not None and widget.isVisible()
        found.append(widget)

    qtbot.waitUntil(visible)
    return found[-1]


def printed(job: bytes) -> tuple[list[str], list[str], list[str]]:
    """(text lines, CODE128 payloads, QR payloads) of one printed job."""
    events = decode(job)
    return (text_lines(events), [e.payload for e in events if isinstance(e, Barcode)],
            [e.payload for e in events if isinstance(e, QR)])


def choose_by_keys(qtbot, combo, text: str) -> None:
    """Up/Down on a focused combo box until it shows ``text`` (at its start)."""
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText().startswith(text):
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText().startswith(text), [combo.itemText(i) for i in range(combo.count())]
