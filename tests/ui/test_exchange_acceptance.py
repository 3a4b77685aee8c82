"""Issue 4's acceptance, in the real window: order 959's 22 Joyaux tickets (110,00 €)
taken back (Dossier [Ctrl+Alt+F], whole order), 22 Carmina Burana Cat 1 "Contact
occasionnel - Plein tarif" (60,00 €) sold in exchange, -1 100,00 € refunded as a credit
note with F10: 22 new tickets, the receipt and the voucher decoded from a real TCP
printer, and ``guichet order show 959`` (a real process) says 22 replaced, 22 valid."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from pos.formatting import plain_spaces
from tests.core.exchange_support import JOYAUX
from tests.ui.conftest import label, scan_field
from tests.ui.exchange_window_support import choose_by_keys, printed, shown

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def take_back_order_959(qtbot, window) -> None:
    """Dossier [Ctrl+Alt+F], 959, Enter, then Ctrl+Enter: the whole order."""
    from tests.ui.test_take_back import closed, focus_in, shown_dialog, type_and_enter

    qtbot.keyClick(scan_field(window), Qt.Key.Key_F, CTRL_ALT)
    shown_dialog(qtbot, window, "orderNumberPrompt")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == "orderNumberField")
    type_and_enter(qtbot, QApplication.focusWidget(), "959")
    dialog = shown_dialog(qtbot, window, "orderDetailDialog")
    qtbot.keyClick(focus_in(qtbot, dialog), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: closed(dialog))
    assert [t.number for t in window.controller.basket.tickets] == JOYAUX
    window.activateWindow()  # offscreen: the closed dialog leaves no active window
    qtbot.waitUntil(window.isActiveWindow)


def order_show(database, number: int) -> dict:
    """``guichet order show <number> --json`` as the user runs it, on the same database."""
    env = dict(os.environ, GUICHET_DATABASE_URL=database.url)
    done = subprocess.run([sys.executable, "-m", "pos", "order", "show", str(number), "--json"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def refund_as_credit_note_and_check(qtbot, window, demo, printer) -> None:
    assert label(window, "refundSubtotalLabel") == "-2 420,00 €"
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F10)  # SOLDE AVOIR
    box = shown(qtbot, window, QMessageBox, "confirmDialog")
    assert plain_spaces(box.text()) == "Rembourser 1 100,00 € en avoir pour 22 billets ?"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Ordre 1271" in label(window, "messageLabel"))
    assert label(window, "messageLabel") == "Ordre 1271 : échange enregistré, total -1 100,00 €."

    order = order_show(demo, 959)
    old = [t for t in order["tickets"] if t["number"] in JOYAUX]
    new = [t for t in order["tickets"] if t["number"] not in JOYAUX]
    assert len(old) == 22 and {t["state"] for t in old} == {"replaced"}
    assert len(new) == 22 and {t["state"] for t in new} == {"valid"}
    assert {(t["event"], t["category"], t["tariff"], t["price"]) for t in new} == {
        ("Carmina Burana", "Cat 1", "Contact occasionnel - Plein tarif", "60.00")}
    assert sorted(t["replaced_by"] for t in old) == sorted(t["number"] for t in new)
    note = order["payments"][-1]
    assert (note["mode"], note["amount"], note["operation"]) == ("credit_note", "-1100.00", 1271)

    jobs = printer.wait_for_jobs(24, timeout=90)
    receipt, *tickets, voucher = (printed(j) for j in jobs)
    assert "Ordre 1271" in receipt[0]
    assert any(line.startswith("TOTAL") and line.endswith("-1 100,00 €")
               for line in map(plain_spaces, receipt[0]))
    numbers = sorted(t["number"] for t in new)
    assert sorted(code for _, codes, _ in tickets for code in codes) == numbers
    assert sorted(qr for _, _, qrs in tickets for qr in qrs) == numbers
    text = plain_spaces(" ".join(tickets[0][0]))
    for word in ("Carmina Burana", "Théâtre de la Ville", "Parterre", "Cat 1", "Plein tarif",
                 "60,00 €", "chef", "Guichet"):  # who logged in sold them
        assert word in text
    assert voucher[1] == [note["reference"]] and voucher[2] == [note["reference"]]
    assert any("1 100,00 €" in line for line in map(plain_spaces, voucher[0]))


@pytest.mark.operator("chef")  # gives back more than supervisor_above
def test_22_joyaux_for_22_carmina_all_by_keys(window, qtbot, demo, printer):
    take_back_order_959(qtbot, window)
    sell_carmina_by_keys(qtbot, window)
    assert label(window, "refundSubtotalLabel") == "-2 420,00 €"
    assert label(window, "soldSubtotalLabel") == "1 320,00 €"
    assert label(window, "totalLabel") == "-1 100,00 €"
    refund_as_credit_note_and_check(qtbot, window, demo, printer)


def focus_is(qtbot, name: str):
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == name)
    return QApplication.focusWidget()


def sell_carmina_by_keys(qtbot, window) -> None:
    from PySide6.QtWidgets import QDialog

    qtbot.keyClick(scan_field(window), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    dialog = shown(qtbot, window, QDialog, "eventDialog")
    field = focus_is(qtbot, "eventSearchField")
    qtbot.keyClicks(field, "Carmina")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # search
    qtbot.keyClick(focus_is(qtbot, "eventResultsView"), Qt.Key.Key_Return)  # pick
    focus_is(qtbot, "performanceCombo")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    choose_by_keys(qtbot, focus_is(qtbot, "categoryCombo"), "Cat 1")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    choose_by_keys(qtbot, focus_is(qtbot, "tariffCombo"), "Contact occasionnel - Plein tarif")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    spin = focus_is(qtbot, "quantitySpin")
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "22")
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # to ADD
    qtbot.keyClick(focus_is(qtbot, "eventAddButton"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.controller.exchange.sale) == 22)
    if dialog.isVisible():  # the dialog stays open for another line: Esc closes it
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()  # offscreen: the closed dialog leaves no active window
    qtbot.waitUntil(window.isActiveWindow)


def test_auto_exchange_by_keys_refunded_in_cash(window, qtbot, demo, printer):
    """AUTO-ÉCHANGE [Alt+A]: the same seats at the reduced tariff, -44,00 € in cash (F9)."""
    from PySide6.QtWidgets import QDialog

    from tests.support.escpos_decoder import DrawerPulse, decode
    from tests.ui.exchange_window_support import scan_all

    scan_all(qtbot, window, JOYAUX[:2])  # Balcon 8 and 10, 110,00 € each
    qtbot.keyClick(scan_field(window), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    dialog = shown(qtbot, window, QDialog, "autoExchangeDialog")
    choose_by_keys(qtbot, focus_is(qtbot, "autoExchangeTariffCombo"),
                   "Contact occasionnel - Tarif réduit")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()  # offscreen: the closed dialog leaves no active window
    qtbot.waitUntil(window.isActiveWindow)
    assert label(window, "soldSubtotalLabel") == "176,00 €"
    assert label(window, "totalLabel") == "-44,00 €"

    qtbot.keyClick(scan_field(window), Qt.Key.Key_F9)
    box = shown(qtbot, window, QMessageBox, "confirmDialog")
    assert "44,00 €" in plain_spaces(box.text())
    qtbot.keyClick(box, Qt.Key.Key_Return)

    jobs = printer.wait_for_jobs(3, timeout=30)
    receipt, first, second = (printed(j) for j in jobs)
    assert any(isinstance(e, DrawerPulse) for e in decode(jobs[0]))  # cash out
    order = order_show(demo, 959)
    by_number = {t["number"]: t for t in order["tickets"]}
    for old_number in JOYAUX[:2]:
        old = by_number[old_number]
        new = by_number[old["replaced_by"]]
        assert old["state"] == "replaced" and new["state"] == "valid"
        assert (new["area"], new["seat"], new["price"]) == (old["area"], old["seat"], "88.00")
    assert sorted(first[1] + second[1]) == sorted(by_number[n]["replaced_by"]
                                                  for n in JOYAUX[:2])
    assert order["payments"][-1]["mode"] == "cash"
    assert order["payments"][-1]["amount"] == "-44.00"
