"""Paying the money out: credit note, suspense account, other modes, splits, and the
refund ceiling, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.core.basket import CancellationBasket
from pos.core.errors import SettlementError
from pos.core.models import (
    LineKind,
    Operation,
    OperationKind,
    OperationLine,
    OperationState,
    Payment,
    PaymentMode,
    Ticket,
)
from pos.core.models_ledger import ContactAccountEntry, CreditNote, CreditNoteMovement
from pos.core.services.accounts import account_balance, debit_account, order_contact_balance
from pos.core.services.credit_notes import (
    CreditNoteExhausted,
    CreditNoteExpired,
    CreditNoteInsufficient,
    UnknownCreditNote,
    check_digit,
    credit_note_balance,
    issue_credit_note,
    spend_credit_note,
    well_formed,
)
from pos.core.services.orders import order_summary
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from pos.formatting import plain_spaces
from tests.conftest import uow_of
from tests.core.test_refunds import JOYAUX, fill

D = Decimal
M = PaymentMode


def settle(db, basket, tenders, station, clock, **kw):
    with uow_of(db) as uow:
        return refund_basket(uow, basket, tenders, station, clock, **kw)


def text_of(document) -> list[str]:
    return [plain_spaces(getattr(b, "text", "") or f"{getattr(b, 'left', '')}|"
                         f"{getattr(b, 'right', '')}") for b in document.blocks]


def test_credit_note_refund_issues_a_voucher(demo, station, clock):
    result = settle(demo, fill(demo, clock, JOYAUX[:2]), [Tender(M.CREDIT_NOTE, D("220"))],
                    station, clock, credit_note_validity_days=30)
    assert result.open_drawer is False
    receipt, voucher = result.documents
    assert voucher.kind == "credit_note"
    number = result.tenders[0].reference
    assert well_formed(number) and number.startswith("99")
    with uow_of(demo) as uow:
        note = uow.session.scalar(select(CreditNote).where(CreditNote.number == number))
        assert note.amount == D("220.00")
        assert note.expires_at == clock.now() + timedelta(days=30)
        assert note.contact.last_name == "AKOKA"
        assert note.issued_operation_id == result.operation_id
        assert [m.amount for m in note.movements] == [D("220.00")]
        payment = uow.session.scalar(select(Payment).where(
            Payment.operation_id == result.operation_id))
        assert (payment.mode, payment.amount, payment.reference) == (M.CREDIT_NOTE, D("-220"),
                                                                     number)
    lines = text_of(voucher)
    assert "AVOIR" in lines and "Montant|220,00 €" in lines
    assert f"N° {number}" in lines and "Valable jusqu'au 27.12.2026" in lines
    barcodes = [b.payload for b in voucher.blocks if type(b).__name__ == "Barcode"]
    qrs = [b.payload for b in voucher.blocks if type(b).__name__ == "QRCode"]
    assert barcodes == [number] and qrs == [number]
    assert f"Avoir {number}|-220,00 €" in text_of(receipt)


def test_credit_note_numbers_are_unique_with_a_check_digit(demo, station, clock):
    draws = iter([42, 42, 7])
    with uow_of(demo) as uow:
        first = issue_credit_note(uow, amount=D("10"), contact_id=None, operation_id=None,
                                  station=station, now=clock.now(), draw=lambda: next(draws))
        second = issue_credit_note(uow, amount=D("10"), contact_id=None, operation_id=None,
                                   station=station, now=clock.now(), draw=lambda: next(draws))
        uow.commit()
    assert first.number == "990000000042" + check_digit("990000000042")
    assert second.number == "990000000007" + check_digit("990000000007")  # 42 drawn again
    assert not well_formed(first.number[:12] + str((int(first.number[12]) + 1) % 10))


def test_spend_part_then_all_then_refused(demo, station, clock):
    result = settle(demo, fill(demo, clock, [JOYAUX[0]]), [Tender(M.CREDIT_NOTE, D("110"))],
                    station, clock)
    number = result.tenders[0].reference
    with uow_of(demo) as uow:
        assert credit_note_balance(uow, number, clock).balance == D("110.00")
        left = spend_credit_note(uow, f" {number} ", D("30.50"), station=station, clock=clock)
        uow.commit()
    assert left.balance == D("79.50")
    with uow_of(demo) as uow:
        with pytest.raises(CreditNoteInsufficient) as exc:
            spend_credit_note(uow, number, D("80"), station=station, clock=clock)
        assert plain_spaces(exc.value.message) == (
            f"L'avoir {number} n'a plus que 79,50 € : on ne peut pas en utiliser 80,00 €.")
        assert spend_credit_note(uow, number, D("79.50"), station=station,
                                 clock=clock).balance == D("0")
        uow.commit()
    with uow_of(demo) as uow:
        with pytest.raises(CreditNoteExhausted, match="entièrement utilisé"):
            spend_credit_note(uow, number, D("1"), station=station, clock=clock)
        movements = uow.session.scalars(select(CreditNoteMovement.amount)
                                        .order_by(CreditNoteMovement.id)).all()
    assert movements == [D("110.00"), D("-30.50"), D("-79.50")]


def test_expired_and_unknown_credit_notes_are_refused(demo, station, clock):
    with uow_of(demo) as uow:
        note = issue_credit_note(uow, amount=D("50"), contact_id=None, operation_id=None,
                                 station=station, now=clock.now(), validity_days=365)
        uow.commit()
    clock.advance(timedelta(days=364))
    with uow_of(demo) as uow:
        assert not credit_note_balance(uow, note.number, clock).expired
    clock.advance(timedelta(days=1))
    with uow_of(demo) as uow:
        assert credit_note_balance(uow, note.number, clock).expired
        with pytest.raises(CreditNoteExpired) as exc:
            spend_credit_note(uow, note.number, D("1"), station=station, clock=clock)
        assert exc.value.message == (
            f"L'avoir {note.number} a expiré le 27.11.2027 : il ne peut plus être utilisé.")
        unknown = "990000000001" + check_digit("990000000001")
        with pytest.raises(UnknownCreditNote, match=f"Avoir {unknown} inconnu"):
            credit_note_balance(uow, unknown, clock)
        with pytest.raises(UnknownCreditNote, match="illisible"):
            credit_note_balance(uow, "12345", clock)


def test_suspense_account_refund_credits_the_contact(demo, station, clock):
    basket = fill(demo, clock, JOYAUX[:3])
    with uow_of(demo) as uow:
        before = order_contact_balance(uow, basket.tickets[0].order_id)
    assert before.balance == D("0")
    result = settle(demo, basket, [Tender(M.SUSPENSE_ACCOUNT, D("330"))], station, clock)
    assert result.open_drawer is False and result.documents[1:] == ()
    with uow_of(demo) as uow:
        after = order_contact_balance(uow, basket.tickets[0].order_id)
        entries = uow.session.scalars(select(ContactAccountEntry)).all()
        assert [(e.amount, e.operation_id) for e in entries] == [
            (D("330.00"), result.operation_id)]
        assert after.balance == D("330.00") == account_balance(uow, after.contact_id)
        assert debit_account(uow, contact_id=after.contact_id, amount=D("30"),
                             operation_id=None, order_id=None, station=station,
                             now=clock.now()) == D("300.00")
        uow.commit()
    with uow_of(demo) as uow:
        assert account_balance(uow, after.contact_id) == D("300.00")


@pytest.mark.parametrize("mode,label", [(M.CARD, "Carte bancaire"), (M.CHEQUE, "Chèque"),
                                        (M.TRANSFER, "Virement"), (M.OTHER, "Autre")])
def test_other_modes_keep_their_reference(demo, station, clock, mode, label):
    result = settle(demo, fill(demo, clock, ["01010003003"]), [Tender(mode, D("75"), "REF-42")],
                    station, clock)
    assert result.open_drawer is False
    with uow_of(demo) as uow:
        order = order_summary(uow, 961)
    assert order["payments"][-1]["mode"] == mode.value
    assert order["payments"][-1]["reference"] == "REF-42"
    assert f"{label} REF-42|-75,00 €" in text_of(result.documents[0])


def test_split_cash_and_credit_note(demo, station, clock):
    basket = fill(demo, clock, JOYAUX[:6])
    result = settle(demo, basket, [Tender(M.CASH, D("100")), Tender(M.CREDIT_NOTE, D("560"))],
                    station, clock)
    assert result.open_drawer is True
    assert [d.kind for d in result.documents] == ["refund_receipt", "credit_note"]
    number = result.tenders[1].reference
    with uow_of(demo) as uow:
        assert credit_note_balance(uow, number, clock).balance == D("560.00")
        payments = uow.session.execute(select(Payment.mode, Payment.amount).where(
            Payment.operation_id == result.operation_id).order_by(Payment.id)).all()
    assert payments == [(M.CASH, D("-100.00")), (M.CREDIT_NOTE, D("-560.00"))]
    lines = text_of(result.documents[0])
    assert "TOTAL|-660,00 €" in lines and "Espèces|-100,00 €" in lines
    assert f"Avoir {number}|-560,00 €" in lines


def test_a_split_that_does_not_add_up_is_refused_and_changes_nothing(demo, station, clock):
    basket = fill(demo, clock, JOYAUX[:2])
    with pytest.raises(SettlementError, match="ne couvrent pas exactement"):
        settle(demo, basket, [Tender(M.CASH, D("100")), Tender(M.CREDIT_NOTE, D("100"))],
               station, clock)
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(func.count()).select_from(CreditNote)) == 0


def test_pending_refunds_count_against_the_ceiling(demo, station, clock):
    """Order 961 (paid 192,00 €): 01010003003 is on hold for a refund at another counter;
    the two others can still be refunded with their fees only up to what is left."""
    with uow_of(demo) as uow:
        s = uow.session
        held = s.scalar(select(Ticket).where(Ticket.number == "01010003003"))
        op = Operation(counter_id=station.counter_id, number=9001, kind=OperationKind.REFUND,
                       state=OperationState.ON_HOLD, created_at=clock.now(),
                       operator_id=station.operator_id)
        s.add(op)
        s.flush()
        s.add(OperationLine(operation_id=op.id, ticket_id=held.id, kind=LineKind.CANCEL,
                            price=held.price, fees=held.fees))
        # the box office had already given back 80,00 € of this order by hand
        s.add(Payment(order_id=held.order_id, mode=M.CARD, amount=D("-80.00"),
                      at=clock.now(), operator_id=station.operator_id))
        uow.commit()
        held_id = op.id
    basket = fill(demo, clock, ["01010003004", "01010003005"])
    basket.refund_fees = True  # 75 + 1,50 + 37,50 + 1,50 = 115,50 > 192 - 80 - 76,50
    with pytest.raises(SettlementError) as exc:
        settle(demo, basket, [Tender(M.CASH, D("115.50"))], station, clock)
    assert plain_spaces(exc.value.message).startswith(
        "Dossier 961 : on ne peut pas rembourser 115,50 €, seulement 35,50 € ont été payés")
    # the held ticket itself may be refunded (the held operation resumed here)
    resumed = CancellationBasket()
    resumed.held_operation_id = held_id
    with uow_of(demo) as uow:
        take_ticket(uow, resumed, "01010003003", clock)
    settle(demo, resumed, [Tender(M.CASH, D("75"))], station, clock, held_operation_id=held_id)


def test_two_counters_on_one_order_are_serialised(demo, station, clock):
    """PostgreSQL: while another transaction holds order 961 (it is giving back 150,00 €
    of it), a settlement of another of its tickets waits, then sees that money gone and
    refuses instead of refunding more than was paid."""
    if demo.dialect != "postgresql":
        pytest.skip("row locks: PostgreSQL (SQLite serialises whole writes)")
    import threading

    from pos.core.services.refund_ceiling import lock_orders

    basket = fill(demo, clock, ["01010003003"])  # 75,00 of an order paid 192,00
    outcome: list[object] = []
    with uow_of(demo) as other:
        order_id = basket.tickets[0].order_id
        lock_orders(other, [order_id])

        def settle_here() -> None:
            try:
                outcome.append(settle(demo, basket, [Tender(M.CASH, D("75"))], station, clock))
            except SettlementError as exc:
                outcome.append(exc)

        worker = threading.Thread(target=settle_here)
        worker.start()
        # wait until the settlement really waits for the order's row lock
        import time

        from sqlalchemy import text
        deadline = time.monotonic() + 10
        with demo.engine.connect() as conn:
            while not conn.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND datname = current_database()")).scalar():
                assert time.monotonic() < deadline, "the settlement never waited for the lock"
                time.sleep(0.02)
        assert worker.is_alive()
        other.session.add(Payment(order_id=order_id, mode=M.CARD, amount=D("-150.00"),
                                  at=clock.now(), operator_id=station.operator_id))
        other.commit()
    worker.join(10)
    assert isinstance(outcome[0], SettlementError)
    assert "seulement 42,00" in plain_spaces(outcome[0].message)
