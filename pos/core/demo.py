"""Demo data reproducing the reference deck (order 959 of AKOKA, Viviane) and a few more.

Performances are placed after the day the demo is created, so the data stays
usable whenever it is loaded; the clock is injected like everywhere else.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.core.clock import Clock
from pos.core.models import (
    Area,
    Contact,
    Counter,
    Event,
    Operator,
    OperatorRole,
    Order,
    Payment,
    PaymentMode,
    Performance,
    Price,
    PriceCategory,
    PriceCategoryArea,
    Quota,
    SalesPoint,
    Seat,
    Tariff,
    Ticket,
    TicketState,
    Venue,
)
from pos.core.pins import hash_pin
from pos.core.uow import UnitOfWork
from pos.formatting import VENUE_TZ

D = Decimal
JOYAUX_SEATS = ["8", "10", "12", "14", "16", "18", "20", "22", "24", "1", "3",
                "17", "19", "21", "23", "31", "33", "42", "51S", "53S", "5", "7"]


class DemoAlreadyLoaded(Exception):
    pass


@dataclass
class _Ctx:
    s: Session
    now: datetime
    operator: Operator
    point: SalesPoint
    next_number: int = 1010003001

    def ticket_number(self) -> str:
        n = self.next_number
        self.next_number += 1
        return f"{n:011d}"


def _at(now: datetime, days: int, hh: int, mm: int) -> datetime:
    day = now.astimezone(VENUE_TZ).date() + timedelta(days=days)
    return datetime.combine(day, time(hh, mm), tzinfo=VENUE_TZ)


def _sell(
    c: _Ctx,
    order: Order,
    perf: Performance,
    category: PriceCategory,
    tariff: Tariff,
    seats: list[Seat],
    prices: dict,
    *,
    state: TicketState = TicketState.VALID,
    numbers: list[str] | None = None,
    quota: Quota | None = None,
) -> Decimal:
    price = prices[(perf.id, category.id, tariff.id)]
    total = D("0")
    for i, seat in enumerate(seats):
        c.s.add(
            Ticket(
                number=numbers[i] if numbers else c.ticket_number(),
                order_id=order.id,
                performance_id=perf.id,
                seat_id=seat.id,
                category_id=category.id,
                tariff_id=tariff.id,
                quota_id=quota.id if quota else None,
                price=price.amount,
                fees=price.fees,
                state=state,
                printed=state is not TicketState.RESERVED,
                delivery_mode="Remis au contact",
                sold_at=order.created_at,
                sold_by_id=c.operator.id,
                sales_point_id=c.point.id,
            )
        )
        total += price.amount + price.fees
    return total


# Who logs in to the demo (STX_BDD, who sold the demo orders, has no PIN: it cannot).
DEMO_OPERATORS = (
    ("demo", "Caissier de démonstration", OperatorRole.CASHIER, "1234"),
    ("chef", "Responsable billetterie", OperatorRole.SUPERVISOR, "9999"),
    ("admin", "Administrateur", OperatorRole.ADMINISTRATOR, "0000"),
)


@functools.cache
def _demo_pin_hash(pin: str) -> str:
    # Hashed once per process (argon2id costs ~0.2 s): the tests load the demo often.
    return hash_pin(pin)


def load_demo(uow: UnitOfWork, clock: Clock) -> None:
    uow.begin_write()
    s = uow.session
    if s.scalar(select(func.count()).select_from(Order)):
        raise DemoAlreadyLoaded("la base contient déjà des dossiers")
    now = clock.now()

    operator = s.scalar(select(Operator).where(Operator.login == "STX_BDD")) or Operator(
        login="STX_BDD", name="Opérateur de démonstration"
    )
    point = s.scalar(select(SalesPoint).where(SalesPoint.name == "Guichet")) or SalesPoint(
        name="Guichet"
    )
    s.add_all([operator, point])
    for login, name, role, pin in DEMO_OPERATORS:
        if s.scalar(select(Operator).where(Operator.login == login)) is None:
            s.add(Operator(login=login, name=name, role=role, pin_hash=_demo_pin_hash(pin)))
    s.flush()
    counter = s.scalar(select(Counter).where(Counter.name == "Guichet 1"))
    if counter is None:
        # The reference's next operation is "Ordre 1271".
        s.add(Counter(name="Guichet 1", sales_point_id=point.id, last_operation_number=1270))
    c = _Ctx(s=s, now=now, operator=operator, point=point)

    venue = Venue(name="Théâtre de la Ville", address="2 place du Châtelet, 75004 Paris")
    s.add(venue)
    s.flush()
    parterre = Area(venue_id=venue.id, name="Parterre")
    balcon = Area(venue_id=venue.id, name="Balcon")
    s.add_all([parterre, balcon])
    s.flush()
    parterre_seats = [
        Seat(area_id=parterre.id, row=row, label=f"{row}{n}", position=n)
        for row in "ABCD" for n in range(1, 13)
    ]
    balcon_seats = [Seat(area_id=balcon.id, row="", label=str(n), position=n * 10)
                    for n in range(1, 61)]
    balcon_seats += [Seat(area_id=balcon.id, row="", label="51S", position=515),
                     Seat(area_id=balcon.id, row="", label="53S", position=535)]
    s.add_all(parterre_seats + balcon_seats)

    tariffs = {
        "PLEIN": Tariff(code="PLEIN", name="Contact occasionnel - Plein tarif"),
        "REDUIT": Tariff(code="REDUIT", name="Contact occasionnel - Tarif réduit"),
        "JEUNE": Tariff(code="JEUNE", name="Jeune - moins de 26 ans"),
    }
    s.add_all(tariffs.values())
    presse = Quota(name="Contingent presse")
    s.add(presse)
    s.flush()

    # event name -> (days ahead, hh, mm, {category: (area, full price, fees)})
    catalogue = {
        "Joyaux": (
            20, 20, 15, {"Cat 1": (balcon, "110.00", "0"), "Cat 2": (parterre, "85.00", "0")}
        ),
        "Carmina Burana": (
            14, 19, 30, {"Cat 1": (parterre, "60.00", "0"), "Cat 2": (balcon, "40.00", "2.00")}
        ),
        "Le Lac des cygnes": (
            30, 20, 0, {"Cat 1": (parterre, "75.00", "1.50"), "Cat 2": (balcon, "50.00", "1.50")}
        ),
        "Don Giovanni": (
            40, 19, 0, {"Cat 1": (parterre, "95.00", "0"), "Cat 2": (balcon, "65.00", "0")}
        ),
        "Concert du soir": (0, 0, 0, {"Cat 1": (parterre, "35.00", "0")}),
    }
    perfs: dict[str, Performance] = {}
    cats: dict[tuple[str, str], PriceCategory] = {}
    prices: dict = {}
    for name, (days, hh, mm, categories) in catalogue.items():
        event = Event(name=name, venue_id=venue.id)
        s.add(event)
        s.flush()
        # "Concert du soir" is tonight, three hours from now: it has a checked-in ticket.
        starts = (
            (now + timedelta(hours=3)).replace(minute=0, second=0, microsecond=0)
            if days == 0 else _at(now, days, hh, mm)
        )
        perf = Performance(event_id=event.id, starts_at=starts)
        s.add(perf)
        s.flush()
        perfs[name] = perf
        for rank, (cat_name, (area, full, fees)) in enumerate(categories.items(), start=1):
            cat = PriceCategory(event_id=event.id, name=cat_name, rank=rank)
            s.add(cat)
            s.flush()
            s.add(PriceCategoryArea(category_id=cat.id, area_id=area.id))
            cats[(name, cat_name)] = cat
            for code, factor in (("PLEIN", D("1")), ("REDUIT", D("0.8")), ("JEUNE", D("0.5"))):
                amount = (D(full) * factor).quantize(D("0.01"))
                price = Price(performance_id=perf.id, category_id=cat.id,
                              tariff_id=tariffs[code].id, amount=amount, fees=D(fees))
                s.add(price)
                prices[(perf.id, cat.id, tariffs[code].id)] = price
    s.flush()

    contacts = {
        "akoka": Contact(last_name="AKOKA", first_name="Viviane", organisation="UNIVERSITY PARIS",
                         relation="Relais", address="4 RUE DE CHEVREUSE", postcode="75006",
                         city="PARIS", country="FRANCE", email="delwakok@secutixtest.com"),
        "martin": Contact(last_name="MARTIN", first_name="Claire", address="12 rue des Lilas",
                          postcode="69003", city="LYON", country="FRANCE",
                          email="claire.martin@example.org"),
        "dubois": Contact(last_name="DUBOIS", first_name="Paul", organisation="Lycée Victor Hugo",
                          relation="Professeur", address="1 avenue Foch", postcode="75016",
                          city="PARIS", country="FRANCE", email="p.dubois@example.org"),
        "lefebvre": Contact(last_name="LEFEBVRE", first_name="Anne", city="NANTES",
                            country="FRANCE", email="anne.lefebvre@example.org"),
        "bernard": Contact(last_name="BERNARD", first_name="Luc", city="PARIS", country="FRANCE"),
        "moreau": Contact(last_name="MOREAU", first_name="Julie", organisation="Le Monde",
                          relation="Presse", city="PARIS", country="FRANCE",
                          email="j.moreau@example.org"),
    }
    s.add_all(contacts.values())
    s.flush()
    # Reference ids: AKOKA is contact [15] in the deck; ours are whatever the database gives.

    def order(number: int, contact: str, days_ago: int) -> Order:
        at = now - timedelta(days=days_ago)
        o = Order(number=number, contact_id=contacts[contact].id, created_at=at,
                  created_by_id=operator.id, created_sales_point_id=point.id, modified_at=at,
                  modified_by_id=operator.id, modified_sales_point_id=point.id)
        s.add(o)
        s.flush()
        return o

    def pay(o: Order, mode: PaymentMode, amount: Decimal, reference: str = "") -> None:
        s.add(Payment(order_id=o.id, mode=mode, amount=amount, at=o.created_at,
                      operator_id=operator.id, reference=reference))

    by_label = {(seat.area_id, seat.label): seat for seat in parterre_seats + balcon_seats}

    def seats(area: Area, labels: list[str]) -> list[Seat]:
        return [by_label[(area.id, label)] for label in labels]

    o959 = order(959, "akoka", 3)
    paid = _sell(c, o959, perfs["Joyaux"], cats[("Joyaux", "Cat 1")], tariffs["PLEIN"],
                 seats(balcon, JOYAUX_SEATS), prices,
                 numbers=[f"{n:011d}" for n in range(1010002727, 1010002749)])
    pay(o959, PaymentMode.SUSPENSE_ACCOUNT, paid)

    o960 = order(960, "martin", 5)
    paid = _sell(c, o960, perfs["Carmina Burana"], cats[("Carmina Burana", "Cat 2")],
                 tariffs["PLEIN"], seats(balcon, ["40", "41"]), prices)
    pay(o960, PaymentMode.CASH, paid)

    o961 = order(961, "dubois", 2)
    paid = _sell(c, o961, perfs["Le Lac des cygnes"], cats[("Le Lac des cygnes", "Cat 1")],
                 tariffs["PLEIN"], seats(parterre, ["B5", "B6"]), prices)
    paid += _sell(c, o961, perfs["Le Lac des cygnes"], cats[("Le Lac des cygnes", "Cat 1")],
                  tariffs["JEUNE"], seats(parterre, ["B7"]), prices)
    pay(o961, PaymentMode.CARD, paid, reference="CB ****4242")

    o962 = order(962, "lefebvre", 1)
    _sell(c, o962, perfs["Don Giovanni"], cats[("Don Giovanni", "Cat 1")], tariffs["PLEIN"],
          seats(parterre, ["C1", "C2"]), prices, state=TicketState.RESERVED)

    o963 = order(963, "bernard", 1)
    paid = _sell(c, o963, perfs["Concert du soir"], cats[("Concert du soir", "Cat 1")],
                 tariffs["PLEIN"], seats(parterre, ["A1", "A2"]), prices)
    pay(o963, PaymentMode.CASH, paid)
    s.flush()
    first = s.scalars(select(Ticket).where(Ticket.order_id == o963.id).order_by(Ticket.number))
    checked = first.first()
    assert checked is not None
    checked.state = TicketState.CHECKED_IN
    checked.checked_in_at = now

    o964 = order(964, "moreau", 4)
    paid = _sell(c, o964, perfs["Joyaux"], cats[("Joyaux", "Cat 2")], tariffs["REDUIT"],
                 seats(parterre, ["D3", "D4", "D5", "D6"]), prices, quota=presse)
    pay(o964, PaymentMode.CHEQUE, paid, reference="Chèque n° 0012345")

    # What the exchange sells besides tickets; new ticket numbers follow the demo's.
    from pos.core.demo_catalog import load_catalog

    load_catalog(s, perfs, cats, tariffs, prices, c.next_number - 1)
    _open_demo_drawer(uow, operator, point, now)
    uow.commit()


#: The demo counter's drawer opens with this float (1 000,00 €: the demo refunds up to
#: 660,00 € in cash at once), per denomination in cents.
DEMO_FLOAT = {10000: 5, 5000: 6, 2000: 5, 1000: 5, 500: 6, 200: 5, 100: 5, 50: 6, 20: 5,
              10: 10}


def _open_demo_drawer(uow: UnitOfWork, operator: Operator, point: SalesPoint,
                      now: datetime) -> None:
    """A professional counter gives no cash before its drawer is opened: the demo's
    "Guichet 1" starts with its cash session open."""
    from pos.core.services.cash_sessions import current_session, start_session
    from pos.core.services.station import Station

    counter = uow.session.scalar(select(Counter).where(Counter.name == "Guichet 1"))
    assert counter is not None
    if current_session(uow, counter.id) is None:
        station = Station(counter.id, counter.name, point.id, point.name, operator.id,
                          operator.login, "Théâtre de la Ville")
        start_session(uow, station, now, DEMO_FLOAT, loaded=True)
