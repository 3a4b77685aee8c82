"""The contact panel wired to the contact controller: the card shown, CHANGER (address,
e-mail) and AJOUTER through the window's one dialog, the contact search.

The one writer of the panel's name and balance: the basket's first order names the
contact, the refund feature's balance (connected by the composition root) may name it
too, a contact just created is shown while the basket is empty."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from pos.ui import keys
from pos.ui.common.modal import OneDialog
from pos.ui.contact.controller import ContactController
from pos.ui.contact.panel import ContactPanel
from pos.ui.contact.search import ContactSearch


class ContactView(QObject):
    def __init__(self, panel: ContactPanel, controller: ContactController,
                 dialogs: OneDialog, *, open_order: Callable[[int], None],
                 say: Callable[[str, str], None]) -> None:
        super().__init__(panel)
        self.panel, self.controller, self.dialogs = panel, controller, dialogs
        self.session = controller.session
        # Before the refund feature's balance, which may rename the contact after it.
        self.session.sig_basket_changed.connect(self._basket_changed)
        controller.sig_contact.connect(panel.details.show_card)
        panel.details.sig_change_email_requested.connect(self.change_email)
        panel.details.sig_change_address_requested.connect(self.change_address)
        panel.add_button.clicked.connect(self.create)
        for button, key in ((panel.add_button, keys.ADD_CONTACT),
                            (panel.details.change_address, keys.CHANGE_ADDRESS),
                            (panel.details.change_email, keys.CHANGE_EMAIL)):
            keys.bind_button(button, key)
        self.search = ContactSearch(panel, controller.search, open_order, say)

    def _basket_changed(self) -> None:
        # The first order's contact, as basket.groups()[0] names it.
        tickets = self.session.basket.tickets
        self.panel.show_contact(tickets[0].contact_name if tickets else "")

    def show_balance(self, balance) -> None:
        """The contact's suspense account (a ContactBalance), or None."""
        self.panel.show_balance(balance)

    # Each dialog is imported when it first opens, not at start
    # (pos.ui.app.AFTER_FIRST_PAINT).

    def change_email(self) -> None:
        from pos.ui.contact.dialogs.contact_edit import EmailDialog

        card = self.panel.details.card
        if card is None:
            return
        dialog = EmailDialog(card.email, self.panel.window())
        self.dialogs.open(dialog, lambda: self.controller.change_email(dialog.email.text()))

    def change_address(self) -> None:
        from pos.ui.contact.dialogs.contact_edit import AddressDialog

        card = self.panel.details.card
        if card is None:
            return
        dialog = AddressDialog(card, self.panel.window())
        self.dialogs.open(dialog, lambda: self.controller.change_address(*dialog.values()))

    def create(self) -> None:
        from pos.ui.contact.dialogs.contact_create import ContactCreateDialog

        def submit(values: dict[str, str]) -> str:
            outcome = self.controller.create(values)
            if outcome.ok and not self.session.basket.tickets:
                card = outcome.value
                self.panel.show_contact(card.display_name)
                self.panel.details.show_card(card)
            return outcome.error

        self.dialogs.open(ContactCreateDialog(submit, self.panel.window()))
