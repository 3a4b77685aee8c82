"""The devices in the real window: printer state in the status bar, "Réessayer", the
no-sale opening, the print-jobs dialog (duplicates) and the device settings dialog."""

from __future__ import annotations

import json
import tomllib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
)
from sqlalchemy import select

from pos.config import parse_config
from pos.core.models import JournalEntry
from pos.core.models_printing import PrintJob, PrintJobState
from pos.ui.app import build_main_window, make_printer
from tests.conftest import uow_of
from tests.support.escpos_decoder import QR, Barcode, DrawerPulse, decode, text_lines
from tests.ui.conftest import label, scan_field
from tests.ui.scanner_keys import Keyboard

S = PrintJobState


@pytest.fixture
def config_file(tmp_path, printer):
    path = tmp_path / "guichet.toml"
    path.write_text(f"""
[counter]
name = "Guichet 1"
venue_name = "Théâtre de la Ville"

[printer]
connection = "network"
host = "127.0.0.1"
port = {printer.port}
timeout = 3

[drawer]
pin = 2
""", encoding="utf-8")
    return path


@pytest.fixture
def win(qtbot, demo, clock, printer, config_file):
    config = parse_config(config_file.read_text(encoding="utf-8"), source=config_file)
    window = build_main_window(config, demo, clock, make_printer(config), status_interval=0.2,
                               operator="demo")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    window.close()


def status_label(win) -> str:
    return win.findChild(QLabel, "printerStatusLabel").text()


def refund_in_cash(qtbot, win, number: str) -> None:
    field = scan_field(win)
    for ch in number:  # typed (QTest events carry no timestamp: not a wedge burst)
        qtbot.keyClick(field, ch)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: label(win, "totalLabel") != "0,00 €")
    win.findChild(QPushButton, "cashButton").click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    qtbot.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Return)
    # offscreen has no window manager: give the window back its activation
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)


def states(db) -> list[S]:
    with uow_of(db) as uow:
        return list(uow.session.scalars(select(PrintJob.state).order_by(PrintJob.id)))


def test_printer_state_is_shown_live(qtbot, win, printer):
    qtbot.waitUntil(lambda: status_label(win) == "Imprimante : prête", timeout=10_000)
    printer.state = "paper_out"
    qtbot.waitUntil(lambda: status_label(win) == "Imprimante : plus de papier", timeout=10_000)
    printer.state = "cover_open"
    qtbot.waitUntil(lambda: status_label(win) == "Imprimante : capot ouvert", timeout=10_000)
    printer.state = "ready"
    qtbot.waitUntil(lambda: status_label(win) == "Imprimante : prête", timeout=10_000)
    printer.refuse()
    qtbot.waitUntil(lambda: status_label(win) == "Imprimante : injoignable", timeout=10_000)


def test_drawer_sensor_is_shown_live(qtbot, win, printer):
    drawer = lambda: label(win, "drawerStatusLabel")  # noqa: E731
    qtbot.waitUntil(lambda: drawer() == "Tiroir : fermé", timeout=10_000)
    printer.drawer_pin3_high = False  # the default [drawer] open_level is "low"
    qtbot.waitUntil(lambda: drawer() == "Tiroir : ouvert", timeout=10_000)
    printer.drawer_pin3_high = True
    qtbot.waitUntil(lambda: drawer() == "Tiroir : fermé", timeout=10_000)
    printer.state = "silent"
    qtbot.waitUntil(lambda: drawer() == "Tiroir : état inconnu", timeout=10_000)


def test_paper_out_then_retry_button(qtbot, win, demo, printer):
    qtbot.waitUntil(lambda: status_label(win) == "Imprimante : prête", timeout=10_000)
    retry = win.findChild(QPushButton, "retryPrintButton")
    assert not retry.isVisible()
    printer.state = "paper_out"
    qtbot.waitUntil(lambda: status_label(win) == "Imprimante : plus de papier", timeout=10_000)
    refund_in_cash(qtbot, win, "01010002748")
    qtbot.waitUntil(lambda: states(demo) == [S.WAITING], timeout=10_000)
    qtbot.waitUntil(retry.isVisible)
    assert retry.text() == "Réessayer l'impression (1) [Ctrl+R]"
    assert "plus de papier" in label(win, "messageLabel")
    assert printer.jobs == []  # never sent into an empty printer
    printer.state = "ready"
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: states(demo) == [S.DONE], timeout=10_000)
    [job] = printer.wait_for_jobs(1)
    assert "Ordre 1271" in text_lines(decode(job))
    qtbot.waitUntil(lambda: not retry.isVisible())


def supervisor_approves(qtbot, win, over=None):
    """The approval dialog, on top of the window or of the dialog ``over``: chef, 9999."""
    found = []

    def shown():
        found[:] = [(over or win).findChild(QDialog, "supervisorApprovalDialog")]
        assert found[0] is not None and found[0].isVisible()

    qtbot.waitUntil(shown)
    for name, text in (("supervisorLoginField", "chef"), ("supervisorPinField", "9999")):
        field = found[0].findChild(QLineEdit, name)
        for ch in text:
            qtbot.keyClick(field, ch)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not found[0].isVisible())


def test_no_sale_asks_a_reason_and_is_journalled(qtbot, win, demo, printer, chef):
    button = win.findChild(QPushButton, "noSaleButton")
    assert button.text() == "TIROIR [Ctrl+T]"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = win.findChild(QComboBox, "noSaleReasonField").window()
    assert dialog.objectName() == "noSaleDialog"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # no reason: refused, the dialog open
    assert dialog.isVisible()
    assert "Indiquez pourquoi" in dialog.findChild(QLabel, "noSaleErrorLabel").text()
    reason = win.findChild(QComboBox, "noSaleReasonField")
    reason.setCurrentIndex(1)  # "Faire de la monnaie à un client"
    qtbot.keyClick(reason.window(), Qt.Key.Key_Return)
    supervisor_approves(qtbot, win)  # the cashier "demo" may not alone
    [job] = printer.wait_for_jobs(1, timeout=10)
    events = decode(job)
    assert [e.pin for e in events if isinstance(e, DrawerPulse)] == [2]
    assert "Raison : Faire de la monnaie à un client" in text_lines(events)
    with uow_of(demo) as uow:
        payloads = uow.session.scalars(select(JournalEntry.payload).where(
            JournalEntry.action == "drawer.no_sale")).all()
    assert [json.loads(p) for p in payloads] == [
        {"operator": "demo", "reason": "Faire de la monnaie à un client",
         "approved_by": "chef", "approved_by_id": chef.supervisor_id}]


def test_print_jobs_dialog_reprints_duplicates(qtbot, win, demo, printer):
    refund_in_cash(qtbot, win, "01010002748")
    printer.wait_for_jobs(1, timeout=10)
    qtbot.waitUntil(lambda: states(demo) == [S.DONE])
    qtbot.keyClick(scan_field(win), Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    table = None

    def shown():
        nonlocal table
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "printJobsDialog"
        table = dialog.findChild(type(dialog.table), "printJobsTable")

    qtbot.waitUntil(shown)
    dialog = table.window()
    assert [table.item(0, c).text() for c in (1, 2, 3)] == ["Reçu ordre 1271", "imprimé", "1"]
    reprint = dialog.findChild(QPushButton, "reprintButton")
    qtbot.mouseClick(reprint, Qt.MouseButton.LeftButton)
    supervisor_approves(qtbot, win, over=dialog)  # over the print jobs, which stay open
    printer.wait_for_jobs(2, timeout=10)
    assert dialog.isVisible()
    dialog.select_job(1)
    qtbot.mouseClick(reprint, Qt.MouseButton.LeftButton)
    supervisor_approves(qtbot, win, over=dialog)
    jobs = printer.wait_for_jobs(3, timeout=10)
    lines = [text_lines(decode(j)) for j in jobs]
    assert "DUPLICATA n°1" in lines[1] and "DUPLICATA n°2" in lines[2]
    assert all("Ordre 1271" in text for text in lines)
    assert [sum(isinstance(e, DrawerPulse) for e in decode(j)) for j in jobs] == [1, 0, 0]
    qtbot.waitUntil(lambda: table.rowCount() == 3 and table.item(0, 1).text()
                    == "Reçu ordre 1271 (duplicata n°2)")


def open_settings(qtbot, win):
    qtbot.keyClick(scan_field(win), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and QApplication.activeModalWidget().objectName() == "deviceSettingsDialog")
    return QApplication.activeModalWidget()


def message(dialog) -> str:
    return dialog.findChild(QLabel, "settingsMessageLabel").text()


def test_settings_refuse_a_bad_value_and_save_a_valid_file(qtbot, win, config_file, printer,
                                                           chef):
    before = config_file.read_text(encoding="utf-8")
    dialog = open_settings(qtbot, win)
    dialog.findChild(QLineEdit, "printerPortField").setText("70000")
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveSettingsButton"),
                     Qt.MouseButton.LeftButton)
    assert message(dialog) == "[printer] port = 70000 : attendu : un port entre 1 et 65535"
    dialog.findChild(QLineEdit, "printerPortField").setText("quatre")
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveSettingsButton"),
                     Qt.MouseButton.LeftButton)
    assert message(dialog) == "[printer] port = 'quatre' : attendu un entier"
    assert config_file.read_text(encoding="utf-8") == before

    dialog.findChild(QLineEdit, "printerPortField").setText(str(printer.port))
    width = dialog.findChild(QComboBox, "printerPaperWidthField")
    width.setCurrentIndex(width.findData(58))
    pin = dialog.findChild(QComboBox, "drawerPinField")
    pin.setCurrentIndex(pin.findData(5))
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveSettingsButton"),
                     Qt.MouseButton.LeftButton)
    assert message(dialog) == f"Réglages enregistrés dans {config_file}."
    saved = parse_config(config_file.read_text(encoding="utf-8"))
    assert (saved.printer.paper_width, saved.drawer.pin) == (58, 5)
    assert (saved.printer.host, saved.printer.port) == ("127.0.0.1", printer.port)
    assert saved.counter.venue_name == "Théâtre de la Ville"  # other sections kept
    assert tomllib.loads(config_file.read_text(encoding="utf-8"))["scanner"]["kind"] == \
        "keyboard"

    # the worker now kicks pin 5
    win.device_ui.devices.no_sale("Contrôle", chef)
    [job] = printer.wait_for_jobs(1, timeout=10)
    assert [e.pin for e in decode(job) if isinstance(e, DrawerPulse)] == [5]


def test_settings_test_buttons(qtbot, win, demo, printer):
    dialog = open_settings(qtbot, win)
    qtbot.mouseClick(dialog.findChild(QPushButton, "testPrintButton"),
                     Qt.MouseButton.LeftButton)
    [page] = printer.wait_for_jobs(1, timeout=10)
    events = decode(page)
    lines = text_lines(events)
    assert "PAGE DE TEST" in lines
    assert any("€" in line for line in lines) and any("àâçéèêëîïôùûü" in line for line in lines)
    assert [e.payload for e in events if isinstance(e, Barcode)] == ["GUICHET-128"]
    assert len([e for e in events if isinstance(e, QR)]) == 1
    assert not any(isinstance(e, DrawerPulse) for e in events)
    qtbot.waitUntil(lambda: message(dialog) == "Page de test envoyée à l'imprimante.")

    printer.state = "cover_open"
    qtbot.mouseClick(dialog.findChild(QPushButton, "readStatusButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: message(dialog) == "Imprimante : capot ouvert", timeout=10_000)
    printer.state = "ready"

    qtbot.mouseClick(dialog.findChild(QPushButton, "testDrawerButton"),
                     Qt.MouseButton.LeftButton)
    supervisor_approves(qtbot, win, over=dialog)  # over the settings, which stay open
    jobs = printer.wait_for_jobs(2, timeout=10)
    assert decode(jobs[1]) == [DrawerPulse(pin=2, on_ms=100, off_ms=100)]
    with uow_of(demo) as uow:
        payloads = uow.session.scalars(select(JournalEntry.payload).where(
            JournalEntry.action == "drawer.no_sale")).all()
    assert [json.loads(p)["reason"] for p in payloads] == [
        "Essai du tiroir (réglages des périphériques)"]

    qtbot.mouseClick(dialog.findChild(QPushButton, "scanNowButton"),
                     Qt.MouseButton.LeftButton)
    assert dialog.findChild(QLabel, "scanResultLabel").text() == "En attente d'une lecture…"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.findChild(
        QLineEdit, "scanTestField"))
    Keyboard().scan("4006381333931")
    qtbot.waitUntil(lambda: dialog.findChild(QLabel, "scanResultLabel").text()
                    == "Lu : 4006381333931")
