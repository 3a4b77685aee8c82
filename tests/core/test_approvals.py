import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.core.basket import CancellationBasket
from pos.core.errors import ApprovalRefused, ApprovalRequired, TicketNotRefundable
from pos.core.models import JournalEntry, Operator, PaymentMode, Ticket, TicketState
from pos.core.services.approvals import approve, hash_pin, verify_pin
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from tests.conftest import CHEAP, uow_of

CHECKED_IN = "01010003008"


def test_pins_are_salted_argon2id_hashes():
    stored = hash_pin("1234", CHEAP)
    assert stored.startswith("$argon2id$") and "1234" not in stored
    assert stored != hash_pin("1234", CHEAP)
    assert verify_pin("1234", stored) and not verify_pin("1235", stored)
    assert not verify_pin("1234", "") and not verify_pin("1234", "md5$x")


def test_checked_in_needs_a_supervisor_then_refunds(demo, station, clock):
    basket = CancellationBasket()
    with pytest.raises(ApprovalRequired, match="sans l'accord d'un superviseur"), \
            uow_of(demo) as uow:
        take_ticket(uow, basket, CHECKED_IN, clock)
    with pytest.raises(ApprovalRefused, match="identifiant ou code incorrect"), \
            uow_of(demo) as uow:
        approve(uow, login="chef", pin="0000", station=station, clock=clock, reason=CHECKED_IN)
    with pytest.raises(ApprovalRefused, match="STX_BDD n'est pas superviseur"), \
            uow_of(demo) as uow:
        uow.session.scalar(select(Operator).where(Operator.login == "STX_BDD")).pin_hash = \
            hash_pin("9999", CHEAP)
        uow.commit()
        approve(uow, login="STX_BDD", pin="9999", station=station, clock=clock,
                reason=CHECKED_IN)
    with uow_of(demo) as uow:
        approval = approve(uow, login="CHEF", pin="9999", station=station, clock=clock,
                           reason=CHECKED_IN)
    with uow_of(demo) as uow:
        ticket = take_ticket(uow, basket, CHECKED_IN, clock,
                             approved_by=approval.supervisor_login)
    assert ticket.approved_by == "chef"
    with uow_of(demo) as uow:
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, Decimal("35.00"))], station, clock)
    with uow_of(demo) as uow:
        state = uow.session.scalar(select(Ticket.state).where(Ticket.number == CHECKED_IN))
        actions = [(j.action, json.loads(j.payload).get("supervisor"))
                   for j in uow.session.scalars(select(JournalEntry).order_by(JournalEntry.id))]
    assert state is TicketState.CANCELLED
    assert actions[:4] == [("approval.refused", "chef"), ("approval.refused", "STX_BDD"),
                           ("approval.granted", "CHEF"), ("refund.settled", None)]


def test_approval_lifts_only_what_a_supervisor_may_lift(demo, clock):
    # an unpaid reservation stays refused, and is not even offered to a supervisor
    with pytest.raises(TicketNotRefundable) as caught, uow_of(demo) as uow:
        take_ticket(uow, CancellationBasket(), "01010003006", clock, approved_by="chef")
    assert not isinstance(caught.value, ApprovalRequired)
    # a past performance is lifted
    clock.advance(timedelta(days=400))
    with pytest.raises(ApprovalRequired, match="est passée"), uow_of(demo) as uow:
        take_ticket(uow, CancellationBasket(), "01010002727", clock)
    with uow_of(demo) as uow:
        assert take_ticket(uow, CancellationBasket(), "01010002727", clock,
                           approved_by="chef").approved_by == "chef"


def test_an_unapproved_basket_line_is_refused_at_settlement_if_checked_in_meanwhile(
        demo, station, clock):
    basket = CancellationBasket()
    with uow_of(demo) as uow:
        take_ticket(uow, basket, "01010003009", clock)
    with uow_of(demo) as uow:  # checked in at the door after the scan
        uow.session.scalar(select(Ticket).where(Ticket.number == "01010003009")).state = \
            TicketState.CHECKED_IN
        uow.commit()
    with pytest.raises(TicketNotRefundable, match="changé depuis"), uow_of(demo) as uow:
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, Decimal("35.00"))], station, clock)
