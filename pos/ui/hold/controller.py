"""The operation around the basket: put it on hold (METTRE EN ATTENTE), bring a held one
back (slip barcode, one of its tickets, or the list), abandon it, what the cashier says
about it (Demandé par, cause, remarks), its contact and the documents it will produce.

Owned by the ExchangeController (``controller.operations``); one unit of work per
action, plain data out by signals, nothing formatted here but the messages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos.core.errors import DomainError
from pos.core.planned_documents import planned_documents
from pos.core.services.contact_details import basket_contact, change_address, change_email
from pos.core.services.held_operations import (
    SLIP_BARCODE,
    HeldOperation,
    ResumedOperation,
    find_held_operation,
    held_operations,
    resume_operation,
)
from pos.core.services.holds import HoldResult, abandon_held, hold_basket
from pos.core.services.operation_notes import OperationNotes

if TYPE_CHECKING:
    from pos.ui.counter.controller import ExchangeController

log = logging.getLogger(__name__)



class OperationController(QObject):
    sig_notes = Signal(object)  # OperationNotes to show, or None: back to the defaults
    sig_contact = Signal(object)  # ContactCard of the basket, or None
    sig_documents = Signal(object)  # tuple of PlannedDocument

    def __init__(self, exchange: ExchangeController) -> None:
        super().__init__(exchange)
        self.exchange = exchange
        # Set by the window: reads requested by / cause / remarks from its widgets.
        self.notes_source: Callable[[], OperationNotes] | None = None
        self._contact_order_id: int | None = None
        self._contact = None
        self._held: tuple[int, int] | None = None  # (id, number) of the resumed operation
        exchange.sig_basket_changed.connect(self.refresh)
        exchange.sig_settled.connect(lambda _result: self.sig_notes.emit(None))

    @property
    def notes(self) -> OperationNotes:
        return self.notes_source() if self.notes_source else OperationNotes()

    @property
    def basket(self):
        return self.exchange.basket

    @property
    def held_number(self) -> int | None:
        """The number of the held operation in the basket, if it is one."""
        held_id = self.basket.held_operation_id
        return self._held[1] if self._held and held_id == self._held[0] else None

    def _error(self, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            self.exchange.sig_message.emit(exc.message, "error")
        else:
            log.exception("operation action failed")
            self.exchange.sig_message.emit(QCoreApplication.translate(
                "OperationController",
                "The operation could not be recorded: nothing was changed. Try again."), "error")

    def _busy(self) -> None:
        self.exchange.sig_message.emit(QCoreApplication.translate(
            "OperationController",
            "An operation is in progress: put it on hold or abandon it before resuming another one."
        ), "error")

    # --- hold ---------------------------------------------------------------------

    def hold(self) -> HoldResult | None:
        ex = self.exchange
        if len(ex.exchange.sale):
            # A held operation keeps only the tickets taken back: holding now would drop
            # what was chosen in exchange without a word.
            ex.sig_message.emit(QCoreApplication.translate(
                "OperationController",
                "An exchange in progress cannot be put on hold: settle it, or remove what "
                "is sold in exchange first."), "error")
            return None
        try:
            with ex.uow() as uow:
                result = hold_basket(uow, self.basket, ex.station, ex.clock, notes=self.notes)
        except Exception as exc:  # noqa: BLE001 - DomainError or not, the cashier is told
            self._error(exc)
            return None
        self.basket.clear()
        ex.print_queue.wake()  # the slip's job was committed with the hold
        ex.sig_basket_changed.emit()
        self.sig_notes.emit(None)
        ex.sig_message.emit(QCoreApplication.translate(
            "OperationController", "Operation %1 put on hold: its slip is printing.")
            .replace("%1", str(result.operation_number)), "info")
        ex.refresh_operation_number()
        return result

    # --- resume -------------------------------------------------------------------

    def intercept_scan(self, raw: str) -> bool:
        """For ``ExchangeController.scan``: True when the scan was a hold slip or a ticket
        of a held operation (resumed into the empty basket, or refused)."""
        slip = SLIP_BARCODE.fullmatch(raw.strip().upper()) is not None
        if self.basket.tickets or self.basket.held_operation_id is not None:
            if slip:
                self._busy()
            return slip  # a held ticket is refused by the scan itself
        ex = self.exchange
        try:
            with ex.uow() as uow:
                operation_id = find_held_operation(uow, raw, ex.station)
                if operation_id is None:
                    return False
                resumed = resume_operation(uow, operation_id, ex.station, ex.clock)
        except Exception as exc:  # noqa: BLE001
            self._error(exc)
            return True
        self._load(resumed)
        return True

    def held_list(self) -> list[HeldOperation] | None:
        try:
            with self.exchange.uow() as uow:
                return held_operations(uow)
        except Exception as exc:  # noqa: BLE001
            self._error(exc)
            return None

    def resume(self, operation_id: int) -> bool:
        if self.basket.tickets or self.basket.held_operation_id is not None:
            self._busy()
            return False
        ex = self.exchange
        try:
            with ex.uow() as uow:
                resumed = resume_operation(uow, operation_id, ex.station, ex.clock)
        except Exception as exc:  # noqa: BLE001
            self._error(exc)
            return False
        self._load(resumed)
        return True

    def _load(self, resumed: ResumedOperation) -> None:
        basket = self.basket
        basket.clear()
        basket.tickets.extend(resumed.tickets)
        basket.refund_fees = resumed.refund_fees
        basket.held_operation_id = resumed.operation_id
        self._held = (resumed.operation_id, resumed.operation_number)
        ex = self.exchange
        ex.sig_basket_changed.emit()
        self.sig_notes.emit(resumed.notes)
        ex.sig_operation_number.emit(resumed.operation_number)
        text = QCoreApplication.translate(
            "OperationController", "Operation %1 resumed: %n ticket(s).", "",
            len(resumed.tickets)).replace("%1", str(resumed.operation_number))
        ex.sig_message.emit(" ".join((text, *resumed.dropped)),
                            "error" if resumed.dropped else "info")

    # --- abandon ------------------------------------------------------------------

    def abandon_held(self) -> bool:
        """For ``ExchangeController.abandon`` on a resumed held operation."""
        ex = self.exchange
        try:
            with ex.uow() as uow:
                number = abandon_held(uow, self.basket.held_operation_id, ex.station, ex.clock)
        except Exception as exc:  # noqa: BLE001
            self._error(exc)
            return False
        self.basket.clear()
        ex.sig_basket_changed.emit()
        self.sig_notes.emit(None)
        ex.sig_message.emit(QCoreApplication.translate(
            "OperationController", "Operation %1 abandoned: its tickets are free again.")
            .replace("%1", str(number)), "info")
        ex.refresh_operation_number()
        return True

    # --- contact and documents ----------------------------------------------------

    def refresh(self) -> None:
        """After every basket change: the contact (read again only when the first order
        changes) and the documents the operation will produce."""
        first = self.basket.tickets[0].order_id if self.basket.tickets else None
        if first != self._contact_order_id:
            self._contact_order_id = first
            try:
                with self.exchange.uow() as uow:
                    self._contact = basket_contact(uow, self.basket)
            except Exception as exc:  # noqa: BLE001
                self._contact = None
                self._error(exc)
            self.sig_contact.emit(self._contact)
        self.sig_documents.emit(planned_documents(
            tickets=len(self.basket), held=self.basket.held_operation_id is not None))

    def change_email(self, email: str) -> bool:
        return self._change(lambda uow, cid: change_email(
            uow, cid, email, station=self.exchange.station, clock=self.exchange.clock),
            QCoreApplication.translate("OperationController", "E-mail changed."))

    def change_address(self, address: str, postcode: str, city: str, country: str) -> bool:
        return self._change(lambda uow, cid: change_address(
            uow, cid, address=address, postcode=postcode, city=city, country=country,
            station=self.exchange.station, clock=self.exchange.clock),
            QCoreApplication.translate("OperationController", "Address changed."))

    def _change(self, action, done: str) -> bool:
        if self._contact is None:
            return False
        try:
            with self.exchange.uow() as uow:
                card = action(uow, self._contact.contact_id)
        except Exception as exc:  # noqa: BLE001
            self._error(exc)
            return False
        self._contact = card
        self.sig_contact.emit(card)
        self.exchange.sig_message.emit(done, "info")
        return True
