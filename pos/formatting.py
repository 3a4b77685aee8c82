"""How amounts and dates read for a French box office (Babel, fr_FR).

Shared by the window and by printed documents; nothing else formats money.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, get_day_names
from babel.numbers import format_currency, format_decimal

LOCALE = "fr_FR"
# Performances happen where the venue is; dates are stored in UTC and shown here.
VENUE_TZ = ZoneInfo("Europe/Paris")


def money(amount: Decimal) -> str:
    """``Decimal("-2420")`` -> ``"-2 420,00 €"`` (with Babel's narrow no-break spaces)."""
    return format_currency(amount, "EUR", locale=LOCALE)


def amount(amount: Decimal) -> str:
    """An amount without the currency, as in the basket's columns: ``2 420,00``."""
    return format_decimal(amount, format="#,##0.00", locale=LOCALE)


def plain_spaces(text: str) -> str:
    """Babel's narrow and no-break spaces as ordinary spaces (for comparisons and logs)."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def local(at: datetime) -> datetime:
    return at.astimezone(VENUE_TZ)


def performance_date(at: datetime) -> str:
    """``Lun 02.11.2015 20:15`` as in the reference screen."""
    at = local(at)
    day = get_day_names("abbreviated", locale=LOCALE)[at.weekday()].rstrip(".").capitalize()
    return f"{day} {format_datetime(at, 'dd.MM.yyyy HH:mm', locale=LOCALE)}"


def timestamp(at: datetime) -> str:
    """``28.09.2015 17:03``."""
    return format_datetime(local(at), "dd.MM.yyyy HH:mm", locale=LOCALE)
