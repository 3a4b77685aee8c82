"""Settling an exchange: the cancellation basket taken back, the sale basket sold, the
net balance paid or refunded, in ONE transaction.

Everything is checked again under locks (old tickets, orders), the old tickets are
marked (replaced, pointing to their new ticket, when it is one for one; cancelled
otherwise) BEFORE the new ones are written, so a seat released here can be sold here;
the new tickets take new numbers from the sequence; the schema's partial unique index
refuses a seat sold twice, even by two counters at the same instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from pos.core import journal
from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.documents import Document
from pos.core.errors import EmptyBasket, SettlementError
from pos.core.exchange_basket import ExchangeBasket, SaleTicket, totals
from pos.core.models import (
    LineKind,
    Operation,
    OperationKind,
    OperationLine,
    OperationState,
    Order,
    PaymentMode,
    Performance,
    Ticket,
    TicketState,
)
from pos.core.models_catalog import BUNDLE_KINDS, Product, ProductSale, ProductSaleTicket
from pos.core.money import ZERO, as_text
from pos.core.services import holds
from pos.core.services.catalog import (
    NotForSale,
    OutOfStock,
    SeatNotFree,
    check_benefit,
    price_of,
    sellable_performance,
)
from pos.core.services.credit_notes import DEFAULT_VALIDITY_DAYS
from pos.core.services.exchange_payments import check_tenders, record_payments, tenders_payload
from pos.core.services.operation_notes import OperationNotes, apply_notes
from pos.core.services.payment_reminder import lock_orders, refundable
from pos.core.services.print_jobs import DEFERRED_NOTE
from pos.core.services.print_jobs import enqueue as enqueue_print_jobs
from pos.core.services.refunds import Tender, _take_operation_number
from pos.core.services.scanning import lock_and_recheck
from pos.core.services.seats import occupied_seats
from pos.core.services.station import Station
from pos.core.services.ticket_numbers import take_ticket_numbers
from pos.core.ticket_documents import ExchangeReceipt, TicketFace, exchange_receipt, ticket_document
from pos.core.uow import UnitOfWork
from pos.formatting import money as euros


class SeatTaken(SeatNotFree):
    code = "seat_taken"


@dataclass(frozen=True)
class ExchangeResult:
    operation_id: int
    operation_number: int
    sold: Decimal
    refunded: Decimal  # negative
    total: Decimal
    tenders: tuple[Tender, ...]  # as recorded: cash net of change; credit notes numbered
    change: Decimal
    new_tickets: tuple[str, ...]
    replaced: tuple[tuple[str, str], ...]  # (old number, new number)
    cancelled: tuple[str, ...]  # old tickets cancelled without a one-for-one new ticket
    documents: tuple[Document, ...]  # receipt, tickets, vouchers
    open_drawer: bool
    print_job_ids: tuple[int, ...] = ()


def _check_old(uow: UnitOfWork, cancellation: CancellationBasket) -> dict[int, Ticket]:
    return lock_and_recheck(uow, cancellation.tickets)

def _check_new(uow: UnitOfWork, sale: ExchangeBasket, locked: dict[int, Ticket],
               clock: Clock) -> None:
    released = {t.seat_id for t in locked.values() if t.seat_id is not None}
    bundled = {id(t) for p in sale.products for t in p.tickets}
    occupied: dict[int, set[int]] = {}
    seen: set[tuple[int, int]] = set()
    for t in sale.all_tickets():
        sellable_performance(uow, t.performance_id, clock)
        if id(t) not in bundled:
            price = price_of(uow, t.performance_id, t.category_id, t.tariff_id)
            if (price.amount, price.fees) != (t.price, t.fees):
                raise NotForSale(f"Le prix de {t.event_name} {t.category} {t.tariff} a "
                                 "changé : ajoutez ces billets à nouveau.")
            check_benefit(uow, t.tariff_id, sale.contact_id, sale.granted_tariffs())
        if t.replaces_ticket_id is not None and t.replaces_ticket_id not in locked:
            raise SettlementError(f"Le billet {t.replaces_number} ré-échangé n'est plus dans "
                                  "le panier d'annulation : retirez sa ligne échangée.")
        if t.seat_id is None:
            continue
        taken = occupied.setdefault(t.performance_id,
                                    occupied_seats(uow, t.performance_id) - released)
        if t.seat_id in taken or (t.performance_id, t.seat_id) in seen:
            raise SeatTaken(_seat_taken_message(t))
        seen.add((t.performance_id, t.seat_id))
    for line in sale.products:
        product = uow.session.get(Product, line.product_id)
        if product is None or not product.active or product.price != line.unit_price:
            raise NotForSale(f"« {line.name} » a changé ou n'est plus en vente : "
                             "ajoutez-le à nouveau.")


def _seat_taken_message(t: SaleTicket) -> str:
    place = " ".join(p for p in (t.area, t.seat) if p)
    return (f"La place {place} de {t.event_name} vient d'être vendue à un autre guichet : "
            "choisissez une autre place. Rien n'a été enregistré.")


def _take_stock(uow: UnitOfWork, sale: ExchangeBasket) -> None:
    wanted: dict[int, int] = {}
    for line in sale.products:
        wanted[line.product_id] = wanted.get(line.product_id, 0) + line.quantity
    for product_id, n in sorted(wanted.items()):
        done = uow.session.execute(
            update(Product).where(Product.id == product_id, Product.stock.is_not(None),
                                  Product.stock >= n)
            .values(stock=Product.stock - n).returning(Product.id)).scalar_one_or_none()
        if done is None:
            product = uow.session.get(Product, product_id)
            assert product is not None
            uow.session.refresh(product)
            if product.stock is not None:
                raise OutOfStock(f"Stock insuffisant pour « {product.name} » : il en reste "
                                 f"{product.stock}, {n} demandé{'s' if n > 1 else ''}.")


def _open_operation(uow: UnitOfWork, cancellation: CancellationBasket, station: Station,
                    now, notes: OperationNotes | None) -> Operation:
    if cancellation.held_operation_id is None:
        operation = Operation(
            counter_id=station.counter_id, number=_take_operation_number(uow, station.counter_id),
            kind=OperationKind.EXCHANGE, state=OperationState.COMPLETED, created_at=now,
            completed_at=now, operator_id=station.operator_id,
            refund_fees=cancellation.refund_fees)
        uow.session.add(operation)
    else:
        operation = holds.complete_held(uow, cancellation.held_operation_id, now,
                                        refund_fees=cancellation.refund_fees)
        operation.kind = OperationKind.EXCHANGE
    apply_notes(operation, notes)
    uow.session.flush()
    return operation


def settle_exchange(
    uow: UnitOfWork,
    cancellation: CancellationBasket,
    sale: ExchangeBasket,
    tenders: list[Tender],
    station: Station,
    clock: Clock,
    *,
    credit_note_validity_days: int = DEFAULT_VALIDITY_DAYS,
    notes: OperationNotes | None = None,
    tickets_print: str = "now",
    delivery_mode: str = "Remis au contact",
) -> ExchangeResult:
    """``tickets_print``: "now" (the new tickets are printed after the commit), "later"
    (their print jobs wait for the cashier, see ``print_jobs.DEFERRED_NOTE``) or "none"
    (sent otherwise, e.g. by e-mail); the receipt and vouchers always print."""
    if tickets_print not in ("now", "later", "none"):
        raise ValueError(f"tickets_print: {tickets_print!r}")
    if not cancellation.tickets:
        raise EmptyBasket("Le panier d'annulation est vide : rien à échanger.")
    if not len(sale):
        raise EmptyBasket("Rien n'est vendu en échange : choisissez ce que le client prend, "
                          "ou remboursez.")
    if sale.order_id is None or sale.order_id not in {t.order_id for t in cancellation.tickets}:
        raise SettlementError("Le panier échangé n'appartient pas à ce contact.")
    sums = totals(cancellation, sale)
    checked = check_tenders(sums.total, tenders)
    s, now = uow.session, clock.now()

    locked = _check_old(uow, cancellation)
    holds.check_not_held(uow, cancellation.tickets, cancellation.held_operation_id)
    _check_new(uow, sale, locked, clock)

    net = {o: -a for o, a in cancellation.refund_by_order().items()}
    net[sale.order_id] = net.get(sale.order_id, ZERO) + sums.sold
    lock_orders(uow, net)
    for order_id, amount in net.items():
        ceiling = refundable(uow, order_id, locked)
        if amount < ZERO and -amount > ceiling:
            number = s.get(Order, order_id).number  # type: ignore[union-attr]
            raise SettlementError(
                f"Dossier {number} : on ne peut pas rembourser {euros(-amount)}, "
                f"seulement {euros(max(ceiling, ZERO))} ont été payés et ne sont ni "
                "remboursés ni promis à un remboursement en attente.")

    operation = _open_operation(uow, cancellation, station, now, notes)
    number = operation.number
    # The old tickets first: their seats are free for the new ones of this operation.
    for item in cancellation.tickets:
        ticket = locked[item.ticket_id]
        ticket.state = TicketState.CANCELLED
        s.add(OperationLine(operation_id=operation.id, ticket_id=ticket.id,
                            kind=LineKind.CANCEL, price=ticket.price,
                            fees=cancellation.refunded_fees(item)))
    s.flush()
    _take_stock(uow, sale)

    new_lines = sale.all_tickets()
    numbers = take_ticket_numbers(uow, len(new_lines))
    created: dict[int, Ticket] = {}
    for line, ticket_number in zip(new_lines, numbers, strict=True):
        created[line.line_id] = Ticket(
            number=ticket_number, order_id=sale.order_id, performance_id=line.performance_id,
            seat_id=line.seat_id, category_id=line.category_id, tariff_id=line.tariff_id,
            price=line.price, fees=line.fees, state=TicketState.VALID,
            printed=tickets_print == "now",
            delivery_mode=delivery_mode[:40], sold_at=now, sold_by_id=station.operator_id,
            sales_point_id=station.sales_point_id)
        s.add(created[line.line_id])
    try:
        s.flush()
    except IntegrityError as error:
        if "seat" in str(error.orig) or "uq_tickets_live_seat" in str(error.orig):
            raise SeatTaken(
                "Une place de cet échange vient d'être vendue à un autre guichet : "
                "choisissez d'autres places. Rien n'a été enregistré.") from None
        raise

    # One for one: explicit (auto-exchange), else old and new paired in order when the
    # counts match; an old ticket without its new one is cancelled.
    pairs = [(line.replaces_ticket_id, created[line.line_id]) for line in sale.tickets
             if line.replaces_ticket_id is not None]
    paired = {old for old, _ in pairs}
    rest_old = [i.ticket_id for i in cancellation.tickets if i.ticket_id not in paired]
    rest_new = [created[t.line_id] for t in sale.tickets if t.replaces_ticket_id is None]
    if rest_old and len(rest_old) == len(rest_new):
        pairs += list(zip(rest_old, rest_new, strict=True))
    for old_id, new in pairs:
        locked[old_id].state = TicketState.REPLACED
        locked[old_id].replaced_by_id = new.id
    for line in new_lines:
        t = created[line.line_id]
        s.add(OperationLine(operation_id=operation.id, ticket_id=t.id, kind=LineKind.SALE,
                            price=t.price, fees=t.fees))
    for product in sale.products:
        bundle = product.kind in {k.value for k in BUNDLE_KINDS}
        sold = ProductSale(operation_id=operation.id, order_id=sale.order_id,
                           product_id=product.product_id, quantity=product.quantity,
                           unit_price=product.unit_price, amount=product.amount,
                           on_tickets=bundle, at=now)
        s.add(sold)
        s.flush()
        for t in product.tickets:
            s.add(ProductSaleTicket(ticket_id=created[t.line_id].id, product_sale_id=sold.id))

    recorded, vouchers = record_payments(
        uow, net, checked, operation_id=operation.id, operation_number=number,
        station=station, clock=clock, validity_days=credit_note_validity_days)
    for order_id in net:
        order = s.get(Order, order_id)
        assert order is not None
        order.modified_at = now
        order.modified_by_id = station.operator_id
        order.modified_sales_point_id = station.sales_point_id
    sign = -1 if sums.total < ZERO else 1
    replaced = tuple((locked[o].number, n.number) for o, n in pairs)
    cancelled = tuple(locked[o].number for o in rest_old
                      if locked[o].state is TicketState.CANCELLED)
    journal.append(
        s, at=now, action="exchange.settled", counter_id=station.counter_id,
        operator_id=station.operator_id, operation_id=operation.id, number=number,
        tickets=[t.number for t in cancellation.tickets], new_tickets=numbers,
        replaced=[list(p) for p in replaced], products=[
            {"code": p.code, "quantity": p.quantity, "amount": as_text(p.amount)}
            for p in sale.products],
        refunded=as_text(sums.refunded), sold=as_text(sums.sold), total=as_text(sums.total),
        tenders=tenders_payload(recorded, sign), change=as_text(checked.change))
    s.flush()

    documents = _documents(uow, cancellation, sale, created, new_lines, station, number, now,
                           sums, recorded, sign, checked.change)
    documents += vouchers
    cash = any(t.mode is PaymentMode.CASH for t in recorded) or checked.change > ZERO
    tickets = [d for d in documents if d.kind == "ticket"]
    at_once = documents if tickets_print == "now" else [
        d for d in documents if d.kind != "ticket"]
    job_ids = enqueue_print_jobs(s, station.counter_id, operation.id, at_once, cash, now,
                                 operator_id=station.operator_id)
    if tickets_print == "later" and tickets:
        job_ids += enqueue_print_jobs(s, station.counter_id, operation.id, tickets, False, now,
                                      operator_id=station.operator_id,
                                      waiting_note=DEFERRED_NOTE)
    uow.commit()
    return ExchangeResult(
        operation_id=operation.id, operation_number=number, sold=sums.sold,
        refunded=sums.refunded, total=sums.total, tenders=tuple(recorded),
        change=checked.change, new_tickets=tuple(numbers), replaced=replaced,
        cancelled=cancelled, documents=tuple(documents), open_drawer=cash,
        print_job_ids=job_ids)


def _documents(uow, cancellation, sale, created, new_lines, station, number, now, sums,
               recorded, sign, change) -> list[Document]:
    receipt = exchange_receipt(ExchangeReceipt(
        venue=station.venue_name, counter=station.counter_name,
        sales_point=station.sales_point_name, operator=station.operator_login,
        operation_number=number, at=now, cancelled=cancellation.groups(),
        sold=sale.groups(), new_numbers=tuple((ln.line_id, created[ln.line_id].number)
                                              for ln in new_lines),
        refunded=sums.refunded, sold_total=sums.sold, total=sums.total,
        tenders=tuple((t.mode, sign * t.amount, t.reference) for t in recorded),
        change=change, refund_fees=cancellation.refund_fees))
    bundle_of = {t.line_id: p.name for p in sale.products for t in p.tickets}
    docs = [receipt]
    for line in new_lines:
        perf = uow.session.get(Performance, line.performance_id)
        docs.append(ticket_document(TicketFace(
            number=created[line.line_id].number, event=line.event_name,
            starts_at=line.starts_at, venue=perf.event.venue.name if perf else "",
            area=line.area, seat=line.seat, category=line.category, tariff=line.tariff,
            price=line.price, fees=line.fees, operator=station.operator_login,
            sales_point=station.sales_point_name, product=bundle_of.get(line.line_id, ""))))
    return docs
