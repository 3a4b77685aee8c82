"""Demo data for the exchange: one product of each kind, the "Adhérent" tariff its
member card grants, and the ticket number sequence (after the demo's own tickets)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from pos.core.models import Performance, Price, PriceCategory, Tariff
from pos.core.models_catalog import NumberSequence, Product, ProductItem, ProductKind

D = Decimal
ADHERENT_FACTOR = D("0.7")


def load_catalog(
    s: Session,
    perfs: dict[str, Performance],
    cats: dict[tuple[str, str], PriceCategory],
    tariffs: dict[str, Tariff],
    prices: dict,
    last_ticket_number: int,
) -> None:
    adherent = Tariff(code="ADHERENT", name="Adhérent")
    s.add(adherent)
    s.flush()
    for event in ("Carmina Burana", "Don Giovanni"):
        perf = perfs[event]
        for (name, _), cat in cats.items():
            if name != event:
                continue
            full = prices[(perf.id, cat.id, tariffs["PLEIN"].id)]
            s.add(Price(performance_id=perf.id, category_id=cat.id, tariff_id=adherent.id,
                        amount=(full.amount * ADHERENT_FACTOR).quantize(D("0.01")),
                        fees=full.fees))
    subscription = Product(code="ABO-DANSE", name="Abonnement Danse",
                           kind=ProductKind.SUBSCRIPTION, price=D("120.00"), stock=None)
    package = Product(code="PACK-DUO", name="Pack Duo Carmina Burana",
                      kind=ProductKind.PACKAGE, price=D("70.00"), stock=None)
    s.add_all([
        subscription,
        package,
        Product(code="PROG", name="Programme de salle", kind=ProductKind.OTHER,
                price=D("5.00"), stock=50),
        Product(code="VESTIAIRE", name="Vestiaire", kind=ProductKind.OTHER,
                price=D("2.00"), stock=200),
        Product(code="PARKING", name="Parking soirée", kind=ProductKind.OTHER,
                price=D("8.00"), stock=3),
        Product(code="CARTE-ADH", name="Carte Adhérent", kind=ProductKind.BENEFIT,
                price=D("20.00"), stock=None, grants_tariff_id=adherent.id),
    ])
    s.flush()
    plein = tariffs["PLEIN"].id
    s.add_all([
        ProductItem(product_id=subscription.id, performance_id=perfs["Joyaux"].id,
                    category_id=cats[("Joyaux", "Cat 2")].id, tariff_id=plein, quantity=1),
        ProductItem(product_id=subscription.id, performance_id=perfs["Le Lac des cygnes"].id,
                    category_id=cats[("Le Lac des cygnes", "Cat 2")].id, tariff_id=plein,
                    quantity=1),
        ProductItem(product_id=package.id, performance_id=perfs["Carmina Burana"].id,
                    category_id=cats[("Carmina Burana", "Cat 2")].id, tariff_id=plein,
                    quantity=2),
    ])
    sequence = s.get(NumberSequence, "ticket")  # the migration creates it
    if sequence is None:
        s.add(NumberSequence(name="ticket", last_value=last_ticket_number))
    else:
        sequence.last_value = max(sequence.last_value, last_ticket_number)
    s.flush()
