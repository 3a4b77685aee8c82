"""F6 on an exchange in the real window: both sides held (the slip lists them, seats
held), the slip scanned brings both back, F4 settles under the held number."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTreeView
from sqlalchemy import select

from pos.core.models import (
    LineKind,
    Operation,
    OperationKind,
    OperationLine,
    OperationState,
    Ticket,
)
from pos.core.models_holds import SeatHold
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX
from tests.support.escpos_decoder import decode, text_lines
from tests.ui.conftest import label, scan_field, tree_rows
from tests.ui.exchange_window_support import scan_all, sell, wedge_scan
from tests.ui.test_hold import confirm


def sold_rows(window):
    return tree_rows(window.findChild(QTreeView, "exchangeView"))


def test_f6_holds_both_sides_and_the_slip_brings_them_back(window, qtbot, demo, clock,
                                                           printer):
    scan_all(qtbot, window, [JOYAUX[-1]])
    [new] = sell(window, demo, clock, "Don Giovanni", "Cat 1", quantity=1)
    place = f"{new.area} - {new.seat}"
    assert any(place in r[1] for r in sold_rows(window))

    qtbot.keyClick(scan_field(window), Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: label(window, "operationNumberLabel") == "[Ordre 1272]")
    lines = text_lines(decode(printer.wait_for_jobs(1, timeout=10)[0]))
    assert "ORDRE EN ATTENTE" in lines and "ÉCHANGÉ" in lines and "ANNULÉ" in lines
    assert any(JOYAUX[-1] in line for line in lines)
    assert any(f"{new.area} {new.seat}" in line and "95,00 €" in line for line in lines)
    assert any(line.startswith("Places réservées jusqu'à") for line in lines)
    assert sold_rows(window) == [] and label(window, "totalLabel") == "0,00 €"
    with uow_of(demo) as uow:
        op = uow.session.scalar(select(Operation).where(Operation.number == 1271))
        assert (op.state, op.kind) == (OperationState.ON_HOLD, OperationKind.EXCHANGE)
        assert uow.session.scalars(select(SeatHold.seat_id)).all() == [new.seat_id]

    wedge_scan(qtbot, scan_field(window), "OP00001271")
    qtbot.waitUntil(lambda: any(place in r[1] for r in sold_rows(window)))
    assert label(window, "operationNumberLabel") == "[Ordre 1271]"
    assert label(window, "totalLabel") == "-15,00 €"  # 95,00 sold - 110,00 back
    assert label(window, "messageLabel") == "Ordre 1271 repris : 1 billet."

    qtbot.keyClick(scan_field(window), Qt.Key.Key_F9)  # the balance back in cash
    confirm(qtbot, window, QMessageBox, "confirmDialog")
    qtbot.waitUntil(lambda: label(window, "operationNumberLabel") == "[Ordre 1272]")
    with uow_of(demo) as uow:
        op = uow.session.scalar(select(Operation).where(Operation.number == 1271))
        assert op.state is OperationState.COMPLETED
        [sold] = uow.session.scalars(select(Ticket).join(
            OperationLine, OperationLine.ticket_id == Ticket.id).where(
            OperationLine.operation_id == op.id, OperationLine.kind == LineKind.SALE)).all()
        assert sold.seat_id == new.seat_id
