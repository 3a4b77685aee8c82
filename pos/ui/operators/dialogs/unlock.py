"""An administrator unlocks an operator's account (after too many wrong PINs)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class UnlockDialog(QDialog):
    def __init__(self, submit: Callable[[str], str], parent: QWidget | None = None) -> None:
        """``submit(code)``: "" when unlocked, else the refusal to show."""
        super().__init__(parent)
        self.setObjectName("unlockOperatorDialog")
        self.setWindowTitle(self.tr("Unlock an account"))
        self._submit = submit
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.code = QLineEdit(self)
        self.code.setObjectName("unlockCodeField")
        form.addRow(self.tr("Operator code"), self.code)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setObjectName("unlockMessageLabel")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.code.returnPressed.connect(self._try)
        self.code.setFocus()

    def _try(self) -> None:
        refusal = self._submit(self.code.text())
        if refusal:
            self.message.setText(refusal)
        else:
            self.accept()
