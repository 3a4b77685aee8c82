"""Keyboard-wedge scanners in the real window: the application-wide filter takes a
scanner's burst wherever the focus is, leaves a person's typing alone, and the serial
scanner feeds the same handler. Key events carry their own timestamps (scanner_keys)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QSpinBox

from pos.config import parse_config
from pos.ui.app import build_main_window, make_printer
from pos.ui.scanning.hub import ScannerHub
from pos.ui.scanning.wedge_filter import ScannerFilter
from tests.support.serial_link import SocatLink, socat_available
from tests.ui.conftest import basket_view, label, scan_field, tree_rows
from tests.ui.scanner_keys import Keyboard

# The scanner is about keys, not storage: SQLite only (PostgreSQL is covered elsewhere).
pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)

TICKET = "01010002748"


def make_window(qtbot, demo, clock, tmp_path, scanner: str = ""):
    config = parse_config(f"""
[printer]
connection = "file"
path = "{tmp_path / 'printer.bin'}"
[scanner]
{scanner}
""")
    win = build_main_window(config, demo, clock, make_printer(config), operator="demo")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


@pytest.fixture
def window(qtbot, demo, clock, tmp_path):
    win = make_window(qtbot, demo, clock, tmp_path)
    yield win
    win.close()


def remarks(win) -> QLineEdit:
    return win.findChild(QLineEdit, "remarksField")


def focus_on(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def basket_numbers(win) -> list[str]:
    return [t.number for t in win.controller.basket.tickets]


def test_a_burst_typed_into_the_remarks_lands_in_the_basket_not_in_the_field(window, qtbot):
    field = remarks(window)
    focus_on(qtbot, field)
    Keyboard().scan(TICKET)
    assert basket_numbers(window) == [TICKET]
    assert field.text() == ""
    assert scan_field(window).text() == ""
    assert label(window, "messageLabel") == "Billet 01010002748 ajouté : 110,00 €"
    assert any(TICKET in row[1] for row in tree_rows(basket_view(window)))
    assert QApplication.focusWidget() is field  # the cashier's place is kept


def test_a_burst_into_a_quantity_spin_box_leaves_its_value(window, qtbot):
    # No spin box on this screen yet (exchanges will bring quantities): add one.
    quantity = QSpinBox(window.centralWidget())
    quantity.setObjectName("quantitySpin")
    quantity.setRange(0, 10**9)
    quantity.setValue(2)
    window.centralWidget().layout().addWidget(quantity)
    focus_on(qtbot, quantity)
    Keyboard().scan(TICKET)
    assert basket_numbers(window) == [TICKET]
    assert quantity.value() == 2 and quantity.text() == "2"


def test_slow_human_typing_stays_in_the_field_in_order(window, qtbot):
    field = remarks(window)
    focus_on(qtbot, field)
    keys = Keyboard()
    keys.type("Rendu 0101é", gap=120)
    keys.enter(gap=120)
    qtbot.waitUntil(lambda: field.text() == "Rendu 0101é")
    assert basket_numbers(window) == []


def test_fast_keys_that_are_no_scan_are_given_back_in_order(window, qtbot):
    field = remarks(window)
    focus_on(qtbot, field)
    keys = Keyboard()
    keys.type("abc", gap=5)  # too short for a scan (min_length 4)
    keys.enter(gap=5)
    assert field.text() == "abc"
    keys.type("12345", gap=5)
    keys.press(Qt.Key.Key_Backspace, gap=5)  # not a scanner's key: what came first lands first
    assert field.text() == "abc1234"
    keys.type("6789", gap=5)
    keys.enter(gap=200)  # the end came too late for a scanner
    assert field.text() == "abc12346789"
    assert basket_numbers(window) == []


def test_a_lone_fast_key_is_given_back_when_nothing_follows(window, qtbot):
    field = remarks(window)
    focus_on(qtbot, field)
    Keyboard().type("x", gap=5)
    qtbot.waitUntil(lambda: field.text() == "x")


def test_human_typing_in_the_scan_field_then_enter_still_scans(window, qtbot):
    field = scan_field(window)
    focus_on(qtbot, field)
    keys = Keyboard()
    keys.type(TICKET, gap=90)
    qtbot.waitUntil(lambda: field.text() == TICKET)
    keys.enter(gap=300)
    assert basket_numbers(window) == [TICKET]
    assert field.text() == ""


def test_a_burst_while_the_scan_field_has_the_focus_scans_once(window, qtbot):
    field = scan_field(window)
    focus_on(qtbot, field)
    Keyboard().scan(TICKET)
    assert basket_numbers(window) == [TICKET]
    assert field.text() == ""
    assert label(window, "messageLabel") == "Billet 01010002748 ajouté : 110,00 €"


def test_the_same_code_twice_within_the_window_is_one_scan(window, qtbot):
    focus_on(qtbot, remarks(window))
    keys = Keyboard()
    keys.scan(TICKET)
    keys.wait(300)
    keys.scan(TICKET)  # the scanner read it twice: no "already in the basket" error
    assert basket_numbers(window) == [TICKET]
    assert label(window, "messageLabel") == "Billet 01010002748 ajouté : 110,00 €"
    keys.wait(1500)
    keys.scan(TICKET)  # scanned again later on purpose: the core refuses it
    assert "déjà dans le panier" in label(window, "messageLabel")
    assert basket_numbers(window) == [TICKET]
    assert remarks(window).text() == ""


def test_a_scan_while_the_refund_confirmation_is_open_changes_nothing(window, qtbot):
    focus_on(qtbot, scan_field(window))
    keys = Keyboard()
    keys.scan(TICKET)
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "confirmDialog") is not None
                    and window.findChild(QMessageBox, "confirmDialog").isVisible())
    box = window.findChild(QMessageBox, "confirmDialog")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is box)
    keys.scan("01010002727")  # its Enter must not confirm the refund either
    assert box.isVisible()
    assert basket_numbers(window) == [TICKET]
    # said in the box itself, not on the window behind it
    assert box.findChild(QLabel, "scanRefusedLabel").text() == (
        "Lecture 01010002727 ignorée : cette fenêtre n'attend pas de lecture.")
    box.reject()


def test_prefix_mode_takes_prefixed_codes_at_any_speed_and_never_holds_typing(
        qtbot, demo, clock, tmp_path):
    win = make_window(qtbot, demo, clock, tmp_path, 'prefix = "F12"')
    try:
        field = remarks(win)
        focus_on(qtbot, field)
        keys = Keyboard()
        keys.type("1234", gap=5)  # fast, but no prefix: typed at once, nothing held
        assert field.text() == "1234"
        keys.enter(gap=5)
        assert basket_numbers(win) == []
        # F12 is also OTHER PAYMENT's shortcut: the filter claims it, no shortcut fires
        assert keys.press(Qt.Key.Key_F12, gap=500)
        keys.type(TICKET, gap=60)  # slower than a timing burst: the prefix decides
        keys.enter(gap=60)
        assert basket_numbers(win) == [TICKET]
        assert field.text() == "1234"
    finally:
        win.close()


def test_a_prefix_without_an_end_gives_the_keys_back(qtbot, demo, clock, tmp_path):
    win = make_window(qtbot, demo, clock, tmp_path, 'prefix = "F12"')
    try:
        field = remarks(win)
        focus_on(qtbot, field)
        keys = Keyboard()
        keys.press(Qt.Key.Key_F12)  # pressed by hand, say: then nothing ends it
        keys.type("ab")
        qtbot.waitUntil(lambda: field.text() == "ab")
        assert basket_numbers(win) == []
    finally:
        win.close()


def test_a_tab_suffix_ends_a_scan_and_does_not_move_the_focus(qtbot, demo, clock, tmp_path):
    win = make_window(qtbot, demo, clock, tmp_path, 'suffix = "Tab"')
    try:
        field = remarks(win)
        focus_on(qtbot, field)
        keys = Keyboard()
        keys.type(TICKET, gap=8)
        keys.press(Qt.Key.Key_Tab, "\t", gap=8)
        assert basket_numbers(win) == [TICKET]
        assert field.text() == "" and QApplication.focusWidget() is field
    finally:
        win.close()


def test_a_closed_window_leaves_the_keyboard_alone(qtbot, demo, clock, tmp_path):
    win = make_window(qtbot, demo, clock, tmp_path)
    hub = win.findChild(ScannerHub, "scannerHub")
    win.close()
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    focus_on(qtbot, other)
    Keyboard().scan("01010002727")
    assert other.text() == "01010002727"
    assert basket_numbers(win) == [] and hub is not None


needs_socat = pytest.mark.skipif(not socat_available() and not os.environ.get("CI"),
                                 reason="socat is not installed (scripts/system-deps test)")


@needs_socat
def test_serial_scans_reach_the_basket_and_the_status_bar_follows_the_plug(
        qtbot, demo, clock, tmp_path):
    link = SocatLink(tmp_path)
    link.plug()
    win = make_window(qtbot, demo, clock, tmp_path,
                      f'kind = "serial"\nport = "{link.scanner_path}"\nterminator = "CR"')
    try:
        hub = win.findChild(ScannerHub, "scannerHub")
        changes: list[bool] = []
        hub.serial.sig_link.connect(changes.append)
        status = win.findChild(QLabel, "scannerStatusLabel")
        qtbot.waitUntil(lambda: status.text() == "Lecteur : connecté", timeout=10_000)
        focus_on(qtbot, remarks(win))
        link.send(TICKET.encode() + b"\r")
        qtbot.waitUntil(lambda: basket_numbers(win) == [TICKET], timeout=10_000)
        assert remarks(win).text() == ""

        link.unplug()
        qtbot.waitUntil(lambda: status.text() == "Lecteur : débranché", timeout=10_000)
        link.plug()
        qtbot.waitUntil(lambda: status.text() == "Lecteur : connecté", timeout=10_000)
        link.send(b"01010002727\r")
        qtbot.waitUntil(lambda: basket_numbers(win) == [TICKET, "01010002727"],
                        timeout=10_000)
        # once per change (the first "connected" may come before we listened)
        assert changes in ([False, True], [True, False, True])
    finally:
        win.close()
        link.unplug()
    assert not hub.serial.scanner._thread.is_alive()


def unshown_window(qtbot, demo, clock, tmp_path):
    config = parse_config(f"""
[printer]
connection = "file"
path = "{tmp_path / 'printer.bin'}"
""")
    win = build_main_window(config, demo, clock, make_printer(config), operator="demo")
    qtbot.addWidget(win)
    return win


def test_the_first_frame_is_not_filtered_only_the_scan_field_is(qtbot, demo, clock,
                                                               tmp_path, monkeypatch):
    # An application-wide filter is called for each of the first frame's ~1,200 events,
    # and PySide wraps every object it has not seen yet: ~25 ms of a cold start.
    seen = []
    real = ScannerFilter.eventFilter

    def counting(self, obj, event):
        seen.append(obj.objectName())
        return real(self, obj, event)

    monkeypatch.setattr(ScannerFilter, "eventFilter", counting)
    win = unshown_window(qtbot, demo, clock, tmp_path)
    hub = win.findChild(ScannerHub, "scannerHub")
    win.show()
    qtbot.waitExposed(win)
    assert not hub.listening
    assert seen and set(seen) == {"scanField"}
    qtbot.waitUntil(lambda: hub.listening)  # ready: the field painted with the focus
    before = len(seen)
    remarks(win).update()
    qtbot.wait(50)
    assert len(seen) > before and set(seen[before:]) != {"scanField"}
    win.close()


def test_a_burst_into_the_scan_field_before_the_window_is_ready_scans_once(
        qtbot, demo, clock, tmp_path):
    win = unshown_window(qtbot, demo, clock, tmp_path)
    hub = win.findChild(ScannerHub, "scannerHub")
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scan_field(win))
    assert not hub.listening
    Keyboard().scan(TICKET)
    assert basket_numbers(win) == [TICKET]
    assert scan_field(win).text() == ""
    win.close()


def test_the_focus_on_another_widget_before_ready_makes_the_filter_listen_at_once(
        qtbot, demo, clock, tmp_path):
    win = unshown_window(qtbot, demo, clock, tmp_path)
    hub = win.findChild(ScannerHub, "scannerHub")
    at_focus = []  # connected after the hub: sees what the hub did on the same change
    QApplication.instance().focusChanged.connect(
        lambda _old, new: at_focus.append((new.objectName() if new else None, hub.listening)))
    remarks(win).setFocus()  # the window opens with the focus in the remarks
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is remarks(win))
    assert ("remarksField", True) in at_focus
    Keyboard().scan(TICKET)
    assert basket_numbers(win) == [TICKET]
    assert remarks(win).text() == ""
    win.close()


def test_the_log_in_dialog_taking_the_focus_makes_the_filter_listen(qtbot, demo, clock,
                                                                   tmp_path):
    config = parse_config(f"""
[printer]
connection = "file"
path = "{tmp_path / 'printer.bin'}"
""")
    win = build_main_window(config, demo, clock, make_printer(config))  # no operator: log in
    qtbot.addWidget(win)
    hub = win.findChild(ScannerHub, "scannerHub")
    assert not hub.listening
    at_focus = []  # connected after the hub: sees what the hub did on the same change
    QApplication.instance().focusChanged.connect(
        lambda _old, new: at_focus.append(
            (new.window().objectName() if new is not None else None, hub.listening)))
    win.show()
    qtbot.waitUntil(lambda: any(name == "loginDialog" for name, _ in at_focus))
    assert ("loginDialog", True) in at_focus
    win.close()
