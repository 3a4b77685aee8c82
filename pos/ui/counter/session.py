"""The counter's session: what every feature of the screen shares, and nothing else.

The two baskets (the tickets taken back, what is sold in exchange), the station, the
clock, the unit-of-work factory, the message line and the operation number. Features
read the baskets and announce their changes here; they never reach into one another.
The composition root (``pos.ui.app``) builds one session per window.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.db import Database
from pos.core.errors import DatabaseUnreachable, DomainError
from pos.core.exchange_basket import ExchangeBasket, ExchangeTotals
from pos.core.exchange_basket import totals as exchange_totals
from pos.core.models import PaymentMode
from pos.core.services.authorization import Approval
from pos.core.services.fee_rules import preview as preview_fees
from pos.core.services.operation_notes import OperationNotes
from pos.core.services.station import Station, next_operation_number
from pos.core.uow import UnitOfWork
from pos.ui.common import ops
from pos.ui.counter.database_watch import DatabaseWatch

T = TypeVar("T")


class PrintWorker(Protocol):
    """What the session needs of the print worker (``pos.ui.devices.worker.PrintQueue``)."""

    def wake(self) -> None: ...
    def resume(self) -> None: ...


class SupervisorHook(Protocol):
    def hook(self, then: Callable[[Approval], object]) -> Callable[[DomainError], bool]: ...
    def ask(self, reason: str, action: str, then: Callable[[Approval], object]) -> None: ...


class CounterSession(QObject):
    sig_basket_changed = Signal()  # the cancellation basket changed
    sig_sale_changed = Signal()  # what is sold in exchange changed
    sig_message = Signal(str, str)  # text, level: "info" | "error"
    sig_operation_number = Signal(int)  # the number the next operation will take
    sig_settled = Signal(object)  # SettlementResult | ExchangeResult
    sig_notes = Signal(object)  # OperationNotes to show, or None: back to the defaults
    sig_station_changed = Signal(object)  # Station: an operator logged in or out

    def __init__(self, database: Database, station: Station, clock: Clock,
                 print_queue: PrintWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.station = station
        self.clock = clock
        self.print_queue = print_queue
        self.basket = CancellationBasket()
        self.sale = ExchangeBasket()  # ÉCHANGÉ (PAR CONTACT)
        # [refunds] settings, set from the configuration by the composition root
        self.credit_note_validity_days = 365
        self.other_modes: list[PaymentMode] = [
            PaymentMode.CARD, PaymentMode.CHEQUE, PaymentMode.TRANSFER, PaymentMode.OTHER]
        self.hold_seat_minutes = 15  # [holds] seat_minutes: a held exchange's seats
        # Set by the notes view: Demandé par / cause / Remarques as typed.
        self.notes_source: Callable[[], OperationNotes] | None = None
        self.delivery = "counter"  # "counter" | "email" | "post" | "later"
        self.tickets_print = "now"  # "now" | "later": Impression immédiate oui / non
        # Set by the composition root: asks a supervisor when the core refuses an
        # action without one (pos.ui.counter.approval.SupervisorGate).
        self.approvals: SupervisorHook | None = None
        # The idempotency keys of the settlements the baskets make, one per kind (refund,
        # exchange, hold, abandon): the same until the baskets change, so a second press
        # (or a retry after an error) settles once.
        self._settlement_keys: dict[str, str] = {}
        self.sig_basket_changed.connect(self._forget_settlement_key)
        self.sig_sale_changed.connect(self._forget_settlement_key)
        # "Base : connectée / injoignable": probed off the GUI thread, told by run().
        self.database_watch = DatabaseWatch(database.ping, self)

    # --- the core -----------------------------------------------------------------

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database.sessions)

    def run(self, work: Callable[[UnitOfWork], T], *, what: str, said: bool = True,
            failure: str | None = None, refused=None) -> ops.Outcome[T]:
        """``ops.run`` on this counter's database; refusals go to the message line
        unless ``said`` is False (the caller shows them in its dialog)."""
        outcome = ops.run(self.uow, work, what=what, say=self.say if said else None,
                          failure=failure, refused=refused)
        if isinstance(outcome.refusal, DatabaseUnreachable):
            self.database_watch.lost()
        return outcome

    def settlement_key(self, kind: str) -> str:
        """The idempotency key a ``kind`` of settlement of the current baskets carries."""
        return self._settlement_keys.setdefault(kind, uuid.uuid4().hex)

    def _forget_settlement_key(self) -> None:
        self._settlement_keys.clear()

    def supervisor(self, then: Callable[[Approval], object]):
        """A ``refused`` hook for ``run``: a refusal for want of a supervisor asks one on
        this screen, then ``then(approval)`` tries the action again."""
        return self.approvals.hook(then) if self.approvals is not None else None

    def set_station(self, station: Station) -> None:
        """The operator who logged in (or out) at this counter."""
        self.station = station
        self.sig_station_changed.emit(station)

    # --- what the features share ----------------------------------------------------

    def say(self, text: str, level: str = "info") -> None:
        self.sig_message.emit(text, level)

    @property
    def notes(self) -> OperationNotes:
        return self.notes_source() if self.notes_source else OperationNotes()

    def totals(self) -> ExchangeTotals:
        """Sold - refunded, as the core computes it."""
        return exchange_totals(self.basket, self.sale)

    def exchanging(self) -> bool:
        """An exchange: something is sold against the tickets taken back."""
        return bool(self.basket.tickets) and len(self.sale) > 0

    def refund_amount(self):
        """What the refund buttons give back: the basket, or an exchange's negative
        balance."""
        if len(self.sale) > 0:
            return self.totals().to_refund
        return self.basket.refund_total

    def refresh_operation_number(self) -> None:
        outcome = self.run(lambda uow: next_operation_number(uow, self.station.counter_id),
                           what="operation number", failure=ops.QUIET)
        if outcome.ok:
            self.sig_operation_number.emit(outcome.value)

    def basket_changed(self) -> None:
        self.preview_fees()
        self.sig_basket_changed.emit()

    def sale_changed(self) -> None:
        if self.preview_fees():  # a refund became an exchange, or back: other rules
            self.sig_basket_changed.emit()
        self.sig_sale_changed.emit()

    def preview_fees(self) -> bool:
        """The fee line of each ticket, by the rules, for the basket to show before the
        cashier confirms (the settlement assesses them again); True if they changed."""
        basket, before = self.basket, dict(self.basket.fee_lines)
        if basket.tickets:
            kind = "exchange" if len(self.sale) else "refund"
            requested_by = self.notes.requested_by
            self.run(lambda uow: preview_fees(uow, basket, kind=kind, requested_by=requested_by,
                                              clock=self.clock),
                     what="fees", said=False, failure=ops.QUIET)
        else:
            basket.fee_lines = {}
        return basket.fee_lines != before

    def settled(self, result, message: str) -> None:
        """After a committed settlement: both baskets empty, the print worker woken (the
        jobs were committed with the operation), the next number shown."""
        self.basket.clear()
        self.print_queue.wake()
        if len(self.sale):
            self.sale.clear()
            self.sig_sale_changed.emit()
        self.sig_basket_changed.emit()
        self.sig_settled.emit(result)
        self.sig_notes.emit(None)
        self.say(message, "info")
