"""What the product bar offers: the tariffs of an auto-exchange, the seats the basket frees."""

from decimal import Decimal

from pos.core.services.exchange import event_tickets
from pos.core.services.exchange_offers import auto_exchange_tariffs, seat_context
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan, seat_id

LAC = "01010003003"  # order 961, Le Lac des cygnes, Parterre B5


def test_auto_exchange_tariffs_are_those_priced_for_every_ticket(demo, clock):
    joyaux = scan(demo, clock, [JOYAUX[-1]])
    both = scan(demo, clock, [JOYAUX[-1], LAC])
    with uow_of(demo) as uow:
        alone = auto_exchange_tariffs(uow, [t.ticket_id for t in joyaux.tickets])
        mixed = auto_exchange_tariffs(uow, [t.ticket_id for t in both.tickets])
        assert auto_exchange_tariffs(uow, []) == []
    assert [(t.name, t.price) for t in alone][:2] == [
        ("Contact occasionnel - Plein tarif", Decimal("110.00")),
        ("Contact occasionnel - Tarif réduit", Decimal("88.00"))]
    # prices of the first ticket, tariffs offered for both performances
    assert {t.tariff_id for t in mixed} <= {t.tariff_id for t in alone}
    assert mixed and mixed[0].price == Decimal("110.00")


def test_seat_context_frees_the_basket_seats_and_blocks_the_sale_ones(demo, clock):
    cancellation = scan(demo, clock, [JOYAUX[-1]])  # Balcon 7
    target = ids(demo, "Joyaux", "Cat 1")
    sale = new_sale()
    with uow_of(demo) as uow:
        [line] = event_tickets(uow, sale, cancellation, clock, quantity=1, **target)
        released, taken = seat_context(uow, [t.ticket_id for t in cancellation.tickets], sale,
                                       target["performance_id"])
    assert released == {seat_id(demo, "Balcon", "7")}
    assert taken == {line.seat_id}
