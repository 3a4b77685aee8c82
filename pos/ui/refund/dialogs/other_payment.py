"""AUTRE PAIEMENT [F12]: refund the whole basket by one of the configured other modes
(card, cheque, transfer, other), with a reference (cheque number, transfer id...).
Accepting the dialog is the confirmation; Enter accepts."""

from __future__ import annotations

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

from pos.core.models import PaymentMode
from pos.ui.common.payment_modes import mode_label


class OtherPaymentDialog(QDialog):
    def __init__(self, amount_text: str, modes: list[PaymentMode],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("otherPaymentDialog")
        self.setWindowTitle(self.tr("Other payment"))
        layout = QVBoxLayout(self)
        amount = QLabel(self.tr("Amount to refund: %1").replace("%1", amount_text), self)
        amount.setObjectName("otherAmountLabel")
        layout.addWidget(amount)
        form = QFormLayout()
        self.mode = QComboBox(self)
        self.mode.setObjectName("otherModeCombo")
        for mode in modes:
            self.mode.addItem(mode_label(mode), mode)
        self.reference = QLineEdit(self)
        self.reference.setObjectName("otherReferenceField")
        self.reference.setMaxLength(80)
        self.reference.setPlaceholderText(self.tr("Cheque number, transfer reference..."))
        form.addRow(self.tr("Mode"), self.mode)
        form.addRow(self.tr("Reference"), self.reference)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Refund"))
        ok.setObjectName("otherConfirmButton")
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reference.setFocus()

    def selected_mode(self) -> PaymentMode:
        return self.mode.currentData()

    def reference_text(self) -> str:
        return self.reference.text().strip()
