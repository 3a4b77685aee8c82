"""The file printer's output is shown where the cashier looks for it: the device
settings dialog (Ctrl+Shift+P) says the file, the default one when the path is empty."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from pos.config import parse_config
from pos.ui.app import build_main_window, make_printer
from tests.ui.conftest import scan_field
from tests.ui.exchange_window_support import shown

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def open_settings(qtbot, demo, clock, text: str):
    config = parse_config(text)
    win = build_main_window(config, demo, clock, make_printer(config), operator="demo")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(scan_field(win), Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    return win, shown(qtbot, win, QDialog, "deviceSettingsDialog")


def test_the_settings_dialog_shows_the_file_printers_output(qtbot, demo, clock, tmp_path,
                                                            monkeypatch):
    monkeypatch.setenv("GUICHET_DATA_DIR", str(tmp_path / "data"))
    win, dialog = open_settings(qtbot, demo, clock, '[printer]\nconnection = "file"\n')
    default = str(tmp_path / "data" / "printer-output.bin")
    label = dialog.findChild(QLabel, "printerOutputLabel")
    assert label.isVisible()
    assert label.text() == f"Sortie de l'imprimante fichier : {default}"
    assert dialog.findChild(QLineEdit, "printerPathField").placeholderText() == default
    dialog.reject()
    win.close()

    path = tmp_path / "ticket-printer.bin"
    win, dialog = open_settings(qtbot, demo, clock,
                                f'[printer]\nconnection = "file"\npath = "{path}"\n')
    assert dialog.findChild(QLabel, "printerOutputLabel").text().endswith(str(path))
    dialog.reject()
    win.close()
