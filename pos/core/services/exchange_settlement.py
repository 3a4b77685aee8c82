"""Settling an exchange: the cancellation basket taken back, the sale basket sold, the
net balance paid or refunded, in ONE transaction.

Everything is checked again under locks (old tickets, orders), the old tickets are
marked (replaced, pointing to their new ticket, when it is one for one; cancelled
otherwise) BEFORE the new ones are written, so a seat released here can be sold here;
the new tickets take new numbers from the sequence; the schema's partial unique index
refuses a seat sold twice, even by two counters at the same instant.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.documents import Document
from pos.core.errors import (  # noqa: F401 - re-exported
    EmptyBasket,
    ExchangeNotOfContact,
    NothingSoldInExchange,
    NothingToExchange,
    SeatTaken,
    SettlementError,
)
from pos.core.exchange_basket import ExchangeBasket, totals
from pos.core.models import (
    Event,
    LineKind,
    OperationKind,
    OperationLine,
    PaymentMode,
    Performance,
    Ticket,
    TicketState,
    Venue,
)
from pos.core.models_catalog import BUNDLE_KINDS, ProductSale, ProductSaleTicket
from pos.core.money import ZERO, as_text
from pos.core.prepared import PreparedQuery, PreparedWrite
from pos.core.services import settlement as step
from pos.core.services.authorization import Approval
from pos.core.services.credit_notes import DEFAULT_VALIDITY_DAYS
from pos.core.services.idempotency import outcome_type
from pos.core.services.mail_jobs import MailRequest
from pos.core.services.operation_notes import OperationNotes
from pos.core.services.payments import record_payments, tenders_payload
from pos.core.services.print_jobs import DEFERRED_NOTE, POSTAL_NOTE
from pos.core.services.refund_ceiling import check_refund_ceiling
from pos.core.services.sale_checks import recheck_sold, take_stock
from pos.core.services.station import Station
from pos.core.services.ticket_numbers import take_ticket_numbers
from pos.core.tenders import CheckedTenders, Tender, check_tenders
from pos.core.ticket_documents import ExchangeReceipt, TicketFace, exchange_receipt, ticket_document
from pos.core.uow import UnitOfWork


@outcome_type
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


def _check_request(cancellation: CancellationBasket, sale: ExchangeBasket,
                   tickets_print: str) -> None:
    if tickets_print not in ("now", "later", "post", "none"):
        raise ValueError(f"tickets_print: {tickets_print!r}")
    if not cancellation.tickets:
        raise NothingToExchange()
    if not len(sale):
        raise NothingSoldInExchange()
    if sale.order_id is None or sale.order_id not in {t.order_id for t in cancellation.tickets}:
        raise ExchangeNotOfContact()


def pairs_of(cancellation: CancellationBasket, sale: ExchangeBasket) -> dict[int, int]:
    """One for one: old ticket id -> the sale line that replaces it. Explicit
    (auto-exchange), else old and new paired in order when the counts match; an old
    ticket without its new one is cancelled."""
    pairs = {line.replaces_ticket_id: line.line_id for line in sale.tickets
             if line.replaces_ticket_id is not None}
    rest_old = [i.ticket_id for i in cancellation.tickets if i.ticket_id not in pairs]
    rest_new = [t.line_id for t in sale.tickets if t.replaces_ticket_id is None]
    if rest_old and len(rest_old) == len(rest_new):
        pairs.update(zip(rest_old, rest_new, strict=True))
    return pairs


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
    approval: Approval | None = None,
    idempotency_key: str | None = None,
    mail: MailRequest | None = None,
) -> ExchangeResult:
    """``tickets_print``: "now" (the new tickets are printed after the commit), "later"
    (their print jobs wait for the cashier, see ``print_jobs.DEFERRED_NOTE``), "post"
    (they wait for the post batch, ``POSTAL_NOTE``, ``guichet documents pending``) or "none"
    (sent otherwise, e.g. by e-mail); the receipt and vouchers always print.
    ``approval``: a supervisor's, when the exchange needs one (``SupervisorRequired``).
    ``mail``: the documents also go by e-mail (queued in this transaction, step 8b)."""
    _check_request(cancellation, sale, tickets_print)
    sums = totals(cancellation, sale)
    checked = check_tenders(sums.total, tenders)
    ctx = step.open_write(uow, station, clock, idempotency_key, "exchange")
    if ctx.replay is not None:
        return ctx.replay
    locked = step.recheck_taken_back(ctx, cancellation)
    step.assess_fees(ctx, cancellation, OperationKind.EXCHANGE, notes)
    recheck_sold(uow, sale, locked, clock, own_hold=cancellation.held_operation_id)
    net = {o: -a for o, a in cancellation.refund_by_order().items()}
    net[sale.order_id] = net.get(sale.order_id, ZERO) + sums.sold
    check_refund_ceiling(uow, net, locked)
    ctx = step.authorize(ctx, cancellation, locked, refunded=max(ZERO, -sums.total),
                         approval=approval)
    operation = step.open_operation(ctx, cancellation, OperationKind.EXCHANGE, notes)
    pairs = pairs_of(cancellation, sale)
    # The old tickets first: their seats are free for the new ones of this operation.
    step.cancel_taken_back(ctx, operation, cancellation, locked, replaced=pairs)
    take_stock(uow, sale)
    created = _sell(ctx, operation.id, sale, tickets_print, delivery_mode)
    _link_replaced(uow, pairs, created)
    recorded, vouchers = record_payments(
        uow, net, checked, operation_id=operation.id, operation_number=operation.number,
        station=station, clock=clock, validity_days=credit_note_validity_days)
    step.touch_orders(ctx, net)
    result = _result(ctx, operation, cancellation, sale, locked, pairs, created, sums,
                     checked, recorded, vouchers)
    _journal(ctx, operation, cancellation, sale, result, sums, checked)
    result = replace(result, print_job_ids=_enqueue(ctx, operation, result, tickets_print))
    step.enqueue_mail(ctx, operation, result.documents, mail)
    step.commit(ctx, result)
    return result


# The new tickets as ONE multi-row INSERT ... RETURNING (SQLAlchemy's "insertmanyvalues"),
# built once. The ids come back paired with the numbers, which are unique: no row order
# is needed, so no sentinel and no one-INSERT-per-ticket fallback (10 statements, ~1 ms).
_tickets = Ticket.__table__
_NEW_TICKETS = insert(_tickets).returning(_tickets.c.id, _tickets.c.number)
# The sale lines and the links: run on the driver's cursor (pos.core.prepared). The new
# tickets stay a SQLAlchemy execution: its IntegrityError says which seat was taken.
_NEW_SALE_LINES = PreparedWrite(insert(OperationLine.__table__))
_LINK_REPLACED = PreparedWrite(update(_tickets).where(_tickets.c.id == bindparam("old_id"))
                               .values(replaced_by_id=bindparam("new_id")))


@dataclass(frozen=True)
class NewTicket:
    id: int
    number: str


def _sell(ctx: step.Context, operation_id: int, sale: ExchangeBasket, tickets_print: str,
          delivery_mode: str) -> dict[int, NewTicket]:
    """The new tickets, under new numbers, with their sale lines and products: plain
    INSERTs, the new ids read back in order."""
    s, station = ctx.uow.session, ctx.station
    new_lines = sale.all_tickets()
    numbers = take_ticket_numbers(ctx.uow, len(new_lines))
    rows = [{"number": number, "order_id": sale.order_id, "performance_id": line.performance_id,
             "seat_id": line.seat_id, "category_id": line.category_id,
             "tariff_id": line.tariff_id, "quota_id": None, "price": line.price,
             "fees": line.fees, "state": TicketState.VALID, "printed": tickets_print == "now",
             "delivery_mode": delivery_mode[:40], "sold_at": ctx.now,
             "sold_by_id": station.operator_id, "sales_point_id": station.sales_point_id,
             "checked_in_at": None, "replaced_by_id": None}
            for line, number in zip(new_lines, numbers, strict=True)]
    try:
        ids = ({number: ticket_id for ticket_id, number in ctx.uow.execute(_NEW_TICKETS, rows)}
               if rows else {})
    except IntegrityError as error:
        if "seat" in str(error.orig) or "uq_tickets_live_seat" in str(error.orig):
            raise SeatTaken() from None
        raise
    created = {line.line_id: NewTicket(ids[n], n)
               for line, n in zip(new_lines, numbers, strict=True)}
    if new_lines:
        ctx.uow.write(_NEW_SALE_LINES, [
            {"operation_id": operation_id, "ticket_id": created[line.line_id].id,
             "kind": LineKind.SALE, "price": line.price, "fees": line.fees}
            for line in new_lines])
    for product in sale.products:
        sold = ProductSale(operation_id=operation_id, order_id=sale.order_id,
                           product_id=product.product_id, quantity=product.quantity,
                           unit_price=product.unit_price, amount=product.amount,
                           on_tickets=product.kind in {k.value for k in BUNDLE_KINDS},
                           at=ctx.now)
        s.add(sold)
        s.flush()
        s.add_all(ProductSaleTicket(ticket_id=created[t.line_id].id, product_sale_id=sold.id)
                  for t in product.tickets)
    return created


def _link_replaced(uow: UnitOfWork, pairs: dict[int, int],
                   created: dict[int, NewTicket]) -> None:
    """Each replaced ticket points to its new one (one executemany)."""
    if not pairs:
        return
    uow.write(_LINK_REPLACED, [{"old_id": old, "new_id": created[line].id}
                               for old, line in sorted(pairs.items())])


def _result(ctx, operation, cancellation, sale, locked, pairs, created, sums,
            checked: CheckedTenders, recorded, vouchers) -> ExchangeResult:
    new_lines = sale.all_tickets()
    sign = -1 if sums.total < ZERO else 1
    by = {old: created[line].number for old, line in pairs.items()}
    replacements = tuple((t.number, by.get(t.ticket_id, "")) for t in cancellation.tickets)
    documents = _documents(ctx.uow, cancellation, sale, created, new_lines, ctx.station,
                           operation.number, ctx.now, sums, recorded, sign, checked.change,
                           replacements)
    return ExchangeResult(
        operation_id=operation.id, operation_number=operation.number, sold=sums.sold,
        refunded=sums.refunded, total=sums.total, tenders=tuple(recorded),
        change=checked.change,
        new_tickets=tuple(created[ln.line_id].number for ln in new_lines),
        replaced=tuple((locked[o].number, created[n].number) for o, n in pairs.items()),
        cancelled=tuple(i.number for i in cancellation.tickets if i.ticket_id not in pairs),
        documents=tuple(documents) + tuple(vouchers),
        open_drawer=any(t.mode is PaymentMode.CASH for t in recorded) or checked.change > ZERO)


def _journal(ctx, operation, cancellation, sale, result: ExchangeResult, sums,
             checked: CheckedTenders) -> None:
    step.append_journal(
        ctx, "exchange.settled", operation, net=sums.total,
        tickets=[t.number for t in cancellation.tickets], new_tickets=list(result.new_tickets),
        replaced=[list(p) for p in result.replaced], products=[
            {"code": p.code, "quantity": p.quantity, "amount": as_text(p.amount)}
            for p in sale.products],
        refunded=as_text(sums.refunded), sold=as_text(sums.sold), total=as_text(sums.total),
        tenders=tenders_payload(list(result.tenders), -1 if sums.total < ZERO else 1),
        change=as_text(checked.change), fees=step.fees_payload(cancellation))


def _enqueue(ctx, operation, result: ExchangeResult, tickets_print: str) -> tuple[int, ...]:
    tickets = [d for d in result.documents if d.kind == "ticket"]
    at_once = [d for d in result.documents if tickets_print == "now" or d.kind != "ticket"]
    job_ids = step.enqueue_documents(ctx, operation, at_once, open_drawer=result.open_drawer)
    if tickets_print in ("later", "post") and tickets:  # kept, never dropped
        note = DEFERRED_NOTE if tickets_print == "later" else POSTAL_NOTE
        job_ids += step.enqueue_documents(ctx, operation, tickets, waiting_note=note)
    return job_ids


# The venue printed on the new tickets: one row compiled once (it was three ORM loads).
_VENUE = PreparedQuery(select(Venue.name).join(Event, Event.venue_id == Venue.id)
                       .join(Performance, Performance.event_id == Event.id)
                       .where(Performance.id == bindparam("performance_id")))


def _documents(uow, cancellation, sale, created, new_lines, station, number, now, sums,
               recorded, sign, change, replacements=()) -> list[Document]:
    receipt = exchange_receipt(ExchangeReceipt(
        venue=station.venue_name, counter=station.counter_name,
        sales_point=station.sales_point_name, operator=station.operator_login,
        operation_number=number, at=now, cancelled=cancellation.groups(),
        sold=sale.groups(), new_numbers=tuple((ln.line_id, created[ln.line_id].number)
                                              for ln in new_lines),
        refunded=sums.refunded, sold_total=sums.sold, total=sums.total,
        tenders=tuple((t.mode, sign * t.amount, t.reference) for t in recorded),
        change=change, refund_fees=cancellation.refund_fees,
        fee_lines=dict(cancellation.fee_lines), replacements=replacements))
    bundle_of = {t.line_id: p.name for p in sale.products for t in p.tickets}
    docs = [receipt]
    venues: dict[int, str] = {}
    for line in new_lines:
        if line.performance_id not in venues:
            rows = uow.fetch(_VENUE, {"performance_id": line.performance_id})
            venues[line.performance_id] = rows[0].name if rows else ""
        docs.append(ticket_document(TicketFace(
            number=created[line.line_id].number, event=line.event_name,
            starts_at=line.starts_at, venue=venues[line.performance_id],
            area=line.area, seat=line.seat, category=line.category, tariff=line.tariff,
            price=line.price, fees=line.fees, operator=station.operator_login,
            sales_point=station.sales_point_name, product=bundle_of.get(line.line_id, ""))))
    return docs
