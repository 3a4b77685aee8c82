"""Finding a contact ("Recherche contacts") and the orders of each contact found.

Each word typed must start the contact's last name, first name, organisation or
e-mail (case-insensitive); results are limited, so a short word stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select

from pos.core.errors import (
    SearchTooShort,  # noqa: F401 - their home is pos.core.errors
)
from pos.core.models import Contact, Order, Ticket
from pos.core.uow import UnitOfWork

MIN_CHARS = 2
LIMIT = 20


@dataclass(frozen=True)
class OrderHit:
    number: int
    created_at: datetime
    tickets: int


@dataclass(frozen=True)
class ContactHit:
    id: int
    name: str  # display name, with organisation and relation
    email: str
    city: str
    orders: tuple[OrderHit, ...]


@dataclass(frozen=True)
class ContactSearchResult:
    contacts: tuple[ContactHit, ...]
    more: bool  # more contacts match than are shown: type more of the name


def _like_prefix(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def search_contacts(uow: UnitOfWork, text: str, limit: int = LIMIT) -> ContactSearchResult:
    words = [w.lower() for w in text.replace(",", " ").split()]
    if sum(len(w) for w in words) < MIN_CHARS:
        raise SearchTooShort(min_chars=MIN_CHARS)
    columns = (Contact.last_name, Contact.first_name, Contact.organisation, Contact.email)
    condition = and_(*(
        or_(*(func.lower(c).like(_like_prefix(w), escape="\\") for c in columns))
        for w in words
    ))
    contacts = uow.session.scalars(
        select(Contact).where(condition)
        .order_by(Contact.last_name, Contact.first_name, Contact.id).limit(limit + 1)
    ).all()
    more = len(contacts) > limit
    contacts = contacts[:limit]
    orders: dict[int, list[OrderHit]] = {c.id: [] for c in contacts}
    if contacts:
        rows = uow.session.execute(
            select(Order.contact_id, Order.number, Order.created_at, func.count(Ticket.id))
            .outerjoin(Ticket, Ticket.order_id == Order.id)
            .where(Order.contact_id.in_(list(orders)))
            .group_by(Order.id, Order.contact_id, Order.number, Order.created_at)
            .order_by(Order.created_at.desc(), Order.number.desc())
        ).all()
        for contact_id, number, created_at, count in rows:
            orders[contact_id].append(OrderHit(number, created_at, count))
    return ContactSearchResult(
        contacts=tuple(ContactHit(id=c.id, name=c.display_name, email=c.email, city=c.city,
                                  orders=tuple(orders[c.id])) for c in contacts),
        more=more,
    )
