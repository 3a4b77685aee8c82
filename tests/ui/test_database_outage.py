"""The real window with its PostgreSQL server stopped, then started again: the status bar
says it, a scan made meanwhile is kept in a visible queue (never "added", never lost), a
refund attempted meanwhile keeps the basket and writes nothing, and the counter resumes
by itself when the server is back: the kept scans are taken, the refund goes through."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import func, select

from pos.core.models import Operation, Payment, Ticket, TicketState
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX
from tests.ui.conftest import label, open_window, scan_field
from tests.ui.test_refund_slice import wedge_scan


def _window(qtbot, database, clock, printer):
    # chef: the refund gives 330 € back, above [refunds] supervisor_above
    return open_window(qtbot, database, clock, printer, operator="chef",
                       sections="[database]\nprobe_seconds = 0.2")


def _basket(win) -> list[str]:
    return [t.number for t in win.controller.counter.basket.tickets]


def _confirm_refund(qtbot, win) -> None:
    qtbot.keyClick(scan_field(win), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: (box := win.findChild(QMessageBox, "confirmDialog")) is not None
                    and box.isVisible())
    qtbot.keyClick(win.findChild(QMessageBox, "confirmDialog"), Qt.Key.Key_Return)


def test_scans_kept_while_the_server_is_stopped_and_taken_when_it_is_back(
        qtbot, own_postgres, outage_demo, clock, printer):
    win = _window(qtbot, outage_demo, clock, printer)
    field = scan_field(win)
    status = win.findChild(QLabel, "databaseStatusLabel")
    waiting = win.findChild(QLabel, "pendingScansLabel")
    assert status.text() == "Base : connectée" and not waiting.isVisible()
    wedge_scan(qtbot, field, JOYAUX[0])
    assert _basket(win) == [JOYAUX[0]]

    own_postgres.stop()
    wedge_scan(qtbot, field, JOYAUX[1])
    message = label(win, "messageLabel")
    assert "ajouté" not in message
    assert message.startswith(f"Base de données injoignable : le billet {JOYAUX[1]} est "
                              "gardé (1 en attente)"), message
    assert status.text() == "Base : injoignable"
    assert waiting.isVisible() and label(win, "pendingScansLabel") == "Scans en attente : 1"
    wedge_scan(qtbot, field, JOYAUX[2])  # known down: kept at once, in order
    assert waiting.toolTip().split("\n") == JOYAUX[1:3]
    assert _basket(win) == [JOYAUX[0]]

    _confirm_refund(qtbot, win)  # the refund cannot reach the database
    qtbot.waitUntil(lambda: "Base de données injoignable" in label(win, "messageLabel"))
    assert _basket(win) == [JOYAUX[0]]  # kept
    assert label(win, "totalLabel") == "-110,00 €"

    own_postgres.start()
    qtbot.waitUntil(lambda: status.text() == "Base : connectée", timeout=15_000)
    qtbot.waitUntil(lambda: _basket(win) == JOYAUX[:3], timeout=5_000)
    assert not waiting.isVisible()
    assert label(win, "messageLabel").startswith(f"Billet {JOYAUX[2]} ajouté")
    with uow_of(outage_demo) as uow:  # nothing was half written meanwhile
        assert uow.session.scalar(select(func.count()).select_from(Operation)) == 0

    _confirm_refund(qtbot, win)
    qtbot.waitUntil(lambda: not _basket(win))
    with uow_of(outage_demo) as uow:
        s = uow.session
        assert s.scalar(select(func.count()).select_from(Operation)) == 1
        assert s.scalar(select(func.sum(Payment.amount)).where(Payment.amount < 0)) \
            == Decimal("-330.00")
        assert set(s.scalars(select(Ticket.state).where(Ticket.number.in_(JOYAUX[:3])))) \
            == {TicketState.CANCELLED}
    win.close()
