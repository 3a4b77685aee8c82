"""The supervisor's approval: login and PIN, asked when a refund needs more than a cashier."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class SupervisorApprovalDialog(QDialog):
    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorApprovalDialog")
        self.setWindowTitle(self.tr("Supervisor approval"))
        layout = QVBoxLayout(self)
        why = QLabel(reason, self)
        why.setObjectName("approvalReasonLabel")
        why.setWordWrap(True)
        layout.addWidget(why)
        form = QFormLayout()
        self.login = QLineEdit(self)
        self.login.setObjectName("supervisorLoginField")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("supervisorPinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Supervisor"), self.login)
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Approve"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("approveButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter in the login field moves to the PIN; Enter in the PIN approves.
        self.login.returnPressed.connect(self.pin.setFocus)
        self.login.setFocus()
