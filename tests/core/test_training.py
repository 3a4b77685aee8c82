"""Training mode: the same pipeline, every check run, then nothing that counts is kept
(operation numbers, payments, credit notes, journal chain, tickets, seats, stock); the
documents print, each marked FORMATION, without opening the drawer."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from pos.core.documents import from_json
from pos.core.errors import TicketNotRefundable
from pos.core.models import PaymentMode
from pos.core.models_printing import PrintJob
from pos.core.services.journal_audit import verify_database
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.station import ensure_station
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan
from tests.core.journal_support import D

COUNTED = ("operations", "operation_lines", "payments", "journal_entries", "credit_notes",
           "credit_note_movements", "contact_account_entries", "tickets", "product_sales")


@pytest.fixture
def trainee(demo):
    with uow_of(demo) as uow:
        return ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                              operator="STX_BDD", venue_name="Théâtre de la Ville",
                              training=True)


def _state(db):
    """Everything that counts: row counts, the tickets' states, the counters' numbers
    and chain heads."""
    with db.engine.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                  for t in COUNTED}
        states = conn.execute(text("SELECT id, state FROM tickets ORDER BY id")).all()
        heads = conn.execute(text("SELECT id, last_operation_number, journal_seq, "
                                  "journal_head FROM counters ORDER BY id")).all()
    return counts, states, heads


def _jobs(db):
    with uow_of(db) as uow:
        return list(uow.session.scalars(select(PrintJob).order_by(PrintJob.id)))


def _words(job) -> str:
    document = from_json(job.document)
    return " ".join(getattr(b, "text", "") for b in document.blocks)


def test_a_training_refund_prints_formation_and_keeps_nothing(demo, trainee, clock):
    before = _state(demo)
    with uow_of(demo) as uow:
        result = refund_basket(uow, scan(demo, clock, [JOYAUX[0]]),
                               [Tender(PaymentMode.CREDIT_NOTE, D("110.00"))], trainee, clock)
    assert result.refunded == D("110.00")
    assert _state(demo) == before
    jobs = _jobs(demo)
    assert [j.kind for j in jobs] == ["training_refund_receipt", "training_credit_note"]
    for job in jobs:
        assert job.open_drawer is False and job.operation_id is None
        assert _words(job).startswith("*** FORMATION *** Document de formation, sans valeur")
        assert "FORMATION : aucune opération enregistrée" in _words(job)
    with uow_of(demo) as uow:
        assert verify_database(uow).ok


def test_a_training_cash_refund_never_opens_the_drawer(demo, trainee, clock):
    with uow_of(demo) as uow:
        refund_basket(uow, scan(demo, clock, [JOYAUX[0]]),
                      [Tender(PaymentMode.CASH, D("110.00"))], trainee, clock)
    assert [(j.kind, j.open_drawer) for j in _jobs(demo)] == [
        ("training_refund_receipt", False)]


def test_a_training_exchange_sells_no_seat(demo, trainee, clock):
    from pos.core.services.exchange import event_tickets, settle_exchange

    before = _state(demo)
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    with uow_of(demo) as uow:
        event_tickets(uow, sale, cancellation, clock, quantity=2,
                      **ids(demo, "Don Giovanni", "Cat 1"))
    with uow_of(demo) as uow:
        result = settle_exchange(uow, cancellation, sale,
                                 [Tender(PaymentMode.CASH, D("100.00"))], trainee, clock)
    assert len(result.new_tickets) == 2 and result.change == D("20.00")
    assert _state(demo) == before  # the two seats are still free, no ticket exists
    kinds = [j.kind for j in _jobs(demo)]
    assert kinds[0].startswith("training_") and kinds.count("training_ticket") == 2, kinds


def test_training_meets_the_same_refusals(demo, station, trainee, clock):
    with uow_of(demo) as uow:  # a real refund first
        refund_basket(uow, scan(demo, clock, [JOYAUX[0]]),
                      [Tender(PaymentMode.CASH, D("110.00"))], station, clock)
    with pytest.raises(TicketNotRefundable, match="déjà remboursé"):
        scan(demo, clock, [JOYAUX[0]])
    with uow_of(demo) as uow:
        n = uow.session.scalar(select(func.count()).select_from(PrintJob))
    basket = scan(demo, clock, [JOYAUX[1]])
    with uow_of(demo) as uow:  # the real refund of ticket 2 at another counter meanwhile
        refund_basket(uow, scan(demo, clock, [JOYAUX[1]]),
                      [Tender(PaymentMode.CASH, D("110.00"))], station, clock)
    with pytest.raises(TicketNotRefundable, match="il a changé depuis"), uow_of(demo) as uow:
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, D("110.00"))], trainee, clock)
    with uow_of(demo) as uow:  # the refused training refund printed nothing
        assert uow.session.scalar(select(func.count()).select_from(PrintJob)) == n + 1
