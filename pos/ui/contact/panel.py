"""The Contact panel: the contact search, the contact's name and suspense balance, its
details (address, e-mail, CHANGER) and AJOUTER. It shows plain data from the core and
says what the cashier asks for; the contact feature's controller does the rest."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pos import formatting
from pos.ui.contact.details import ContactDetails


class ContactPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Contact"), parent)
        self.setObjectName("contactPanel")
        layout = QVBoxLayout(self)
        search = QLineEdit(self)
        search.setObjectName("contactSearchField")
        search.setPlaceholderText(self.tr("Search contacts"))
        self.name = QLabel(self.tr("No contact"), self)
        self.name.setObjectName("contactNameLabel")
        self.name.setWordWrap(True)
        self.add_button = QPushButton(self.tr("ADD"), self)
        self.add_button.setObjectName("addContactButton")
        self.add_button.setToolTip(self.tr("Create a contact"))
        layout.addWidget(search)
        self.search_field = search
        # Recherche contacts: the contacts found and their orders, shown on Enter.
        self.results = QTreeView(self)
        self.results.setObjectName("contactResultsView")
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setUniformRowHeights(True)
        self.results.setMinimumHeight(140)
        self.results.hide()
        layout.addWidget(self.results)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.add_button)
        layout.addLayout(name_row)
        self.balance = QLabel("", self)
        self.balance.setObjectName("contactBalanceLabel")
        layout.addWidget(self.balance)
        self.details = ContactDetails(self)  # address, e-mail, CHANGER
        layout.addWidget(self.details)

    def show_contact(self, text: str) -> None:
        self.name.setText(text or self.tr("No contact"))

    def show_balance(self, balance) -> None:
        """The contact's suspense account (a ContactBalance), or nothing (None)."""
        if balance is None:
            self.balance.setText("")
            return
        self.name.setText(balance.contact_name)
        self.balance.setText(self.tr("Suspense account: %1").replace(
            "%1", formatting.money(balance.balance)))
