"""The one-row reference of a sale (sale_reference.plain_sale) says "in order" only when
every check of catalog would pass without a word, and gives catalog's own values; in
any other case it says nothing (None) and the caller runs those checks, which refuse."""

from datetime import timedelta

from pos.core.models import Performance
from pos.core.services.catalog import price_of
from pos.core.services.sale_reference import plain_sale
from tests.conftest import uow_of
from tests.core.exchange_support import ids


def test_a_plain_sale_reads_what_the_catalogue_says(demo, clock):
    target = ids(demo, "Carmina Burana", "Cat 2")
    with uow_of(demo) as uow:
        ref = plain_sale(uow, **target, now=clock.now())
        price = price_of(uow, target["performance_id"], target["category_id"],
                         target["tariff_id"])
        perf = uow.session.get(Performance, target["performance_id"])
        assert ref is not None
        assert (ref.performance_id, ref.category_id, ref.tariff_id) == (
            target["performance_id"], target["category_id"], target["tariff_id"])
        assert (ref.price, ref.fees) == (price.amount, price.fees)
        assert (ref.event_name, ref.starts_at) == ("Carmina Burana", perf.starts_at)
        assert (ref.category, ref.tariff) == ("Cat 2", "Contact occasionnel - Plein tarif")


def test_anything_to_check_gives_no_reference(demo, clock):
    carmina = ids(demo, "Carmina Burana", "Cat 1")
    joyaux = ids(demo, "Joyaux", "Cat 1")
    member = ids(demo, "Carmina Burana", "Cat 1", "ADHERENT")
    now = clock.now()
    with uow_of(demo) as uow:
        starts_at = uow.session.get(Performance, carmina["performance_id"]).starts_at
        assert plain_sale(uow, **carmina, now=now) is not None
        assert plain_sale(uow, **{**carmina, "performance_id": 10**9}, now=now) is None
        # a category of another event, a tariff that does not exist
        assert plain_sale(uow, **{**carmina, "category_id": joyaux["category_id"]},
                          now=now) is None
        assert plain_sale(uow, **{**carmina, "tariff_id": 10**9}, now=now) is None
        assert plain_sale(uow, **member, now=now) is None  # granted by a benefit
        assert plain_sale(uow, **carmina, now=starts_at) is None  # started
        assert plain_sale(uow, **carmina, now=starts_at - timedelta(seconds=1)) is not None
