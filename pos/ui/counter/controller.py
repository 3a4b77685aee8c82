"""The exchange / cancellation screen's controller: the basket, the services, the printer.

Widgets emit intents; this object calls the core in one unit of work per action and
tells the window what happened through signals. It never formats or computes money.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos import formatting
from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.db import Database
from pos.core.errors import ApprovalRequired, DomainError
from pos.core.models import PaymentMode
from pos.core.services.approvals import approve
from pos.core.services.refunds import SettlementResult, Tender, refund_basket
from pos.core.services.scanning import take_ticket
from pos.core.services.station import Station, next_operation_number
from pos.core.uow import UnitOfWork
from pos.ui.devices.worker import PrintQueue
from pos.ui.exchange.sale_controller import ExchangeUiController
from pos.ui.exchange.settlement import ExchangeSettlement
from pos.ui.hold.controller import OperationController

log = logging.getLogger(__name__)


class ExchangeController(QObject):
    sig_basket_changed = Signal()
    sig_message = Signal(str, str)  # text, level: "info" | "error"
    sig_operation_number = Signal(int)  # the number the next operation will take
    sig_settled = Signal(object)  # SettlementResult
    sig_approval_requested = Signal(str, str)  # scanned code, why a supervisor is needed

    def __init__(self, database: Database, station: Station, clock: Clock,
                 print_queue: PrintQueue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.station = station
        self.clock = clock
        self.print_queue = print_queue
        self.basket = CancellationBasket()
        # [refunds] settings, set from the configuration by build_main_window
        self.credit_note_validity_days = 365
        self.other_modes: list[PaymentMode] = [
            PaymentMode.CARD, PaymentMode.CHEQUE, PaymentMode.TRANSFER, PaymentMode.OTHER]
        # hold / resume / abandon, notes, contact, documents (METTRE EN ATTENTE...)
        self.operations = OperationController(self)
        # the sale side of an exchange: what the product bar adds (ÉCHANGÉ PAR CONTACT)
        self.exchange = ExchangeUiController(self)
        # an exchange (the sale basket is not empty) is settled on its balance
        self.exchange_settlement = ExchangeSettlement(self)
        print_queue.sig_job_failed.connect(self._print_failed)
        print_queue.sig_job_done.connect(self._print_done)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database.sessions)

    # --- intents ------------------------------------------------------------------

    def refresh_operation_number(self) -> None:
        with self.uow() as uow:
            self.sig_operation_number.emit(next_operation_number(uow, self.station.counter_id))

    def scan(self, raw: str) -> bool:
        """A scanned or typed code; True when a ticket joined the basket."""
        if self.operations.intercept_scan(raw):  # a hold slip or a held ticket
            return True
        return self._take(raw)

    def approve_and_scan(self, raw: str, login: str, pin: str) -> bool:
        """A supervisor's login and PIN lift a checked-in / past-performance refusal."""
        try:
            with self.uow() as uow:
                approval = approve(uow, login=login, pin=pin, station=self.station,
                                   clock=self.clock, reason=raw.strip()[:40])
        except DomainError as exc:
            self.sig_message.emit(exc.message, "error")
            return False
        return self._take(raw, approved_by=approval.supervisor_login)

    def _take(self, raw: str, approved_by: str = "") -> bool:
        try:
            with self.uow() as uow:
                ticket = take_ticket(uow, self.basket, raw, self.clock,
                                     approved_by=approved_by)
        except ApprovalRequired as exc:
            self.sig_message.emit(exc.message, "error")
            self.sig_approval_requested.emit(raw, exc.message)
            return False
        except DomainError as exc:
            log.info("scan refused %s: %s", raw, exc.code)
            self.sig_message.emit(exc.message, "error")
            return False
        log.info("scan accepted %s", ticket.number)
        self.sig_basket_changed.emit()
        text = QCoreApplication.translate("ExchangeController", "Ticket %1 added: %2")
        self.sig_message.emit(
            text.replace("%1", ticket.number).replace("%2", formatting.money(ticket.price)),
            "info")
        return True

    def remove(self, numbers: list[str]) -> None:
        if numbers:
            self.basket.remove(numbers)
            self.sig_basket_changed.emit()

    def set_refund_fees(self, on: bool) -> None:
        self.basket.refund_fees = on
        self.sig_basket_changed.emit()

    def abandon(self) -> None:
        if self.basket.held_operation_id is not None:
            if self.operations.abandon_held():  # marked abandoned, its number kept
                self.exchange.clear()
            return
        self.basket.clear()
        self.exchange.clear()  # what was sold in exchange goes with it
        self.sig_basket_changed.emit()
        self.sig_message.emit(QCoreApplication.translate(
            "ExchangeController", "Operation abandoned: nothing was changed."), "info")

    def refund_amount(self):
        """What the refund buttons give back: the basket, or an exchange's negative balance."""
        if self.exchange_settlement.active():
            return self.exchange_settlement.totals().to_refund
        return self.basket.refund_total

    def refund(self, mode: PaymentMode, reference: str = "") -> SettlementResult | None:
        """Refund the whole basket in one mode; documents print after the commit."""
        return self.settle([Tender(mode, self.refund_amount(), reference)])

    def settle(self, tenders: list[Tender]) -> SettlementResult | None:
        """Refund the basket with these tenders (one mode, or a split that adds up); with
        something sold in exchange, settle the exchange's balance instead."""
        if self.exchange_settlement.active():
            return self.exchange_settlement.settle(tenders)
        try:
            with self.uow() as uow:
                result = refund_basket(
                    uow, self.basket, tenders, self.station, self.clock,
                    credit_note_validity_days=self.credit_note_validity_days,
                    held_operation_id=self.basket.held_operation_id,
                    notes=self.operations.notes)
        except DomainError as exc:
            self.sig_message.emit(exc.message, "error")
            return None
        except Exception:
            log.exception("refund failed")
            self.sig_message.emit(QCoreApplication.translate(
                "ExchangeController",
                "The refund could not be recorded: nothing was changed. Try again."), "error")
            return None
        self.basket.clear()
        self.print_queue.wake()  # its print jobs were committed with the operation
        self.sig_basket_changed.emit()
        self.sig_settled.emit(result)
        text = QCoreApplication.translate("ExchangeController", "Operation %1: %2 refunded.")
        self.sig_message.emit(text.replace("%1", str(result.operation_number))
                              .replace("%2", formatting.money(result.refunded)), "info")
        self.refresh_operation_number()
        return result

    # --- device events ------------------------------------------------------------

    def _print_failed(self, name: str, message: str) -> None:
        text = QCoreApplication.translate("ExchangeController", "Printing of %1 failed: %2")
        self.sig_message.emit(text.replace("%1", name).replace("%2", message), "error")

    def _print_done(self, name: str) -> None:
        log.info("printed %s", name)
