"""Settling an exchange in the real window, by keys: the customer pays (cash with change,
a scanned credit note used in part), a nil total closes, tickets printed later on
demand; a real TCP printer whose bytes are decoded, and the database read back."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
)
from sqlalchemy import select

from pos.core.models import Order, PaymentMode
from pos.core.models_printing import PrintJob, PrintJobState
from pos.core.services.credit_notes import credit_note_balance
from pos.core.services.orders import order_summary
from pos.core.services.refunds import Tender, refund_basket
from pos.formatting import plain_spaces
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, scan, seat_id
from tests.ui.conftest import label, scan_field
from tests.ui.exchange_window_support import (
    choose_by_keys,
    focused,
    printed,
    scan_all,
    sell,
    shown,
)

D = Decimal


def documents(window) -> list[tuple[str, ...]]:
    """The rows of "Envoi documents"."""
    table = window.findChild(QTableWidget, "documentsTable")
    return [tuple(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())]


def pay_dialog(qtbot, window) -> QDialog:
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F4)
    return shown(qtbot, window, QDialog, "exchangePayDialog")


def test_pay_all_in_cash_shows_the_change_and_prints_receipt_and_tickets(
        window, qtbot, demo, clock, printer):
    scan_all(qtbot, window, [JOYAUX[-1]])  # 110,00 € back
    sell(window, demo, clock, "Don Giovanni", "Cat 1", quantity=2)  # 2 x 95,00 €
    pay_all = window.findChild(QPushButton, "payAllButton")
    assert pay_all.text() == "Tout payer [F4]" and pay_all.isEnabled()
    assert not window.findChild(QPushButton, "creditNoteButton").isEnabled()

    dialog = pay_dialog(qtbot, window)
    assert plain_spaces(dialog.findChild(QLabel, "payDueLabel").text()) == "À payer : 80,00 €"
    amount = focused(qtbot, "payAmountField")
    assert amount.text() == "80,00"  # the rest, in cash (first mode)
    qtbot.keyClicks(amount, "100")
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert plain_spaces(dialog.findChild(QLabel, "changeLabel").text()) == \
        "Monnaie à rendre : 20,00 €"
    assert amount.text() == ""
    qtbot.keyClick(amount, Qt.Key.Key_Return)  # paid: Enter confirms
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert "Monnaie à rendre : 20,00 €" in label(window, "messageLabel")
    assert "Ordre 1271" in label(window, "messageLabel")
    assert label(window, "operationNumberLabel") == "[Ordre 1272]"
    jobs = printer.wait_for_jobs(3, timeout=20)
    receipt, *tickets = (printed(j) for j in jobs)
    assert any("Rendu" in line or "Monnaie" in line for line in receipt[0])
    with uow_of(demo) as uow:
        order = order_summary(uow, 959)
    new = [t["number"] for t in order["tickets"] if t["event"] == "Don Giovanni"]
    assert len(new) == 2
    assert sorted(code for _, codes, _ in tickets for code in codes) == sorted(new)
    assert all(qr == codes for _, codes, qr in tickets)
    assert any("Don Giovanni" in line for line in tickets[0][0])
    assert order["payments"][-1]["mode"] == "cash" and order["payments"][-1]["amount"] == "80.00"
    assert order["settled"] is True


def test_a_scanned_credit_note_pays_in_part_and_keeps_the_rest(window, qtbot, demo, clock,
                                                                station, printer):
    with uow_of(demo) as uow:  # an earlier refund left 110,00 € on a credit note
        earlier = refund_basket(uow, scan(demo, clock, [JOYAUX[0]]),
                                [Tender(PaymentMode.CREDIT_NOTE, D("110.00"))], station, clock)
    voucher = earlier.tenders[0].reference
    scan_all(qtbot, window, [JOYAUX[-1]])
    sell(window, demo, clock, "Don Giovanni", "Cat 1", quantity=2)  # 80,00 € to pay

    dialog = pay_dialog(qtbot, window)
    field = dialog.findChild(QLineEdit, "creditNoteField")
    qtbot.keyClick(focused(qtbot, "payAmountField"), Qt.Key.Key_Tab)  # -> reference
    field.setFocus()
    qtbot.keyClicks(field, "999999999999")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # an unknown voucher is refused, said in French
    assert dialog.findChild(QLabel, "payErrorLabel").text()
    assert dialog.split.lines == []
    field.clear()
    qtbot.keyClicks(field, voucher)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert [(line.mode, line.amount, line.reference) for line in dialog.split.lines] == [
        (PaymentMode.CREDIT_NOTE, D("80.00"), voucher)]
    assert plain_spaces(dialog.findChild(QLabel, "payRestLabel").text()) == \
        "Reste à payer : 0,00 €"
    assert dialog.findChild(QLabel, "payErrorLabel").text() == ""
    qtbot.keyClick(field, Qt.Key.Key_Return)  # paid: Enter confirms
    qtbot.waitUntil(lambda: not dialog.isVisible())

    printer.wait_for_jobs(4, timeout=20)  # the earlier refund's receipt + voucher, ours...
    with uow_of(demo) as uow:
        assert credit_note_balance(uow, voucher, clock).balance == D("30.00")
        order = order_summary(uow, 959)
    assert order["payments"][-1] == {
        "mode": "credit_note", "amount": "80.00", "at": order["payments"][-1]["at"],
        "operation": earlier.operation_number + 1, "reference": voucher}
    assert order["settled"] is True


def test_a_nil_total_closes_with_pay_all_and_enter(window, qtbot, demo, clock, printer):
    scan_all(qtbot, window, [JOYAUX[-1]])  # Balcon 7 ...
    sell(window, demo, clock, "Joyaux", "Cat 1",  # ... again, same price
         seat_ids=[seat_id(demo, "Balcon", "7")])
    assert label(window, "totalLabel") in ("0,00 €", "-110,00 €")  # A's labels or not yet
    assert window.findChild(QPushButton, "payAllButton").isEnabled()
    box = None
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F4)
    box = shown(qtbot, window, QMessageBox, "confirmDialog")
    assert box.text() == "Le total est nul : clôturer l'échange ?"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Ordre 1271" in label(window, "messageLabel"))

    jobs = printer.wait_for_jobs(2, timeout=20)  # receipt, new ticket; no drawer kick
    lines, codes, _ = printed(jobs[1])
    with uow_of(demo) as uow:
        order = order_summary(uow, 959)
    old = next(t for t in order["tickets"] if t["number"] == JOYAUX[-1])
    assert old["state"] == "replaced" and codes == [old["replaced_by"]]
    assert len(order["payments"]) == 1  # nothing paid nor refunded
    assert window.controller.basket.tickets == []
    assert not window.controller.exchange_settlement.active()


def test_immediate_print_no_keeps_the_tickets_until_the_cashier_prints_them(
        window, qtbot, demo, clock, printer):
    window.findChild(QRadioButton, "immediatePrintNo").click()
    scan_all(qtbot, window, [JOYAUX[-1]])
    sell(window, demo, clock, "Carmina Burana", "Cat 1", quantity=1)  # 60,00 €: -50,00 €
    assert window.findChild(QPushButton, "creditNoteButton").isEnabled()
    assert not window.findChild(QPushButton, "payAllButton").isEnabled()
    assert documents(window) == [
        ("Billets", "1", "Impression différée", "Billet"),
        ("Reçu d'échange", "1", "Impression immédiate", "Reçu"),
        ("Avoir", "1", "Impression immédiate", "Si remboursement en avoir")]
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F10)
    box = shown(qtbot, window, QMessageBox, "confirmDialog")
    assert "50,00 €" in plain_spaces(box.text())
    qtbot.keyClick(box, Qt.Key.Key_Return)

    jobs = printer.wait_for_jobs(2, timeout=20)  # the receipt and the voucher only
    pending = window.findChild(QPushButton, "pendingTicketsButton")
    assert pending.text() == "BILLETS À IMPRIMER (1) [Ctrl+I]" and pending.isEnabled()
    receipt, voucher = printed(jobs[0]), printed(jobs[1])
    with uow_of(demo) as uow:
        order = order_summary(uow, 959)
        job = uow.session.scalars(select(PrintJob).where(PrintJob.kind == "ticket")).one()
        assert job.state is PrintJobState.WAITING and job.attempts == 0
    new = next(t for t in order["tickets"] if t["event"] == "Carmina Burana")
    note = order["payments"][-1]["reference"]
    assert voucher[1] == [note] and voucher[2] == [note]  # the voucher's number as barcode
    assert any(new["number"] in line for line in receipt[0])
    assert new["state"] == "valid" and new["printed"] is False
    assert len(printer.jobs) == 2

    window.activateWindow()  # offscreen: the closed confirmation leaves no active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(scan_field(window), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    jobs = printer.wait_for_jobs(3, timeout=20)
    lines, codes, qrs = printed(jobs[2])
    assert codes == [new["number"]] == qrs and any("Carmina Burana" in x for x in lines)
    qtbot.waitUntil(lambda: pending.text() == "BILLETS À IMPRIMER (0) [Ctrl+I]")
    assert not pending.isEnabled()


def test_split_across_card_with_reference_and_the_suspense_account(
        window, qtbot, demo, clock, station, printer):
    with uow_of(demo) as uow:  # an earlier refund left 110,00 € on the suspense account
        refund_basket(uow, scan(demo, clock, [JOYAUX[1]]),
                      [Tender(PaymentMode.SUSPENSE_ACCOUNT, D("110.00"))], station, clock)
    scan_all(qtbot, window, [JOYAUX[-1]])
    sell(window, demo, clock, "Don Giovanni", "Cat 1", quantity=2)  # 80,00 € to pay
    dialog = pay_dialog(qtbot, window)
    assert plain_spaces(dialog.findChild(QLabel, "suspenseBalanceLabel").text()) == \
        "Compte d'attente : 110,00 €"
    amount = focused(qtbot, "payAmountField")
    qtbot.keyClick(amount, Qt.Key.Key_Backtab)
    choose_by_keys(qtbot, focused(qtbot, "payModeCombo"), "Carte bancaire")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    amount = focused(qtbot, "payAmountField")
    qtbot.keyClicks(amount, "90")  # more than due: only cash gives change
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert "seules les espèces rendent la monnaie" in plain_spaces(
        dialog.findChild(QLabel, "payErrorLabel").text())
    amount.selectAll()
    qtbot.keyClicks(amount, "30")
    qtbot.keyClick(amount, Qt.Key.Key_Tab)
    reference = focused(qtbot, "payReferenceField")
    qtbot.keyClicks(reference, "CB ****1111")
    qtbot.keyClick(reference, Qt.Key.Key_Return)
    qtbot.keyClick(amount, Qt.Key.Key_Backtab)
    choose_by_keys(qtbot, focused(qtbot, "payModeCombo"), "Compte d'attente")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    amount = focused(qtbot, "payAmountField")
    assert amount.text() == "50,00"  # what is left, the account holds more
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert dialog.findChild(QLabel, "changeLabel").text() == ""
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    printer.wait_for_jobs(4, timeout=20)  # the earlier receipt; receipt + 2 tickets
    with uow_of(demo) as uow:
        from pos.core.services.accounts import order_contact_balance

        order = order_summary(uow, 959)
        contact = order_contact_balance(uow, uow.session.scalar(
            select(Order.id).where(Order.number == 959)))
    assert [(p["mode"], p["amount"], p["reference"]) for p in order["payments"][-2:]] == [
        ("card", "30.00", "CB ****1111"), ("suspense_account", "50.00", "")]
    assert contact.balance == D("60.00")
    assert order["settled"] is True
