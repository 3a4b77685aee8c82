"""Money is a ``Decimal`` with two places in Python and integer cents in the database."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy.types import TypeDecorator

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def money(value: Decimal | int | str) -> Decimal:
    """An exact amount with two places; floats are refused, they are never exact."""
    if isinstance(value, float):
        raise TypeError("money never comes from a float")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_EVEN)


def to_cents(amount: Decimal) -> int:
    quantized = money(amount)
    if quantized != amount:
        raise ValueError(f"{amount} has more than two decimal places")
    return int(quantized * 100)


def from_cents(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)  # exact, two places: 1234 -> 12.34, 0 -> 0.00


def as_text(amount: Decimal) -> str:
    """Machine form used in JSON: "-110.00"."""
    return f"{money(amount):.2f}"


class Cents(TypeDecorator[Decimal]):
    """Stores a Decimal amount as an integer number of cents (SQLite has no decimal)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        return to_cents(value)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return from_cents(int(value))
