"""The exchange receipt (issue 9): the cancelled line is wrapped, never cut ("… - P"),
on 80 and 58 mm paper, and every old ticket number is listed with the one that
"remplacé par" it. The receipt of a real exchange, rendered to ESC/POS and decoded."""

from __future__ import annotations

import pytest

from pos.core.exchange_basket import totals
from pos.core.models import PaymentMode
from pos.core.services.exchange import auto_exchange, settle_exchange
from pos.core.services.refunds import Tender
from pos.devices.escpos_render import COLUMNS, column_lines, render
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, new_sale, scan, tariff_id
from tests.support.escpos_decoder import decode, text_lines


def test_column_lines_wrap_the_left_text_and_keep_the_amount_whole():
    left = "  2 x Catégorie 1 Parterre impair PLEIN TARIF ADULTE"
    lines = column_lines(left, "-220,00 €", 32)
    assert all(len(line) <= 32 for line in lines)
    assert " ".join(" ".join(line.split()) for line in lines).startswith(" ".join(left.split()))
    assert lines[-1].endswith("-220,00 €")
    assert column_lines("Total", "10,00 €", 32) == ["Total" + " " * 19 + " 10,00 €"]


@pytest.mark.parametrize("paper", [80, 58])
def test_the_exchange_receipt_wraps_and_lists_what_replaced_what(demo, station, clock, paper):
    cancellation = scan(demo, clock, JOYAUX[:2])
    sale = new_sale()
    with uow_of(demo) as uow:
        auto_exchange(uow, sale, cancellation, clock, tariff_id=tariff_id(demo, "REDUIT"))
    due = -totals(cancellation, sale).total
    with uow_of(demo) as uow:
        result = settle_exchange(uow, cancellation, sale,
                                 [Tender(PaymentMode.CASH, due)] if due else [], station, clock)
    receipt = next(d for d in result.documents if d.kind == "exchange_receipt")
    lines = text_lines(decode(render(receipt, paper_width=paper)))
    assert all(len(line) <= COLUMNS[paper] for line in lines)
    group = cancellation.groups()[0].performances[0].tariffs[0]
    cancelled = f"{group.quantity} x {group.category} {group.tariff}"
    flat = " ".join(" ".join(line.split()) for line in lines)
    assert cancelled in flat  # whole, on one line or wrapped over several
    pairs = dict(result.replaced)
    assert set(pairs) == set(JOYAUX[:2])
    for old, new in pairs.items():
        assert f"{old} remplacé par {new}" in flat
