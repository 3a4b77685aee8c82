"""The payment side of the screen: after each change of the basket it asks the core how
the basket's tickets were paid and what the contact holds on the suspense account, and
says so with signals; the panels show it. One unit of work per refresh."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from pos.core.errors import DomainError
from pos.core.services.accounts import ContactBalance, order_contact_balance
from pos.core.services.payment_reminder import PaymentReminder, payment_reminder
from pos.core.services.refunds import SettlementResult
from pos.ui.counter.controller import ExchangeController

log = logging.getLogger(__name__)


class RefundInfo(QObject):
    sig_reminder = Signal(object)  # PaymentReminder | None (empty basket)
    sig_contact_balance = Signal(object)  # ContactBalance | None

    def __init__(self, controller: ExchangeController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._last_order_id: int | None = None
        controller.sig_basket_changed.connect(self.refresh)
        controller.sig_settled.connect(self._settled)

    def refresh(self) -> None:
        tickets = self.controller.basket.tickets
        if not tickets:
            self.sig_reminder.emit(None)
            self.sig_contact_balance.emit(None)
            return
        self._last_order_id = tickets[0].order_id
        try:
            with self.controller.uow() as uow:
                reminder: PaymentReminder = payment_reminder(uow, self.controller.basket)
                balance: ContactBalance | None = order_contact_balance(uow, tickets[0].order_id)
        except DomainError as exc:
            self.controller.sig_message.emit(exc.message, "error")
            return
        except Exception:  # noqa: BLE001 - a reminder must never stop the counter
            log.exception("payment reminder failed")
            return
        self.sig_reminder.emit(reminder)
        self.sig_contact_balance.emit(balance)

    def _settled(self, result: SettlementResult) -> None:
        # The basket is empty now; the last contact's balance stays in view (it may just
        # have been credited).
        if self._last_order_id is None:
            return
        try:
            with self.controller.uow() as uow:
                balance = order_contact_balance(uow, self._last_order_id)
        except Exception:  # noqa: BLE001 - the refund is done; the panel can wait
            log.exception("contact balance failed")
            return
        self.sig_contact_balance.emit(balance)
