"""The operation's contact: read, address and e-mail changed with a journal entry."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from pos.core.basket import CancellationBasket
from pos.core.models import Contact, JournalEntry
from pos.core.services.contact_details import (
    InvalidContactDetails,
    basket_contact,
    change_address,
    change_email,
)
from pos.core.services.scanning import take_ticket
from tests.conftest import uow_of


def akoka(demo, clock):
    basket = CancellationBasket()
    with uow_of(demo) as uow:
        take_ticket(uow, basket, "01010002748", clock)
        return basket_contact(uow, basket)


def test_the_basket_contact_is_the_one_of_its_first_order(demo, clock):
    with uow_of(demo) as uow:
        assert basket_contact(uow, CancellationBasket()) is None
    card = akoka(demo, clock)
    assert (card.name, card.organisation) == ("AKOKA, Viviane", "UNIVERSITY PARIS / Relais")
    assert card.address_lines == ("4 RUE DE CHEVREUSE", "75006 PARIS", "FRANCE")
    assert card.email == "delwakok@secutixtest.com"


def test_change_email_is_validated_and_journalled(demo, station, clock):
    card = akoka(demo, clock)
    for bad in ["", "viviane", "viviane@", "a b@example.org", "v@example", "v@@example.org"]:
        with uow_of(demo) as uow, pytest.raises(InvalidContactDetails, match="invalide"):
            change_email(uow, card.contact_id, bad, station=station, clock=clock)
    with uow_of(demo) as uow:
        new = change_email(uow, card.contact_id, "  v.akoka@univ-paris.fr ",
                           station=station, clock=clock)
    assert new.email == "v.akoka@univ-paris.fr"
    with uow_of(demo) as uow:
        assert uow.session.get(Contact, card.contact_id).email == "v.akoka@univ-paris.fr"
        [entry] = uow.session.scalars(select(JournalEntry)).all()
        assert entry.action == "contact.email_changed" and entry.at == clock.now()
        assert json.loads(entry.payload)["before"] == {"email": "delwakok@secutixtest.com"}


def test_change_address(demo, station, clock):
    card = akoka(demo, clock)
    with uow_of(demo) as uow:
        new = change_address(uow, card.contact_id, address=" 10  rue Monge ", postcode="75005",
                             city="PARIS", country="FRANCE", station=station, clock=clock)
    assert new.address_lines == ("10 rue Monge", "75005 PARIS", "FRANCE")
    with uow_of(demo) as uow, pytest.raises(InvalidContactDetails, match="rue ou la ville"):
        change_address(uow, card.contact_id, address="", postcode="", city="", country="",
                       station=station, clock=clock)
    with uow_of(demo) as uow, pytest.raises(InvalidContactDetails, match="16 caractères"):
        change_address(uow, card.contact_id, address="x", postcode="1" * 17, city="",
                       country="", station=station, clock=clock)
    with uow_of(demo) as uow:
        assert uow.session.get(Contact, card.contact_id).address == "10 rue Monge"
        actions = uow.session.scalars(select(JournalEntry.action)).all()
    assert actions == ["contact.address_changed"]
