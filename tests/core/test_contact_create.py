import json

import pytest
from sqlalchemy import select

from pos.core.models import Contact, JournalEntry
from pos.core.services.contact_create import create_contact
from pos.core.services.contact_details import InvalidContactDetails
from pos.core.services.contact_search import search_contacts
from tests.conftest import uow_of


def test_a_contact_created_at_the_counter_is_found_again(demo, station, clock):
    with uow_of(demo) as uow:
        card = create_contact(uow, station=station, clock=clock, last_name=" Dupont ",
                              first_name="Jean", email="jean.dupont@example.org",
                              city="Lyon")
    assert card.display_name == "DUPONT, Jean"
    with uow_of(demo) as uow:
        contact = uow.session.get(Contact, card.contact_id)
        assert (contact.email, contact.city) == ("jean.dupont@example.org", "Lyon")
        entry = uow.session.scalar(select(JournalEntry).where(
            JournalEntry.action == "contact.created"))
        assert json.loads(entry.payload)["contact_id"] == card.contact_id
        found = search_contacts(uow, "dupont")
    assert [h.id for h in found.contacts] == [card.contact_id]


@pytest.mark.parametrize("fields, message", [
    ({"last_name": "  "}, "Le nom du contact est obligatoire."),
    ({"last_name": "X", "email": "pas-une-adresse"}, "Adresse e-mail invalide"),
    ({"last_name": "X" * 81}, "Le nom dépasse 80 caractères."),
])
def test_refusals_write_nothing(demo, station, clock, fields, message):
    with uow_of(demo) as uow:
        before = len(uow.session.scalars(select(Contact.id)).all())
    with pytest.raises(InvalidContactDetails, match=message), uow_of(demo) as uow:
        create_contact(uow, station=station, clock=clock, **fields)
    with uow_of(demo) as uow:
        assert len(uow.session.scalars(select(Contact.id)).all()) == before
