"""The counter's session: what every feature of the screen shares, and nothing else.

The two baskets (the tickets taken back, what is sold in exchange), the station, the
clock, the unit-of-work factory, the message line and the operation number. Features
read the baskets and announce their changes here; they never reach into one another.
The composition root (``pos.ui.app``) builds one session per window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.db import Database
from pos.core.exchange_basket import ExchangeBasket, ExchangeTotals
from pos.core.exchange_basket import totals as exchange_totals
from pos.core.models import PaymentMode
from pos.core.services.operation_notes import OperationNotes
from pos.core.services.station import Station, next_operation_number
from pos.core.uow import UnitOfWork
from pos.ui.common import ops

T = TypeVar("T")


class PrintWorker(Protocol):
    """What the session needs of the print worker (``pos.ui.devices.worker.PrintQueue``)."""

    def wake(self) -> None: ...
    def resume(self) -> None: ...


class CounterSession(QObject):
    sig_basket_changed = Signal()  # the cancellation basket changed
    sig_sale_changed = Signal()  # what is sold in exchange changed
    sig_message = Signal(str, str)  # text, level: "info" | "error"
    sig_operation_number = Signal(int)  # the number the next operation will take
    sig_settled = Signal(object)  # SettlementResult | ExchangeResult
    sig_notes = Signal(object)  # OperationNotes to show, or None: back to the defaults

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
        # Set by the notes view: Demandé par / cause / Remarques as typed.
        self.notes_source: Callable[[], OperationNotes] | None = None
        self.delivery = "counter"  # "counter" | "email" | "post" | "later"
        self.tickets_print = "now"  # "now" | "later": Impression immédiate oui / non

    # --- the core -----------------------------------------------------------------

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database.sessions)

    def run(self, work: Callable[[UnitOfWork], T], *, what: str, said: bool = True,
            failure: str | None = None, refused=None) -> ops.Outcome[T]:
        """``ops.run`` on this counter's database; refusals go to the message line
        unless ``said`` is False (the caller shows them in its dialog)."""
        return ops.run(self.uow, work, what=what, say=self.say if said else None,
                       failure=failure, refused=refused)

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
        self.sig_basket_changed.emit()

    def sale_changed(self) -> None:
        self.sig_sale_changed.emit()

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
