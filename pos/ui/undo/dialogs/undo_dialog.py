"""ANNULER L'ANNULATION: the ticket (scanned or typed), the supervisor's login and PIN.
Enter moves ticket -> login -> PIN -> confirm; a refusal is said in the dialog, which
stays open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.ui.common.scan_target import declare_scan_field
from pos.ui.common.supervisor_credentials import SupervisorCredentials


class UndoCancellationDialog(QDialog):
    def __init__(self, undo: Callable[[str, str, str], str],
                 parent: QWidget | None = None) -> None:
        """``undo(number, login, pin)``: the refusal in words, or "" when done."""
        super().__init__(parent)
        self._undo = undo
        self.setObjectName("undoCancellationDialog")
        self.setWindowTitle(self.tr("Undo a cancellation"))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("A refund or an exchange of today at this counter is undone: "
                              "its tickets are valid again and the money comes back."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.ticket = QLineEdit(self)
        self.ticket.setObjectName("undoTicketField")
        self._credentials = SupervisorCredentials(
            self, login_name="undoSupervisorLoginField", pin_name="undoSupervisorPinField",
            above=[(self.tr("Ticket"), self.ticket)])
        self.login, self.pin = self._credentials.login, self._credentials.pin
        layout.addWidget(self._credentials)
        self.error = QLabel("", self)
        self.error.setObjectName("undoErrorLabel")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        confirm = QPushButton(self.tr("Undo the cancellation"), self)
        confirm.setObjectName("undoConfirmButton")
        cancel = QPushButton(self.tr("Cancel"), self)
        for button in (confirm, cancel):  # no default: Enter walks the fields
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        confirm.clicked.connect(self._confirm)
        cancel.clicked.connect(self.reject)
        self.ticket.returnPressed.connect(self.login.setFocus)
        self.pin.returnPressed.connect(self._confirm)
        # The ticket is scanned here (its barcode), then Return moves on to the login.
        declare_scan_field(self, self.ticket)
        self.ticket.setFocus()

    def _confirm(self) -> None:
        refusal = self._undo(self.ticket.text(), self.login.text(), self.pin.text())
        if refusal:
            self.error.setText(refusal)
            self._credentials.ask_pin_again()
            return
        self.accept()
