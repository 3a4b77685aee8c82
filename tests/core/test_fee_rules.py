"""Fees by rule and reason: the rule (pure), its rules in the database, and the fee in
the settlement pipeline of refunds and exchanges (both databases)."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.core.errors import FeeRuleInvalid, FeesChanged, FeeWaiverNeedsReason, NotAnAdministrator
from pos.core.fees import FeeTicket, Rule, assess
from pos.core.models import JournalEntry, OperationLine, Payment, PaymentMode, Ticket, TicketState
from pos.core.services import fee_rules
from pos.core.services.exchange import event_tickets, settle_exchange
from pos.core.services.operation_notes import OperationNotes
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.station import ensure_station
from pos.formatting import plain_spaces
from tests.conftest import NOW, uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan

D = Decimal
RULES_TOML = """
[[rule]]
name = "Organisateur"
requested_by = "organiser"

[[rule]]
name = "Plus de 7 jours"
from_hours = 168

[[rule]]
name = "De 7 jours à 24 heures"
from_hours = 24
until_hours = 168
percent = "10"

[[rule]]
name = "Dernières 24 heures"
until_hours = 24
percent = "50"
"""
STARTS = NOW + timedelta(days=10)


def one(ticket_id=1, base="110.00", starts=STARTS, tariff="PLEIN", category="Cat 1"):
    return FeeTicket(ticket_id, tariff, category, starts, D(base))


def test_the_issue_s_example_free_10_percent_50_percent_nothing_for_the_organiser():
    rules = fee_rules.rules_from_toml(RULES_TOML)
    cases = [(timedelta(days=8), "public", "0.00", "Plus de 7 jours", "plus de 7 j avant"),
             (timedelta(days=3), "public", "11.00", "De 7 jours à 24 heures",
              "de 7 j à 24 h avant"),
             (timedelta(hours=5), "public", "55.00", "Dernières 24 heures",
              "moins de 24 h avant"),
             (timedelta(hours=5), "organiser", "0.00", "Organisateur", "à tout moment")]
    for before, who, fee, rule, window in cases:
        [line] = assess(rules, [one()], kind="refund", requested_by=who,
                        now=STARTS - before).values()
        assert (line.amount, line.rule, line.window) == (D(fee), rule, window), before


def test_a_fee_never_takes_a_refund_below_zero_nor_past_what_was_paid():
    rules = [Rule("Forfait", fixed=D("200.00")), Rule("Tout", position=2, percent=D("100"))]
    lines = assess(rules, [one(1, "110.00"), one(2, "0.00")], kind="refund",
                   requested_by="public", now=NOW)
    assert lines[1].amount == D("110.00") and lines[2].amount == D("0.00")


def test_a_per_operation_fee_is_charged_once_and_by_tariff_and_kind():
    rules = [Rule("Dossier", fixed=D("5.00"), per="operation", tariff="PLEIN",
                  applies_to="exchange")]
    tickets = [one(1), one(2), one(3, tariff="JEUNE")]
    lines = assess(rules, tickets, kind="exchange", requested_by="public", now=NOW)
    assert {k: v.amount for k, v in lines.items()} == {1: D("5.00")}
    assert assess(rules, tickets, kind="refund", requested_by="public", now=NOW) == {}


def test_bad_rules_are_refused_in_plain_french():
    with pytest.raises(FeeRuleInvalid, match="entre guillemets"):
        fee_rules.rules_from_toml('[[rule]]\nname = "A"\nfixed = 2.5\n')
    with pytest.raises(FeeRuleInvalid, match="from_hours"):
        fee_rules.rules_from_toml('[[rule]]\nname = "A"\nfrom_hours = 48\nuntil_hours = 24\n')
    with pytest.raises(FeeRuleInvalid, match="inconnues"):
        fee_rules.rules_from_toml('[[rule]]\nname = "A"\npercnt = "10"\n')


def chef(db):
    with uow_of(db) as uow:
        return ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                              operator="CHEF", venue_name="Théâtre de la Ville")


def import_rules(db, clock, text=RULES_TOML):
    with uow_of(db) as uow:
        return fee_rules.replace_rules(uow, fee_rules.rules_from_toml(text), station=chef(db),
                                       clock=clock, source="test")


def test_rules_are_replaced_by_a_supervisor_only_and_listed(demo, station, clock):
    with uow_of(demo) as uow, pytest.raises(NotAnAdministrator):
        fee_rules.replace_rules(uow, [Rule("A")], station=station, clock=clock, source="t")
    assert import_rules(demo, clock) == 4
    assert import_rules(demo, clock) == 4  # replaced, not added
    with uow_of(demo) as uow:
        shown = fee_rules.show(uow)
        journal = uow.session.scalars(select(JournalEntry.action)).all()
    assert [r["name"] for r in shown][2:] == ["De 7 jours à 24 heures", "Dernières 24 heures"]
    assert shown[2]["fee"] == "10 % par billet" and shown[2]["window"] == "de 7 j à 24 h avant"
    assert journal.count("fees.rules_replaced") == 2


def refund(db, basket, station, clock, notes=None):
    with uow_of(db) as uow:
        return refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                             station, clock, notes=notes)


def preview(db, basket, clock, kind="refund", who="public"):
    with uow_of(db) as uow:
        return fee_rules.preview(uow, basket, kind=kind, requested_by=who, clock=clock)


def joyaux_start(db):
    with uow_of(db) as uow:
        return uow.session.scalar(select(Ticket).where(Ticket.number == JOYAUX[0])
                                  ).performance.starts_at


def test_a_refund_keeps_the_fee_and_says_its_rule_on_the_receipt_and_journal(demo, station,
                                                                          clock):
    import_rules(demo, clock)
    clock.advance(joyaux_start(demo) - clock.now() - timedelta(days=2))
    basket = scan(demo, clock, JOYAUX[:2])
    lines = preview(demo, basket, clock)
    assert [line.amount for line in lines.values()] == [D("11.00"), D("11.00")]
    assert basket.refund_total == D("198.00")
    result = refund(demo, basket, station, clock)
    assert result.refunded == D("198.00")
    with uow_of(demo) as uow:
        s = uow.session
        paid = s.scalars(select(Payment.amount).where(Payment.operation_id == result.operation_id))
        kept = s.execute(select(OperationLine.fee_kept, OperationLine.fee_rule).where(
            OperationLine.operation_id == result.operation_id)).all()
        payload = json.loads(s.scalar(select(JournalEntry.payload).where(
            JournalEntry.action == "refund.settled")))
    assert list(paid) == [D("-198.00")]
    assert kept[0][0] == D("11.00") and "De 7 jours à 24 heures" in kept[0][1]
    assert payload["fees"][0] == {
        "ticket": JOYAUX[0], "amount": "11.00", "computed": "11.00",
        "rule": "De 7 jours à 24 heures", "requested_by": "public",
        "window": "de 7 j à 24 h avant"}
    receipt = "\n".join(getattr(b, "text", getattr(b, "left", "")) + " " +
                        getattr(b, "right", "") for b in result.documents[0].blocks)
    assert "Frais : De 7 jours à 24 heures (demandé par le public, de 7 j à 24 h avant)" in receipt
    assert "-99,00" in plain_spaces(receipt)


def test_nothing_is_kept_when_the_organiser_asked(demo, station, clock):
    import_rules(demo, clock)
    clock.advance(joyaux_start(demo) - clock.now() - timedelta(hours=3))
    basket = scan(demo, clock, JOYAUX[:1])
    preview(demo, basket, clock, who="organiser")
    result = refund(demo, basket, station, clock, OperationNotes("organiser", "Annulation"))
    assert result.refunded == D("110.00")


def test_a_fee_that_changed_since_it_was_shown_is_refused_and_nothing_written(demo, station,
                                                                            clock):
    import_rules(demo, clock)
    clock.advance(joyaux_start(demo) - clock.now() - timedelta(hours=25))
    basket = scan(demo, clock, JOYAUX[:1])
    preview(demo, basket, clock)
    assert basket.refund_total == D("99.00")
    clock.advance(timedelta(hours=2))  # the last 24 hours began meanwhile
    with pytest.raises(FeesChanged, match="11,00.*55,00"):
        refund(demo, basket, station, clock)
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(Ticket.state).where(Ticket.number == JOYAUX[0])
                                  ) is TicketState.VALID
    assert basket.refund_total == D("55.00")  # the new fee is on the basket, to be seen
    assert refund(demo, basket, station, clock).refunded == D("55.00")


def test_a_supervisor_waives_the_fee_with_a_reason(demo, station, clock):
    import_rules(demo, clock)
    clock.advance(joyaux_start(demo) - clock.now() - timedelta(hours=3))
    basket = scan(demo, clock, JOYAUX[:1])
    preview(demo, basket, clock)
    with uow_of(demo) as uow, pytest.raises(FeeWaiverNeedsReason):
        fee_rules.waive(uow, basket, login="CHEF", pin="1234", reason=" ", station=station,
                        clock=clock)
    with uow_of(demo) as uow:
        fee_rules.waive(uow, basket, login="CHEF", pin="1234", reason="Client hospitalisé",
                        station=station, clock=clock)
    [line] = preview(demo, basket, clock).values()
    assert (line.amount, line.computed, line.waived_by) == (D("0.00"), D("55.00"), "CHEF")
    assert refund(demo, basket, station, clock).refunded == D("110.00")
    with uow_of(demo) as uow:
        payload = json.loads(uow.session.scalar(select(JournalEntry.payload).where(
            JournalEntry.action == "refund.settled")))
    assert payload["fees"][0]["waived_by"] == "CHEF"
    assert payload["fees"][0]["reason"] == "Client hospitalisé"


def test_an_exchange_goes_through_the_same_fee(demo, station, clock):
    import_rules(demo, clock)
    clock.advance(joyaux_start(demo) - clock.now() - timedelta(days=2))
    cancellation = scan(demo, clock, JOYAUX[:1])
    sale = new_sale()
    with uow_of(demo) as uow:
        event_tickets(uow, sale, cancellation, clock, quantity=1,
                      **ids(demo, "Don Giovanni", "Cat 1"))
    preview(demo, cancellation, clock, kind="exchange")
    assert cancellation.refund_total == D("99.00")
    with uow_of(demo) as uow:
        result = settle_exchange(uow, cancellation, sale,
                                 [Tender(PaymentMode.CREDIT_NOTE, D("4.00"))], station, clock)
    assert result.refunded == D("-99.00") and result.total == D("-4.00")  # 95 sold


def test_the_exchange_receipt_and_journal_carry_the_fee(demo, station, clock):
    import_rules(demo, clock)
    clock.advance(joyaux_start(demo) - clock.now() - timedelta(days=2))
    cancellation = scan(demo, clock, JOYAUX[:1])
    sale = new_sale()
    with uow_of(demo) as uow:
        event_tickets(uow, sale, cancellation, clock, quantity=1,
                      **ids(demo, "Don Giovanni", "Cat 1"))
    preview(demo, cancellation, clock, kind="exchange")
    with uow_of(demo) as uow:
        result = settle_exchange(uow, cancellation, sale,
                                 [Tender(PaymentMode.CREDIT_NOTE, D("4.00"))], station, clock)
        payload = json.loads(uow.session.scalar(select(JournalEntry.payload).where(
            JournalEntry.action == "exchange.settled")))
    receipt = [getattr(b, "text", getattr(b, "left", "")) for b in result.documents[0].blocks]
    assert "    Frais : De 7 jours à 24 heures (demandé par le public, de 7 j à 24 h avant)" \
        in receipt
    assert [(f["ticket"], f["amount"]) for f in payload["fees"]] == [(JOYAUX[0], "11.00")]
