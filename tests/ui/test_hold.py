"""METTRE EN ATTENTE [F6], reprise (slip barcode, ticket, ORDRES EN ATTENTE [F7]),
ABANDONNER ORDRE [F5] in the real window, driven by keys, slip bytes from a real TCP
printer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QMessageBox, QPushButton
from sqlalchemy import select

from pos.core.models import Counter, Operation, OperationState
from pos.core.services.order_history import order_history
from pos.core.services.orders import order_summary
from tests.conftest import uow_of
from tests.support.escpos_decoder import Barcode, decode, text_lines
from tests.ui.conftest import basket_view, label, scan_field, tree_rows
from tests.ui.test_refund_slice import wedge_scan


def ticket_rows(window) -> list[str]:
    return [r[1].split()[0] for r in tree_rows(basket_view(window)) if r[0] == 3]


def press(qtbot, window, key) -> None:
    qtbot.keyClick(scan_field(window), key)


def dialog_shown(window, cls, name):
    found = []

    def shown():
        box = window.findChild(cls, name)
        assert box is not None and box.isVisible()
        found[:] = [box]

    return shown, found


def reactivate(qtbot, window) -> None:
    """The offscreen platform gives activation back to no window when a dialog closes
    (a desktop gives it back to the main window): shortcuts need an active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def confirm(qtbot, window, cls, name) -> None:
    shown, found = dialog_shown(window, cls, name)
    qtbot.waitUntil(shown)
    qtbot.keyClick(found[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(cls, name) is None or
                    not window.findChild(cls, name).isVisible())
    reactivate(qtbot, window)


def operation(demo, number):
    with uow_of(demo) as uow:
        op = uow.session.scalar(select(Operation).where(Operation.number == number))
        return None if op is None else (op.state, op.requested_by, op.cause, op.remarks)


def test_hold_print_slip_resume_by_slip_and_settle_under_the_same_number(
        window, qtbot, demo, printer):
    field = scan_field(window)
    hold = window.findChild(QPushButton, "holdButton")
    assert hold.text() == "METTRE EN ATTENTE [F6]" and not hold.isEnabled()
    wedge_scan(qtbot, field, "01010002747")
    wedge_scan(qtbot, field, "01010002748")
    assert hold.isEnabled()
    requested = window.findChild(QComboBox, "requestedByCombo")
    cause = window.findChild(QComboBox, "causeCombo")
    assert [cause.itemText(i) for i in range(cause.count())] == [
        "Échange", "Annulation de la séance", "Changement de date", "Erreur de vente",
        "Geste commercial"]
    qtbot.keyClick(requested, Qt.Key.Key_Down)  # par l'organisateur
    qtbot.keyClick(cause, Qt.Key.Key_Down)  # Annulation de la séance
    remarks = window.findChild(QLineEdit, "remarksField")
    qtbot.keyClicks(remarks, "Rappeler samedi")
    assert requested.currentText() == "par l'organisateur"

    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: label(window, "operationNumberLabel") == "[Ordre 1272]")

    events = decode(printer.wait_for_jobs(1, timeout=10)[0])
    lines = text_lines(events)
    assert "ORDRE EN ATTENTE" in lines and "Ordre 1271" in lines
    assert "Contact : AKOKA, Viviane" in lines
    assert any("01010002748" in line and line.endswith("-110,00 €") for line in lines)
    assert any(line.startswith("TOTAL") and line.endswith("-220,00 €") for line in lines)
    assert [e.payload for e in events if isinstance(e, Barcode)] == ["OP00001271"]
    # the window is ready for the next customer
    assert tree_rows(basket_view(window)) == []
    assert label(window, "totalLabel") == "0,00 €"
    assert label(window, "operationNumberLabel") == "[Ordre 1272]"
    assert label(window, "messageLabel") == "Ordre 1271 mis en attente : son bon s'imprime."
    assert remarks.text() == "" and requested.currentText() == "par le public"
    assert cause.currentText() == "Échange"
    assert operation(demo, 1271) == (OperationState.ON_HOLD, "organiser",
                                     "Annulation de la séance", "Rappeler samedi")

    wedge_scan(qtbot, field, "OP00001271")  # the slip's barcode
    assert ticket_rows(window) == ["01010002747", "01010002748"]
    assert label(window, "operationNumberLabel") == "[Ordre 1271]"
    assert label(window, "totalLabel") == "-220,00 €"
    assert label(window, "messageLabel") == "Ordre 1271 repris : 2 billets."
    assert remarks.text() == "Rappeler samedi"
    assert (requested.currentText(), cause.currentText()) == (
        "par l'organisateur", "Annulation de la séance")

    press(qtbot, window, Qt.Key.Key_F9)
    confirm(qtbot, window, QMessageBox, "confirmDialog")
    qtbot.waitUntil(lambda: label(window, "operationNumberLabel") == "[Ordre 1272]")
    receipt = text_lines(decode(printer.wait_for_jobs(2, timeout=10)[1]))
    assert "REMBOURSEMENT" in receipt and "Ordre 1271" in receipt
    assert label(window, "operationNumberLabel") == "[Ordre 1272]"
    assert operation(demo, 1271) == (OperationState.COMPLETED, "organiser",
                                     "Annulation de la séance", "Rappeler samedi")
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(Counter.last_operation_number)) == 1271
        order = order_summary(uow, 959)
        [history] = order_history(uow, 959)
    assert {t["number"]: t["state"] for t in order["tickets"]}["01010002747"] == "cancelled"
    assert order["payments"][-1]["operation"] == 1271
    assert (history["number"], history["state"], history["remarks"]) == (
        1271, "completed", "Rappeler samedi")


def test_held_tickets_are_refused_while_another_operation_is_open(window, qtbot):
    field = scan_field(window)
    wedge_scan(qtbot, field, "01010002740")
    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: label(window, "operationNumberLabel") == "[Ordre 1272]")
    wedge_scan(qtbot, field, "01010002741")
    wedge_scan(qtbot, field, "01010002740")
    assert label(window, "messageLabel") == (
        "Billet 01010002740 retenu par l'ordre 1271 en attente.")
    wedge_scan(qtbot, field, "OP00001271")
    assert label(window, "messageLabel").startswith("Un ordre est en cours")
    assert ticket_rows(window) == ["01010002741"]


def test_resume_by_a_ticket_then_abandon_with_f5(window, qtbot, demo):
    field = scan_field(window)
    abandon = window.findChild(QPushButton, "abandonButton")
    assert abandon.text() == "ABANDONNER ORDRE [F5]"
    wedge_scan(qtbot, field, "01010002730")
    wedge_scan(qtbot, field, "01010002731")
    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: tree_rows(basket_view(window)) == [])

    wedge_scan(qtbot, field, "01010002731")  # any ticket of the held operation
    assert ticket_rows(window) == ["01010002730", "01010002731"]
    assert label(window, "operationNumberLabel") == "[Ordre 1271]"

    press(qtbot, window, Qt.Key.Key_F5)
    shown, found = dialog_shown(window, QMessageBox, "abandonConfirmDialog")
    qtbot.waitUntil(shown)
    assert "l'ordre 1271" in found[0].text()
    qtbot.keyClick(found[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree_rows(basket_view(window)) == [])
    reactivate(qtbot, window)
    assert label(window, "messageLabel") == "Ordre 1271 abandonné : ses billets sont libérés."
    assert label(window, "operationNumberLabel") == "[Ordre 1272]"
    assert operation(demo, 1271)[0] is OperationState.ABANDONED
    wedge_scan(qtbot, field, "01010002731")  # free again: a plain scan
    assert ticket_rows(window) == ["01010002731"]
    assert label(window, "messageLabel").startswith("Billet 01010002731 ajouté")

    press(qtbot, window, Qt.Key.Key_F5)  # never held: dropped at once, nothing recorded
    qtbot.waitUntil(lambda: tree_rows(basket_view(window)) == [])
    assert label(window, "messageLabel") == "Ordre abandonné : rien n'a été modifié."
    assert label(window, "operationNumberLabel") == "[Ordre 1272]"
    assert operation(demo, 1272) is None


def test_pick_a_held_operation_from_the_list_with_f7(window, qtbot):
    field = scan_field(window)
    button = window.findChild(QPushButton, "heldOperationsButton")
    assert button.text() == "ORDRES EN ATTENTE [F7]"
    for ticket in ("01010003003", "01010002727"):
        wedge_scan(qtbot, field, ticket)
        press(qtbot, window, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: tree_rows(basket_view(window)) == [])
    press(qtbot, window, Qt.Key.Key_F7)
    shown, found = dialog_shown(window, QDialog, "heldOperationsDialog")
    qtbot.waitUntil(shown)
    table = found[0].findChild(type(found[0].table), "heldOperationsTable")
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows == [["1271", "DUBOIS, Paul | Lycée Victor Hugo / Professeur", "1"],
                    ["1272", "AKOKA, Viviane | UNIVERSITY PARIS / Relais", "1"]]
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ticket_rows(window) == ["01010002727"])
    assert label(window, "operationNumberLabel") == "[Ordre 1272]"
