"""Device settings: printer, cash drawer, scanner; test each, save to the TOML file.

The form is built from the configuration's own dataclasses (each key declared once in
``pos.config``); what is saved is validated by ``pos.config.parse_config`` first, and a
bad value is refused with its one-line message. Tests run on the values shown, before
saving, on the print worker's thread.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import tomli_w
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.config import Config, ConfigError
from pos.ui.common.scan_target import declare_scan_field

SECTIONS = ("printer", "drawer", "scanner")

CHOICES: dict[tuple[str, str], tuple[Any, ...]] = {
    ("printer", "connection"): ("network", "serial", "usb", "cups", "file", "none"),
    ("printer", "flow_control"): ("none", "rtscts", "dsrdtr", "xonxoff"),
    ("printer", "paper_width"): (80, 58),
    ("printer", "codepage"): ("CP858",),
    ("drawer", "kind"): ("printer", "serial", "none"),
    ("drawer", "pin"): (2, 5),
    ("scanner", "kind"): ("keyboard", "serial"),
    ("scanner", "terminator"): ("CR", "LF", "CRLF"),
    ("scanner", "suffix"): ("Enter", "Tab"),
}


def field_name(section: str, key: str) -> str:
    """objectName of a setting's widget: printerHostField, drawerPinField..."""
    return section + "".join(p.capitalize() for p in key.split("_")) + "Field"


class SettingsIntents(Protocol):
    """What the dialog asks of its caller (the devices controller)."""

    config: Config
    sig_test_result: Any  # Signal(str, str, str): test name, text, level

    def config_path(self) -> Path: ...
    def candidate(self, text: str) -> Config | None: ...
    def test_print(self, config: Config) -> None: ...
    def test_drawer(self, config: Config) -> None: ...
    def test_status(self, config: Config) -> None: ...
    def save_settings(self, text: str) -> Config | None: ...


class DeviceSettingsDialog(QDialog):
    def __init__(self, devices: SettingsIntents, parent: QWidget | None = None, *,
                 scan_sources: Sequence[Any] = ()) -> None:
        """``scan_sources``: the scanners' ``sig_scanned`` signals, for "Scanner
        maintenant" (none: what is typed into the field)."""
        super().__init__(parent)
        self.devices = devices
        self._scan_sources = list(scan_sources)
        self._listening = False
        self.setObjectName("deviceSettingsDialog")
        self.setWindowTitle(self.tr("Device settings"))
        self._labels = {
            "connection": self.tr("Connection"), "host": self.tr("Host"),
            "port": self.tr("Port"), "timeout": self.tr("Timeout (s)"),
            "device": self.tr("Serial device"), "baudrate": self.tr("Speed (baud)"),
            "flow_control": self.tr("Flow control"), "vendor_id": self.tr("USB vendor id"),
            "product_id": self.tr("USB product id"), "cups_name": self.tr("CUPS queue"),
            "cups_server": self.tr("CUPS server"),
            "path": self.tr("Output file"), "profile": self.tr("Printer profile"),
            "paper_width": self.tr("Paper width (mm)"), "codepage": self.tr("Code page"),
            "kind": self.tr("Kind"), "pin": self.tr("Drawer pin"),
            "terminator": self.tr("End of a scan"), "prefix": self.tr("Prefix key"),
            "suffix": self.tr("Suffix key"), "max_gap_ms": self.tr("Longest gap between keys (ms)"),
            "min_length": self.tr("Shortest scan"),
            "duplicate_window_ms": self.tr("Same code ignored within (ms)"),
        }
        self.widgets: dict[tuple[str, str], QLineEdit | QComboBox] = {}
        layout = QVBoxLayout(self)
        tabs = QTabWidget(self)
        tabs.setObjectName("deviceSettingsTabs")
        config = devices.config
        for section, title in (("printer", self.tr("Printer")),
                               ("drawer", self.tr("Cash drawer")),
                               ("scanner", self.tr("Scanner"))):
            tabs.addTab(self._section(section, getattr(config, section)), title)
        layout.addWidget(tabs)

        where = QLabel(self.tr("File: %1").replace("%1", str(devices.config_path())), self)
        where.setObjectName("settingsFileLabel")
        layout.addWidget(where)
        # The file printer writes somewhere real: say where (empty path = the default).
        output = str(config.printer_file_path)
        self.widgets[("printer", "path")].setPlaceholderText(output)
        printed = QLabel(self.tr("File printer output: %1").replace("%1", output), self)
        printed.setObjectName("printerOutputLabel")
        printed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        printed.setVisible(config.printer.connection == "file")
        layout.addWidget(printed)

        grid = QGridLayout()
        buttons = [
            (self.tr("Test print"), "testPrintButton", self._test_print),
            (self.tr("Open the drawer"), "testDrawerButton", self._test_drawer),
            (self.tr("Read the printer state"), "readStatusButton", self._test_status),
            (self.tr("Scan now"), "scanNowButton", self._scan_now),
            (self.tr("Save"), "saveSettingsButton", self._save),
            (self.tr("Close"), "closeSettingsButton", self.reject),
        ]
        for i, (text, name, slot) in enumerate(buttons):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            grid.addWidget(button, i // 3, i % 3)
        layout.addLayout(grid)

        self.scan_field = QLineEdit(self)
        self.scan_field.setObjectName("scanTestField")
        self.scan_field.setPlaceholderText(self.tr("After \"Scan now\", scan a code here"))
        self.scan_field.returnPressed.connect(self._scanned)
        layout.addWidget(self.scan_field)
        declare_scan_field(self, self.scan_field)
        self.scan_result = QLabel("", self)
        self.scan_result.setObjectName("scanResultLabel")
        layout.addWidget(self.scan_result)
        self.message = QLabel("", self)
        self.message.setObjectName("settingsMessageLabel")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        devices.sig_test_result.connect(self._result)

    def _section(self, section: str, values: Any) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        for f in dataclasses.fields(values):
            value = getattr(values, f.name)
            choices = CHOICES.get((section, f.name))
            if choices:
                widget: QLineEdit | QComboBox = QComboBox(page)
                for choice in choices:
                    widget.addItem(str(choice), choice)
                widget.setCurrentIndex(max(0, widget.findData(value)))
            else:
                widget = QLineEdit(str(value), page)
            widget.setObjectName(field_name(section, f.name))
            self.widgets[(section, f.name)] = widget
            form.addRow(self._labels.get(f.name, f.name), widget)
        return page

    # --- values -------------------------------------------------------------------------

    def values(self) -> dict[str, dict[str, Any]]:
        """The form as TOML sections; raises ConfigError for a value of the wrong type."""
        config = self.devices.config
        result: dict[str, dict[str, Any]] = {}
        for section in SECTIONS:
            current = getattr(config, section)
            values: dict[str, Any] = {}
            for f in dataclasses.fields(current):
                widget = self.widgets[(section, f.name)]
                if isinstance(widget, QComboBox):
                    values[f.name] = widget.currentData()
                    continue
                text = widget.text().strip()
                kind = type(f.default)
                try:
                    if kind is int:
                        values[f.name] = int(text, 0)
                    elif kind is float:
                        values[f.name] = float(text.replace(",", "."))
                    else:
                        values[f.name] = text
                except ValueError:
                    expected = self.tr("an integer") if kind is int else self.tr("a number")
                    raise ConfigError(
                        f"[{section}] {f.name} = {text!r} : "
                        + self.tr("expected %1").replace("%1", expected)) from None
            result[section] = values
        return result

    def toml_text(self) -> str:
        """The whole file as it would be saved: other sections kept as they are."""
        data: dict[str, Any] = {}
        path = self.devices.config_path()
        if path.exists():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                data = {}
        data.update(self.values())
        return tomli_w.dumps(data)

    def _candidate(self) -> tuple[str, Config] | None:
        try:
            text = self.toml_text()
        except ConfigError as exc:
            self._result("config", str(exc), "error")
            return None
        config = self.devices.candidate(text)
        return None if config is None else (text, config)

    # --- buttons ------------------------------------------------------------------------

    def _test_print(self) -> None:
        candidate = self._candidate()
        if candidate:
            self._result("print", self.tr("Printing the test page..."), "info")
            self.devices.test_print(candidate[1])

    def _test_drawer(self) -> None:
        candidate = self._candidate()
        if candidate:
            self.devices.test_drawer(candidate[1])

    def _test_status(self) -> None:
        candidate = self._candidate()
        if candidate:
            self._result("status", self.tr("Asking the printer..."), "info")
            self.devices.test_status(candidate[1])

    def _scan_now(self) -> None:
        """Show the next scan: from the window's scanners (wedge filter, serial reader)
        when they are there, or typed into the field."""
        self.scan_result.setText(self.tr("Waiting for a scan..."))
        self.scan_field.clear()
        self.scan_field.setFocus()
        if not self._listening:
            self._listening = True
            for signal in self._scan_sources:
                signal.connect(self._show_scan)

    @Slot()
    def _scanned(self) -> None:
        code = self.scan_field.text()
        self.scan_field.clear()
        self._show_scan(code)

    @Slot(str)
    def _show_scan(self, code: str) -> None:
        self.scan_result.setText(self.tr("Read: %1").replace("%1", code))

    def _save(self) -> None:
        candidate = self._candidate()
        if candidate:
            self.devices.save_settings(candidate[0])

    @Slot(str, str, str)
    def _result(self, _name: str, text: str, level: str) -> None:
        color = "#b00020" if level == "error" else "#1b5e20"
        self.message.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.message.setText(text)
