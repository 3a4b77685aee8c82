"""The payment side of the screen: after each change of the basket it asks the core how
the basket's tickets were paid and what the contact holds on the suspense account, and
says so with signals; the panels show it. One unit of work per refresh.

The refresh is deferred to the event loop (a zero timer) and coalesced: a scan shows its
basket row first, and a burst of basket changes reads the database once, after the
burst. ``flush()`` runs a pending refresh at once."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from pos.core.services.accounts import order_contact_balance
from pos.core.services.payment_reminder import payment_reminder
from pos.ui.common.ops import QUIET
from pos.ui.counter.session import CounterSession


class RefundInfo(QObject):
    sig_reminder = Signal(object)  # PaymentReminder | None (empty basket)
    sig_contact_balance = Signal(object)  # ContactBalance | None

    def __init__(self, session: CounterSession, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session
        self._last_order_id: int | None = None
        self.refreshes = 0  # refreshes run (one per burst of basket changes)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        session.sig_basket_changed.connect(self.schedule)
        session.sig_settled.connect(self._settled)

    def schedule(self) -> None:
        """The basket changed: refresh once the event loop is back (once for a burst)."""
        self._pending.start()

    def flush(self) -> None:
        if self._pending.isActive():
            self.refresh()

    def refresh(self) -> None:
        self._pending.stop()
        self.refreshes += 1
        s = self.session
        tickets = s.basket.tickets
        if not tickets:
            self.sig_reminder.emit(None)
            self.sig_contact_balance.emit(None)
            return
        self._last_order_id = order_id = tickets[0].order_id
        # A reminder must never stop the counter: an unexpected error is only logged.
        outcome = s.run(lambda uow: (payment_reminder(uow, s.basket),
                                     order_contact_balance(uow, order_id)),
                        what="payment reminder", failure=QUIET)
        if outcome.ok:
            reminder, balance = outcome.value
            self.sig_reminder.emit(reminder)
            self.sig_contact_balance.emit(balance)

    def _settled(self, _result) -> None:
        # The basket is empty now; the last contact's balance stays in view (it may just
        # have been credited). The empty basket's refresh is due first: it clears both.
        self.flush()
        if self._last_order_id is None:
            return
        order_id = self._last_order_id
        outcome = self.session.run(lambda uow: order_contact_balance(uow, order_id),
                                   what="contact balance", failure=QUIET, said=False)
        if outcome.ok:
            self.sig_contact_balance.emit(outcome.value)
