"""One error root for the domain. Each error has a stable code and a French message
for the cashier; the window shows ``message`` as it is."""

from __future__ import annotations


class DomainError(Exception):
    code = "domain_error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class MalformedScan(DomainError):
    code = "malformed_scan"


class UnknownTicket(DomainError):
    code = "unknown_ticket"


class TicketNotRefundable(DomainError):
    code = "ticket_not_refundable"


class ApprovalRequired(TicketNotRefundable):
    """Refused unless a supervisor approves (checked-in ticket, past performance)."""

    code = "approval_required"


class ApprovalRefused(DomainError):
    code = "approval_refused"


class AlreadyInBasket(DomainError):
    code = "already_in_basket"


class EmptyBasket(DomainError):
    code = "empty_basket"


class SettlementError(DomainError):
    code = "settlement_error"


class UnknownOrder(DomainError):
    code = "unknown_order"


class ConfigurationMissing(DomainError):
    code = "configuration_missing"


class ExchangeError(DomainError):
    code = "exchange_error"


class NotForSale(ExchangeError):
    code = "not_for_sale"


class SoldOut(ExchangeError):
    code = "sold_out"


class SeatNotFree(ExchangeError):
    code = "seat_not_free"


class OutOfStock(ExchangeError):
    code = "out_of_stock"


class BenefitRequired(ExchangeError):
    code = "benefit_required"


class SeatTaken(SeatNotFree):
    code = "seat_taken"


class BatchTooLarge(DomainError):
    code = "batch_too_large"


class EmptyBatch(DomainError):
    code = "empty_batch"


class UnknownOperation(DomainError):
    code = "unknown_operation"


class OperationNotOnHold(DomainError):
    code = "operation_not_on_hold"


class InvalidOperationNotes(DomainError):
    code = "invalid_operation_notes"


class CreditNoteError(DomainError):
    code = "credit_note_error"


class UnknownCreditNote(CreditNoteError):
    code = "unknown_credit_note"


class CreditNoteExpired(CreditNoteError):
    code = "credit_note_expired"


class CreditNoteExhausted(CreditNoteError):
    code = "credit_note_exhausted"


class CreditNoteInsufficient(CreditNoteError):
    code = "credit_note_insufficient"


class AccountError(DomainError):
    code = "account_error"


class InvalidContactDetails(DomainError):
    code = "invalid_contact_details"


class UnknownContact(DomainError):
    code = "unknown_contact"


class SearchTooShort(DomainError):
    code = "search_too_short"


class PrintJobError(DomainError):
    code = "print_job_error"


class IllegalPrintJobTransition(PrintJobError):
    code = "illegal_print_job_transition"


class UnknownPrintJob(PrintJobError):
    code = "unknown_print_job"


class NoSaleRefused(DomainError):
    code = "no_sale_refused"
