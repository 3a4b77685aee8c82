"""Credit notes ("avoirs"): issued by a refund, read back by their scanned number, spent
in part or in whole later (the exchange settles with them).

A credit note is a ledger: its row says what was issued and until when; what is left on
it is the sum of its movements (+amount at issue, -amount at each use), which are only
ever inserted. The services here never commit: they take part in the caller's unit of
work (the settlement that issues or spends the note), which commits once.

Numbers are 13 digits: "99", ten random digits, one EAN-13 check digit. Random rather
than a sequence because the number *is* the money: with consecutive numbers, whoever
holds voucher N could try N+1 at the counter and spend someone else's credit. Ten random
digits (10^10 values) make guessing hopeless; the check digit catches a mistyped number
before any look-up. Uniqueness: a drawn number already in use is drawn again (checked in
this transaction), and the unique index on ``credit_notes.number`` is the last guard.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from pos.core import journal
from pos.core.clock import Clock
from pos.core.documents import Barcode, Columns, Document, Feed, Heading, QRCode, Separator, Text
from pos.core.errors import (  # noqa: F401 - their home is pos.core.errors
    CreditNoteAmountNotPositive,
    CreditNoteCheckDigitInvalid,
    CreditNoteError,
    CreditNoteExhausted,
    CreditNoteExpired,
    CreditNoteInsufficient,
    CreditNoteNumberUnavailable,
    CreditNoteSpendNotPositive,
    CreditNoteValidityNotPositive,
    DomainError,
    MalformedCreditNote,
    UnknownCreditNote,
)
from pos.core.models import Contact
from pos.core.models_ledger import CreditNote, CreditNoteMovement
from pos.core.money import ZERO, as_text, money
from pos.core.services.orders import _sum
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork
from pos.formatting import local
from pos.formatting import money as euros

DEFAULT_VALIDITY_DAYS = 365
PREFIX = "99"  # GS1 prefix 99: coupons, never a product's EAN
_MAX_DRAWS = 20


@dataclass(frozen=True)
class CreditNoteBalance:
    number: str
    issued: Decimal  # the amount as issued
    balance: Decimal  # what is left
    issued_at: datetime
    expires_at: datetime
    expired: bool
    contact_name: str


def check_digit(twelve: str) -> str:
    """EAN-13 check digit of 12 digits (weights 1, 3, 1, 3... from the left)."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(twelve))
    return str((10 - total % 10) % 10)


def well_formed(number: str) -> bool:
    return len(number) == 13 and number.isdigit() and check_digit(number[:12]) == number[12]


def _draw_random() -> int:
    return secrets.randbelow(10**10)


def new_number(uow: UnitOfWork, draw: Callable[[], int] = _draw_random) -> str:
    for _ in range(_MAX_DRAWS):
        body = f"{PREFIX}{draw() % 10**10:010d}"
        number = body + check_digit(body)
        if uow.session.scalar(select(CreditNote.id).where(CreditNote.number == number)) is None:
            return number
    raise CreditNoteNumberUnavailable()


def expiry_date(at: datetime) -> str:
    return local(at).strftime("%d.%m.%Y")


def issue_credit_note(
    uow: UnitOfWork,
    *,
    amount: Decimal,
    contact_id: int | None,
    operation_id: int | None,
    station: Station,
    now: datetime,
    validity_days: int = DEFAULT_VALIDITY_DAYS,
    draw: Callable[[], int] = _draw_random,
) -> CreditNoteBalance:
    """A new credit note of ``amount`` (+amount movement); the caller commits."""
    amount = money(amount)
    if amount <= ZERO:
        raise CreditNoteAmountNotPositive()
    if validity_days <= 0:
        raise CreditNoteValidityNotPositive()
    s = uow.session
    note = CreditNote(
        number=new_number(uow, draw),
        contact_id=contact_id,
        issued_operation_id=operation_id,
        counter_id=station.counter_id,
        amount=amount,
        issued_at=now,
        expires_at=now + timedelta(days=validity_days),
    )
    s.add(note)
    s.flush()
    s.add(CreditNoteMovement(credit_note_id=note.id, operation_id=operation_id, amount=amount,
                             at=now, operator_id=station.operator_id))
    journal.append(s, at=now, action="credit_note.issued", counter_id=station.counter_id,
                   operator_id=station.operator_id, operation_id=operation_id,
                   net=amount, number=note.number, amount=as_text(amount),
                   expires_at=note.expires_at.isoformat())
    s.flush()
    contact = s.get(Contact, contact_id) if contact_id is not None else None
    return CreditNoteBalance(
        number=note.number, issued=amount, balance=amount, issued_at=now,
        expires_at=note.expires_at, expired=False,
        contact_name=contact.display_name if contact else "",
    )


def _find(uow: UnitOfWork, raw: str, *, lock: bool = False) -> CreditNote:
    number = "".join(raw.split())
    if not well_formed(number):
        if len(number) == 13 and number.isdigit():  # 13 digits, the last one wrong
            raise CreditNoteCheckDigitInvalid(raw=raw.strip(), number=number)
        raise MalformedCreditNote(raw=raw.strip(), number=number)
    query = select(CreditNote).where(CreditNote.number == number)
    if lock:
        query = query.with_for_update()
    note = uow.session.scalar(query)
    if note is None:
        raise UnknownCreditNote(number=number)
    return note


def _balance_of(uow: UnitOfWork, note: CreditNote, now: datetime) -> CreditNoteBalance:
    left = uow.session.scalar(
        select(_sum(CreditNoteMovement.amount))
        .where(CreditNoteMovement.credit_note_id == note.id))
    return CreditNoteBalance(
        number=note.number, issued=note.amount, balance=left, issued_at=note.issued_at,
        expires_at=note.expires_at, expired=now >= note.expires_at,
        contact_name=note.contact.display_name if note.contact else "",
    )


def credit_note_balance(uow: UnitOfWork, number: str, clock: Clock) -> CreditNoteBalance:
    """What is left on the scanned credit note (an expired one is read, with ``expired``)."""
    return _balance_of(uow, _find(uow, number), clock.now())


def spend_credit_note(
    uow: UnitOfWork,
    number: str,
    amount: Decimal,
    *,
    station: Station,
    clock: Clock,
    operation_id: int | None = None,
) -> CreditNoteBalance:
    """Use ``amount`` of the credit note (a -amount movement); returns what is left.
    The note's row is locked, so two counters cannot spend the same money; the caller
    commits with the rest of its settlement."""
    amount = money(amount)
    if amount <= ZERO:
        raise CreditNoteSpendNotPositive()
    now = clock.now()
    note = _find(uow, number, lock=True)
    before = _balance_of(uow, note, now)
    if before.expired:
        raise CreditNoteExpired(number=note.number, expired_on=expiry_date(note.expires_at))
    if before.balance <= ZERO:
        raise CreditNoteExhausted(number=note.number)
    if amount > before.balance:
        raise CreditNoteInsufficient(number=note.number, balance=euros(before.balance),
                                     amount=euros(amount))
    s = uow.session
    s.add(CreditNoteMovement(credit_note_id=note.id, operation_id=operation_id, amount=-amount,
                             at=now, operator_id=station.operator_id))
    journal.append(s, at=now, action="credit_note.spent", counter_id=station.counter_id,
                   operator_id=station.operator_id, operation_id=operation_id,
                   net=-amount, number=note.number, amount=as_text(amount))
    s.flush()
    return _balance_of(uow, note, now)


def voucher(note: CreditNoteBalance, *, venue: str, operation_number: int) -> Document:
    """The printed credit note: what it is worth, its number as barcode and QR code."""
    blocks: list = [
        Heading(venue or "Guichet"),
        Text("AVOIR", bold=True, align="center"),
        Separator(),
        Columns("Montant", euros(note.balance), bold=True),
        Text(f"N° {note.number}"),
        Text(f"Valable jusqu'au {expiry_date(note.expires_at)}"),
    ]
    if note.contact_name:
        blocks.append(Text(f"Contact : {note.contact_name}"))
    blocks += [
        Text(f"Émis par l'ordre {operation_number}"),
        Separator(),
        Barcode(note.number),
        QRCode(note.number),
        Text("À présenter au guichet pour régler un achat.", align="center"),
        Feed(2),
    ]
    return Document(kind="credit_note", blocks=tuple(blocks))
