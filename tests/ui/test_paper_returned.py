""""Billet papier repris" in the real window: ticked on a scanned ticket, unticked on
one taken from a list, Space on the row changes it, the receipt printed says which."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from pos.core.services.order_detail import DetailTicket
from pos.core.services.order_history import order_history
from pos.core.services.take_back import take_refundable
from pos.ui.take_back.dialogs.order_detail import state_label
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX
from tests.support.escpos_decoder import decode, text_lines
from tests.ui.conftest import basket_view, scan_field
from tests.ui.exchange_window_support import wedge_scan
from tests.ui.test_hold import confirm


def ticket_items(window):
    view = basket_view(window)
    model = view.model()
    found = {}

    def walk(parent):
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            item = model.itemFromIndex(index)
            if item.isCheckable():
                found[index.data().split()[0]] = item
            walk(index)

    walk(QModelIndex())
    return found


def test_scanned_ticked_listed_not_space_toggles_receipt_says_which(window, qtbot, demo,
                                                                    printer):
    wedge_scan(qtbot, scan_field(window), JOYAUX[0])
    c = window.controller
    with uow_of(demo) as uow:  # from a list (Liste numéros), as its dialog does
        take_refundable(uow, c.basket, [JOYAUX[1]], c.session.clock)
    c.session.basket_changed()
    items = ticket_items(window)
    assert items[JOYAUX[0]].checkState() == Qt.CheckState.Checked
    assert items[JOYAUX[1]].checkState() == Qt.CheckState.Unchecked

    view = basket_view(window)
    view.setFocus()
    view.setCurrentIndex(items[JOYAUX[1]].index())
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: c.basket.paper_returned() == (JOYAUX[0], JOYAUX[1]))
    items[JOYAUX[0]].setCheckState(Qt.CheckState.Unchecked)  # a click does the same
    assert c.basket.paper_returned() == (JOYAUX[1],)

    qtbot.keyClick(scan_field(window), Qt.Key.Key_F9)
    confirm(qtbot, window, QMessageBox, "confirmDialog")
    lines = text_lines(decode(printer.wait_for_jobs(1, timeout=10)[0]))
    at = lines.index("Billets papier repris :")
    assert lines[at + 1].strip() == JOYAUX[1]
    with uow_of(demo) as uow:
        [history] = order_history(uow, 959)
    assert history["paper_returned"] == [JOYAUX[1]]


def test_the_order_detail_state_shows_duplicates_and_paper(window):
    ticket = DetailTicket(
        number="01010002748", quota=None, area="Balcon", seat="7", kind="ticket",
        sold_at=datetime(2026, 11, 1), sales_point="Guichet", operator="STX_BDD",
        state="replaced", printed=True, delivery_mode="Remis au contact",
        price=Decimal("110.00"), fees=Decimal("0.00"), replaced_by="01010009999",
        reprints=2, paper_returned=True)
    assert state_label(ticket) == "remplacé (duplicata : 2) (papier repris)"
