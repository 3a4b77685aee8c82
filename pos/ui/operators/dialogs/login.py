"""The log-in: operator code, Tab, PIN, Enter. It stays open, saying why, until an
operator is in (a wrong PIN empties the PIN field; a locked account says until when)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class LoginDialog(QDialog):
    def __init__(self, submit: Callable[[str, str], str], parent: QWidget | None = None,
                 *, title: str = "") -> None:
        """``submit(code, pin)``: "" when the operator is in, else the refusal to show."""
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(title or self.tr("Log in"))
        self._submit = submit
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.code = QLineEdit(self)
        self.code.setObjectName("operatorCodeField")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("operatorPinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Operator code"), self.code)
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setObjectName("loginMessageLabel")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        # Enter in the code field moves on; Enter in the PIN field logs in.
        self.code.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self._try)
        self.code.setFocus()

    def _try(self) -> None:
        refusal = self._submit(self.code.text(), self.pin.text())
        if not refusal:
            self.accept()
            return
        self.message.setText(refusal)
        self.pin.clear()
        self.pin.setFocus()

    def reject(self) -> None:
        """Escape does not close it: nothing is done at the counter without an operator
        (closing the main window still quits)."""
