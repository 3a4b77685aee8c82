"""The settlement process the crash test kills (``tests/core/test_crash.py``).

``python -m tests.support.crash_child URL INDEX[,INDEX...]`` settles the seeded orders
given (``tests.support.endurance_data``), one after the other, each under the key
``order-<index>`` and in the way ``KINDS[index % 4]`` says: a cash refund, a credit-note
refund, an AUTO-ÉCHANGE to the reduced tariff (10,00 € a ticket back in cash), a hold.
It prints ``ready <t>`` once started, then ``settled <index> <operation id> <t>`` after
each (``t``: ``time.monotonic()``, the same clock as the parent's on Linux).
With ``GUICHET_CRASH_AT=<point>`` it SIGKILLs itself at that point of the pipeline
(``pos.core.crash_points``); the parent also kills it at random moments.

``prepare`` and ``settle`` are also what the parent calls to retry an order under the
same key, with the basket it had prepared before the child ran.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from sqlalchemy import select

from pos.core.basket import CancellationBasket
from pos.core.clock import FixedClock
from pos.core.db import Database
from pos.core.exchange_basket import ExchangeBasket, totals
from pos.core.models import PaymentMode, Tariff
from pos.core.services.exchange import auto_exchange, settle_exchange
from pos.core.services.holds import hold_basket
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from pos.core.services.station import Station, ensure_station
from pos.core.uow import UnitOfWork
from tests.support.endurance_data import order_numbers

KINDS = ("cash", "credit_note", "exchange", "hold")


def kind_of(index: int) -> str:
    return KINDS[index % len(KINDS)]


def key_of(index: int) -> str:
    return f"order-{index}"


def station_of(database: Database) -> Station:
    with UnitOfWork(database.sessions) as uow:
        return ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                              operator="STX_BDD", venue_name="Théâtre de la Ville")


@dataclass
class Prepared:
    """What the cashier has on screen before the key is pressed: the basket scanned (and,
    for an exchange, the new tickets chosen). A retry reuses it, as the window does."""

    basket: CancellationBasket
    sale: ExchangeBasket | None = None


def prepare(database: Database, clock: FixedClock, index: int) -> Prepared:
    basket = CancellationBasket()
    for number in order_numbers(index):
        with UnitOfWork(database.sessions) as uow:
            take_ticket(uow, basket, number, clock)
    if kind_of(index) != "exchange":
        return Prepared(basket)
    sale = ExchangeBasket()
    with UnitOfWork(database.sessions) as uow:
        reduced = uow.session.scalar(select(Tariff.id).where(Tariff.code == "REDUIT"))
        auto_exchange(uow, sale, basket, clock, tariff_id=reduced)
    return Prepared(basket, sale)


def settle(database: Database, station: Station, clock: FixedClock, index: int,
           prepared: Prepared):
    """Order ``index`` settled as its kind says, under its key; returns the result."""
    kind, key, basket = kind_of(index), key_of(index), prepared.basket
    with UnitOfWork(database.sessions) as uow:
        if kind == "hold":
            return hold_basket(uow, basket, station, clock, idempotency_key=key)
        if kind == "exchange":
            sale = prepared.sale
            tenders = [Tender(PaymentMode.CASH, -totals(basket, sale).total)]
            return settle_exchange(uow, basket, sale, tenders, station, clock,
                                   idempotency_key=key)
        mode = PaymentMode.CASH if kind == "cash" else PaymentMode.CREDIT_NOTE
        return refund_basket(uow, basket, [Tender(mode, basket.refund_total)], station,
                             clock, idempotency_key=key)


def main(url: str, indexes: str, now: str) -> None:
    from datetime import datetime

    database = Database(url)
    clock = FixedClock(datetime.fromisoformat(now))
    station = station_of(database)
    print("ready", time.monotonic(), flush=True)
    for index in (int(i) for i in indexes.split(",")):
        result = settle(database, station, clock, index, prepare(database, clock, index))
        print("settled", index, result.operation_id, time.monotonic(), flush=True)
    database.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:4])
