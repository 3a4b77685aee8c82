"""How the tickets in the basket were paid ("Rappel des modes de règlement"), and how
much of their orders may still be refunded (``refund_ceiling``).

The reminder shares each basket order's refund among the modes the order was paid with,
pro rata of the payments: an order paid 2 420,00 € from the suspense account, 6 of its
22 tickets -> "Compte d'attente 660,00 €". Shares are exact to the cent by the
largest-remainder method: every mode gets its share rounded down to the cent, then the
cents still missing go one each to the modes with the largest remainders (ties: the
mode paid first), so the shares always add up to the amount shared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from sqlalchemy import select

from pos.core.basket import CancellationBasket
from pos.core.models import (
    LIVE_TICKET_STATES,
    Payment,
    PaymentMode,
    Ticket,
)
from pos.core.money import CENT, ZERO, money
from pos.core.services.orders import _sum
from pos.core.services.refund_ceiling import refundable, refundable_by_order  # noqa: F401 - refundable: re-exported, as before
from pos.core.uow import UnitOfWork


def largest_remainder(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """``total`` shared in proportion to ``weights``, to the cent, adding up exactly."""
    total = money(total)
    whole = sum(weights, ZERO)
    if not weights or whole <= ZERO:
        return [ZERO for _ in weights]
    exact = [total * w / whole for w in weights]
    shares = [e.quantize(CENT, rounding=ROUND_DOWN) for e in exact]
    missing = int((total - sum(shares, ZERO)) / CENT)
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in by_remainder[:missing]:
        shares[i] += CENT
    return shares


@dataclass(frozen=True)
class ReminderLine:
    mode: PaymentMode
    amount: Decimal


@dataclass(frozen=True)
class OrderRefundable:
    order_number: int
    refund: Decimal  # what the basket gives back of this order
    refundable: Decimal  # what may still be refunded of it


@dataclass(frozen=True)
class PaymentReminder:
    lines: tuple[ReminderLine, ...]  # how the basket's tickets were paid, by mode
    orders: tuple[OrderRefundable, ...]

    @property
    def refundable(self) -> Decimal:
        return sum((o.refundable for o in self.orders), ZERO)


def _share(refund: Decimal, charged_total: Decimal, paid_by_mode: dict[PaymentMode, Decimal],
           net_paid: Decimal) -> list[tuple[PaymentMode, Decimal]]:
    """The basket's refund of one order shared among the modes it was paid with.
    ``charged_total``: its live tickets; ``net_paid``: what the order holds (money in
    less money out); ``paid_by_mode``: the weights, how the money came in."""
    paid_by_mode = {m: a for m, a in paid_by_mode.items() if a > ZERO}
    if charged_total <= ZERO or net_paid <= ZERO or not paid_by_mode:
        return []
    # The basket's part of what the order holds: the whole refund for a fully paid
    # order, its share for an order paid in part.
    share = money(refund * min(net_paid / charged_total, Decimal(1)))
    modes = list(paid_by_mode)
    amounts = largest_remainder(share, [paid_by_mode[m] for m in modes])
    return list(zip(modes, amounts, strict=True))


def payment_reminder(uow: UnitOfWork, basket: CancellationBasket) -> PaymentReminder:
    """Four statements whatever the number of orders in the basket (charged, paid by
    mode, and the two of ``refundable_by_order``)."""
    refunds = basket.refund_by_order()
    if not refunds:
        return PaymentReminder(lines=(), orders=())
    s = uow.session
    order_ids = sorted(refunds)
    ticket_ids = [t.ticket_id for t in basket.tickets]
    numbers = {t.order_id: t.order_number for t in basket.tickets}
    # What the order's tickets still represent: its live tickets only. A ticket refunded
    # or replaced by an exchange no longer counts, and neither does the money that went
    # with it (``net`` below), so an exchange on the same order leaves the share whole.
    charged = {order_id: price + fees for order_id, price, fees in s.execute(
        select(Ticket.order_id, _sum(Ticket.price), _sum(Ticket.fees))
        .where(Ticket.order_id.in_(order_ids), Ticket.state.in_(LIVE_TICKET_STATES))
        .group_by(Ticket.order_id))}
    net = dict(s.execute(select(Payment.order_id, _sum(Payment.amount))
                         .where(Payment.order_id.in_(order_ids))
                         .group_by(Payment.order_id)).all())
    # How each order was paid: money in, less money given back outside this screen (a
    # payment reversed by hand, operation_id NULL). Refunds made here are left out: they
    # gave back other tickets, they do not change how these were paid.
    paid: dict[int, dict[PaymentMode, Decimal]] = {o: {} for o in order_ids}
    for order_id, mode, amount in s.execute(
        select(Payment.order_id, Payment.mode, Payment.amount)
        .where(Payment.order_id.in_(order_ids),
               (Payment.amount > 0) | Payment.operation_id.is_(None))
        .order_by(Payment.id)
    ):
        by_mode = paid[order_id]
        by_mode[mode] = by_mode.get(mode, ZERO) + amount
    ceilings = refundable_by_order(uow, order_ids, ticket_ids)
    by_mode: dict[PaymentMode, Decimal] = {}
    orders = []
    for order_id, refund in refunds.items():
        for mode, amount in _share(refund, charged.get(order_id, ZERO), paid[order_id],
                                   net.get(order_id, ZERO)):
            by_mode[mode] = by_mode.get(mode, ZERO) + amount
        orders.append(OrderRefundable(numbers[order_id], refund, ceilings[order_id]))
    lines = tuple(ReminderLine(m, a) for m, a in by_mode.items() if a != ZERO)
    return PaymentReminder(lines=lines, orders=tuple(orders))
