"""The window retries a refund whose commit went through but whose answer was lost (the
link died between the COMMIT and the screen): the cashier presses F9 again, the basket
still there, and the counter settles once, showing the first result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from pos.core.models import Operation, Payment
from pos.core.models_printing import PrintJob
from pos.core.uow import UnitOfWork
from tests.conftest import uow_of
from tests.ui.conftest import label, scan_field
from tests.ui.test_refund_slice import wedge_scan


class AnswerLost(UnitOfWork):
    """A unit of work whose settlement commits, then whose link dies before the answer
    (what a server killed right after its COMMIT looks like to the window)."""

    lose_next = True

    def commit(self) -> None:
        super().commit()
        if AnswerLost.lose_next:
            AnswerLost.lose_next = False
            raise OperationalError("COMMIT", {}, ConnectionResetError("connection lost"))


def _visible_box(win):
    return next((box for box in win.findChildren(QMessageBox, "confirmDialog")
                 if box.isVisible()), None)


def _f9(qtbot, win) -> None:
    qtbot.waitUntil(lambda: not win.dialogs.busy)
    qtbot.wait(200)
    qtbot.keyClick(scan_field(win), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: _visible_box(win) is not None)
    box = _visible_box(win)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())


def test_f9_again_after_a_lost_answer_settles_once(window, qtbot, demo, monkeypatch):
    session = window.controller.session
    monkeypatch.setattr(session, "uow", lambda: AnswerLost(demo.sessions))
    AnswerLost.lose_next = True
    wedge_scan(qtbot, scan_field(window), "01010002748")

    _f9(qtbot, window)
    assert label(window, "messageLabel").startswith("Base de données injoignable")
    assert [t.number for t in session.basket.tickets] == ["01010002748"]  # kept
    with uow_of(demo) as uow:  # ... although the refund is committed
        assert uow.session.scalar(select(func.count()).select_from(Operation)) == 1

    _f9(qtbot, window)  # the cashier tries again: the same basket, the same key
    assert label(window, "messageLabel") == "Ordre 1271 : 110,00 € remboursés."
    assert not session.basket.tickets
    with uow_of(demo) as uow:
        s = uow.session
        assert s.scalar(select(func.count()).select_from(Operation)) == 1
        assert s.scalar(select(func.count()).select_from(Payment)
                        .where(Payment.amount < 0)) == 1
        assert s.scalar(select(func.count()).select_from(PrintJob)) == 1  # one receipt
