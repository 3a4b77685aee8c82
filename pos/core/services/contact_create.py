"""Creating a contact at the counter ("Ajout du contact"), checked and journalled."""

from __future__ import annotations

from pos.core import journal
from pos.core.clock import Clock
from pos.core.models import Contact
from pos.core.services.contact_details import (
    EMAIL,
    ContactCard,
    InvalidContactDetails,
    card,
)
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork

LIMITS = {"last_name": 80, "first_name": 80, "organisation": 120, "relation": 60,
          "address": 255, "postcode": 16, "city": 80, "country": 60, "email": 255}
LABELS = {"last_name": "Le nom", "first_name": "Le prénom", "organisation": "L'organisme",
          "relation": "La relation", "address": "L'adresse", "postcode": "Le code postal",
          "city": "La ville", "country": "Le pays", "email": "L'adresse e-mail"}


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
            raise InvalidContactDetails(f"{LABELS[key]} dépasse {LIMITS[key]} caractères.")
    if not values["last_name"]:
        raise InvalidContactDetails("Le nom du contact est obligatoire.")
    values["last_name"] = values["last_name"].upper()
    if values["email"] and not EMAIL.fullmatch(values["email"]):
        raise InvalidContactDetails(
            f"Adresse e-mail invalide « {values['email'][:40]} » : attendu nom@domaine.fr.")
    contact = Contact(**values)
    uow.session.add(contact)
    uow.session.flush()
    journal.append(uow.session, at=clock.now(), action="contact.created",
                   counter_id=station.counter_id, operator_id=station.operator_id,
                   contact_id=contact.id, name=contact.last_name)
    result = card(contact)
    uow.commit()
    return result
