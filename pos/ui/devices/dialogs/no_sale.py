"""Opening the drawer without a sale: the cashier says why (kept in the journal)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pos.core.errors import NoSaleRefused


class NoSaleDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noSaleDialog")
        self.setWindowTitle(self.tr("Open the drawer without sale"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Why is the drawer opened? (kept in the journal)"), self))
        self.reason = QComboBox(self)
        self.reason.setObjectName("noSaleReasonField")
        self.reason.setEditable(True)
        self.reason.addItems(["", self.tr("Change for a customer"), self.tr("Cash count"),
                              self.tr("Error correction")])
        self.reason.setCurrentIndex(0)
        self.reason.lineEdit().setMaxLength(200)
        layout.addWidget(self.reason)
        self.error = QLabel("", self)
        self.error.setObjectName("noSaleErrorLabel")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Open the drawer"))
        ok.setObjectName("noSaleConfirmButton")
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def accept(self) -> None:
        # An empty reason is refused here, the dialog open: nothing was journalled yet.
        if not self.reason_text():
            self.error.setText(NoSaleRefused().message)  # the core's own words
            self.reason.setFocus()
            return
        super().accept()

    def reason_text(self) -> str:
        return self.reason.currentText().strip()
