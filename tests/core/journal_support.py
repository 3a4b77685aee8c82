"""A journal with a bit of everything in it, for the journal's tests: refunds in cash,
as a credit note and on the suspense account, an exchange paid by card, credit note
and suspense account, a hold, a no-sale drawer opening."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection, select, text

from pos.core.append_only import (
    APPEND_ONLY_TABLES,
    drop_append_only,
    drop_journal_chain,
    make_append_only,
    make_journal_chain,
)
from pos.core.models import Operator, PaymentMode
from pos.core.services.authorization import Approval
from pos.core.services.cash_drawer import open_drawer_no_sale
from pos.core.services.exchange import event_tickets, settle_exchange
from pos.core.services.holds import hold_basket
from pos.core.services.refunds import Tender, refund_basket
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan

D = Decimal


def chef(db) -> Approval:
    """The demo supervisor's approval (as tests/conftest.py's ``chef`` fixture)."""
    with uow_of(db) as uow:
        found = uow.session.scalar(select(Operator.id).where(Operator.login == "chef"))
    return Approval(supervisor_id=found, supervisor_login="chef")


def busy_day(db, station, clock) -> str:
    """Returns the credit note's number (issued 110,00, then 30,00 spent)."""
    with uow_of(db) as uow:
        note = refund_basket(uow, scan(db, clock, [JOYAUX[0]]),
                             [Tender(PaymentMode.CREDIT_NOTE, D("110.00"))], station, clock)
    with uow_of(db) as uow:
        refund_basket(uow, scan(db, clock, [JOYAUX[1]]),
                      [Tender(PaymentMode.SUSPENSE_ACCOUNT, D("110.00"))], station, clock)
    with uow_of(db) as uow:
        refund_basket(uow, scan(db, clock, [JOYAUX[2]]),
                      [Tender(PaymentMode.CASH, D("110.00"))], station, clock)
    voucher = note.tenders[0].reference
    cancellation = scan(db, clock, [JOYAUX[-1]])
    sale = new_sale()
    with uow_of(db) as uow:
        event_tickets(uow, sale, cancellation, clock, quantity=2,
                      **ids(db, "Don Giovanni", "Cat 1"))
    with uow_of(db) as uow:
        settle_exchange(uow, cancellation, sale, [
            Tender(PaymentMode.CARD, D("20.00"), "CB ****1111"),
            Tender(PaymentMode.CREDIT_NOTE, D("30.00"), voucher),
            Tender(PaymentMode.SUSPENSE_ACCOUNT, D("30.00"))], station, clock)
    with uow_of(db) as uow:
        hold_basket(uow, scan(db, clock, [JOYAUX[3]]), station, clock)
    with uow_of(db) as uow:
        open_drawer_no_sale(uow, station, "Monnaie pour le guichet 2", clock,
                            approval=chef(db))  # a no-sale needs a supervisor
    return voucher


def as_attacker(db, *statements: str, drop_triggers: bool = True) -> None:
    """Raw SQL by someone with DDL rights: the triggers dropped first (and put back
    after, so that the next test's database is as the migrations left it)."""
    with db.engine.begin() as conn:
        if drop_triggers:
            _drop_all(conn)
        for sql in statements:
            conn.execute(text(sql))
        if drop_triggers:
            for table in APPEND_ONLY_TABLES:
                make_append_only(conn, table)
            make_journal_chain(conn)


def _drop_all(conn: Connection) -> None:
    for table in APPEND_ONLY_TABLES:
        drop_append_only(conn, table)
    drop_journal_chain(conn)
