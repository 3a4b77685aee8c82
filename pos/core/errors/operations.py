"""Orders and operations looked up by number, and an operation's notes."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_


class UnknownOrder(DomainError):
    code = "unknown_order"
    template = N_("Order {number} unknown.")


class UnknownOperation(DomainError):
    code = "unknown_operation"
    template = N_("Operation {number} unknown.")


class UnknownOperationId(UnknownOperation):
    code = "unknown_operation_id"
    template = N_("Unknown operation.")


class InvalidOperationNotes(DomainError):
    code = "invalid_operation_notes"
    template = N_("The operation's notes are invalid.")


class UnknownRequester(InvalidOperationNotes):
    code = "unknown_requester"
    template = N_("Unknown “Requested by”: {value} (public or organiser).")


class CauseTooLong(InvalidOperationNotes):
    code = "cause_too_long"
    template = N_("The cause is too long ({limit} characters at most).")


class RemarksTooLong(InvalidOperationNotes):
    code = "remarks_too_long"
    template = N_("The remarks are too long ({limit} characters at most).")
