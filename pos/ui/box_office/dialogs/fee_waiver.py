"""A supervisor waives the basket's cancellation fees: login, PIN and why."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos.ui.common.supervisor_credentials import SupervisorCredentials


class FeeWaiverDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feeWaiverDialog")
        self.setWindowTitle(self.tr("Waive the fees"))
        layout = QVBoxLayout(self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("feeWaiverReasonField")
        self.reason.setMaxLength(200)
        credentials = SupervisorCredentials(
            self, login_name="feeWaiverLoginField", pin_name="feeWaiverPinField",
            above=[(self.tr("Reason"), self.reason)])
        self.login, self.pin = credentials.login, credentials.pin
        layout.addWidget(credentials)
        row = QHBoxLayout()
        ok = QPushButton(self.tr("Waive"), self)
        ok.setObjectName("feeWaiverConfirmButton")
        cancel = QPushButton(self.tr("Cancel"), self)
        for button in (ok, cancel):
            button.setAutoDefault(False)  # Enter moves reason -> login -> PIN -> waive
            row.addWidget(button)
        ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout.addLayout(row)
        self.reason.returnPressed.connect(self.login.setFocus)
        self.pin.returnPressed.connect(self.accept)
        self.reason.setFocus()
