"""The supervisor's approval: login and PIN, asked when a refund needs more than a cashier."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos.ui.common.scan_target import declare_scan_field
from pos.ui.common.supervisor_credentials import SupervisorCredentials


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
        credentials = SupervisorCredentials(self, login_name="supervisorLoginField",
                                            pin_name="supervisorPinField")
        self.login, self.pin = credentials.login, credentials.pin
        layout.addWidget(credentials)
        row = QHBoxLayout()
        approve = QPushButton(self.tr("Approve"), self)
        approve.setObjectName("approveButton")
        cancel = QPushButton(self.tr("Cancel"), self)
        # No default button: QDialog would press it on the first Enter, in the login
        # field, and approve with an empty PIN. Enter moves login -> PIN -> approve.
        for button in (approve, cancel):
            button.setAutoDefault(False)
            row.addWidget(button)
        approve.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout.addLayout(row)
        self.pin.returnPressed.connect(self.accept)
        self.login.setFocus()
        # The supervisor's badge: a scan is the login, then Return moves to the PIN.
        declare_scan_field(self, self.login)
