"""Every domain error, defined once: its stable ``code`` and its message template.

Templates are English msgids (``N_``); the French is in the gettext catalogue
(``pos/locale/fr/LC_MESSAGES/guichet.po``, ``make translations``). A raise site passes
only the parameters (``raise UnknownTicket(number=number)``); they are kept in
``details``. ``message`` and ``str(error)`` render the template in the language current
when they are read (``pos.core.i18n.set_language``), so the window shows a refusal in
its own language. A refusal with several causes is a small tree: the base class stays
what callers catch (``except SettlementError``), each leaf has its code and template.
"""

from __future__ import annotations

from typing import ClassVar

from pos.core.i18n import N_, Nn_, _, ngettext, render_params


class DomainError(Exception):
    code: ClassVar[str] = "domain_error"
    #: an English msgid, or (singular, plural) with ``Nn_`` and ``count`` naming the
    #: parameter that chooses the form
    template: ClassVar[str | tuple[str, str]] = N_("The operation is refused.")
    count: ClassVar[str] = "n"

    def __init__(self, **details: object) -> None:
        super().__init__()
        self.details = details

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        if isinstance(self.template, tuple):
            one, many = self.template
            text = ngettext(one, many, int(self.details[self.count]), lang)
        else:
            text = _(self.template, lang)
        return text.format(**render_params(self.details, lang))

    @property
    def message(self) -> str:
        """What the window shows, in the current language."""
        return self.render()

    def __reduce__(self) -> tuple:
        # Rebuilt from its state, not its args (a message is rendered, not stored).
        return _restore, (type(self), self.__dict__)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.details!r})"


class MalformedScan(DomainError):
    code = "malformed_scan"
    template = N_("Unreadable code “{code}”: a ticket number has 11 digits.")


class UnknownTicket(DomainError):
    code = "unknown_ticket"
    template = N_("Ticket {number} unknown.")


class TicketNotRefundable(DomainError):
    """Root of the refusals of a ticket the scan finds (its subclasses say why)."""

    code = "ticket_not_refundable"
    template = N_("Ticket {number} cannot be refunded.")


class TicketAlreadyRefunded(TicketNotRefundable):
    code = "ticket_already_refunded"
    template = N_("Ticket {number} already refunded (operation {operation} of {completed_at}).")


class TicketAlreadyCancelled(TicketNotRefundable):
    code = "ticket_already_cancelled"
    template = N_("Ticket {number} already cancelled.")


class TicketReplaced(TicketNotRefundable):
    code = "ticket_replaced"
    template = N_("Ticket {number} replaced by {new} in an exchange.")


class TicketUnpaidReservation(TicketNotRefundable):
    code = "ticket_unpaid_reservation"
    template = N_(
        "Ticket {number}: unpaid reservation. It is cancelled in the sale basket, not here.")


class ApprovalRequired(TicketNotRefundable):
    """Refused unless a supervisor approves (checked-in ticket, past performance)."""

    code = "approval_required"
    template = N_("Ticket {number}: refund refused without a supervisor's approval.")


class TicketCheckedIn(ApprovalRequired):
    code = "ticket_checked_in"
    template = N_(
        "Ticket {number} already checked in at the door on {checked_in_at}: refund refused "
        "without a supervisor's approval.")


class TicketCheckedInUndated(TicketCheckedIn):
    code = "ticket_checked_in_undated"
    template = N_(
        "Ticket {number} already checked in at the door: refund refused without a supervisor's "
        "approval.")


class PerformanceStarted(ApprovalRequired):
    code = "performance_started"
    template = N_(
        "Ticket {number}: the performance of {starts_at} is past, refund refused without a "
        "supervisor's approval.")


class TicketHeld(TicketNotRefundable):
    code = "ticket_held"
    template = N_("Ticket {number} held by operation {operation}, on hold.")


class TicketTwiceInBasket(TicketNotRefundable):
    code = "ticket_twice_in_basket"
    template = N_("Ticket {number}: twice in the basket.")


class TicketPriceChanged(TicketNotRefundable):
    code = "ticket_price_changed"
    template = N_("Ticket {number}: its price changed since the scan. Scan it again.")


class TicketChanged(TicketNotRefundable):
    """A ticket that changed between its scan and the settlement; ``reason`` is the
    refusal its scan gives now (without its final full stop)."""

    code = "ticket_changed"
    template = N_("{reason}: it changed since it was scanned. Remove it from the basket.")

    def render(self, lang: str | None = None) -> str:
        if "reason" not in self.details:
            return super().render(lang)
        reason = self.details["reason"]
        shown = reason.render(lang) if isinstance(reason, DomainError) else str(reason)
        return _(self.template, lang).format(**{**render_params(self.details, lang),
                                                "reason": shown.rstrip(".")})


class TicketChangedGone(TicketChanged):
    code = "ticket_changed_gone"
    template = N_("Ticket {number}: it changed since it was scanned. Remove it from the basket.")


class ApprovalRefused(DomainError):
    code = "approval_refused"
    template = N_("Approval refused: wrong login or code.")


class NotASupervisor(ApprovalRefused):
    code = "not_a_supervisor"
    template = N_("Approval refused: {login} is not a supervisor.")


class LoginRefused(DomainError):
    code = "login_refused"
    template = N_("Log-in refused: wrong operator code or PIN.")


class AccountLocked(LoginRefused):
    code = "account_locked"
    template = N_("Account {login} locked after {failures} wrong PINs, until {until} (or "
                  "until an administrator unlocks it).")


class NotLoggedIn(DomainError):
    code = "not_logged_in"
    template = N_("No operator is logged in at this counter.")


class SupervisorRequired(DomainError):
    """An action of the pipeline a cashier alone may not do (``action``: what it is)."""

    code = "supervisor_required"
    template = N_("{action}: refused without a supervisor's approval.")


class ApprovalExpired(SupervisorRequired):
    code = "approval_expired"
    template = N_("{action}: the supervisor's approval has expired, ask again.")


class ApproverNotSupervisor(SupervisorRequired):
    code = "approver_not_supervisor"
    template = N_("{action}: {login} is not (or no longer) a supervisor.")


class AdministratorRequired(DomainError):
    code = "administrator_required"
    template = N_("{action}: only an administrator may do this.")


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


class SettlementError(DomainError):
    code = "settlement_error"
    template = N_("The settlement is refused.")


class RefundCeilingExceeded(SettlementError):
    code = "refund_ceiling_exceeded"
    template = N_(
        "Order {number}: {amount} cannot be refunded, only {ceiling} were paid and are neither "
        "refunded nor promised to a refund on hold.")


class PromiseCeilingExceeded(RefundCeilingExceeded):
    code = "promise_ceiling_exceeded"
    template = N_(
        "Order {number}: {amount} cannot be promised, only {ceiling} were paid and are neither "
        "refunded nor promised to a refund on hold.")


class RefundModeNotAllowed(SettlementError):
    code = "refund_mode_not_allowed"
    template = N_("Refund mode not possible: {mode}.")


class PaymentModeNotAllowed(SettlementError):
    code = "payment_mode_not_allowed"
    template = N_("Payment mode not possible: {mode}.")


class RefundAmountNotPositive(SettlementError):
    code = "refund_amount_not_positive"
    template = N_("A refunded amount must be positive.")


class PaymentAmountNotPositive(SettlementError):
    code = "payment_amount_not_positive"
    template = N_("A payment amount must be positive.")


class ReferenceTooLong(SettlementError):
    code = "reference_too_long"
    template = N_("The reference “{reference}…” is too long ({limit} characters at most).")


class CreditNoteNumberMissing(SettlementError):
    code = "credit_note_number_missing"
    template = N_("Scan the number of the credit note used.")


class NothingToSettle(SettlementError):
    code = "nothing_to_settle"
    template = N_("The total is zero: there is nothing to pay or refund.")


class RefundTendersMismatch(SettlementError):
    code = "refund_tenders_mismatch"
    template = N_(
        "The refund modes ({tendered}) do not cover exactly the amount to refund ({due}).")


class NonCashBeyondDue(SettlementError):
    code = "non_cash_beyond_due"
    template = N_(
        "The non-cash payments ({non_cash}) exceed the amount to pay ({due}): only cash gives "
        "change.")


class PaymentShort(SettlementError):
    code = "payment_short"
    template = N_("{missing} missing: {tendered} received for {due} to pay.")


class UnreadableAmount(SettlementError):
    code = "unreadable_amount"
    template = N_("Unreadable amount: “{text}”.")


class BeyondRestToRefund(SettlementError):
    code = "beyond_rest_to_refund"
    template = N_("{amount} is more than the rest to refund ({rest}).")


class SplitIncomplete(SettlementError):
    code = "split_incomplete"
    template = N_("The split does not cover the refund: {rest} is still left.")


class AlreadySettled(SettlementError):
    code = "already_settled"
    template = N_("The total is already settled: confirm.")


class BeyondRestToPay(SettlementError):
    code = "beyond_rest_to_pay"
    template = N_("{amount} is more than the rest to pay ({rest}): only cash gives change.")


class CreditNoteAlreadyTendered(SettlementError):
    code = "credit_note_already_tendered"
    template = N_("Credit note {number} is already used here.")


class TenderedCreditNoteExpired(SettlementError):
    code = "tendered_credit_note_expired"
    template = N_("Credit note {number} has expired: it can no longer be used.")


class TenderedCreditNoteExhausted(SettlementError):
    code = "tendered_credit_note_exhausted"
    template = N_("Credit note {number} is used up.")


class RestToPay(SettlementError):
    code = "rest_to_pay"
    template = N_("{rest} is still to pay.")


class ExchangeNotOfContact(SettlementError):
    code = "exchange_not_of_contact"
    template = N_("The exchange basket does not belong to this contact.")


class ExchangedTicketGone(SettlementError):
    code = "exchanged_ticket_gone"
    template = N_(
        "Ticket {number}, exchanged again, is no longer in the cancellation basket: remove its "
        "exchanged line.")


class UnknownOrder(DomainError):
    code = "unknown_order"
    template = N_("Order {number} unknown.")


class ConfigurationMissing(DomainError):
    code = "configuration_missing"
    template = N_("The configuration is incomplete.")


class ExchangeError(DomainError):
    code = "exchange_error"
    template = N_("The exchange is refused.")


class TicketAlreadyExchangedAgain(ExchangeError):
    code = "ticket_already_exchanged_again"
    template = N_("Ticket {number} is already exchanged again in this basket.")


class QuantityBelowOne(ExchangeError):
    code = "quantity_below_one"
    template = N_("The quantity must be at least 1.")


class NotForSale(ExchangeError):
    code = "not_for_sale"
    template = N_("Not for sale.")


class UnknownPerformance(NotForSale):
    code = "unknown_performance"
    template = N_("Unknown performance.")


class UnknownCategoryOrTariff(NotForSale):
    code = "unknown_category_or_tariff"
    template = N_("Category or tariff unknown for this performance.")


class TariffNotOffered(NotForSale):
    code = "tariff_not_offered"
    template = N_("Tariff “{tariff}” is not offered in {category} for this performance.")


class PerformancePast(NotForSale):
    code = "performance_past"
    template = N_("The performance of {starts_at} of {event} is past: it is no longer for sale.")


class UnknownProduct(NotForSale):
    code = "unknown_product"
    template = N_("Product unknown or withdrawn from sale.")


class EmptyBundle(NotForSale):
    code = "empty_bundle"
    template = N_("“{product}” contains no performance.")


class SalePriceChanged(NotForSale):
    code = "sale_price_changed"
    template = N_("The price of {event} {category} {tariff} has changed: add these tickets again.")


class ProductChanged(NotForSale):
    code = "product_changed"
    template = N_("“{product}” has changed or is no longer for sale: add it again.")


class SoldOut(ExchangeError):
    code = "sold_out"
    template = N_("Sold out: no free seat left in {where}.")


class NotEnoughSeats(SoldOut):
    code = "not_enough_seats"
    template = Nn_("Only {n} free seat left in {where}: cannot sell {quantity}.",
                   "Only {n} free seats left in {where}: cannot sell {quantity}.")


class SeatQuantityBelowOne(SoldOut):
    code = "seat_quantity_below_one"
    template = N_("The quantity must be at least one seat.")


class SeatNotFree(ExchangeError):
    code = "seat_not_free"
    template = N_("Seat {seat} is not free for this performance.")


class SeatChosenTwice(SeatNotFree):
    code = "seat_chosen_twice"
    template = N_("The same seat is chosen twice.")


class SeatNotInCategory(SeatNotFree):
    code = "seat_not_in_category"
    template = N_("This seat is not in {where}.")


class SeatAlreadyInExchange(SeatNotFree):
    code = "seat_already_in_exchange"
    template = N_("The seat of ticket {number} is already sold in this exchange.")


class SeatTaken(SeatNotFree):
    code = "seat_taken"
    template = N_(
        "A seat of this exchange has just been sold at another counter: choose other seats. "
        "Nothing was saved.")


class NamedSeatTaken(SeatTaken):
    code = "named_seat_taken"
    template = N_(
        "Seat {seat} of {event} has just been sold at another counter: choose another seat. "
        "Nothing was saved.")


class OutOfStock(ExchangeError):
    code = "out_of_stock"
    template = Nn_("Not enough stock for “{product}”: {left} left, {n} asked for.",
                   "Not enough stock for “{product}”: {left} left, {n} asked for.")


class ProductExhausted(OutOfStock):
    code = "product_exhausted"
    template = N_("“{product}” is sold out.")


class BenefitRequired(ExchangeError):
    code = "benefit_required"
    template = N_(
        "Tariff “{tariff}” is for holders of the benefit “{benefit}”: add it to the exchange "
        "first.")


class UnknownOperation(DomainError):
    code = "unknown_operation"
    template = N_("Operation {number} unknown.")


class UnknownOperationId(UnknownOperation):
    code = "unknown_operation_id"
    template = N_("Unknown operation.")


class SeatHeld(SeatTaken):
    code = "seat_held"
    template = N_(
        "Seat {seat} of {event} is held by operation {number} on hold at {counter} until "
        "{until}: choose another seat. Nothing was saved.")


class HeldSeatGone(DomainError):
    """Not raised: said when a held exchange is resumed after its seats' time ran out."""

    code = "held_seat_gone"
    template = N_(
        "Seat {seat} of {event} is no longer free (held until {until}): it was taken out "
        "of the exchange.")


class UndoRefused(SettlementError):
    """Root of the refusals of "annuler l'annulation"."""

    code = "undo_refused"
    template = N_("The cancellation cannot be undone.")


class NothingToUndo(UndoRefused):
    code = "nothing_to_undo"
    template = N_("Ticket {number} was not refunded or replaced: there is nothing to undo.")


class UndoNotSameDay(UndoRefused):
    code = "undo_not_same_day"
    template = N_("Operation {operation} was not settled today: it can no longer be undone.")


class UndoNotSameCounter(UndoRefused):
    code = "undo_not_same_counter"
    template = N_("Operation {operation} was settled at {counter}: undo it at that counter.")


class AlreadyUndone(UndoRefused):
    code = "already_undone"
    template = N_("Operation {operation} was already undone (operation {undo}).")


class UndoTicketChanged(UndoRefused):
    code = "undo_ticket_changed"
    template = N_("Ticket {number} has changed since operation {operation}: the cancellation "
                  "cannot be undone.")


class UndoSeatTaken(UndoRefused):
    code = "undo_seat_taken"
    template = N_("Seat {seat} of {event} is now held by ticket {ticket} of order {order} "
                  "({contact}): the cancellation cannot be undone.")


class UndoSeatHeld(UndoRefused):
    code = "undo_seat_held"
    template = N_("Seat {seat} of {event} is held by operation {hold} on hold at {counter}: "
                  "the cancellation cannot be undone.")


class UndoCreditNoteSpent(UndoRefused):
    code = "undo_credit_note_spent"
    template = N_("Credit note {credit_note} of operation {operation} has been used: the "
                  "cancellation cannot be undone.")


class UndoAccountUsed(UndoRefused):
    code = "undo_account_used"
    template = N_("The suspense account no longer holds {amount}: the cancellation cannot "
                  "be undone.")


class UndoProductsSold(UndoRefused):
    code = "undo_products_sold"
    template = N_("Operation {operation} sold products: its cancellation cannot be undone "
                  "at the counter.")


class OperationNotOnHold(DomainError):
    code = "operation_not_on_hold"
    template = N_("Operation {number} is not on hold ({state}).")


class OperationNoLongerOnHold(OperationNotOnHold):
    code = "operation_no_longer_on_hold"
    template = N_("Operation {number} is no longer on hold ({state}).")


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


class CreditNoteError(DomainError):
    code = "credit_note_error"
    template = N_("The credit note is refused.")


class CreditNoteNumberUnavailable(CreditNoteError):
    code = "credit_note_number_unavailable"
    template = N_("Could not assign a credit note number: try again.")


class CreditNoteAmountNotPositive(CreditNoteError):
    code = "credit_note_amount_not_positive"
    template = N_("A credit note must have a positive amount.")


class CreditNoteValidityNotPositive(CreditNoteError):
    code = "credit_note_validity_not_positive"
    template = N_("A credit note's validity must be positive.")


class CreditNoteSpendNotPositive(CreditNoteError):
    code = "credit_note_spend_not_positive"
    template = N_("The amount used from a credit note must be positive.")


class UnknownCreditNote(CreditNoteError):
    code = "unknown_credit_note"
    template = N_("Credit note {number} unknown.")


class MalformedCreditNote(UnknownCreditNote):
    code = "malformed_credit_note"
    template = N_("Unreadable credit note number: “{raw}” (13 digits expected).")


class CreditNoteCheckDigitInvalid(MalformedCreditNote):
    code = "credit_note_check_digit_invalid"
    template = N_("Credit note number “{raw}”: invalid check digit.")


class CreditNoteExpired(CreditNoteError):
    code = "credit_note_expired"
    template = N_("Credit note {number} expired on {expired_on}: it can no longer be used.")


class CreditNoteExhausted(CreditNoteError):
    code = "credit_note_exhausted"
    template = N_("Credit note {number} has already been used in full.")


class CreditNoteInsufficient(CreditNoteError):
    code = "credit_note_insufficient"
    template = N_("Credit note {number} holds only {balance}: {amount} cannot be used from it.")


class AccountError(DomainError):
    code = "account_error"
    template = N_("The suspense account movement is refused.")


class AccountCreditNotPositive(AccountError):
    code = "account_credit_not_positive"
    template = N_("An amount put on the suspense account must be positive.")


class AccountDebitNotPositive(AccountError):
    code = "account_debit_not_positive"
    template = N_("An amount taken from the suspense account must be positive.")


class AccountInsufficient(AccountError):
    code = "account_insufficient"
    template = N_("The suspense account holds only {balance}: {amount} cannot be taken from it.")


class InvalidContactDetails(DomainError):
    code = "invalid_contact_details"
    template = N_("Invalid contact details.")


class ContactFieldTooLong(InvalidContactDetails):
    code = "contact_field_too_long"
    template = N_("{field} is longer than {limit} characters.")


class AddressIncomplete(InvalidContactDetails):
    code = "address_incomplete"
    template = N_("Enter at least the street or the city of the address.")


class InvalidEmail(InvalidContactDetails):
    code = "invalid_email"
    template = N_("Invalid e-mail address “{email}”: expected name@domain.fr.")


class ContactNameRequired(InvalidContactDetails):
    code = "contact_name_required"
    template = N_("The contact's name is required.")


class UnknownContact(DomainError):
    code = "unknown_contact"
    template = N_("Contact {contact_id} unknown.")


class SearchTooShort(DomainError):
    code = "search_too_short"
    template = N_("Type at least {min_chars} characters of the name, organisation or e-mail.")


class PrintJobError(DomainError):
    code = "print_job_error"
    template = N_("Print job {job_id}: refused.")


class IllegalPrintJobTransition(PrintJobError):
    code = "illegal_print_job_transition"
    template = N_("Print job {job_id}: going from “{from_state}” to “{to_state}” is not possible.")


class UnknownPrintJob(PrintJobError):
    code = "unknown_print_job"
    template = N_("Print job {job_id} not found.")


class NoSaleRefused(DomainError):
    code = "no_sale_refused"
    template = N_("Say why the drawer is opened without a sale.")


class NoSaleReasonTooLong(NoSaleRefused):
    code = "no_sale_reason_too_long"
    template = N_("The reason is too long ({limit} characters at most).")


# --- cash sessions (the drawer of a counter) -------------------------------------------


class CashSessionError(DomainError):
    code = "cash_session_error"
    template = N_("The cash operation is refused.")


class NoCashSession(CashSessionError):
    """A professional counter takes or gives no cash before its drawer is opened."""

    code = "no_cash_session"
    template = N_("No cash session is open at {counter}: open the drawer with its float "
                  "before any cash payment or refund.")


class CashSessionAlreadyOpen(CashSessionError):
    code = "cash_session_already_open"
    template = N_("A cash session is already open at {counter} (session {session}).")


class UnknownCashSession(CashSessionError):
    code = "unknown_cash_session"
    template = N_("Cash session {session} not found.")


class SessionNotClosed(CashSessionError):
    code = "cash_session_not_closed"
    template = N_("Cash session {session} is not closed yet: its X report gives its figures.")


class CashRefundExceedsDrawer(CashSessionError):
    """Refused with a proposal: what the drawer holds in cash, the rest otherwise."""

    code = "cash_refund_exceeds_drawer"
    template = N_("The drawer holds only {available}: {requested} cannot be given back in "
                  "cash. Give {available} in cash and the rest, {rest}, as a credit note "
                  "or in another mode.")


class CashOutExceedsDrawer(CashSessionError):
    code = "cash_out_exceeds_drawer"
    template = N_("The drawer holds only {available}: {requested} cannot be taken out.")


class CashMovementRefused(CashSessionError):
    code = "cash_movement_refused"
    template = N_("Say why cash is put in or taken out.")


class CashAmountRefused(CashSessionError):
    code = "cash_amount_refused"
    template = N_("The amount must be more than zero.")


class UnknownDenomination(CashSessionError):
    code = "unknown_denomination"
    template = N_("{denomination} cents is not a euro coin or note.")


class BadDenominationCount(CashSessionError):
    code = "bad_denomination_count"
    template = N_("{denomination}: “{pieces}” is not a number of pieces.")


class CloseNeedsApproval(CashSessionError):
    code = "close_needs_approval"
    template = N_("The count differs from the expected amount by {difference} (counted "
                  "{counted}, expected {expected}): a supervisor must approve the close.")


class BadReportPeriod(DomainError):
    code = "bad_report_period"
    template = N_("The period is refused: {start} is after {end}.")


def _restore(cls: type[DomainError], state: dict) -> DomainError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    return error


# --- Fees by rule, revocations, cancelled performances (issue 10) ---------------------


class FeesChanged(SettlementError):
    code = "fees_changed"
    template = N_("The fees changed since the basket was shown ({before} then, {after} now): "
                  "check the basket and confirm again.")


class FeeRuleInvalid(DomainError):
    code = "fee_rule_invalid"
    template = N_("Fee rule “{name}”: {problem}.")


class FeeWaiverNeedsReason(DomainError):
    code = "fee_waiver_needs_reason"
    template = N_("Say why the fees are waived.")


class NotAnAdministrator(DomainError):
    code = "not_an_administrator"
    template = N_("{login} may not change the fee rules: an administrator may.")


class PerformanceAlreadyCancelled(DomainError):
    code = "performance_already_cancelled"
    template = N_("Performance {performance_id} was already cancelled on {cancelled_at}.")


class PerformanceNotCancelled(DomainError):
    code = "performance_not_cancelled"
    template = N_("Performance {performance_id} is not cancelled: mark it cancelled first.")


class UnknownBulkPolicy(DomainError):
    code = "unknown_bulk_policy"
    template = N_("Unknown refund policy “{policy}”: expected {expected}.")


class RevocationSinceUnreadable(DomainError):
    code = "revocation_since_unreadable"
    template = N_("Unreadable date “{text}”: expected for example 2026-11-27T10:00.")


class SettlementKeyReused(DomainError):
    """An idempotency key already settled something else (a caller's bug, said aloud)."""

    code = "settlement_key_reused"
    template = N_("This settlement key was already used by another settlement: nothing was "
                  "changed.")


class DatabaseError(DomainError):
    """Root of the database's own failures, as the unit of work says them (``pos.core.uow``):
    no driver exception goes further."""

    code = "database_error"
    template = N_("Database error: {detail}. Nothing was changed.")


class DatabaseUnreachable(DatabaseError):
    code = "database_unreachable"
    template = N_("Database unreachable: {detail}. Nothing is lost: try again when it is back.")


class DatabaseBusy(DatabaseError):
    code = "database_busy"
    template = N_("Database busy (another counter is writing): nothing was changed. Try again.")


class MailJobError(DomainError):
    """A mail outbox job the cashier acts on (``services.mail_jobs``)."""

    code = "mail_job_error"
    template = N_("E-mail {job_id}: refused.")


class UnknownMailJob(MailJobError):
    code = "unknown_mail_job"
    template = N_("E-mail {job_id} not found.")


class MailJobNotPending(MailJobError):
    code = "mail_job_not_pending"
    template = N_("E-mail {job_id} is {state}: it can no longer be printed instead.")
