"""The basket's contact: read again when the first order of the basket changes, its
address and e-mail changed (CHANGER), a new contact created (AJOUTER), contacts
searched. One unit of work per intent; the card (plain data) goes out by ``sig_contact``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos.ui.common.ops import Outcome
from pos.ui.counter.session import CounterSession

# The contact services are imported by their first use, or right after the window's first
# paint (pos.ui.app.AFTER_FIRST_PAINT): an empty basket has no contact to read.


def _failure() -> str:
    return QCoreApplication.translate(
        "OperationController",
        "The operation could not be recorded: nothing was changed. Try again.")


class ContactController(QObject):
    sig_contact = Signal(object)  # ContactCard of the basket, or None

    def __init__(self, session: CounterSession, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session
        self.card = None
        self._order_id: int | None = None
        session.sig_basket_changed.connect(self.refresh)

    def refresh(self) -> None:
        """Read the contact again only when the basket's first order changes."""
        basket = self.session.basket
        first = basket.tickets[0].order_id if basket.tickets else None
        if first == self._order_id:
            return
        from pos.core.services.contact_details import basket_contact

        self._order_id = first
        outcome = self.session.run(lambda uow: basket_contact(uow, basket), what="contact",
                                   failure=_failure())
        self.card = outcome.value if outcome.ok else None
        self.sig_contact.emit(self.card)

    def change_email(self, email: str) -> bool:
        from pos.core.services.contact_details import change_email

        s = self.session
        return self._change(lambda uow, cid: change_email(
            uow, cid, email, station=s.station, clock=s.clock),
            QCoreApplication.translate("OperationController", "E-mail changed."))

    def change_address(self, address: str, postcode: str, city: str, country: str) -> bool:
        from pos.core.services.contact_details import change_address

        s = self.session
        return self._change(lambda uow, cid: change_address(
            uow, cid, address=address, postcode=postcode, city=city, country=country,
            station=s.station, clock=s.clock),
            QCoreApplication.translate("OperationController", "Address changed."))

    def _change(self, action, done: str) -> bool:
        if self.card is None:
            return False
        contact_id = self.card.contact_id
        outcome = self.session.run(lambda uow: action(uow, contact_id), what="contact change",
                                   failure=_failure())
        if not outcome.ok:
            return False
        self.card = outcome.value
        self.sig_contact.emit(self.card)
        self.session.say(done, "info")
        return True

    def create(self, values: dict[str, str]) -> Outcome:
        """AJOUTER: the refusal stays in the form (``said=False``)."""
        from pos.core.services.contact_create import create_contact

        s = self.session
        outcome = s.run(lambda uow: create_contact(uow, station=s.station, clock=s.clock,
                                                   **values),
                        what="contact creation", said=False)
        if outcome.ok:
            s.say(QCoreApplication.translate("ContactCreate", "Contact %1 created.")
                  .replace("%1", outcome.value.display_name), "info")
        return outcome

    def search(self, text: str) -> Outcome:
        from pos.core.services.contact_search import search_contacts

        return self.session.run(lambda uow: search_contacts(uow, text), what="contact search",
                                said=False)
