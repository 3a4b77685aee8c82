"""The walking skeleton in the real window: scan a ticket, refund it in cash with F9,
receipt and drawer kick on a real TCP printer, the database changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from pos.core.services.orders import order_summary
from tests.conftest import uow_of
from tests.support.escpos_decoder import Cut, DrawerPulse, decode, text_lines
from tests.ui.conftest import basket_view, label, scan_field, tree_rows


def wedge_scan(qtbot, widget, code: str) -> None:
    """What a keyboard-wedge scanner does: one key per character, then Enter; then the
    event loop turns once, as it does before the next burst (the side panels, deferred
    after the basket row, refresh then)."""
    for ch in code:
        qtbot.keyClick(widget, ch)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_window_opens_on_the_screen_with_the_scan_field_focused(window, qtbot):
    assert window.windowTitle() == "Guichet - Échange - annulation"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scan_field(window))
    assert label(window, "totalLabel") == "0,00 €"
    assert label(window, "operationNumberLabel") == "[Ordre 1271]"
    cash = window.findChild(QPushButton, "cashButton")
    assert cash.text() == "ESPÈCES [F9]" and not cash.isEnabled()


def test_scan_then_cash_refund_with_f9(window, qtbot, demo, printer):
    field = scan_field(window)
    wedge_scan(qtbot, field, "01010002748")

    assert field.text() == ""
    rows = tree_rows(basket_view(window))
    assert [r[:2] for r in rows] == [
        (0, "Dossier 959"),
        (1, rows[1][1]),
        (2, "Cat 1 Contact occasionnel - Plein tarif"),
        (3, "01010002748  Balcon - 7"),
    ]
    assert rows[0][2] == "AKOKA, Viviane | UNIVERSITY PARIS / Relais"
    assert rows[0][3] == "1" and rows[0][7] == "110,00"  # qty, total
    assert rows[1][1].startswith("Joyaux - ") and rows[1][1].endswith(" 20:15")
    assert rows[2][3:7] == ("1", "110,00", "", "110,00")  # qty, price, fees, amount
    assert label(window, "refundSubtotalLabel") == "-110,00 €"
    assert label(window, "totalLabel") == "-110,00 €"

    qtbot.keyClick(field, Qt.Key.Key_F9)
    box = None

    def confirmation_shown():
        nonlocal box
        box = window.findChild(QMessageBox, "confirmDialog")
        assert box is not None and box.isVisible()

    qtbot.waitUntil(confirmation_shown)
    assert "110,00" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)

    jobs = printer.wait_for_jobs(1, timeout=10)
    events = decode(jobs[0])
    lines = text_lines(events)
    assert "REMBOURSEMENT" in lines and "Ordre 1271" in lines
    assert "27.11.2026 10:00" in lines
    assert any("01010002748" in line and line.rstrip().endswith("-110,00 €") for line in lines)
    assert any(line.startswith("TOTAL") and line.endswith("-110,00 €") for line in lines)
    assert "Opérateur : demo" in lines  # who logged in, not a setting
    assert any(line.startswith("Théâtre de la Ville") for line in lines)
    assert sum(isinstance(e, Cut) for e in events) == 1
    assert [e.pin for e in events if isinstance(e, DrawerPulse)] == [2]
    # the drawer opens after the receipt is cut, never before
    assert isinstance(events[-1], DrawerPulse) or events.index(
        next(e for e in events if isinstance(e, DrawerPulse))) > events.index(
        next(e for e in events if isinstance(e, Cut)))

    assert tree_rows(basket_view(window)) == []
    assert label(window, "totalLabel") == "0,00 €"
    assert label(window, "operationNumberLabel") == "[Ordre 1272]"
    with uow_of(demo) as uow:
        order = order_summary(uow, 959)
    ticket = next(t for t in order["tickets"] if t["number"] == "01010002748")
    assert ticket["state"] == "cancelled"
    assert order["payments"][-1] == {"mode": "cash", "amount": "-110.00",
                                     "at": order["payments"][-1]["at"], "operation": 1271,
                                     "reference": ""}


def test_refusals_are_said_in_french_and_add_nothing(window, qtbot):
    field = scan_field(window)
    wedge_scan(qtbot, field, "09999999999")
    assert label(window, "messageLabel") == "Billet 09999999999 inconnu."
    wedge_scan(qtbot, field, "01010003006")
    assert "réservation non payée" in label(window, "messageLabel")
    wedge_scan(qtbot, field, "01010002727")
    wedge_scan(qtbot, field, "01010002727")
    assert label(window, "messageLabel") == "Le billet 01010002727 est déjà dans le panier."
    wedge_scan(qtbot, field, "0101ABC")
    assert label(window, "messageLabel").startswith("Code illisible")
    rows = tree_rows(basket_view(window))
    assert [r[1] for r in rows if r[0] == 3] == ["01010002727  Balcon - 8"]
    assert label(window, "totalLabel") == "-110,00 €"


def test_a_cancelled_ticket_is_refused_after_its_refund(window, qtbot, printer):
    field = scan_field(window)
    wedge_scan(qtbot, field, "01010002730")
    qtbot.keyClick(field, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "confirmDialog") is not None)
    qtbot.keyClick(window.findChild(QMessageBox, "confirmDialog"), Qt.Key.Key_Return)
    printer.wait_for_jobs(1, timeout=10)
    wedge_scan(qtbot, field, "01010002730")
    assert label(window, "messageLabel") == (
        "Billet 01010002730 déjà remboursé (ordre 1271 du 27.11.2026 10:00).")
    assert tree_rows(basket_view(window)) == []


def test_refund_fees_checkbox_and_remove(window, qtbot):
    field = scan_field(window)
    wedge_scan(qtbot, field, "01010003003")  # Lac des cygnes, 75,00 + 1,50 fees
    assert label(window, "totalLabel") == "-75,00 €"
    window.findChild(QPushButton, "removeButton")  # exists
    from PySide6.QtWidgets import QCheckBox
    fees = window.findChild(QCheckBox, "refundFeesCheck")
    fees.setChecked(True)
    assert label(window, "totalLabel") == "-76,50 €"
    view = basket_view(window)
    view.selectionModel().select(
        view.model().index(0, 0),
        view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows)
    qtbot.mouseClick(window.findChild(QPushButton, "removeButton"), Qt.MouseButton.LeftButton)
    assert tree_rows(view) == []
    assert label(window, "totalLabel") == "0,00 €"


def test_basket_columns_are_those_of_the_reference(window):
    model = basket_view(window).model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["TYPE / PRODUIT / ARTICLE (PAR OPÉRATION)", "CONTACT", "QTÉ", "PRIX",
                       "FRAIS", "MONTANT", "TOTAL"]
