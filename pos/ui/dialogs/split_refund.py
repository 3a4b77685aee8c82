"""FRACTIONNER [F8]: one refund split across several modes before it is confirmed.

The cashier adds lines (mode + amount); the amount field is prefilled with the rest.
Enter in the amount field adds the line; once the lines add up to the refund, Enter
(or the Refund button) confirms. The sums come from the core's ``RefundSplit``; the
settlement checks them again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from pos.core.refund_split import RefundSplit, parse_amount
from pos.core.services.refunds import Tender
from pos.ui.payment_modes import mode_label

BASE_MODES = [PaymentMode.CASH, PaymentMode.CREDIT_NOTE, PaymentMode.SUSPENSE_ACCOUNT]


class SplitRefundDialog(QDialog):
    def __init__(self, split: RefundSplit, other_modes: list[PaymentMode],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("splitRefundDialog")
        self.setWindowTitle(self.tr("Split the refund"))
        self.setMinimumWidth(520)
        self.split = split
        layout = QVBoxLayout(self)
        total = QLabel(self.tr("To refund: %1").replace("%1", formatting.money(split.total)), self)
        total.setObjectName("splitTotalLabel")
        total.setStyleSheet("font-weight: bold;")
        layout.addWidget(total)

        grid = QGridLayout()
        self.mode = QComboBox(self)
        self.mode.setObjectName("splitModeCombo")
        for mode in BASE_MODES + [m for m in other_modes if m not in BASE_MODES]:
            self.mode.addItem(mode_label(mode), mode)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("splitAmountField")
        self.reference = QLineEdit(self)
        self.reference.setObjectName("splitReferenceField")
        self.reference.setMaxLength(80)
        self.reference.setPlaceholderText(self.tr("Reference (optional)"))
        add = QPushButton(self.tr("Add"), self)
        add.setObjectName("splitAddButton")
        grid.addWidget(QLabel(self.tr("Mode"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Amount"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("Reference"), self), 0, 2)
        grid.addWidget(self.mode, 1, 0)
        grid.addWidget(self.amount, 1, 1)
        grid.addWidget(self.reference, 1, 2)
        grid.addWidget(add, 1, 3)
        layout.addLayout(grid)

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("splitLinesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("MODE"), self.tr("AMOUNT"), self.tr("REFERENCE")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.table)

        self.rest = QLabel("", self)
        self.rest.setObjectName("splitRestLabel")
        self.rest.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.rest)
        self.error = QLabel("", self)
        self.error.setObjectName("splitErrorLabel")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)

        buttons = QHBoxLayout()
        remove = QPushButton(self.tr("Remove line"), self)
        remove.setObjectName("splitRemoveButton")
        self.confirm = QPushButton(self.tr("Refund"), self)
        self.confirm.setObjectName("splitConfirmButton")
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("splitCancelButton")
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

    def tenders(self) -> list[Tender]:
        return self.split.tenders()

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
            self.error.setText(exc.message)
            return
        self.error.setText("")
        self.reference.clear()
        self._refresh()

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
        self.rest.setText(self.tr("Rest to split: %1").replace("%1", formatting.money(rest)))
        # "the rest" is prefilled: Enter alone gives it in the chosen mode
        self.amount.setText(formatting.amount(rest) if rest > ZERO else "")
        self.amount.selectAll()
        self.confirm.setEnabled(self.split.complete)
