"""A supervisor waives the basket's cancellation fees: login, PIN and why."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class FeeWaiverDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feeWaiverDialog")
        self.setWindowTitle(self.tr("Waive the fees"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("feeWaiverReasonField")
        self.reason.setMaxLength(200)
        self.login = QLineEdit(self)
        self.login.setObjectName("feeWaiverLoginField")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("feeWaiverPinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Supervisor"), self.login)
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
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
        self.login.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.accept)
        self.reason.setFocus()
