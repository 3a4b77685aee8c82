"""What "Envoi documents" lists for a refund, by delivery mode: the receipt (and the
vouchers) print at the counter in every mode, and go in the e-mail too with "Envoi par
e-mail"; "Envoi postal" and "Plus tard" say they print now, not "Remis au contact"."""

from __future__ import annotations

import pytest

from pos.core.planned_documents import planned_documents


@pytest.mark.parametrize(("delivery", "sending"), [
    ("counter", "Remis au contact"), ("email", "Envoi par e-mail"),
    ("post", "Impression immédiate"), ("later", "Impression immédiate")])
def test_a_refunds_documents_say_where_they_go(delivery, sending):
    documents = planned_documents(tickets=2, delivery=delivery, held=True, credit_notes=1)
    assert [(d.name, d.quantity, d.sending) for d in documents] == [
        ("Reçu de remboursement", 1, sending), ("Avoir", 1, sending),
        ("Bon d'ordre en attente", 1, sending)]


def test_an_empty_basket_plans_nothing_whatever_the_mode():
    assert {planned_documents(tickets=0, delivery=m) for m in ("counter", "post")} == {()}


def test_the_delivery_modes_rule_what_becomes_of_an_exchanges_new_tickets():
    from pos.core import delivery

    assert set(delivery.TICKET_LABELS) == set(delivery.MODES)
    assert [delivery.tickets_print(m, "now", emailed=False) for m in delivery.MODES] == [
        "now", "now", "post", "later"]
    assert delivery.tickets_print("counter", "later", emailed=False) == "later"
    assert delivery.tickets_print("email", "now", emailed=True) == "none"
    assert delivery.TICKET_LABELS["post"] == "Envoi postal"
