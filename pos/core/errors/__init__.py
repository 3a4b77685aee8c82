"""Every domain error, defined once: its stable ``code`` and its message template.

Templates are English msgids (``N_``); the French is in the gettext catalogue
(``pos/locale/fr/LC_MESSAGES/guichet.po``, ``make translations``). A raise site passes
only the parameters (``raise UnknownTicket(number=number)``); they are kept in
``details``. ``message`` and ``str(error)`` render the template in the language current
when they are read (``pos.core.i18n.set_language``), so the window shows a refusal in
its own language. A refusal with several causes is a small tree: the base class stays
what callers catch (``except SettlementError``), each leaf has its code and template.

The errors live in one module per feature (``tickets``, ``tenders``, ``cash``…, each
subclassing ``base.DomainError``); this package imports every one of them, so that
``from pos.core.errors import UnknownTicket`` works and every class exists once the
package is imported (tests/test_messages.py checks the codes are unique and that each
error is exported here).
"""

from __future__ import annotations

from pos.core.errors.accounts import (
    AccountCreditNotPositive,
    AccountDebitNotPositive,
    AccountError,
    AccountInsufficient,
)
from pos.core.errors.base import ConfigurationMissing, DomainError
from pos.core.errors.basket import (
    AlreadyInBasket,
    BatchTooLarge,
    EmptyBasket,
    EmptyBatch,
    ListTooLarge,
    NothingSoldInExchange,
    NothingToExchange,
    NoTicketToExchange,
    NoTicketToExchangeAgain,
    RangeTooLarge,
)
from pos.core.errors.cash import (
    BadDenominationCount,
    BadReportPeriod,
    CashAmountRefused,
    CashMovementRefused,
    CashOutExceedsDrawer,
    CashRefundExceedsDrawer,
    CashSessionAlreadyOpen,
    CashSessionError,
    CloseNeedsApproval,
    NoCashSession,
    NoSaleReasonTooLong,
    NoSaleRefused,
    SessionNotClosed,
    UnknownCashSession,
    UnknownDenomination,
)
from pos.core.errors.contacts import (
    AddressIncomplete,
    ContactFieldTooLong,
    ContactNameRequired,
    InvalidContactDetails,
    InvalidEmail,
    SearchTooShort,
    UnknownContact,
)
from pos.core.errors.credit_notes import (
    CreditNoteAmountNotPositive,
    CreditNoteCheckDigitInvalid,
    CreditNoteError,
    CreditNoteExhausted,
    CreditNoteExpired,
    CreditNoteInsufficient,
    CreditNoteNumberUnavailable,
    CreditNoteSpendNotPositive,
    CreditNoteValidityNotPositive,
    MalformedCreditNote,
    UnknownCreditNote,
)
from pos.core.errors.database import DatabaseBusy, DatabaseError, DatabaseUnreachable
from pos.core.errors.documents import (
    IllegalPrintJobTransition,
    MailJobError,
    MailJobNotPending,
    PrintJobError,
    UnknownMailJob,
    UnknownPrintJob,
)
from pos.core.errors.exchange import (
    BenefitRequired,
    EmptyBundle,
    ExchangeError,
    NotForSale,
    OutOfStock,
    PerformancePast,
    ProductChanged,
    ProductExhausted,
    QuantityBelowOne,
    SalePriceChanged,
    TariffNotOffered,
    TicketAlreadyExchangedAgain,
    UnknownCategoryOrTariff,
    UnknownPerformance,
    UnknownProduct,
)
from pos.core.errors.fees import (
    FeeRuleInvalid,
    FeesChanged,
    FeeWaiverNeedsReason,
    NotAnAdministrator,
)
from pos.core.errors.holds import (
    HeldSeatGone,
    OperationNoLongerOnHold,
    OperationNotOnHold,
    SeatHeld,
)
from pos.core.errors.operations import (
    CauseTooLong,
    InvalidOperationNotes,
    RemarksTooLong,
    UnknownOperation,
    UnknownOperationId,
    UnknownOrder,
    UnknownRequester,
)
from pos.core.errors.operators import (
    AccountLocked,
    AdministratorRequired,
    ApprovalExpired,
    ApprovalRefused,
    ApproverNotSupervisor,
    LoginRefused,
    NotASupervisor,
    NotLoggedIn,
    SupervisorRequired,
)
from pos.core.errors.revocations import (
    PerformanceAlreadyCancelled,
    PerformanceNotCancelled,
    RevocationSinceUnreadable,
    UnknownBulkPolicy,
)
from pos.core.errors.seats import (
    NamedSeatTaken,
    NotEnoughSeats,
    SeatAlreadyInExchange,
    SeatChosenTwice,
    SeatNotFree,
    SeatNotInCategory,
    SeatQuantityBelowOne,
    SeatTaken,
    SoldOut,
)
from pos.core.errors.settlement import (
    ExchangedTicketGone,
    ExchangeNotOfContact,
    PromiseCeilingExceeded,
    RefundCeilingExceeded,
    SettlementError,
    SettlementKeyReused,
)
from pos.core.errors.tenders import (
    AlreadySettled,
    BeyondRestToPay,
    BeyondRestToRefund,
    CreditNoteAlreadyTendered,
    CreditNoteNumberMissing,
    NonCashBeyondDue,
    NothingToSettle,
    PaymentAmountNotPositive,
    PaymentModeNotAllowed,
    PaymentShort,
    ReferenceTooLong,
    RefundAmountNotPositive,
    RefundModeNotAllowed,
    RefundTendersMismatch,
    RestToPay,
    SplitIncomplete,
    TenderedCreditNoteExhausted,
    TenderedCreditNoteExpired,
    UnreadableAmount,
)
from pos.core.errors.tickets import (
    ApprovalRequired,
    MalformedScan,
    PerformanceStarted,
    TicketAlreadyCancelled,
    TicketAlreadyRefunded,
    TicketChanged,
    TicketChangedGone,
    TicketCheckedIn,
    TicketCheckedInUndated,
    TicketHeld,
    TicketNotRefundable,
    TicketPriceChanged,
    TicketReplaced,
    TicketTwiceInBasket,
    TicketUnpaidReservation,
    UnknownTicket,
)
from pos.core.errors.undo import (
    AlreadyUndone,
    NothingToUndo,
    UndoAccountUsed,
    UndoCreditNoteSpent,
    UndoNotSameCounter,
    UndoNotSameDay,
    UndoProductsSold,
    UndoRefused,
    UndoSeatHeld,
    UndoSeatTaken,
    UndoTicketChanged,
)

__all__ = [
    "AccountCreditNotPositive", "AccountDebitNotPositive", "AccountError",
    "AccountInsufficient", "AccountLocked", "AddressIncomplete", "AdministratorRequired",
    "AlreadyInBasket", "AlreadySettled", "AlreadyUndone", "ApprovalExpired", "ApprovalRefused",
    "ApprovalRequired", "ApproverNotSupervisor", "BadDenominationCount", "BadReportPeriod",
    "BatchTooLarge", "BenefitRequired", "BeyondRestToPay", "BeyondRestToRefund",
    "CashAmountRefused", "CashMovementRefused", "CashOutExceedsDrawer",
    "CashRefundExceedsDrawer", "CashSessionAlreadyOpen", "CashSessionError", "CauseTooLong",
    "CloseNeedsApproval", "ConfigurationMissing", "ContactFieldTooLong", "ContactNameRequired",
    "CreditNoteAlreadyTendered", "CreditNoteAmountNotPositive", "CreditNoteCheckDigitInvalid",
    "CreditNoteError", "CreditNoteExhausted", "CreditNoteExpired", "CreditNoteInsufficient",
    "CreditNoteNumberMissing", "CreditNoteNumberUnavailable", "CreditNoteSpendNotPositive",
    "CreditNoteValidityNotPositive", "DatabaseBusy", "DatabaseError", "DatabaseUnreachable",
    "DomainError", "EmptyBasket", "EmptyBatch", "EmptyBundle", "ExchangeError",
    "ExchangeNotOfContact", "ExchangedTicketGone", "FeeRuleInvalid", "FeeWaiverNeedsReason",
    "FeesChanged", "HeldSeatGone", "IllegalPrintJobTransition", "InvalidContactDetails",
    "InvalidEmail", "InvalidOperationNotes", "ListTooLarge", "LoginRefused", "MailJobError",
    "MailJobNotPending", "MalformedCreditNote", "MalformedScan", "NamedSeatTaken",
    "NoCashSession", "NoSaleReasonTooLong", "NoSaleRefused", "NoTicketToExchange",
    "NoTicketToExchangeAgain", "NonCashBeyondDue", "NotASupervisor", "NotAnAdministrator",
    "NotEnoughSeats", "NotForSale", "NotLoggedIn", "NothingSoldInExchange",
    "NothingToExchange", "NothingToSettle", "NothingToUndo", "OperationNoLongerOnHold",
    "OperationNotOnHold", "OutOfStock", "PaymentAmountNotPositive", "PaymentModeNotAllowed",
    "PaymentShort", "PerformanceAlreadyCancelled", "PerformanceNotCancelled",
    "PerformancePast", "PerformanceStarted", "PrintJobError", "ProductChanged",
    "ProductExhausted", "PromiseCeilingExceeded", "QuantityBelowOne", "RangeTooLarge",
    "ReferenceTooLong", "RefundAmountNotPositive", "RefundCeilingExceeded",
    "RefundModeNotAllowed", "RefundTendersMismatch", "RemarksTooLong", "RestToPay",
    "RevocationSinceUnreadable", "SalePriceChanged", "SearchTooShort", "SeatAlreadyInExchange",
    "SeatChosenTwice", "SeatHeld", "SeatNotFree", "SeatNotInCategory", "SeatQuantityBelowOne",
    "SeatTaken", "SessionNotClosed", "SettlementError", "SettlementKeyReused", "SoldOut",
    "SplitIncomplete", "SupervisorRequired", "TariffNotOffered", "TenderedCreditNoteExhausted",
    "TenderedCreditNoteExpired", "TicketAlreadyCancelled", "TicketAlreadyExchangedAgain",
    "TicketAlreadyRefunded", "TicketChanged", "TicketChangedGone", "TicketCheckedIn",
    "TicketCheckedInUndated", "TicketHeld", "TicketNotRefundable", "TicketPriceChanged",
    "TicketReplaced", "TicketTwiceInBasket", "TicketUnpaidReservation", "UndoAccountUsed",
    "UndoCreditNoteSpent", "UndoNotSameCounter", "UndoNotSameDay", "UndoProductsSold",
    "UndoRefused", "UndoSeatHeld", "UndoSeatTaken", "UndoTicketChanged", "UnknownBulkPolicy",
    "UnknownCashSession", "UnknownCategoryOrTariff", "UnknownContact", "UnknownCreditNote",
    "UnknownDenomination", "UnknownMailJob", "UnknownOperation", "UnknownOperationId",
    "UnknownOrder", "UnknownPerformance", "UnknownPrintJob", "UnknownProduct",
    "UnknownRequester", "UnknownTicket", "UnreadableAmount",
]
