"""The scanner in every dialog (issue 9), in the real window, fed by the keyboard-wedge
filter (key events with their own timestamps) and by a serial scanner (socat's pty pair,
real bytes): a dialog that declares a scan field gets the scan there, whatever field has
the focus, and its Return moves on; a dialog that expects none refuses it in itself.
The same flows under a real X server with xdotool: tests/ui/test_dialog_scans_xvfb.py."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
)

from pos.core.models import PaymentMode
from pos.core.services.refunds import Tender, refund_basket
from pos.ui.common.scan_target import REFUSAL_LABEL
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, scan
from tests.support.serial_link import SocatLink, socat_available
from tests.ui.conftest import label, scan_field
from tests.ui.exchange_window_support import sell, shown
from tests.ui.scanner_keys import Keyboard
from tests.ui.test_scanner_wedge import basket_numbers, focus_on, make_window

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class Wedge:
    """A keyboard-wedge scanner: a fast burst of keys into whatever has the focus."""

    def __init__(self) -> None:
        self.keys = Keyboard()

    def scan(self, code: str) -> None:
        self.keys.scan(code)


class Serial:
    """A serial scanner on a pty pair: the code and CR written to the other end."""

    def __init__(self, link: SocatLink) -> None:
        self.link = link

    def scan(self, code: str) -> None:
        self.link.send(code.encode() + b"\r")


@pytest.fixture(params=["wedge", "serial"])
def counter(request, qtbot, demo, clock, tmp_path):
    """(window, scanner) for both kinds of scanner."""
    if request.param == "wedge":
        win = make_window(qtbot, demo, clock, tmp_path)
        yield win, Wedge()
        win.close()
        return
    if not socat_available() and not os.environ.get("CI"):
        pytest.skip("socat is not installed (scripts/system-deps test)")
    link = SocatLink(tmp_path)
    link.plug()
    win = make_window(qtbot, demo, clock, tmp_path,
                      f'kind = "serial"\nport = "{link.scanner_path}"\nterminator = "CR"')
    status = win.findChild(QLabel, "scannerStatusLabel")
    qtbot.waitUntil(lambda: status.text() == "Lecteur : connecté", timeout=10_000)
    yield win, Serial(link)
    win.close()
    link.unplug()


def wait_focus(qtbot, name: str) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == name, timeout=10_000)


def test_the_range_dialog_takes_its_first_and_last_ticket_from_the_scanner(counter, qtbot):
    window, scanner = counter
    qtbot.keyClick(scan_field(window), Qt.Key.Key_R, CTRL_SHIFT)
    dialog = shown(qtbot, window, QDialog, "rangeDialog")
    first = dialog.findChild(QLineEdit, "rangeFirstField")
    last = dialog.findChild(QLineEdit, "rangeLastField")
    wait_focus(qtbot, "rangeFirstField")
    scanner.scan(JOYAUX[0])
    qtbot.waitUntil(lambda: first.text() == JOYAUX[0], timeout=10_000)
    wait_focus(qtbot, "rangeLastField")  # Return moved on, as typed
    scanner.scan(JOYAUX[5])
    table = dialog.findChild(QTableWidget, "rangeReportTable")
    qtbot.waitUntil(lambda: table.rowCount() == 6, timeout=10_000)
    assert (first.text(), last.text()) == (JOYAUX[0], JOYAUX[5])
    assert basket_numbers(window) == []  # nothing reached the basket behind the dialog
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert basket_numbers(window) == JOYAUX[:6]


def test_the_list_dialog_adds_a_line_per_scan(counter, qtbot):
    window, scanner = counter
    qtbot.keyClick(scan_field(window), Qt.Key.Key_L, CTRL_SHIFT)
    dialog = shown(qtbot, window, QDialog, "listDialog")
    numbers = dialog.findChild(QPlainTextEdit, "listNumbersField")
    wait_focus(qtbot, "listNumbersField")
    scanner.scan(JOYAUX[0])
    qtbot.waitUntil(lambda: numbers.toPlainText() == JOYAUX[0] + "\n", timeout=10_000)
    scanner.scan(JOYAUX[1])
    qtbot.waitUntil(lambda: numbers.toPlainText().split() == JOYAUX[:2], timeout=10_000)
    qtbot.keyClick(numbers, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    table = dialog.findChild(QTableWidget, "listReportTable")
    qtbot.waitUntil(lambda: table.rowCount() == 2)  # the shortcut clicks a moment later
    assert basket_numbers(window) == []
    dialog.reject()


def test_the_pay_dialog_takes_the_voucher_even_from_the_reference_field(
        counter, qtbot, demo, clock, station):
    window, scanner = counter
    with uow_of(demo) as uow:  # an earlier refund left 110,00 € on a credit note
        earlier = refund_basket(uow, scan(demo, clock, [JOYAUX[0]]),
                                [Tender(PaymentMode.CREDIT_NOTE, Decimal("110.00"))],
                                station, clock)
    voucher = earlier.tenders[0].reference
    window.controller.scan(JOYAUX[-1])
    sell(window, demo, clock, "Don Giovanni", "Cat 1", quantity=2)  # 80,00 € to pay
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F4)
    dialog = shown(qtbot, window, QDialog, "exchangePayDialog")
    reference = dialog.findChild(QLineEdit, "payReferenceField")
    focus_on(qtbot, reference)  # a free-text field: the scan must not land here
    scanner.scan(voucher)
    qtbot.waitUntil(lambda: len(dialog.split.lines) == 1, timeout=10_000)
    assert [(line.mode, line.amount, line.reference) for line in dialog.split.lines] == [
        (PaymentMode.CREDIT_NOTE, Decimal("80.00"), voucher)]
    assert reference.text() == ""
    assert dialog.findChild(QLineEdit, "creditNoteField").text() == ""  # taken, cleared
    dialog.reject()


def test_the_supervisor_badge_is_scanned_into_the_login(counter, qtbot):
    window, scanner = counter
    scanner.scan("01010003008")  # checked in: a supervisor must approve
    dialog = shown(qtbot, window, QDialog, "supervisorApprovalDialog")
    pin = dialog.findChild(QLineEdit, "supervisorPinField")
    focus_on(qtbot, pin)  # even from the PIN, the badge goes to the login
    scanner.scan("chef")
    login = dialog.findChild(QLineEdit, "supervisorLoginField")
    qtbot.waitUntil(lambda: login.text() == "chef", timeout=10_000)
    assert pin.text() == ""
    wait_focus(qtbot, "supervisorPinField")  # Return moved on to the PIN
    for char in "9999":
        qtbot.keyClick(pin, char)
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: basket_numbers(window) == ["01010003008"], timeout=10_000)


def test_the_undo_dialog_takes_the_ticket_from_the_scanner(counter, qtbot):
    window, scanner = counter
    qtbot.keyClick(scan_field(window), Qt.Key.Key_U, CTRL_SHIFT)
    dialog = shown(qtbot, window, QDialog, "undoCancellationDialog")
    login = dialog.findChild(QLineEdit, "undoSupervisorLoginField")
    focus_on(qtbot, login)  # even from the login, the scan is the ticket
    scanner.scan(JOYAUX[-1])
    ticket = dialog.findChild(QLineEdit, "undoTicketField")
    qtbot.waitUntil(lambda: ticket.text() == JOYAUX[-1], timeout=10_000)
    assert login.text() == "" and dialog.findChild(QLabel, REFUSAL_LABEL) is None
    wait_focus(qtbot, "undoSupervisorLoginField")  # Return moved on to the login
    assert basket_numbers(window) == []
    dialog.reject()


def test_a_dialog_expecting_no_scan_refuses_it_in_itself(counter, qtbot):
    window, scanner = counter
    qtbot.keyClick(scan_field(window), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = shown(qtbot, window, QDialog, "noSaleDialog")
    reason = dialog.findChild(QComboBox, "noSaleReasonField")
    wait_focus(qtbot, "noSaleReasonField")  # the reason: free text
    before = label(window, "messageLabel")
    scanner.scan(JOYAUX[0])
    refusal = []
    qtbot.waitUntil(lambda: refusal.append(dialog.findChild(QLabel, REFUSAL_LABEL))
                    or (refusal[-1] is not None and refusal[-1].isVisible()), timeout=10_000)
    assert refusal[-1].text() == (
        f"Lecture {JOYAUX[0]} ignorée : cette fenêtre n'attend pas de lecture.")
    assert dialog.isVisible() and reason.currentText() == ""
    assert basket_numbers(window) == [] and label(window, "messageLabel") == before
    dialog.reject()


def test_the_refund_confirmation_refuses_a_scan_in_the_box(counter, qtbot):
    window, scanner = counter
    window.controller.scan(JOYAUX[0])
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F9)
    box = shown(qtbot, window, QMessageBox, "confirmDialog")
    scanner.scan(JOYAUX[1])  # its Enter must not confirm the refund either
    qtbot.waitUntil(lambda: box.findChild(QLabel, REFUSAL_LABEL) is not None, timeout=10_000)
    assert "ignorée" in box.findChild(QLabel, REFUSAL_LABEL).text()
    assert box.isVisible() and basket_numbers(window) == [JOYAUX[0]]
    box.reject()
