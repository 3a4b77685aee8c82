"""The "new contact" form of the contact panel (AJOUTER)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

FIELDS = ("last_name", "first_name", "organisation", "relation", "address", "postcode",
          "city", "country", "email")


class ContactCreateDialog(QDialog):
    def __init__(self, submit: Callable[[dict[str, str]], str] | None = None,
                 parent: QWidget | None = None) -> None:
        """``submit``: records the values, returns the refusal to show ("" when done);
        the form stays open until the core accepts it."""
        super().__init__(parent)
        self._submit = submit
        self.setObjectName("contactCreateDialog")
        self.setWindowTitle(self.tr("New contact"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        captions = {
            "last_name": self.tr("Last name"), "first_name": self.tr("First name"),
            "organisation": self.tr("Organisation"), "relation": self.tr("Relation"),
            "address": self.tr("Address"), "postcode": self.tr("Postcode"),
            "city": self.tr("City"), "country": self.tr("Country"),
            "email": self.tr("E-mail"),
        }
        self.fields: dict[str, QLineEdit] = {}
        for name in FIELDS:
            field = QLineEdit(self)
            field.setObjectName("newContact" + "".join(p.capitalize() for p in name.split("_"))
                                + "Field")
            self.fields[name] = field
            form.addRow(captions[name], field)
        layout.addLayout(form)
        self.error = QLabel("", self)
        self.error.setObjectName("contactCreateMessage")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        create = QPushButton(self.tr("Create"), self)
        create.setObjectName("createContactButton")
        cancel = QPushButton(self.tr("Cancel"), self)
        for button in (create, cancel):
            button.setAutoDefault(False)  # Enter in a field creates (below), not a default
            row.addWidget(button)
        create.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        for field in self.fields.values():
            field.returnPressed.connect(self.accept)
        layout.addLayout(row)
        self.fields["last_name"].setFocus()

    def values(self) -> dict[str, str]:
        return {name: field.text() for name, field in self.fields.items()}

    def accept(self) -> None:
        error = self._submit(self.values()) if self._submit is not None else ""
        if error:
            self.show_error(error)
            return
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
