"""The contact of the operation: shown on the screen and the hold slip, its postal
address and e-mail changed at the counter (CHANGER), each change journalled."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from pos.core import journal
from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.errors import (  # noqa: F401 - their home is pos.core.errors
    AddressIncomplete,
    ContactFieldTooLong,
    DomainError,
    InvalidContactDetails,
    InvalidEmail,
    UnknownContact,
)
from pos.core.i18n import lazy
from pos.core.models import Contact, Order
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork

# One @, something before it, a dotted domain after it, no spaces: what a cashier can
# check by eye. Whether the mailbox exists is the mail server's business.
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")
MAX_LENGTHS = {"address": 255, "postcode": 16, "city": 80, "country": 60, "email": 255}
FIELD_NAMES = {"address": lazy("The address"), "postcode": lazy("The postcode"),
               "city": lazy("The city"), "country": lazy("The country"),
               "email": lazy("The e-mail address")}


@dataclass(frozen=True)
class ContactCard:
    contact_id: int
    name: str  # "AKOKA, Viviane"
    organisation: str  # "UNIVERSITY PARIS / Relais"
    address: str
    postcode: str
    city: str
    country: str
    email: str

    @property
    def display_name(self) -> str:
        return f"{self.name} | {self.organisation}" if self.organisation else self.name

    @property
    def address_lines(self) -> tuple[str, ...]:
        town = " ".join(p for p in (self.postcode, self.city) if p)
        return tuple(p for p in (self.address, town, self.country) if p)


def card(contact: Contact) -> ContactCard:
    name = f"{contact.last_name}, {contact.first_name}" if contact.first_name \
        else contact.last_name
    organisation = contact.organisation + (
        f" / {contact.relation}" if contact.organisation and contact.relation else "")
    return ContactCard(contact.id, name, organisation, contact.address, contact.postcode,
                       contact.city, contact.country, contact.email)


def contact_card(uow: UnitOfWork, contact_id: int) -> ContactCard:
    contact = uow.session.get(Contact, contact_id)
    if contact is None:
        raise UnknownContact(contact_id=contact_id)
    return card(contact)


def basket_contact(uow: UnitOfWork, basket: CancellationBasket) -> ContactCard | None:
    """The contact of the operation: the one of the first order in the basket."""
    if not basket.tickets:
        return None
    return order_contact(uow, basket.tickets[0].order_id)


def order_contact(uow: UnitOfWork, order_id: int) -> ContactCard | None:
    contact_id = uow.session.scalar(select(Order.contact_id).where(Order.id == order_id))
    return None if contact_id is None else contact_card(uow, contact_id)


def _checked(name: str, value: str) -> str:
    value = " ".join(value.split())
    if len(value) > MAX_LENGTHS[name]:
        raise ContactFieldTooLong(field=FIELD_NAMES[name], limit=MAX_LENGTHS[name])
    return value


def _change(uow: UnitOfWork, contact_id: int, changes: dict[str, str], station: Station,
            clock: Clock, action: str) -> ContactCard:
    uow.begin_write()
    contact = uow.session.get(Contact, contact_id, with_for_update=True)
    if contact is None:
        raise UnknownContact(contact_id=contact_id)
    before = {k: getattr(contact, k) for k in changes}
    for key, value in changes.items():
        setattr(contact, key, value)
    journal.append(uow.session, at=clock.now(), action=action, counter_id=station.counter_id,
                   operator_id=station.operator_id, contact_id=contact_id, before=before,
                   after=changes)
    uow.session.flush()
    result = card(contact)
    uow.commit()
    return result


def change_address(
    uow: UnitOfWork, contact_id: int, *, address: str, postcode: str, city: str,
    country: str, station: Station, clock: Clock,
) -> ContactCard:
    changes = {"address": _checked("address", address),
               "postcode": _checked("postcode", postcode),
               "city": _checked("city", city), "country": _checked("country", country)}
    if not changes["address"] and not changes["city"]:
        raise AddressIncomplete()
    return _change(uow, contact_id, changes, station, clock, "contact.address_changed")


def change_email(
    uow: UnitOfWork, contact_id: int, email: str, *, station: Station, clock: Clock
) -> ContactCard:
    email = _checked("email", email.strip())
    if not EMAIL.fullmatch(email):
        shown = email[:40] + ("…" if len(email) > 40 else "")
        raise InvalidEmail(email=shown)
    return _change(uow, contact_id, {"email": email}, station, clock, "contact.email_changed")
