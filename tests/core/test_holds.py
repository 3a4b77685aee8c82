"""METTRE EN ATTENTE / reprise / ABANDONNER ORDRE on a real database (SQLite and
PostgreSQL): numbers, held tickets, the slip, settling a resumed operation."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.core.basket import CancellationBasket
from pos.core.documents import Barcode, Text, from_json
from pos.core.errors import TicketNotRefundable
from pos.core.models import (
    Counter,
    JournalEntry,
    Operation,
    OperationState,
    Payment,
    PaymentMode,
    Ticket,
    TicketState,
)
from pos.core.models_printing import PrintJob
from pos.core.services.held_operations import (
    find_held_operation,
    held_operations,
    resume_operation,
)
from pos.core.services.holds import (
    OperationNotOnHold,
    UnknownOperation,
    abandon_held,
    hold_basket,
)
from pos.core.services.operation_notes import InvalidOperationNotes, OperationNotes
from pos.core.services.order_history import order_history
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from tests.conftest import uow_of

D = Decimal
JOYAUX = [f"0101000{n}" for n in range(2727, 2749)]


def fill(db, clock, numbers, basket=None):
    basket = basket or CancellationBasket()
    for n in numbers:
        with uow_of(db) as uow:
            take_ticket(uow, basket, n, clock)
    return basket


def hold(db, basket, station, clock, notes=None):
    with uow_of(db) as uow:
        return hold_basket(uow, basket, station, clock, notes=notes)


def resume(db, raw, station, clock):
    with uow_of(db) as uow:
        op_id = find_held_operation(uow, raw, station)
    assert op_id is not None
    with uow_of(db) as uow:
        resumed = resume_operation(uow, op_id, station, clock)
    basket = CancellationBasket(list(resumed.tickets), resumed.refund_fees,
                                resumed.operation_id)
    return resumed, basket


def refund_cash(db, basket, station, clock, **kwargs):
    with uow_of(db) as uow:
        return refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                             station, clock, held_operation_id=basket.held_operation_id,
                             **kwargs)


def journal(db):
    with uow_of(db) as uow:
        return [(j.action, json.loads(j.payload))
                for j in uow.session.scalars(select(JournalEntry).order_by(JournalEntry.id))]


def test_hold_takes_the_next_number_and_queues_its_slip(demo, station, clock):
    basket = fill(demo, clock, JOYAUX[:2])
    result = hold(demo, basket, station, clock,
                  OperationNotes("organiser", "Échange", "Revient samedi"))
    assert result.operation_number == 1271
    with uow_of(demo) as uow:
        s = uow.session
        op = s.get(Operation, result.operation_id)
        assert op.state is OperationState.ON_HOLD and op.completed_at is None
        assert [(line.ticket.number, line.kind.value, line.price) for line in op.lines] == [
            (JOYAUX[0], "cancel", D("110.00")), (JOYAUX[1], "cancel", D("110.00"))]
        assert (op.requested_by, op.cause, op.remarks) == ("organiser", "Échange",
                                                           "Revient samedi")
        assert s.scalar(select(Counter.last_operation_number)) == 1271
        # held is not refunded: the tickets stay valid, no money moves
        assert {t.state for t in s.scalars(select(Ticket).where(
            Ticket.number.in_(JOYAUX[:2])))} == {TicketState.VALID}
        assert s.scalar(select(func.count()).select_from(Payment)) == 5
        jobs = [(j.kind, j.operation_id, j.open_drawer, j.document)
                for j in s.scalars(select(PrintJob))]
    assert [j[:3] for j in jobs] == [("hold_slip", result.operation_id, False)]
    assert result.print_job_ids and len(result.print_job_ids) == 1
    slip = from_json(jobs[0][3])
    texts = [b.text for b in slip.blocks if isinstance(b, Text)]
    assert "ORDRE EN ATTENTE" in texts and "Ordre 1271" in texts
    assert "Contact : AKOKA, Viviane" in texts and "delwakok@secutixtest.com" in texts
    assert "Demandé par l'organisateur" in texts and "Cause : Échange" in texts
    assert [b.payload for b in slip.blocks if isinstance(b, Barcode)] == ["OP00001271"]
    assert journal(demo)[-1][0] == "operation.held"
    # the next operation of the counter follows without a gap
    assert refund_cash(demo, fill(demo, clock, [JOYAUX[5]]), station,
                       clock).operation_number == 1272


def test_held_tickets_are_refused_to_any_other_basket(demo, station, clock):
    early = fill(demo, clock, [JOYAUX[0]])  # scanned before the hold, elsewhere
    hold(demo, fill(demo, clock, JOYAUX[:2]), station, clock)
    message = f"Billet {JOYAUX[1]} retenu par l'ordre 1271 en attente."
    with pytest.raises(TicketNotRefundable) as caught:
        fill(demo, clock, [JOYAUX[1]])
    assert caught.value.message == message
    with pytest.raises(TicketNotRefundable, match="retenu par l'ordre 1271 en attente"):
        refund_cash(demo, early, station, clock)
    with pytest.raises(TicketNotRefundable, match="retenu par l'ordre 1271"):
        hold(demo, early, station, clock)
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(Counter.last_operation_number)) == 1271
    fill(demo, clock, [JOYAUX[2]])  # the others are free


@pytest.mark.parametrize("scan", ["OP00001271", " op00001271\r\n", JOYAUX[3]])
def test_resume_by_slip_barcode_or_by_any_of_its_tickets(demo, station, clock, scan):
    basket = fill(demo, clock, JOYAUX[2:4] + ["01010003003"])
    basket.refund_fees = True
    hold(demo, basket, station, clock, OperationNotes("public", "Erreur de vente", "x"))
    resumed, again = resume(demo, scan, station, clock)
    assert resumed.operation_number == 1271
    assert [t.number for t in resumed.tickets] == JOYAUX[2:4] + ["01010003003"]
    assert resumed.refund_fees is True and again.refund_total == D("296.50")
    assert resumed.notes == OperationNotes("public", "Erreur de vente", "x")
    assert resumed.dropped == ()
    # its own tickets may come back into its own basket
    again.remove([JOYAUX[2]])
    fill(demo, clock, [JOYAUX[2]], again)
    assert journal(demo)[-1][0] == "operation.resumed"


def test_scans_that_designate_no_held_operation(demo, station, clock):
    with uow_of(demo) as uow:
        assert find_held_operation(uow, JOYAUX[0], station) is None
        assert find_held_operation(uow, "hello", station) is None
        with pytest.raises(UnknownOperation, match="Ordre 1271 inconnu"):
            find_held_operation(uow, "OP00001271", station)
    refund_cash(demo, fill(demo, clock, [JOYAUX[0]]), station, clock)
    with uow_of(demo) as uow, pytest.raises(
            OperationNotOnHold, match="L'ordre 1271 n'est pas en attente \\(terminé\\)"):
        find_held_operation(uow, "OP00001271", station)


def test_settling_a_resumed_operation_completes_it_under_its_number(demo, station, clock):
    hold(demo, fill(demo, clock, JOYAUX[:3]), station, clock)
    _, basket = resume(demo, "OP00001271", station, clock)
    basket.remove([JOYAUX[2]])  # the customer keeps one
    result = refund_cash(demo, basket, station, clock,
                         notes=OperationNotes("organiser", "Changement de date", "fin"))
    assert result.operation_number == 1271
    with uow_of(demo) as uow:
        s = uow.session
        ops = s.scalars(select(Operation)).all()
        assert len(ops) == 1 and ops[0].state is OperationState.COMPLETED
        assert ops[0].completed_at == clock.now()
        assert sorted(line.ticket.number for line in ops[0].lines) == JOYAUX[:2]
        assert (ops[0].requested_by, ops[0].cause) == ("organiser", "Changement de date")
        assert s.scalar(select(Counter.last_operation_number)) == 1271
        assert s.scalar(select(Ticket.state).where(Ticket.number == JOYAUX[2])) \
            is TicketState.VALID
    fill(demo, clock, [JOYAUX[2]])  # no longer held
    with uow_of(demo) as uow, pytest.raises(OperationNotOnHold, match="terminé"):
        resume_operation(uow, result.operation_id, station, clock)
    # a second settlement of the same held operation is refused
    with pytest.raises(TicketNotRefundable, match="changé depuis"):
        refund_cash(demo, basket, station, clock)
    with uow_of(demo) as uow, pytest.raises(OperationNotOnHold, match="terminé"):
        abandon_held(uow, result.operation_id, station, clock)


def test_holding_a_resumed_operation_again_keeps_its_number(demo, station, clock):
    hold(demo, fill(demo, clock, JOYAUX[:2]), station, clock)
    _, basket = resume(demo, JOYAUX[0], station, clock)
    fill(demo, clock, [JOYAUX[4]], basket)
    again = hold(demo, basket, station, clock, OperationNotes(remarks="trois billets"))
    assert again.operation_number == 1271
    with uow_of(demo) as uow:
        [held] = held_operations(uow)
    assert (held.number, held.tickets, held.total) == (1271, 3, D("330.00"))
    assert held.contact == "AKOKA, Viviane | UNIVERSITY PARIS / Relais"
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(Counter.last_operation_number)) == 1271


def test_abandon_frees_the_tickets_and_keeps_the_number(demo, station, clock):
    result = hold(demo, fill(demo, clock, JOYAUX[:2]), station, clock)
    with uow_of(demo) as uow:
        before_payments = uow.session.scalar(select(func.count()).select_from(Payment))
    with uow_of(demo) as uow:
        assert abandon_held(uow, result.operation_id, station, clock) == 1271
    with uow_of(demo) as uow:
        s = uow.session
        op = s.get(Operation, result.operation_id)
        assert (op.number, op.state) == (1271, OperationState.ABANDONED)
        assert s.scalar(select(func.count()).select_from(Payment)) == before_payments
        assert {t.state for t in s.scalars(select(Ticket).where(
            Ticket.number.in_(JOYAUX[:2])))} == {TicketState.VALID}
        assert held_operations(uow) == []
    action, payload = journal(demo)[-1]
    assert action == "operation.abandoned" and payload["tickets"] == JOYAUX[:2]
    with uow_of(demo) as uow, pytest.raises(OperationNotOnHold, match="abandonné"):
        abandon_held(uow, result.operation_id, station, clock)
    basket = fill(demo, clock, JOYAUX[:2])  # free again
    assert refund_cash(demo, basket, station, clock).operation_number == 1272


def test_a_ticket_checked_in_while_held_stays_out_of_the_resumed_basket(demo, station, clock):
    hold(demo, fill(demo, clock, JOYAUX[:2]), station, clock)
    with uow_of(demo) as uow:
        t = uow.session.scalar(select(Ticket).where(Ticket.number == JOYAUX[1]))
        t.state, t.checked_in_at = TicketState.CHECKED_IN, clock.now()
        uow.commit()
    resumed, _ = resume(demo, "OP00001271", station, clock)
    assert [t.number for t in resumed.tickets] == [JOYAUX[0]]
    assert len(resumed.dropped) == 1 and "déjà contrôlé" in resumed.dropped[0]


def test_notes_are_checked(demo, station, clock):
    basket = fill(demo, clock, [JOYAUX[0]])
    with pytest.raises(InvalidOperationNotes, match="Demandé par"):
        hold(demo, basket, station, clock, OperationNotes(requested_by="nobody"))
    with pytest.raises(InvalidOperationNotes, match="cause est trop longue"):
        hold(demo, basket, station, clock, OperationNotes(cause="x" * 81))
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(Counter.last_operation_number)) == 1270


def test_order_history_lists_every_operation_with_its_notes(demo, station, clock):
    hold(demo, fill(demo, clock, JOYAUX[:2]), station, clock,
         OperationNotes("organiser", "Annulation de la séance", "à rappeler"))
    refund_cash(demo, fill(demo, clock, [JOYAUX[5]]), station, clock,
                notes=OperationNotes("public", "Échange", ""))
    with uow_of(demo) as uow:
        abandon_held(uow, find_held_operation(uow, "OP00001271", station), station, clock)
    with uow_of(demo) as uow:
        history = order_history(uow, 959)
        assert order_history(uow, 960) == []
    assert [(h["number"], h["kind"], h["state"]) for h in history] == [
        (1271, "refund", "abandoned"), (1272, "refund", "completed")]
    first, second = history
    assert (first["requested_by"], first["cause"], first["remarks"]) == (
        "organiser", "Annulation de la séance", "à rappeler")
    assert first["tickets"] == JOYAUX[:2] and first["refunded"] == "220.00"
    assert first["paid"] == "0.00" and first["completed_at"] is None
    assert (second["requested_by"], second["cause"]) == ("public", "Échange")
    assert second["refunded"] == "110.00" and second["paid"] == "-110.00"
    assert second["operator"] == "STX_BDD" and second["counter"] == "Guichet 1"
    assert second["at"].startswith("2026-11-27T10:00:00+01:00")


def test_order_show_json_has_the_operations(demo, station, clock, tmp_path, monkeypatch,
                                            capsys):
    from pos.cli import main

    hold(demo, fill(demo, clock, [JOYAUX[0]]), station, clock,
         OperationNotes("public", "Échange", "note"))
    config = tmp_path / "guichet.toml"
    config.write_text('[counter]\nname = "Guichet 1"\n')
    monkeypatch.setenv("GUICHET_CONFIG", str(config))
    monkeypatch.setenv("GUICHET_DATABASE_URL",
                       demo.engine.url.render_as_string(hide_password=False))
    assert main(["order", "show", "959", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {"number", "contact", "tickets", "payments", "balance"} <= set(shown)
    [op] = shown["operations"]
    assert (op["number"], op["state"], op["cause"], op["remarks"]) == (
        1271, "on_hold", "Échange", "note")
    assert main(["order", "show", "959"]) == 0
    assert "ordre 1271  refund on_hold" in capsys.readouterr().out


def test_a_resumed_operation_abandoned_elsewhere_cannot_be_settled(demo, station, clock):
    hold(demo, fill(demo, clock, [JOYAUX[0]]), station, clock)
    _, here = resume(demo, "OP00001271", station, clock)
    with uow_of(demo) as uow:  # another counter abandons it meanwhile
        abandon_held(uow, here.held_operation_id, station, clock)
    with pytest.raises(OperationNotOnHold, match="n'est plus en attente \\(abandonné\\)"):
        refund_cash(demo, here, station, clock)
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(Ticket.state).where(Ticket.number == JOYAUX[0])) \
            is TicketState.VALID
        assert uow.session.scalar(select(func.count()).select_from(Payment)) == 5
