"""Filling the sale side of an exchange: events, seats, products of each kind."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.core.models import PaymentMode, Ticket
from pos.core.models_catalog import Product, ProductKind, ProductSale, ProductSaleTicket
from pos.core.services import catalog
from pos.core.services.catalog import BenefitRequired, OutOfStock, SeatNotFree, SoldOut
from pos.core.services.exchange import add_product, event_tickets, settle_exchange
from pos.core.services.orders import order_summary
from pos.core.services.refunds import Tender
from pos.core.services.seats import best_available, category_seats
from pos.formatting import plain_spaces
from tests.conftest import uow_of
from tests.core.exchange_support import (
    JOYAUX,
    ids,
    new_sale,
    product_id,
    scan,
    seat_id,
)

D = Decimal
LAC = "01010003003"  # order 961, Le Lac des cygnes, Parterre B5


def test_search_an_event_its_performance_categories_and_tariffs(demo, clock):
    with uow_of(demo) as uow:
        [hit] = catalog.search_events(uow, "carmina", clock)
        [perf] = catalog.performances(uow, hit.event_id, clock)
        cats = catalog.categories(uow, perf.performance_id)
        offers = catalog.tariffs(uow, perf.performance_id, cats[0].category_id)
    assert (hit.name, hit.venue) == ("Carmina Burana", "Théâtre de la Ville")
    # Availability: Cat 1 is the whole Parterre (48), Cat 2 the Balcon less order 960's 2.
    assert [(c.name, c.free_seats) for c in cats] == [("Cat 1", 48), ("Cat 2", 60)]
    assert [(t.name, t.price, t.benefit) for t in offers] == [
        ("Contact occasionnel - Plein tarif", D("60.00"), ""),
        ("Contact occasionnel - Tarif réduit", D("48.00"), ""),
        ("Adhérent", D("42.00"), "Carte Adhérent"),
        ("Jeune - moins de 26 ans", D("30.00"), ""),
    ]


def test_seats_released_by_the_basket_count_as_free(demo, clock):
    target = ids(demo, "Joyaux", "Cat 1")
    with uow_of(demo) as uow:
        before = catalog.categories(uow, target["performance_id"])[0].free_seats
        released = {seat_id(demo, "Balcon", "7")}
        after = catalog.categories(uow, target["performance_id"], released)[0].free_seats
    assert (before, after) == (40, 41)


def test_best_available_prefers_adjacent_seats_over_rank(demo, clock):
    # Joyaux Cat 1 (Balcon) has single free seats 2, 4, 6, 9... between order 959's; the
    # first three side by side are 25, 26, 27.
    sale = new_sale()
    with uow_of(demo) as uow:
        lines = event_tickets(uow, sale, scan(demo, clock, [LAC]), clock, quantity=3,
                              **ids(demo, "Joyaux", "Cat 1"))
    assert [t.seat for t in lines] == ["25", "26", "27"]


def test_without_a_block_the_best_seats_in_order(demo, clock):
    # Parterre rows have 12 seats: 13 cannot sit side by side.
    target = ids(demo, "Carmina Burana", "Cat 1")
    with uow_of(demo) as uow:
        two = best_available(uow, target["performance_id"], target["category_id"], 2)
        many = best_available(uow, target["performance_id"], target["category_id"], 13)
    assert [s.label for s in two] == ["A1", "A2"]
    assert [s.label for s in many] == [f"A{n}" for n in range(1, 13)] + ["B1"]


def test_sold_out_is_said_in_french(demo, clock):
    target = ids(demo, "Concert du soir", "Cat 1")
    with uow_of(demo) as uow:
        with pytest.raises(SoldOut) as few:
            best_available(uow, target["performance_id"], target["category_id"], 47)
        every = {s.seat_id for s in category_seats(uow, target["category_id"])}
        with pytest.raises(SoldOut) as none:
            best_available(uow, target["performance_id"], target["category_id"], 1,
                           taken=every)
    assert few.value.message.startswith(
        "Il ne reste que 46 places libres en Cat 1 pour Concert du soir du 27.11.2026 13:00")
    assert few.value.message.endswith("impossible d'en vendre 47.")
    assert none.value.message.startswith("Complet : plus aucune place libre en Cat 1")


def test_chosen_seats_must_be_free_released_ones_are(demo, clock):
    cancellation = scan(demo, clock, [JOYAUX[-1]])  # Balcon 7
    target = ids(demo, "Joyaux", "Cat 1")
    sale = new_sale()
    with uow_of(demo) as uow:
        with pytest.raises(SeatNotFree, match="La place Balcon 8 n'est pas libre"):
            event_tickets(uow, sale, cancellation, clock,
                          seat_ids=[seat_id(demo, "Balcon", "8")], **target)
        [line] = event_tickets(uow, sale, cancellation, clock,
                               seat_ids=[seat_id(demo, "Balcon", "7")], **target)
        assert line.seat == "7"
        with pytest.raises(SeatNotFree):  # now given in this basket
            event_tickets(uow, sale, cancellation, clock,
                          seat_ids=[seat_id(demo, "Balcon", "7")], **target)


def _settle(demo, cancellation, sale, station, clock):
    from pos.core.exchange_basket import totals

    total = totals(cancellation, sale).total
    tenders = ([Tender(PaymentMode.CASH, -total)] if total < 0 else
               [Tender(PaymentMode.CARD, total, "CB")] if total > 0 else [])
    with uow_of(demo) as uow:
        return settle_exchange(uow, cancellation, sale, tenders, station, clock)


def test_other_products_come_out_of_stock(demo, station, clock):
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    with uow_of(demo) as uow:
        add_product(uow, sale, cancellation, clock, product_id=product_id(demo, "PROG"),
                    quantity=2)
        add_product(uow, sale, cancellation, clock, product_id=product_id(demo, "PARKING"),
                    quantity=2)
        with pytest.raises(OutOfStock) as refused:
            add_product(uow, sale, cancellation, clock, product_id=product_id(demo, "PARKING"),
                        quantity=2)
    assert refused.value.message == (
        "Stock insuffisant pour « Parking soirée » : il en reste 3, 4 demandés.")
    assert sale.sold_total == D("26.00")
    [group] = sale.groups()
    assert [(p.name, p.quantity, p.amount) for p in group.products] == [
        ("Programme de salle", 2, D("10.00")), ("Parking soirée", 2, D("16.00"))]
    result = _settle(demo, cancellation, sale, station, clock)
    assert result.total == D("-84.00")
    with uow_of(demo) as uow:
        stock = dict(uow.session.execute(select(Product.code, Product.stock)).all())
        assert (stock["PROG"], stock["PARKING"]) == (48, 1)
        assert order_summary(uow, 959)["settled"] is True  # products count in the order


def test_a_benefit_grants_its_tariff(demo, station, clock):
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    member = ids(demo, "Carmina Burana", "Cat 1", "ADHERENT")
    with uow_of(demo) as uow:
        with pytest.raises(BenefitRequired) as refused:
            event_tickets(uow, sale, cancellation, clock, **member)
        add_product(uow, sale, cancellation, clock, product_id=product_id(demo, "CARTE-ADH"))
        [line] = event_tickets(uow, sale, cancellation, clock, **member)
    assert "réservé aux titulaires de l'avantage « Carte Adhérent »" in refused.value.message
    assert (line.tariff, line.price) == ("Adhérent", D("42.00"))
    assert _settle(demo, cancellation, sale, station, clock).total == D("-48.00")
    # Bought once, the card stays with the contact for the next exchange.
    later = new_sale()
    with uow_of(demo) as uow:
        event_tickets(uow, later, scan(demo, clock, [JOYAUX[0]]), clock, **member)


@pytest.mark.parametrize("code, seats, shares", [
    ("ABO-DANSE", [("Joyaux", "Parterre", "A1"), ("Le Lac des cygnes", "Balcon", "1")],
     [D("75.56"), D("44.44")]),
    ("PACK-DUO", [("Carmina Burana", "Balcon", "1"), ("Carmina Burana", "Balcon", "2")],
     [D("35.00"), D("35.00")]),
])
def test_subscriptions_and_packages_sell_their_tickets_at_one_price(demo, station, clock, code,
                                                                    seats, shares):
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    with uow_of(demo) as uow:
        line = add_product(uow, sale, cancellation, clock, product_id=product_id(demo, code))
    assert [(t.event_name, t.area, t.seat) for t in line.tickets] == seats
    assert [t.price for t in line.tickets] == shares
    assert sale.sold_total == sum(shares)
    result = _settle(demo, cancellation, sale, station, clock)
    assert len(result.new_tickets) == 2
    with uow_of(demo) as uow:
        s = uow.session
        [sold] = s.scalars(select(ProductSale)).all()
        assert (sold.amount, sold.on_tickets) == (sum(shares), True)
        linked = s.scalars(select(Ticket.number).join(
            ProductSaleTicket, ProductSaleTicket.ticket_id == Ticket.id)).all()
        assert sorted(linked) == sorted(result.new_tickets)
        assert order_summary(uow, 959)["settled"] is True
        assert sold.product.kind in (ProductKind.SUBSCRIPTION, ProductKind.PACKAGE)


def test_products_of_each_kind_are_offered(demo):
    with uow_of(demo) as uow:
        offers = catalog.products(uow)
    kinds = {o.kind for o in offers}
    assert kinds == set(ProductKind)
    abo = next(o for o in offers if o.code == "ABO-DANSE")
    assert len(abo.contents) == 2 and "Joyaux" in abo.contents[0]
    card = next(o for o in offers if o.code == "CARTE-ADH")
    assert plain_spaces(card.grants_tariff) == "Adhérent"


def test_a_seat_released_on_one_date_is_not_free_on_another(demo, clock):
    # Joyaux and Carmina Burana play in the same hall: the Balcon seats of the Joyaux
    # tickets taken back are free again for Joyaux only, never for Carmina's date.
    from pos.core.services.exchange_offers import seat_context

    cancellation = scan(demo, clock, JOYAUX[:3])
    ticket_ids = [t.ticket_id for t in cancellation.tickets]
    joyaux = ids(demo, "Joyaux", "Cat 1")["performance_id"]
    carmina = ids(demo, "Carmina Burana", "Cat 2")["performance_id"]
    with uow_of(demo) as uow:
        own, _ = seat_context(uow, ticket_ids, new_sale(), joyaux)
        other, _ = seat_context(uow, ticket_ids, new_sale(), carmina)
    assert len(own) == 3 and other == set()
