"""Cash put in or taken out of the drawer: the amount and the reason (kept in the
journal and printed on the slip)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos.core.refund_split import parse_amount


class CashMovementDialog(QDialog):
    def __init__(self, title: str, reasons: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashMovementDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.amount = QLineEdit(self)
        self.amount.setObjectName("cashMovementAmountField")
        self.reason = QComboBox(self)
        self.reason.setObjectName("cashMovementReasonField")
        self.reason.setEditable(True)
        self.reason.addItems(["", *reasons])
        self.reason.lineEdit().setMaxLength(200)
        for text, name, field in ((self.tr("Amount"), "cashMovementAmountLabel", self.amount),
                                  (self.tr("Reason"), "cashMovementReasonLabel", self.reason)):
            caption = QLabel(text, self)
            caption.setObjectName(name)
            caption.setBuddy(field)
            form.addRow(caption, field)
        layout.addLayout(form)
        self.error = QLabel("", self)
        self.error.setObjectName("cashMovementErrorLabel")
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Record"))
        ok.setObjectName("cashMovementConfirmButton")
        ok.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setObjectName("cashMovementCancelButton")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.amount.setFocus()

    def _check(self) -> None:
        """An unreadable amount is said here; the dialog stays open, nothing is lost."""
        from pos.core.errors import DomainError

        try:
            parse_amount(self.amount.text())
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.accept()

    def amount_value(self) -> Decimal:
        return parse_amount(self.amount.text())

    def reason_text(self) -> str:
        return self.reason.currentText().strip()
