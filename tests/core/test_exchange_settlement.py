"""settle_exchange: one transaction, the net balance paid, refunded or closed."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.core.documents import Barcode, QRCode
from pos.core.errors import SettlementError, TicketNotRefundable
from pos.core.exchange_basket import totals
from pos.core.models import (
    Counter,
    JournalEntry,
    Operation,
    OperationKind,
    Payment,
    PaymentMode,
    Ticket,
    TicketState,
)
from pos.core.models_catalog import NumberSequence
from pos.core.services.credit_notes import credit_note_balance
from pos.core.services.exchange import (
    SeatTaken,
    auto_exchange,
    event_tickets,
    settle_exchange,
)
from pos.core.services.orders import order_summary
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import check_refundable
from pos.formatting import money, plain_spaces
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan, seat_id, tariff_id

D = Decimal


def sell(db, clock, cancellation, sale, **kw):
    with uow_of(db) as uow:
        return event_tickets(uow, sale, cancellation, clock, **kw)


def settle(db, cancellation, sale, tenders, station, clock):
    with uow_of(db) as uow:
        return settle_exchange(uow, cancellation, sale, tenders, station, clock)


def test_acceptance_22_joyaux_for_22_carmina_refunded_as_a_credit_note(demo, station, clock):
    cancellation = scan(demo, clock, JOYAUX)
    sale = new_sale()
    sell(demo, clock, cancellation, sale, quantity=22, **ids(demo, "Carmina Burana", "Cat 1"))
    sums = totals(cancellation, sale)
    assert plain_spaces(money(sums.refunded)) == "-2 420,00 €"
    assert plain_spaces(money(sums.sold)) == "1 320,00 €"
    assert plain_spaces(money(sums.total)) == "-1 100,00 €"
    [contact] = sale.groups()
    assert contact.contact_name == "AKOKA, Viviane | UNIVERSITY PARIS / Relais"
    [tariff] = contact.performances[0].tariffs
    assert (tariff.category, tariff.tariff, tariff.quantity, tariff.amount) == (
        "Cat 1", "Contact occasionnel - Plein tarif", 22, D("1320.00"))

    result = settle(demo, cancellation, sale, [Tender(PaymentMode.CREDIT_NOTE, D("1100.00"))],
                    station, clock)

    assert result.operation_number == 1271
    assert (result.refunded, result.sold, result.total) == (D("-2420.00"), D("1320.00"),
                                                            D("-1100.00"))
    [voucher_tender] = result.tenders
    assert voucher_tender.mode is PaymentMode.CREDIT_NOTE and voucher_tender.amount == D("1100")
    with uow_of(demo) as uow:
        assert credit_note_balance(uow, voucher_tender.reference, clock).balance == D("1100.00")
        order = order_summary(uow, 959)
        with pytest.raises(TicketNotRefundable) as refused:
            check_refundable(uow, JOYAUX[0], clock)
        op = uow.session.scalar(select(Operation).where(Operation.number == 1271))
        assert op.kind is OperationKind.EXCHANGE
    old = [t for t in order["tickets"] if t["number"] in JOYAUX]
    new = [t for t in order["tickets"] if t["number"] not in JOYAUX]
    assert len(old) == 22 and all(t["state"] == "replaced" for t in old)
    assert len(new) == 22 and all(t["state"] == "valid" for t in new)
    assert {t["event"] for t in new} == {"Carmina Burana"}
    assert sorted(t["replaced_by"] for t in old) == sorted(t["number"] for t in new)
    assert [t["number"] for t in new] == list(result.new_tickets)
    assert result.new_tickets[0] == "01010003014"  # after the demo's last ticket
    first_new = dict(result.replaced)[JOYAUX[0]]
    assert f"remplacé par {first_new}" in refused.value.message
    assert order["payments"][-1] == {
        "mode": "credit_note", "amount": "-1100.00", "at": order["payments"][-1]["at"],
        "operation": 1271, "reference": voucher_tender.reference}
    assert order["settled"] is True and order["due"] == "1320.00"
    kinds = [d.kind for d in result.documents]
    assert kinds == ["exchange_receipt"] + ["ticket"] * 22 + ["credit_note"]
    ticket_doc = result.documents[1]
    assert Barcode(result.new_tickets[0]) in ticket_doc.blocks
    assert QRCode(result.new_tickets[0]) in ticket_doc.blocks
    texts = " ".join(getattr(b, "text", "") + getattr(b, "left", "") + getattr(b, "right", "")
                     for b in ticket_doc.blocks)
    for word in ("Carmina Burana", "Théâtre de la Ville", "Parterre", "A1", "Cat 1",
                 "Plein tarif", "60,00", "STX_BDD", "Guichet"):
        assert word in plain_spaces(texts)
    assert result.open_drawer is False and len(result.print_job_ids) == 24


def test_auto_exchange_keeps_the_seats_with_another_tariff(demo, station, clock):
    cancellation = scan(demo, clock, JOYAUX[:2])
    sale = new_sale()
    with uow_of(demo) as uow:
        lines = auto_exchange(uow, sale, cancellation, clock, tariff_id=tariff_id(demo, "REDUIT"))
    assert [(t.seat, t.price, t.tariff) for t in lines] == [
        ("8", D("88.00"), "Contact occasionnel - Tarif réduit"),
        ("10", D("88.00"), "Contact occasionnel - Tarif réduit")]
    result = settle(demo, cancellation, sale, [Tender(PaymentMode.CASH, D("44.00"))],
                    station, clock)
    assert result.total == D("-44.00") and result.open_drawer is True
    with uow_of(demo) as uow:
        olds = {t.number: t for t in uow.session.scalars(
            select(Ticket).where(Ticket.number.in_(JOYAUX[:2])))}
        for number in JOYAUX[:2]:
            old = olds[number]
            assert old.state is TicketState.REPLACED
            assert old.replaced_by.seat_id == old.seat_id
            assert old.replaced_by.state is TicketState.VALID
            assert old.replaced_by.price == D("88.00")
        assert order_summary(uow, 959)["settled"] is True


def test_moving_to_the_same_seat_released_by_the_basket_closes_at_zero(demo, station, clock):
    cancellation = scan(demo, clock, [JOYAUX[-1]])  # Balcon 7
    sale = new_sale()
    sell(demo, clock, cancellation, sale, seat_ids=[seat_id(demo, "Balcon", "7")],
         **ids(demo, "Joyaux", "Cat 1"))
    result = settle(demo, cancellation, sale, [], station, clock)
    assert result.total == D("0.00") and result.tenders == () and result.open_drawer is False
    assert result.replaced == ((JOYAUX[-1], result.new_tickets[0]),)
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Payment)) == 5  # demo's


def test_customer_pays_cash_and_gets_change(demo, station, clock):
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    sell(demo, clock, cancellation, sale, quantity=2, **ids(demo, "Don Giovanni", "Cat 1"))
    assert totals(cancellation, sale).total == D("80.00")
    result = settle(demo, cancellation, sale, [Tender(PaymentMode.CASH, D("100.00"))],
                    station, clock)
    assert result.change == D("20.00") and result.open_drawer is True
    assert [(t.mode, t.amount) for t in result.tenders] == [(PaymentMode.CASH, D("80.00"))]
    with uow_of(demo) as uow:
        order = order_summary(uow, 959)
    assert order["payments"][-1]["amount"] == "80.00" and order["settled"] is True
    # One old ticket, two new ones: not one for one, the old one is cancelled.
    assert result.cancelled == (JOYAUX[-1],) and result.replaced == ()


def test_customer_pays_split_across_card_credit_note_and_suspense_account(demo, station, clock):
    # Earlier refunds left 110,00 € on a credit note and 110,00 € on the suspense account.
    with uow_of(demo) as uow:
        note = refund_basket(uow, scan(demo, clock, [JOYAUX[0]]),
                             [Tender(PaymentMode.CREDIT_NOTE, D("110.00"))], station, clock)
    with uow_of(demo) as uow:
        refund_basket(uow, scan(demo, clock, [JOYAUX[1]]),
                      [Tender(PaymentMode.SUSPENSE_ACCOUNT, D("110.00"))], station, clock)
    voucher = note.tenders[0].reference
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    sell(demo, clock, cancellation, sale, quantity=2, **ids(demo, "Don Giovanni", "Cat 1"))
    tenders = [Tender(PaymentMode.CARD, D("20.00"), "CB ****1111"),
               Tender(PaymentMode.CREDIT_NOTE, D("30.00"), voucher),
               Tender(PaymentMode.SUSPENSE_ACCOUNT, D("30.00"))]
    result = settle(demo, cancellation, sale, tenders, station, clock)
    assert result.total == D("80.00") and result.change == D("0.00")
    with uow_of(demo) as uow:
        from pos.core.models import Order
        from pos.core.services.accounts import account_balance

        assert credit_note_balance(uow, voucher, clock).balance == D("80.00")
        contact = uow.session.scalar(select(Order.contact_id).where(Order.number == 959))
        assert account_balance(uow, contact) == D("80.00")
        order = order_summary(uow, 959)
    assert [(p["mode"], p["amount"]) for p in order["payments"][-3:]] == [
        ("card", "20.00"), ("credit_note", "30.00"), ("suspense_account", "30.00")]
    assert order["settled"] is True


@pytest.mark.parametrize("tenders, message", [
    ([Tender(PaymentMode.CASH, D("40.00"))], "Il manque 40,00 €"),
    ([Tender(PaymentMode.CARD, D("100.00"))], "seules les espèces rendent la monnaie"),
])
def test_payments_that_do_not_cover_the_balance_are_refused(demo, station, clock, tenders,
                                                            message):
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    sell(demo, clock, cancellation, sale, quantity=2, **ids(demo, "Don Giovanni", "Cat 1"))
    with pytest.raises(SettlementError) as refused:
        settle(demo, cancellation, sale, tenders, station, clock)
    assert message in plain_spaces(refused.value.message)


def test_a_refund_must_match_the_negative_balance_exactly(demo, station, clock):
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    sell(demo, clock, cancellation, sale, **ids(demo, "Carmina Burana", "Cat 1"))
    with pytest.raises(SettlementError, match="ne couvrent pas exactement"):
        settle(demo, cancellation, sale, [Tender(PaymentMode.CASH, D("60.00"))], station, clock)
    result = settle(demo, cancellation, sale, [Tender(PaymentMode.CARD, D("20.00"), "CB"),
                                               Tender(PaymentMode.CASH, D("30.00"))],
                    station, clock)
    assert [(t.mode, t.amount) for t in result.tenders] == [
        (PaymentMode.CARD, D("20.00")), (PaymentMode.CASH, D("30.00"))]


def test_a_seat_sold_elsewhere_meanwhile_refuses_the_whole_exchange(demo, station, clock):
    cancellation = scan(demo, clock, [JOYAUX[-1]])
    sale = new_sale()
    target = ids(demo, "Carmina Burana", "Cat 1")
    sell(demo, clock, cancellation, sale, seat_ids=[seat_id(demo, "Parterre", "A5")], **target)
    # Another counter sells A5 first.
    other_basket = scan(demo, clock, [JOYAUX[0]])
    other_sale = new_sale()
    sell(demo, clock, other_basket, other_sale, seat_ids=[seat_id(demo, "Parterre", "A5")],
         **target)
    settle(demo, other_basket, other_sale, [Tender(PaymentMode.CASH, D("50.00"))], station,
           clock)
    with uow_of(demo) as uow:
        before = (uow.session.scalar(select(func.count()).select_from(Ticket)),
                  uow.session.scalar(select(Counter.last_operation_number)),
                  uow.session.scalar(select(NumberSequence.last_value)),
                  uow.session.scalar(select(func.count()).select_from(JournalEntry)))
    with pytest.raises(SeatTaken) as refused:
        settle(demo, cancellation, sale, [Tender(PaymentMode.CASH, D("50.00"))], station, clock)
    assert "La place Parterre A5 de Carmina Burana vient d'être vendue" in refused.value.message
    with uow_of(demo) as uow:
        after = (uow.session.scalar(select(func.count()).select_from(Ticket)),
                 uow.session.scalar(select(Counter.last_operation_number)),
                 uow.session.scalar(select(NumberSequence.last_value)),
                 uow.session.scalar(select(func.count()).select_from(JournalEntry)))
        old = uow.session.scalar(select(Ticket).where(Ticket.number == JOYAUX[-1]))
        assert old.state is TicketState.VALID
    assert after == before


def test_the_exchange_receipt_says_what_was_taken_back_sold_and_settled(demo, station, clock):
    cancellation = scan(demo, clock, JOYAUX[:2])
    sale = new_sale()
    sell(demo, clock, cancellation, sale, quantity=2, **ids(demo, "Carmina Burana", "Cat 1"))
    result = settle(demo, cancellation, sale, [Tender(PaymentMode.CREDIT_NOTE, D("100.00"))],
                    station, clock)
    receipt = result.documents[0]
    lines = [plain_spaces(" ".join(filter(None, (getattr(b, "text", ""),
                                                  getattr(b, "left", ""),
                                                  getattr(b, "right", ""))))).strip()
             for b in receipt.blocks]
    assert "ÉCHANGE" in lines and "Ordre 1271" in lines
    assert "2 x Cat 1 Contact occasionnel - Plein tarif -220,00 €" in lines
    assert f"{result.new_tickets[0]} Parterre A1 60,00 €" in lines
    assert "Sous-total remboursé -220,00 €" in lines
    assert "Sous-total vendu 120,00 €" in lines
    assert "TOTAL -100,00 €" in lines
    assert f"Avoir {result.tenders[0].reference} -100,00 €" in lines


def test_money_moves_between_the_orders_of_the_basket(demo, station, clock):
    # 959 gives back 110,00 and takes 190,00; 961 gives back 75,00 (fees kept): +5,00 due.
    cancellation = scan(demo, clock, [JOYAUX[-1], "01010003003"])
    sale = new_sale()
    sell(demo, clock, cancellation, sale, quantity=2, **ids(demo, "Don Giovanni", "Cat 1"))
    result = settle(demo, cancellation, sale, [Tender(PaymentMode.CASH, D("5.00"))],
                    station, clock)
    assert result.total == D("5.00")
    with uow_of(demo) as uow:
        o959, o961 = order_summary(uow, 959), order_summary(uow, 961)
    assert [(p["mode"], p["amount"]) for p in o961["payments"] if p["operation"]] == [
        ("other", "-75.00")]
    assert [(p["mode"], p["amount"]) for p in o959["payments"] if p["operation"]] == [
        ("other", "75.00"), ("cash", "5.00")]
    assert o959["settled"] is True and o961["settled"] is True
    # Two old tickets, two new ones: paired one for one, in order.
    assert [t["replaced_by"] for t in o961["tickets"] if t["number"] == "01010003003"] == [
        result.new_tickets[1]]


def test_stock_never_goes_below_zero_in_the_schema(demo):
    from sqlalchemy import update
    from sqlalchemy.exc import IntegrityError

    from pos.core.models_catalog import Product

    with uow_of(demo) as uow:
        with pytest.raises(IntegrityError):
            uow.session.execute(update(Product).where(Product.code == "PARKING")
                                .values(stock=-1))


def test_ticket_numbers_follow_the_highest_one_without_gaps(demo):
    from sqlalchemy import delete

    from pos.core.services.ticket_numbers import take_ticket_numbers

    with uow_of(demo) as uow:
        assert take_ticket_numbers(uow, 2) == ["01010003014", "01010003015"]
        # rolled back: the numbers are given back
    with uow_of(demo) as uow:
        uow.session.execute(delete(NumberSequence))  # a database without the row
        assert take_ticket_numbers(uow, 1) == ["01010003014"]
        assert take_ticket_numbers(uow, 1) == ["01010003015"]
