"""Refunding the cancellation basket: in one mode (F9 cash, F10 credit note, F11
suspense account, F12 another mode with a reference) or split across modes (F8).

With something sold in exchange, the same buttons refund the exchange's negative
balance: the composition root gives ``settle_exchange`` for that, so that this feature
does not know the exchange feature."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos import formatting
from pos.core.errors import CashRefundExceedsDrawer, DomainError
from pos.core.models import PaymentMode
from pos.ui.common import ops
from pos.ui.counter.session import CounterSession

if TYPE_CHECKING:
    from pos.core.services.authorization import Approval
    from pos.core.services.mail_jobs import MailRequest
    from pos.core.services.refunds import SettlementResult, Tender

# The refund service (and the settlement pipeline behind it) is imported by the first
# refund, or right after the window's first paint (pos.ui.app.AFTER_FIRST_PAINT).


class RefundController(QObject):
    #: a cash refund the drawer cannot pay: (what it holds, the refund's tenders); the
    #: bar offers the split (the drawer's content in cash, the rest otherwise)
    sig_cash_short = Signal(object, object)

    def __init__(self, session: CounterSession, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session
        self.settle_exchange: Callable[[list[Tender]], object] | None = None
        # "Envoi par e-mail": the contact's address, and what sends the receipt and the
        # vouchers (the composition root gives the exchange settlement's mailer).
        self.email_recipient: Callable[[], str] = lambda: ""
        self.send_by_email: Callable[[SettlementResult, str], object] | None = None
        # The e-mail queued in the refund's transaction (for a recipient), sent after it.
        self.mail_request: Callable[[str], MailRequest] | None = None

    def refund(self, mode: PaymentMode, reference: str = ""):
        """Refund the whole basket (or the exchange's balance) in one mode."""
        from pos.core.services.refunds import Tender

        return self.settle([Tender(mode, self.session.refund_amount(), reference)])

    def settle(self, tenders: list[Tender],
               approval: Approval | None = None) -> SettlementResult | None:
        """Refund with these tenders (one mode, or a split that adds up); documents print
        after the commit. Refused for want of a supervisor, it asks one and tries again
        with their ``approval``."""
        from pos.core.services.refunds import refund_basket

        s = self.session
        if len(s.sale) and self.settle_exchange is not None:
            return self.settle_exchange(tenders)
        recipient = self.email_recipient() if s.delivery == "email" else ""
        if s.delivery == "email" and not recipient:
            s.say(QCoreApplication.translate("ExchangeSettlement", "The contact has no e-mail address: enter one, or hand the tickets over."), "error")  # noqa: E501
            return None
        outcome = s.run(lambda uow: refund_basket(
            uow, s.basket, tenders, s.station, s.clock,
            credit_note_validity_days=s.credit_note_validity_days,
            held_operation_id=s.basket.held_operation_id, notes=s.notes,
            approval=approval,
            idempotency_key=s.settlement_key("refund"),
            mail=self.mail_request(recipient) if recipient and self.mail_request else None),
            refused=ops.either(s.supervisor(lambda given: self.settle(tenders, given)),
                               lambda exc: self._cash_short(exc, tenders)),
            what="refund", failure=QCoreApplication.translate(
                "ExchangeController",
                "The refund could not be recorded: nothing was changed. Try again."))
        if not outcome.ok:
            return None
        result = outcome.value
        text = QCoreApplication.translate("ExchangeController", "Operation %1: %2 refunded.")
        s.settled(result, text.replace("%1", str(result.operation_number))
                  .replace("%2", formatting.money(result.refunded)))
        s.refresh_operation_number()
        if recipient and self.send_by_email is not None:
            self.send_by_email(result, recipient)  # the counter prints them as well
        return result

    def _cash_short(self, exc: DomainError, tenders: list[Tender]) -> bool:
        """The refusal is said as always; the proposal follows (returns False)."""
        if isinstance(exc, CashRefundExceedsDrawer):
            self.sig_cash_short.emit(exc.details["available_amount"], tenders)
        return False
