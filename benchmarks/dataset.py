"""Realistic benchmark databases, built with bulk Core inserts and cached.

Shapes:

- ``10k``, ``100k``, ``1m``: three venues (a 500-seat hall, a 2,000-seat theatre, a
  50,000-seat stadium), each with its events, performances, price categories over
  areas, five tariffs and their prices; contacts; orders of 1 to 10 tickets (a share of
  10-ticket orders for the refund and exchange operations); payments in several modes
  (some orders paid in two); fees on a quarter of the orders; a few checked-in,
  cancelled and unpaid tickets. Performances are about 80 % sold, best seats first.
- ``peer``: the shape pretix was measured on: one event of 20,000 seats, two
  performances, 2,000 paid orders of 10 tickets.

A built database is a template: SQLite, a file in the cache folder copied for each run;
PostgreSQL, a ``<name>_<shape>_tpl`` database cloned with ``CREATE DATABASE … TEMPLATE``.
So every run starts from the same data, whatever the last run refunded.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import event, insert, select, text
from sqlalchemy.engine import make_url

from pos.core.db import Database, make_engine, schema_state
from pos.core.models import (
    Area,
    Contact,
    Event,
    Operator,
    Order,
    Payment,
    PaymentMode,
    Performance,
    Price,
    PriceCategory,
    PriceCategoryArea,
    SalesPoint,
    Seat,
    Tariff,
    Ticket,
    TicketState,
    Venue,
)
from pos.core.services.station import ensure_station
from pos.core.uow import UnitOfWork

FORMAT = 5  # bump when the builder changes: cached databases of older formats are rebuilt
FIRST_NUMBER = 30_000_000_000
BATCH = 20_000
D = Decimal
BENCH_NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # the clock the operations run at

SIZES = {"tiny": 2_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
TARIFFS = [("PLEIN", "Plein tarif", D("1.00")), ("REDUIT", "Tarif réduit", D("0.80")),
           ("JEUNE", "Moins de 26 ans", D("0.60")), ("GROUPE", "Groupe", D("0.85")),
           ("EXO", "Exonéré", D("0.00"))]
MODES = [PaymentMode.CARD] * 12 + [PaymentMode.CASH] * 5 + [PaymentMode.CHEQUE] * 2 + [
    PaymentMode.TRANSFER]
ORDER_SIZES = [2, 10, 4, 1, 10, 3, 2, 10, 6, 10, 2, 4, 10, 5, 3, 10]
FIRST_NAMES = ["Anne", "Louis", "Camille", "Hugo", "Léa", "Jules", "Chloé", "Nathan",
               "Inès", "Paul", "Zoé", "Arthur", "Manon", "Raphaël", "Élise"]
LAST_NAMES = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT",
              "DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT", "LEFÈVRE", "MICHEL",
              "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER"]


@dataclass(frozen=True)
class VenueShape:
    key: str  # "hall", "theatre", "stadium", "arena"
    name: str
    # (area name, rows, seats per row, category rank)
    areas: tuple[tuple[str, int, int, int], ...]
    share: float  # of the tickets
    base_price: Decimal

    @property
    def capacity(self) -> int:
        return sum(rows * per for _, rows, per, _ in self.areas)


GENERAL = (
    VenueShape("hall", "Salle Gémier", (("Parterre", 15, 20, 1), ("Balcon", 10, 20, 2)),
               0.2, D("28.00")),
    VenueShape("theatre", "Grand Théâtre", (("Orchestre", 30, 40, 1), ("Corbeille", 10, 50, 2),
                                            ("Balcon", 10, 30, 3)), 0.3, D("45.00")),
    VenueShape("stadium", "Stade Municipal", (("Tribune Nord", 250, 50, 1),
                                              ("Tribune Sud", 250, 50, 1),
                                              ("Tribune Est", 250, 50, 2),
                                              ("Tribune Ouest", 250, 50, 3)), 0.5, D("60.00")),
)
PEER = (VenueShape("arena", "Arena", (("Bloc A", 100, 50, 1), ("Bloc B", 100, 50, 1),
                                      ("Bloc C", 100, 50, 2), ("Bloc D", 100, 50, 3)),
                   1.0, D("50.00")),)


@dataclass
class Meta:
    """What the operations need to find in a built database (kept beside it)."""

    shape: str
    tickets: int
    format: int = FORMAT
    first_number: int = FIRST_NUMBER
    last_number: int = 0
    # venue key -> [(order number, source performance id, target performance id,
    #                target category id, tariff id)] of paid 10-ticket orders
    ten_ticket_orders: dict[str, list[list[int]]] = field(default_factory=dict)
    capacity: dict[str, int] = field(default_factory=dict)
    build_seconds: float = 0.0


def cache_dir() -> Path:
    path = Path(os.environ.get("GUICHET_BENCH_CACHE", Path.home() / ".cache" / "guichet-bench"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _full_sync(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def open_database(url: str, synchronous_full: bool = True) -> Database:
    """The Database of a run; SQLite with ``synchronous=FULL`` (after the app's pragmas)."""
    database = Database(url)
    if database.dialect == "sqlite" and synchronous_full:
        event.listen(database.engine, "connect", _full_sync)
    return database


# --- the data -------------------------------------------------------------------------


def _venues(shape: str) -> tuple[VenueShape, ...]:
    return PEER if shape == "peer" else GENERAL


def _build(database: Database, shape: str, tickets: int) -> Meta:
    started = time.perf_counter()
    database.upgrade()
    rng = random.Random(12)
    now = BENCH_NOW
    meta = Meta(shape=shape, tickets=tickets)
    with UnitOfWork(database.sessions) as uow:
        ensure_station(uow, counter="Bench 1", sales_point="Guichet", operator="STX_BDD",
                       venue_name="Bench")
        uow.commit()
    engine = database.engine
    with engine.begin() as conn:
        operator_id = conn.scalar(select(Operator.id))
        point_id = conn.scalar(select(SalesPoint.id))
        conn.execute(insert(Tariff), [{"code": c, "name": n} for c, n, _ in TARIFFS])
        tariff_ids = dict(conn.execute(select(Tariff.code, Tariff.id)).all())
        contacts = max(100, tickets // 5)
        for start in range(0, contacts, BATCH):
            conn.execute(insert(Contact), [
                {"last_name": LAST_NAMES[i % len(LAST_NAMES)],
                 "first_name": FIRST_NAMES[(i // 3) % len(FIRST_NAMES)],
                 "organisation": "Comité d'entreprise" if i % 17 == 0 else "",
                 "email": f"client{i}@example.org", "city": "Paris", "postcode": "75004"}
                for i in range(start, min(start + BATCH, contacts))])
        contact_ids = conn.scalars(select(Contact.id).order_by(Contact.id)).all()

        next_number = FIRST_NUMBER
        next_order = 200_000
        for venue in _venues(shape):
            share = tickets if shape == "peer" else int(tickets * venue.share)
            venue_id = conn.execute(insert(Venue).values(name=venue.name)
                                    .returning(Venue.id)).scalar_one()
            seats_by_rank: dict[int, list[int]] = {}
            area_rank: dict[int, int] = {}
            for area_name, rows, per_row, rank in venue.areas:
                area_id = conn.execute(insert(Area).values(venue_id=venue_id, name=area_name)
                                       .returning(Area.id)).scalar_one()
                area_rank[area_id] = rank
                conn.execute(insert(Seat), [
                    {"area_id": area_id, "row": f"{r + 1}", "label": f"{r + 1}-{p + 1}",
                     "position": p}
                    for r in range(rows) for p in range(per_row)])
                seats_by_rank.setdefault(rank, []).extend(conn.scalars(
                    select(Seat.id).where(Seat.area_id == area_id)
                    .order_by(Seat.row, Seat.position)).all())
            # Seats best first: category rank, then area, row, position.
            if shape == "peer":
                performances = 2
            else:
                performances = max(2, -(-share // int(venue.capacity * 0.8)))
            event_id = conn.execute(insert(Event).values(
                name=f"{venue.name} - Saison", venue_id=venue_id).returning(Event.id)).scalar_one()
            cat_ids: dict[int, int] = {}
            for rank in sorted(seats_by_rank):
                cat_ids[rank] = conn.execute(insert(PriceCategory).values(
                    event_id=event_id, name=f"Cat {rank}", rank=rank)
                    .returning(PriceCategory.id)).scalar_one()
            conn.execute(insert(PriceCategoryArea), [
                {"category_id": cat_ids[rank], "area_id": area_id}
                for area_id, rank in area_rank.items()])
            perf_ids = [conn.execute(insert(Performance).values(
                event_id=event_id, starts_at=now + timedelta(days=20 + 3 * i, hours=11))
                .returning(Performance.id)).scalar_one() for i in range(performances)]
            price_of: dict[tuple[int, str], Decimal] = {}
            prices = []
            for rank, cat_id in cat_ids.items():
                for code, _, factor in TARIFFS:
                    amount = (venue.base_price * (D("1") - D("0.2") * (rank - 1)) * factor
                              ).quantize(D("0.01"))
                    price_of[(rank, code)] = amount
                    for perf_id in perf_ids:
                        prices.append({"performance_id": perf_id, "category_id": cat_id,
                                       "tariff_id": tariff_ids[code], "amount": amount,
                                       "fees": D("0.00")})
            conn.execute(insert(Price), prices)

            # Orders: each performance filled to ~80 % in best-seat order, with holes.
            orders, payments, rows = [], [], []
            sold = 0
            per_perf = -(-share // performances)
            size_i = 0
            ten: list[list[int]] = []
            for p_index, perf_id in enumerate(perf_ids):
                target_perf = perf_ids[(p_index + 1) % len(perf_ids)]
                flat = [(rank, s) for rank in sorted(seats_by_rank) for s in seats_by_rank[rank]]
                cursor = 0
                in_perf = 0
                while in_perf < per_perf and sold < share and cursor < len(flat):
                    size = 10 if shape == "peer" else ORDER_SIZES[size_i % len(ORDER_SIZES)]
                    size_i += 1
                    size = min(size, share - sold, len(flat) - cursor)
                    number = next_order
                    next_order += 1
                    contact = contact_ids[rng.randrange(len(contact_ids))]
                    orders.append({"number": number, "contact_id": contact, "created_at": now,
                                   "created_by_id": operator_id,
                                   "created_sales_point_id": point_id, "modified_at": now,
                                   "modified_by_id": operator_id,
                                   "modified_sales_point_id": point_id})
                    roll = rng.random()
                    fees = D("1.50") if roll < 0.25 else D("0.00")
                    unpaid = shape != "peer" and 0.25 <= roll < 0.26
                    total = D("0.00")
                    for k in range(size):
                        rank, seat_id = flat[cursor]
                        cursor += 1
                        code = "PLEIN" if k % 3 else ("REDUIT" if k % 2 else "JEUNE")
                        state = TicketState.RESERVED if unpaid else TicketState.VALID
                        checked = None
                        if shape != "peer" and not unpaid:
                            r = rng.random()
                            if r < 0.02:
                                state, checked = TicketState.CHECKED_IN, now
                            elif r < 0.03:
                                state = TicketState.CANCELLED
                        price = price_of[(rank, code)]
                        if state is not TicketState.CANCELLED:
                            total += price + fees
                        rows.append({
                            "number": f"{next_number:011d}", "order_number": number,
                            "performance_id": perf_id, "seat_id": seat_id,
                            "category_id": cat_ids[rank], "tariff_id": tariff_ids[code],
                            "quota_id": None, "price": price, "fees": fees, "state": state,
                            "printed": True, "delivery_mode": "Remis au contact",
                            "sold_at": now - timedelta(days=30), "sold_by_id": operator_id,
                            "sales_point_id": point_id, "checked_in_at": checked,
                            "replaced_by_id": None})
                        next_number += 1
                    sold += size
                    in_perf += size
                    if rng.random() < 0.08:
                        cursor += 1  # a seat left free between two orders
                    if not unpaid and total:
                        mode = MODES[rng.randrange(len(MODES))]
                        if rng.random() < 0.1 and total > D("20.00"):  # paid in two
                            payments.append((number, PaymentMode.CASH, D("20.00")))
                            total -= D("20.00")
                        payments.append((number, mode, total))
                    batch = rows[-size:]
                    if (size == 10 and not unpaid
                            and all(r["state"] is TicketState.VALID for r in batch)):
                        ten.append([number, perf_id, target_perf, cat_ids[max(cat_ids)],
                                    tariff_ids["PLEIN"]])
            for start in range(0, len(orders), BATCH):
                conn.execute(insert(Order), orders[start:start + BATCH])
            order_ids = dict(conn.execute(select(Order.number, Order.id)
                                          .where(Order.number >= orders[0]["number"])).all())
            for start in range(0, len(rows), BATCH):
                chunk = rows[start:start + BATCH]
                for r in chunk:
                    r["order_id"] = order_ids[r.pop("order_number")]
                conn.execute(insert(Ticket), chunk)
            for start in range(0, len(payments), BATCH):
                conn.execute(insert(Payment), [
                    {"order_id": order_ids[n], "mode": mode, "amount": amount,
                     "at": now - timedelta(days=30), "operator_id": operator_id,
                     "reference": "" if mode is PaymentMode.CASH else f"REF{n}"}
                    for n, mode, amount in payments[start:start + BATCH]])
            rng.shuffle(ten)
            meta.ten_ticket_orders[venue.key] = ten
            meta.capacity[venue.key] = venue.capacity
        meta.last_number = next_number - 1
    if database.dialect == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    meta.build_seconds = round(time.perf_counter() - started, 1)
    return meta


# --- the cache ------------------------------------------------------------------------


def _meta_path(key: str) -> Path:
    return cache_dir() / f"{key}.json"


def _read_meta(key: str) -> Meta | None:
    try:
        data = json.loads(_meta_path(key).read_text())
    except (OSError, ValueError):
        return None
    if data.get("format") != FORMAT:
        return None
    return Meta(**data)


def _write_meta(key: str, meta: Meta) -> None:
    _meta_path(key).write_text(json.dumps(asdict(meta)))


def _upgrade_if_behind(url: str, log) -> None:
    """A database cached before the latest migration gets it, as a venue's would (``guichet
    db upgrade``): the window refuses an old schema, and the settlement writes its tables."""
    database = Database(url)
    if schema_state(database.engine) == "behind":
        log(f"upgrading the cached schema of {database.engine.url.database} ...")
        database.upgrade()
        if database.dialect == "sqlite":
            with database.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()


def prepare(shape: str, base_url: str = "", log=print) -> tuple[str, Meta]:
    """A fresh working copy of the shape's database (built once into the cache): its URL
    and what the operations need to know of it."""
    tickets = SIZES.get(shape, 20_000)
    if not base_url:
        key = f"sqlite-{shape}-v{FORMAT}"
        template = cache_dir() / f"{key}.sqlite3"
        meta = _read_meta(key)
        if meta is None or not template.exists():
            for old in cache_dir().glob(f"sqlite-{shape}-v*"):  # other formats' leftovers
                old.unlink(missing_ok=True)
            log(f"building {shape} ({tickets:,} tickets) into {template} ...")
            database = Database(f"sqlite:///{template}")
            meta = _build(database, shape, tickets)
            with database.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            database.dispose()
            _write_meta(key, meta)
            log(f"built {shape} in {meta.build_seconds} s")
        _upgrade_if_behind(f"sqlite:///{template}", log)
        work = Path(os.environ.get("GUICHET_BENCH_WORK", "/tmp")) / f"guichet-bench-{shape}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(template, work)
        # The copy's dirty pages written out now, not by the kernel in the middle of the
        # timed commits' fsyncs (a 1M copy is 215 MB).
        os.sync()
        return f"sqlite:///{work}", meta
    url = make_url(base_url)
    base = url.database or "guichet_bench"
    key = f"pg-{url.host}-{url.port}-{base}-{shape}-v{FORMAT}"
    tpl, work = f"{base}_{shape}_tpl", f"{base}_{shape}"
    admin = make_engine(url.set(database="postgres").render_as_string(hide_password=False),
                        isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": tpl})
        meta = _read_meta(key)
        if meta is None or not exists:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{tpl}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{tpl}"'))
            log(f"building {shape} ({tickets:,} tickets) into {tpl} ...")
            database = Database(url.set(database=tpl).render_as_string(hide_password=False))
            meta = _build(database, shape, tickets)
            database.dispose()
            _write_meta(key, meta)
            log(f"built {shape} in {meta.build_seconds} s")
        _upgrade_if_behind(url.set(database=tpl).render_as_string(hide_password=False), log)
        conn.execute(text(f'DROP DATABASE IF EXISTS "{work}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{work}" TEMPLATE "{tpl}"'))
    admin.dispose()
    return url.set(database=work).render_as_string(hide_password=False), meta
