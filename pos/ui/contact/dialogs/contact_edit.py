"""CHANGER: the contact's postal address or e-mail, typed and confirmed with Enter.
Non-blocking (``open()``); the controller validates and records the change."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget


class _ContactEditDialog(QDialog):
    def __init__(self, title: str, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)

    def _field(self, label: str, name: str, value: str, max_length: int) -> QLineEdit:
        field = QLineEdit(value, self)
        field.setObjectName(name)
        field.setMaxLength(max_length)
        self.form.addRow(label, field)
        return field

    def _buttons(self) -> None:
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("CHANGE"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("contactEditOkButton")
        ok.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)


class EmailDialog(_ContactEditDialog):
    def __init__(self, email: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change the e-mail"), "changeEmailDialog", parent)
        self.email = self._field(self.tr("E-mail"), "emailField", email, 255)
        self.email.selectAll()
        self._buttons()


class AddressDialog(_ContactEditDialog):
    def __init__(self, card, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change the address"), "changeAddressDialog", parent)
        self.address = self._field(self.tr("Street"), "addressField", card.address, 255)
        self.postcode = self._field(self.tr("Postcode"), "postcodeField", card.postcode, 16)
        self.city = self._field(self.tr("City"), "cityField", card.city, 80)
        self.country = self._field(self.tr("Country"), "countryField", card.country, 60)
        self.address.selectAll()
        self._buttons()

    def values(self) -> tuple[str, str, str, str]:
        return (self.address.text(), self.postcode.text(), self.city.text(),
                self.country.text())
