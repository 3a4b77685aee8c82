"""The cancellation basket and the batches of numbers added to it."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_


class AlreadyInBasket(DomainError):
    code = "already_in_basket"
    template = N_("Ticket {number} is already in the basket.")


class BatchTooLarge(DomainError):
    code = "batch_too_large"
    template = N_("{size} tickets: {limit} at most at a time.")


class RangeTooLarge(BatchTooLarge):
    code = "range_too_large"
    template = N_(
        "Range of {size} numbers: {limit} at most at a time. Split it into several ranges.")


class ListTooLarge(BatchTooLarge):
    code = "list_too_large"
    template = N_(
        "List of {size} numbers: {limit} at most at a time. Split it into several lists.")


class EmptyBatch(DomainError):
    code = "empty_batch"
    template = N_("No ticket number in the list.")


class EmptyBasket(DomainError):
    code = "empty_basket"
    template = N_("The cancellation basket is empty.")


class NothingToExchange(EmptyBasket):
    code = "nothing_to_exchange"
    template = N_("The cancellation basket is empty: nothing to exchange.")


class NothingSoldInExchange(EmptyBasket):
    code = "nothing_sold_in_exchange"
    template = N_("Nothing is sold in exchange: choose what the customer takes, or refund.")


class NoTicketToExchange(EmptyBasket):
    code = "no_ticket_to_exchange"
    template = N_("First add the tickets to exchange to the cancellation basket.")


class NoTicketToExchangeAgain(EmptyBasket):
    code = "no_ticket_to_exchange_again"
    template = N_("No ticket of the cancellation basket to exchange again.")
