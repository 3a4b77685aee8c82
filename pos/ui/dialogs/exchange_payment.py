"""TOUT PAYER [F4]: the customer pays the positive balance of an exchange, in one mode
or split across several: cash (the change is computed and shown), card, cheque,
transfer, other (with a reference), a credit note scanned from its voucher (what is not
used stays on it), the contact's suspense account.

Keys only: the amount field is prefilled with the rest, Enter adds the line in the
chosen mode; once paid, Enter (or "Pay") confirms. A voucher scanned (or typed) in the
credit-note field, then Enter, adds its balance, at most the rest. The sums come from
the core's ``PaySplit``; the settlement checks them again.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

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
from pos.core.exchange_tender import PaySplit
from pos.core.models import PaymentMode
from pos.core.money import ZERO
from pos.core.refund_split import parse_amount
from pos.core.services.refunds import Tender
from pos.ui.payment_modes import mode_label

PAY_MODES = [PaymentMode.CASH, PaymentMode.CARD, PaymentMode.CHEQUE, PaymentMode.TRANSFER,
             PaymentMode.OTHER, PaymentMode.SUSPENSE_ACCOUNT]

#: number -> (balance, expired); raises DomainError for an unknown voucher
CreditNoteLookup = Callable[[str], tuple[Decimal, bool]]


class ExchangePaymentDialog(QDialog):
    def __init__(self, total: Decimal, lookup_credit_note: CreditNoteLookup,
                 suspense_balance: Decimal | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangePayDialog")
        self.setWindowTitle(self.tr("Pay the exchange"))
        self.setMinimumWidth(560)
        self.split = PaySplit(total)
        self._lookup = lookup_credit_note
        self._suspense = suspense_balance
        layout = QVBoxLayout(self)
        due = QLabel(self.tr("To pay: %1").replace("%1", formatting.money(self.split.total)),
                     self)
        due.setObjectName("payDueLabel")
        due.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(due)

        grid = QGridLayout()
        self.mode = QComboBox(self)
        self.mode.setObjectName("payModeCombo")
        for mode in PAY_MODES:
            self.mode.addItem(mode_label(mode), mode)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("payAmountField")
        self.reference = QLineEdit(self)
        self.reference.setObjectName("payReferenceField")
        self.reference.setMaxLength(80)
        self.reference.setPlaceholderText(self.tr("Reference (card, cheque...)"))
        add = QPushButton(self.tr("Add"), self)
        add.setObjectName("payAddButton")
        grid.addWidget(QLabel(self.tr("Mode"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Amount"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("Reference"), self), 0, 2)
        grid.addWidget(self.mode, 1, 0)
        grid.addWidget(self.amount, 1, 1)
        grid.addWidget(self.reference, 1, 2)
        grid.addWidget(add, 1, 3)
        self.credit_note = QLineEdit(self)
        self.credit_note.setObjectName("creditNoteField")
        self.credit_note.setMaxLength(40)
        self.credit_note.setPlaceholderText(self.tr("Scan the credit note voucher, then Enter"))
        grid.addWidget(QLabel(self.tr("Credit note"), self), 2, 0)
        grid.addWidget(self.credit_note, 2, 1, 1, 3)
        layout.addLayout(grid)
        self.suspense = QLabel("", self)
        self.suspense.setObjectName("suspenseBalanceLabel")
        if suspense_balance is not None:
            self.suspense.setText(self.tr("Suspense account: %1").replace(
                "%1", formatting.money(suspense_balance)))
        layout.addWidget(self.suspense)

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("payLinesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("MODE"), self.tr("AMOUNT"), self.tr("REFERENCE")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.table)

        self.rest = QLabel("", self)
        self.rest.setObjectName("payRestLabel")
        self.rest.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.rest)
        self.change = QLabel("", self)
        self.change.setObjectName("changeLabel")
        self.change.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(self.change)
        self.error = QLabel("", self)
        self.error.setObjectName("payErrorLabel")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)

        buttons = QHBoxLayout()
        remove = QPushButton(self.tr("Remove line"), self)
        remove.setObjectName("payRemoveButton")
        self.confirm = QPushButton(self.tr("Pay"), self)
        self.confirm.setObjectName("payOkButton")
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("payCancelButton")
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
        self.credit_note.returnPressed.connect(self._credit_note_entered)
        self.mode.currentIndexChanged.connect(self._mode_changed)
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

    def _say(self, text: str) -> None:
        self.error.setText(text)

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

    def _credit_note_entered(self) -> None:
        number = self.credit_note.text().strip()
        if not number:
            if self.split.complete:
                self._confirm()
            return
        try:
            balance, expired = self._lookup(number)
            share = self.split.credit_note_share(balance, expired, number)
            self.split.add(PaymentMode.CREDIT_NOTE, share, number)
        except DomainError as exc:
            self._say(exc.message)
            self.credit_note.selectAll()
            return
        self._say("")
        self.credit_note.clear()
        self._refresh()
        (self.credit_note if self.split.complete else self.amount).setFocus()

    def _mode_changed(self) -> None:
        if self.mode.currentData() is PaymentMode.SUSPENSE_ACCOUNT and self._suspense:
            share = min(self._suspense, self.split.rest)
            self.amount.setText(formatting.amount(share) if share > ZERO else "")
        else:
            rest = self.split.rest
            self.amount.setText(formatting.amount(rest) if rest > ZERO else "")
        self.amount.selectAll()

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
        self.rest.setText(self.tr("Rest to pay: %1").replace("%1", formatting.money(rest)))
        change = self.split.change
        self.change.setText(self.tr("Change to give back: %1").replace(
            "%1", formatting.money(change)) if change > ZERO else "")
        # "the rest" is prefilled: Enter alone pays it in the chosen mode
        self.amount.setText(formatting.amount(rest) if rest > ZERO else "")
        self.amount.selectAll()
        self.confirm.setEnabled(self.split.complete)
