"""The contacts' suspense account ("compte d'attente"): money held for a contact.

A ledger of ``ContactAccountEntry`` rows, only ever inserted: +amount when a refund is
kept on the account, -amount when the money is used. The balance is their sum. The
writing services take part in the caller's unit of work and never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from pos.core import journal
from pos.core.errors import (
    AccountCreditNotPositive,
    AccountDebitNotPositive,
    AccountError,  # noqa: F401 - their home is pos.core.errors
    AccountInsufficient,
)
from pos.core.models import Contact, Order
from pos.core.models_ledger import ContactAccountEntry
from pos.core.money import ZERO, as_text, money
from pos.core.services.orders import _sum
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork
from pos.formatting import money as euros


@dataclass(frozen=True)
class ContactBalance:
    contact_id: int
    contact_name: str
    balance: Decimal


def account_balance(uow: UnitOfWork, contact_id: int) -> Decimal:
    return uow.session.scalar(
        select(_sum(ContactAccountEntry.amount)).where(ContactAccountEntry.contact_id == contact_id)
    )


def order_contact_balance(uow: UnitOfWork, order_id: int) -> ContactBalance | None:
    """The suspense-account balance of the contact of an order (for the contact panel)."""
    contact = uow.session.scalar(
        select(Contact).join(Order, Order.contact_id == Contact.id).where(Order.id == order_id))
    if contact is None:
        return None
    return ContactBalance(contact.id, contact.display_name, account_balance(uow, contact.id))


def _entry(uow: UnitOfWork, *, contact_id: int, amount: Decimal, operation_id: int | None,
           order_id: int | None, station: Station, now: datetime, note: str,
           action: str) -> ContactAccountEntry:
    entry = ContactAccountEntry(contact_id=contact_id, operation_id=operation_id,
                                order_id=order_id, amount=amount, at=now,
                                operator_id=station.operator_id, note=note[:255])
    uow.session.add(entry)
    journal.append(uow.session, at=now, action=action, counter_id=station.counter_id,
                   operator_id=station.operator_id, operation_id=operation_id, net=amount,
                   contact_id=contact_id, order_id=order_id, amount=as_text(amount))
    return entry


def credit_account(uow: UnitOfWork, *, contact_id: int, amount: Decimal,
                   operation_id: int | None, order_id: int | None, station: Station,
                   now: datetime, note: str = "") -> None:
    """Keep ``amount`` on the contact's suspense account (+amount)."""
    amount = money(amount)
    if amount <= ZERO:
        raise AccountCreditNotPositive()
    _entry(uow, contact_id=contact_id, amount=amount, operation_id=operation_id,
           order_id=order_id, station=station, now=now, note=note, action="account.credited")


def debit_account(uow: UnitOfWork, *, contact_id: int, amount: Decimal,
                  operation_id: int | None, order_id: int | None, station: Station,
                  now: datetime, note: str = "") -> Decimal:
    """Use ``amount`` of the contact's suspense account (-amount); returns what is left.
    The contact's row is locked so that two counters cannot use the same money."""
    amount = money(amount)
    if amount <= ZERO:
        raise AccountDebitNotPositive()
    uow.session.execute(select(Contact.id).where(Contact.id == contact_id).with_for_update())
    balance = account_balance(uow, contact_id)
    if amount > balance:
        raise AccountInsufficient(balance=euros(balance), amount=euros(amount))
    _entry(uow, contact_id=contact_id, amount=-amount, operation_id=operation_id,
           order_id=order_id, station=station, now=now, note=note, action="account.debited")
    uow.session.flush()
    return balance - amount
