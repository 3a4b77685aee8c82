"""How amounts and dates read for a French box office (Babel, fr_FR).

Shared by the window and by printed documents; nothing else formats money.
"""

from __future__ import annotations

import functools
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, get_day_names
from babel.numbers import format_currency, format_decimal

LOCALE = "fr_FR"
# Performances happen where the venue is; dates are stored in UTC and shown here.
VENUE_TZ = ZoneInfo("Europe/Paris")


# Babel takes 50-100 µs an amount or a date, and a basket shows the same few prices and
# dates on every row: each text is formatted once. Amounts are keyed by their exact text
# (so -0 and 0, 1.0 and 1.00 never share an entry); dates by their instant.


@functools.lru_cache(maxsize=4096)
def _money(text: str) -> str:
    return format_currency(Decimal(text), "EUR", locale=LOCALE)


@functools.lru_cache(maxsize=4096)
def _amount(text: str) -> str:
    return format_decimal(Decimal(text), format="#,##0.00", locale=LOCALE)


def money(amount: Decimal) -> str:
    """``Decimal("-2420")`` -> ``"-2 420,00 €"`` (with Babel's narrow no-break spaces)."""
    if isinstance(amount, Decimal):
        return _money(str(amount))
    return format_currency(amount, "EUR", locale=LOCALE)


def amount(amount: Decimal) -> str:
    """An amount without the currency, as in the basket's columns: ``2 420,00``."""
    if isinstance(amount, Decimal):
        return _amount(str(amount))
    return format_decimal(amount, format="#,##0.00", locale=LOCALE)


def plain_spaces(text: str) -> str:
    """Babel's narrow and no-break spaces as ordinary spaces (for comparisons and logs)."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def local(at: datetime) -> datetime:
    return at.astimezone(VENUE_TZ)


@functools.lru_cache(maxsize=1024)
def performance_date(at: datetime) -> str:
    """``Lun 02.11.2015 20:15`` as in the reference screen."""
    at = local(at)
    day = get_day_names("abbreviated", locale=LOCALE)[at.weekday()].rstrip(".").capitalize()
    return f"{day} {format_datetime(at, 'dd.MM.yyyy HH:mm', locale=LOCALE)}"


@functools.lru_cache(maxsize=1024)
def timestamp(at: datetime) -> str:
    """``28.09.2015 17:03``."""
    return format_datetime(local(at), "dd.MM.yyyy HH:mm", locale=LOCALE)
