"""The contact's details in the Contact panel: address and e-mail, each with its CHANGER
button. The widget only shows a ContactCard (plain data from the core) and says when a
change is asked for; the controller does the rest."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget


def address_text(card) -> str:
    return "\n".join(card.address_lines) if card is not None else ""


class ContactDetails(QWidget):
    sig_change_address_requested = Signal()
    sig_change_email_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactDetails")
        self.card = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.organisation = QLabel("", self)
        self.organisation.setObjectName("contactOrganisationLabel")
        self.address = QLabel("", self)
        self.address.setObjectName("contactAddressLabel")
        self.email = QLabel("", self)
        self.email.setObjectName("contactEmailLabel")
        for label in (self.organisation, self.address, self.email):
            label.setWordWrap(True)
        self.change_address = QPushButton(self.tr("CHANGE"), self)
        self.change_address.setObjectName("changeAddressButton")
        self.change_address.clicked.connect(self.sig_change_address_requested)
        self.change_email = QPushButton(self.tr("CHANGE"), self)
        self.change_email.setObjectName("changeEmailButton")
        self.change_email.clicked.connect(self.sig_change_email_requested)
        grid.addWidget(self.organisation, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Address"), self), 1, 0)
        grid.addWidget(self.address, 1, 1)
        grid.addWidget(self.change_address, 1, 2)
        grid.addWidget(QLabel(self.tr("E-mail"), self), 2, 0)
        grid.addWidget(self.email, 2, 1)
        grid.addWidget(self.change_email, 2, 2)
        grid.setColumnStretch(1, 1)
        self.show_card(None)

    def show_card(self, card) -> None:
        """A ContactCard, or None when the basket has no contact."""
        self.card = card
        self.organisation.setText(card.organisation if card else "")
        self.address.setText(address_text(card))
        self.email.setText(card.email if card else "")
        self.change_address.setEnabled(card is not None)
        self.change_email.setEnabled(card is not None)
