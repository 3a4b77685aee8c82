"""Wiring of the contact panel's AJOUTER: the form, the core service, the panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos.core.errors import DomainError
from pos.core.services.contact_create import create_contact
from pos.ui.contact.dialogs.contact_create import ContactCreateDialog


def install_contact_create(window) -> None:
    panel = window.contact_panel
    panel.add_button.clicked.connect(lambda: _open(window))


def _open(window) -> None:
    if window.findChild(ContactCreateDialog, "contactCreateDialog") is not None:
        return
    dialog = ContactCreateDialog(window)
    controller = window.controller

    def attempt() -> None:
        try:
            with controller.uow() as uow:
                card = create_contact(uow, station=controller.station, clock=controller.clock,
                                      **dialog.values())
        except DomainError as exc:
            dialog.show_error(exc.message)
            return
        dialog.done(1)
        dialog.deleteLater()
        if not controller.basket.tickets:
            window.contact_panel.show_contact(card.display_name)
            window.contact_panel.details.show_card(card)
        window.show_message(
            QCoreApplication.translate("ContactCreate", "Contact %1 created.")
            .replace("%1", card.display_name), "info")
        window.activateWindow()
        window.scan_field.setFocus()

    # The form stays open until the core accepts it; each refusal is shown in it.
    dialog.accept = attempt  # type: ignore[method-assign]
    dialog.rejected.connect(dialog.deleteLater)
    dialog.open()
