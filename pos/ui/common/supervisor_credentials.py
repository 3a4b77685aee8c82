"""A supervisor's login and PIN: the block of the dialogs that ask for an approval.

Enter in the login moves on to the PIN; Enter in the PIN is the dialog's own action
(``pin.returnPressed``). The block declares no scan field: each dialog says whether it
expects a scan (``declare_scan_field``: the supervisor's badge goes to ``login``), so a
dialog that expects none still refuses a scan aloud."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget


class SupervisorCredentials(QWidget):
    def __init__(self, parent: QWidget, *, login_name: str, pin_name: str,
                 above: Sequence[tuple[str, QWidget]] = ()) -> None:
        """``login_name``, ``pin_name``: the fields' objectNames (tests and scans reach
        them). ``above``: the dialog's own rows shown first, in the same form so that
        the columns line up; create their fields before this block, so that Tab walks
        them first."""
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.login = QLineEdit(self)
        self.login.setObjectName(login_name)
        self.pin = QLineEdit(self)
        self.pin.setObjectName(pin_name)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        for label, field in above:
            form.addRow(label, field)
        form.addRow(self.tr("Supervisor"), self.login)
        form.addRow(self.tr("PIN"), self.pin)
        self.login.returnPressed.connect(self.pin.setFocus)

    def ask_pin_again(self) -> None:
        """After a refusal: the PIN emptied, the focus in it, the login kept."""
        self.pin.clear()
        self.pin.setFocus()
