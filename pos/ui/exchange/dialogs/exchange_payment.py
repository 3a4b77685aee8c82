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
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos import formatting
from pos.core.errors import DomainError
from pos.core.exchange_tender import PaySplit
from pos.core.models import PaymentMode
from pos.core.money import ZERO
from pos.ui.common.scan_target import declare_scan_field
from pos.ui.common.tender_lines import TenderLinesDialog

PAY_MODES = [PaymentMode.CASH, PaymentMode.CARD, PaymentMode.CHEQUE, PaymentMode.TRANSFER,
             PaymentMode.OTHER, PaymentMode.SUSPENSE_ACCOUNT]

class CreditNoteFound(Protocol):
    """What the lookup gives: ``value`` (balance, expired) when ``ok``, else ``error``."""

    ok: bool
    value: tuple[Decimal, bool] | None
    error: str


#: voucher number -> CreditNoteFound (an Outcome of pos.ui.common.ops)
CreditNoteLookup = Callable[[str], CreditNoteFound]


class ExchangePaymentDialog(TenderLinesDialog):
    def __init__(self, total: Decimal, lookup_credit_note: CreditNoteLookup,
                 suspense_balance: Decimal | None, parent: QWidget | None = None) -> None:
        self._lookup = lookup_credit_note
        self._suspense = suspense_balance
        # QCoreApplication.translate, not self.tr: the QObject is not built yet.
        super().__init__(
            PaySplit(total), PAY_MODES, prefix="pay",
            title=QCoreApplication.translate("ExchangePaymentDialog", "Pay the exchange"),
            total_text=QCoreApplication.translate("ExchangePaymentDialog", "To pay: %1"),
            total_name="payDueLabel",
            confirm_text=QCoreApplication.translate("ExchangePaymentDialog", "Pay"),
            confirm_name="payOkButton",
            reference_hint=QCoreApplication.translate("ExchangePaymentDialog",
                                                      "Reference (card, cheque...)"),
            parent=parent)
        self.setObjectName("exchangePayDialog")
        self.credit_note.returnPressed.connect(self._credit_note_entered)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        declare_scan_field(self, self.credit_note)  # then its Enter adds the voucher

    def extra_rows(self, grid: QGridLayout, layout: QVBoxLayout) -> None:
        self.credit_note = QLineEdit(self)
        self.credit_note.setObjectName("creditNoteField")
        self.credit_note.setMaxLength(40)
        self.credit_note.setPlaceholderText(self.tr("Scan the credit note voucher, then Enter"))
        grid.addWidget(QLabel(self.tr("Credit note"), self), 2, 0)
        grid.addWidget(self.credit_note, 2, 1, 1, 3)
        self.suspense = QLabel("", self)
        self.suspense.setObjectName("suspenseBalanceLabel")
        if self._suspense is not None:
            self.suspense.setText(self.tr("Suspense account: %1").replace(
                "%1", formatting.money(self._suspense)))
        layout.addWidget(self.suspense)

    def extra_summary(self, layout: QVBoxLayout) -> None:
        self.change = QLabel("", self)
        self.change.setObjectName("changeLabel")
        self.change.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(self.change)

    def rest_text(self, rest) -> str:
        return self.tr("Rest to pay: %1").replace("%1", formatting.money(rest))

    def after_refresh(self) -> None:
        change = self.split.change
        self.change.setText(self.tr("Change to give back: %1").replace(
            "%1", formatting.money(change)) if change > ZERO else "")

    def _credit_note_entered(self) -> None:
        number = self.credit_note.text().strip()
        if not number:
            if self.split.complete:
                self._confirm()
            return
        found = self._lookup(number)
        if not found.ok:
            self._say(found.error)
            self.credit_note.selectAll()
            return
        try:
            balance, expired = found.value
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
