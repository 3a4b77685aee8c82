"""Creating a contact at the counter ("Ajout du contact"), checked and journalled."""

from __future__ import annotations

from pos.core import journal
from pos.core.clock import Clock
from pos.core.errors import ContactFieldTooLong, ContactNameRequired, InvalidEmail
from pos.core.i18n import lazy
from pos.core.models import Contact
from pos.core.services.contact_details import (
    EMAIL,
    ContactCard,
    card,
)
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork

LIMITS = {"last_name": 80, "first_name": 80, "organisation": 120, "relation": 60,
          "address": 255, "postcode": 16, "city": 80, "country": 60, "email": 255}
LABELS = {"last_name": lazy("The name"), "first_name": lazy("The first name"),
          "organisation": lazy("The organisation"), "relation": lazy("The relation"),
          "address": lazy("The address"), "postcode": lazy("The postcode"),
          "city": lazy("The city"), "country": lazy("The country"),
          "email": lazy("The e-mail address")}


def create_contact(
    uow: UnitOfWork, *, station: Station, clock: Clock, **fields: str
) -> ContactCard:
    uow.begin_write()
    unknown = set(fields) - set(LIMITS)
    if unknown:
        raise TypeError(f"unknown contact fields: {sorted(unknown)}")
    values = {k: " ".join(fields.get(k, "").split()) for k in LIMITS}
    for key, value in values.items():
        if len(value) > LIMITS[key]:
            raise ContactFieldTooLong(field=LABELS[key], limit=LIMITS[key])
    if not values["last_name"]:
        raise ContactNameRequired()
    values["last_name"] = values["last_name"].upper()
    if values["email"] and not EMAIL.fullmatch(values["email"]):
        raise InvalidEmail(email=values["email"][:40])
    contact = Contact(**values)
    uow.session.add(contact)
    uow.session.flush()
    journal.append(uow.session, at=clock.now(), action="contact.created",
                   counter_id=station.counter_id, operator_id=station.operator_id,
                   contact_id=contact.id, name=contact.last_name)
    result = card(contact)
    uow.commit()
    return result
