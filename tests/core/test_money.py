from decimal import Decimal

import pytest
from sqlalchemy import select

from pos import formatting
from pos.core.models import Payment
from pos.core.money import from_cents, money, to_cents
from tests.conftest import uow_of


def test_amounts_are_exact_and_floats_refused():
    assert money("110") == Decimal("110.00")
    assert to_cents(Decimal("2420.00")) == 242000
    assert from_cents(-11000) == Decimal("-110.00")
    with pytest.raises(TypeError):
        money(0.1)
    with pytest.raises(ValueError):
        to_cents(Decimal("1.005"))


def test_french_display():
    assert formatting.plain_spaces(formatting.money(Decimal("2420"))) == "2 420,00 €"
    assert formatting.plain_spaces(formatting.money(Decimal("-1100"))) == "-1 100,00 €"
    assert formatting.plain_spaces(formatting.amount(Decimal("660"))) == "660,00"


def test_cents_survive_the_database(demo):
    with uow_of(demo) as uow:
        amounts = uow.session.scalars(select(Payment.amount).order_by(Payment.id)).all()
    assert amounts[0] == Decimal("2420.00")
    assert all(isinstance(a, Decimal) for a in amounts)
    assert Decimal("191.99") < amounts[2] < Decimal("192.01")  # 2 x 75 + 37.50 + 3 x 1.50


def test_documents_survive_json():
    from pos.core.documents import (
        Barcode,
        Columns,
        Document,
        Feed,
        Heading,
        QRCode,
        Separator,
        Text,
        from_json,
        to_json,
    )

    doc = Document(kind="voucher", blocks=(
        Heading("Théâtre"), Text("AVOIR", bold=True, align="center"),
        Columns("Total", "-1 100,00 €"), Separator("="), Barcode("12345678901"),
        QRCode("AV-1"), Feed(2)), cut=False)
    assert from_json(to_json(doc)) == doc
