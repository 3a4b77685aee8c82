"""The lines-of-tenders dialog shared by FRACTIONNER (a refund split across modes) and
TOUT PAYER (an exchange's balance paid in one or several modes).

Keys only: the amount field is prefilled with the rest; Enter adds the line in the
chosen mode; once the lines add up, Enter (or the confirm button) confirms. The sums come
from a core split object (``RefundSplit``, ``PaySplit``: ``total``, ``lines``, ``rest``,
``complete``, ``add``, ``remove``, ``tenders``); the settlement checks them again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos import formatting
from pos.core.errors import DomainError
from pos.core.models import PaymentMode
from pos.core.money import ZERO
from pos.core.refund_split import parse_amount
from pos.core.services.refunds import Tender
from pos.ui.common.payment_modes import mode_label


class TenderLinesDialog(QDialog):
    """``prefix`` names the widgets (``<prefix>ModeCombo``, ``<prefix>AmountField``...);
    subclasses add their own rows in ``extra_rows`` and say the rest in ``rest_text``."""

    def __init__(self, split, modes: list[PaymentMode], *, prefix: str, title: str,
                 total_text: str, total_name: str, confirm_text: str, confirm_name: str,
                 reference_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(540)
        self.split = split
        layout = QVBoxLayout(self)
        total = QLabel(total_text.replace("%1", formatting.money(split.total)), self)
        total.setObjectName(total_name)
        total.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(total)

        grid = QGridLayout()
        self.mode = QComboBox(self)
        self.mode.setObjectName(f"{prefix}ModeCombo")
        for mode in modes:
            self.mode.addItem(mode_label(mode), mode)
        self.amount = QLineEdit(self)
        self.amount.setObjectName(f"{prefix}AmountField")
        self.reference = QLineEdit(self)
        self.reference.setObjectName(f"{prefix}ReferenceField")
        self.reference.setMaxLength(80)
        self.reference.setPlaceholderText(reference_hint)
        add = QPushButton(QCoreApplication.translate("TenderLinesDialog", "Add"), self)
        add.setObjectName(f"{prefix}AddButton")
        grid.addWidget(QLabel(
            QCoreApplication.translate("TenderLinesDialog", "Mode"), self), 0, 0)
        grid.addWidget(QLabel(
            QCoreApplication.translate("TenderLinesDialog", "Amount"), self), 0, 1)
        grid.addWidget(QLabel(
            QCoreApplication.translate("TenderLinesDialog", "Reference"), self), 0, 2)
        grid.addWidget(self.mode, 1, 0)
        grid.addWidget(self.amount, 1, 1)
        grid.addWidget(self.reference, 1, 2)
        grid.addWidget(add, 1, 3)
        layout.addLayout(grid)
        self.extra_rows(grid, layout)

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName(f"{prefix}LinesTable")
        # Literal contexts, not self.tr: at run time self is a subclass, whose tr() would
        # look under the subclass's name; and lupdate extracts only literal strings.
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("TenderLinesDialog", "MODE"),
            QCoreApplication.translate("TenderLinesDialog", "AMOUNT"),
            QCoreApplication.translate("TenderLinesDialog", "REFERENCE")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.table)

        self.rest = QLabel("", self)
        self.rest.setObjectName(f"{prefix}RestLabel")
        self.rest.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.rest)
        self.extra_summary(layout)
        self.error = QLabel("", self)
        self.error.setObjectName(f"{prefix}ErrorLabel")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)

        buttons = QHBoxLayout()
        remove = QPushButton(
            QCoreApplication.translate("TenderLinesDialog", "Remove line"), self)
        remove.setObjectName(f"{prefix}RemoveButton")
        self.confirm = QPushButton(confirm_text, self)
        self.confirm.setObjectName(confirm_name)
        cancel = QPushButton(QCoreApplication.translate("TenderLinesDialog", "Cancel"), self)
        cancel.setObjectName(f"{prefix}CancelButton")
        buttons.addWidget(remove)
        buttons.addStretch()
        buttons.addWidget(self.confirm)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        for button in (add, remove, self.confirm, cancel):
            # Enter belongs to the fields (add a line, then confirm), never to a button.
            button.setAutoDefault(False)
            button.setDefault(False)

        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        self.confirm.clicked.connect(self._confirm)
        cancel.clicked.connect(self.reject)
        self.amount.returnPressed.connect(self._enter)
        self.reference.returnPressed.connect(self._enter)
        self._refresh()
        self.amount.setFocus()
        self.amount.selectAll()

    # --- what subclasses add --------------------------------------------------------

    def extra_rows(self, grid: QGridLayout, layout: QVBoxLayout) -> None:
        """Rows under the mode / amount / reference line."""

    def extra_summary(self, layout: QVBoxLayout) -> None:
        """Labels under the rest."""

    def rest_text(self, rest) -> str:
        raise NotImplementedError

    def after_refresh(self) -> None:
        """Called after each change of the lines."""

    # --- the shared behaviour -------------------------------------------------------

    def tenders(self) -> list[Tender]:
        return self.split.tenders()

    def _say(self, text: str) -> None:
        self.error.setText(text)

    def _enter(self) -> None:
        if self.amount.text().strip():
            self._add()
        elif self.split.complete:
            self._confirm()

    def _add(self) -> None:
        try:
            self.split.add(self.mode.currentData(), parse_amount(self.amount.text()),
                           self.reference.text())
        except DomainError as exc:
            self._say(exc.message)
            return
        self._say("")
        self.reference.clear()
        self._refresh()
        self.amount.setFocus()

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows or [self.table.rowCount() - 1]:
            self.split.remove(row)
        self._refresh()

    def _confirm(self) -> None:
        if self.split.complete:
            self.accept()

    def _refresh(self) -> None:
        self.table.setRowCount(len(self.split.lines))
        for row, line in enumerate(self.split.lines):
            amount = QTableWidgetItem(formatting.money(line.amount))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, QTableWidgetItem(mode_label(line.mode)))
            self.table.setItem(row, 1, amount)
            self.table.setItem(row, 2, QTableWidgetItem(line.reference))
        rest = self.split.rest
        self.rest.setText(self.rest_text(rest))
        # "the rest" is prefilled: Enter alone gives it in the chosen mode
        self.amount.setText(formatting.amount(rest) if rest > ZERO else "")
        self.amount.selectAll()
        self.confirm.setEnabled(self.split.complete)
        self.after_refresh()
