"""The fee rules, edited as a table (first matching row applies), imported from a TOML
file, saved by a supervisor. The dialog holds plain fields; the core checks them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

COLUMNS = ("name", "applies_to", "requested_by", "tariff", "category", "from_hours",
           "until_hours", "percent", "fixed", "per")
HOURS = ("from_hours", "until_hours")


class FeeRulesDialog(QDialog):
    """``save(fields, login, pin)`` returns None when saved, else the refusal to show;
    ``read_toml(path)`` the fields of a file, or why not."""

    def __init__(self, fields: list[dict[str, Any]],
                 save: Callable[[list[dict[str, Any]], str, str], str | None],
                 read_toml: Callable[[str], list[dict[str, Any]] | str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feeRulesDialog")
        self.setWindowTitle(self.tr("Cancellation and exchange fees"))
        self.resize(1000, 420)
        self._save, self._read_toml = save, read_toml
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "The first matching rule applies. Hours are before the performance "
            "(empty: no limit); percent and fixed amount add up."), self))
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("For (refund/exchange/both)"),
            self.tr("Requested by (public/organiser/any)"), self.tr("Tariff code"),
            self.tr("Category"), self.tr("From hours"), self.tr("Until hours"),
            self.tr("Percent"), self.tr("Fixed"), self.tr("Per (ticket/operation)")])
        self.table = QTableView(self)
        self.table.setObjectName("feeRulesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        self.show_fields(fields)
        row = QHBoxLayout()
        for text, name, slot in ((self.tr("Add a rule"), "feeRuleAddButton", self.add_rule),
                                 (self.tr("Remove"), "feeRuleRemoveButton", self._remove),
                                 (self.tr("Import TOML..."), "feeRulesImportButton",
                                  self._import)):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        form = QFormLayout()
        self.login = QLineEdit(self)
        self.login.setObjectName("feeRulesLoginField")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("feeRulesPinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Supervisor"), self.login)
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setObjectName("feeRulesMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        save = QPushButton(self.tr("Save the rules"), self)
        save.setObjectName("feeRulesSaveButton")
        close = QPushButton(self.tr("Close"), self)
        for button in (save, close):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        save.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        layout.addLayout(buttons)

    def show_fields(self, fields: list[dict[str, Any]]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for f in fields:
            self.model.appendRow([QStandardItem("" if f.get(c) is None else str(f.get(c, "")))
                                  for c in COLUMNS])

    def add_rule(self) -> None:
        self.model.appendRow([QStandardItem(v) for v in (
            "", "both", "", "", "", "", "", "0", "0.00", "ticket")])

    def _remove(self) -> None:
        for index in sorted(self.table.selectionModel().selectedRows(), key=lambda i: -i.row()):
            self.model.removeRow(index.row())

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import fee rules"), "",
                                              "TOML (*.toml)")
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        fields = self._read_toml(path)
        if isinstance(fields, str):
            self.message.setText(fields)
            return
        self.show_fields(fields)
        self.message.setText(self.tr("%1 rules read: save them to apply them.").replace(
            "%1", str(len(fields))))

    def fields(self) -> list[dict[str, Any]]:
        rows = []
        for r in range(self.model.rowCount()):
            row: dict[str, Any] = {}
            for c, key in enumerate(COLUMNS):
                text = self.model.item(r, c).text().strip() if self.model.item(r, c) else ""
                if key in HOURS:
                    row[key] = int(text) if text.lstrip("-").isdigit() else (text or None)
                else:
                    row[key] = text
            rows.append(row)
        return rows

    def save(self) -> None:
        refusal = self._save(self.fields(), self.login.text(), self.pin.text())
        if refusal is None:
            self.accept()
        else:
            self.message.setText(refusal)
