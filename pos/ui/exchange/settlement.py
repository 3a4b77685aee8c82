"""Settling an exchange on its balance (the sale basket is not empty).

``ExchangeSettlement`` calls ``settle_exchange`` in one unit of work: total > 0 the
customer pays (TOUT PAYER [F4], ``exchangePayDialog``), total < 0 the refund buttons
(F9-F12, F8) refund the balance, total = 0 TOUT PAYER closes the operation. After the
commit the print worker prints the receipt, vouchers and, with "Impression immédiate :
oui", the new tickets; with "non" the tickets wait (BILLETS À IMPRIMER); with delivery
by e-mail the documents go as PDF attachments through ``[mail]`` (or to the outbox): the
settlement queues the e-mail in its transaction and the mail worker
(``pos.ui.devices.mail_worker``) sends it, retries it, or the cashier prints it instead.

``pos.ui.exchange.settlement_view`` wires the window's widgets to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos import formatting
from pos.config import Config, MailConfig
from pos.core import delivery
from pos.core.exchange_basket import ExchangeBasket, ExchangeTotals
from pos.core.money import ZERO
from pos.core.services.deferred_prints import deferred_jobs, print_deferred
from pos.ui.common.ops import QUIET
from pos.ui.counter.session import CounterSession

if TYPE_CHECKING:
    from pos.core.services.authorization import Approval
    from pos.core.services.exchange_settlement import ExchangeResult
    from pos.core.services.mail_jobs import MailRequest
    from pos.core.services.refunds import Tender

# The services behind the pay dialog and the settlement (balances, vouchers, e-mails) are
# imported where they are used, or right after the window's first paint
# (pos.ui.app.AFTER_FIRST_PAINT); the count of deferred prints is read before it.

log = logging.getLogger(__name__)

class ExchangeSettlement(QObject):
    sig_pending_prints = Signal(int)  # tickets waiting to be printed on demand

    def __init__(self, session: CounterSession, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session
        self.mail_config = MailConfig()
        self.outbox_dir: Path = Config().mail_outbox_dir
        # The mail worker's wake-up, given by the composition root (pos.ui.devices).
        self.wake_mail: Callable[[], None] = lambda: None
        self.contact = None  # the basket's ContactCard: its e-mail receives the tickets

    def set_contact(self, card) -> None:
        """The contact feature's card (connected by the composition root)."""
        self.contact = card

    def email_recipient(self) -> str:
        """The basket contact's e-mail address, or ""."""
        return self.contact.email if self.contact is not None else ""

    def configure(self, config: Config) -> None:
        self.mail_config, self.outbox_dir = config.mail, config.mail_outbox_dir

    # --- what is on the screen ----------------------------------------------------------

    @property
    def sale(self) -> ExchangeBasket:
        """What the product bar sold (ÉCHANGÉ PAR CONTACT)."""
        return self.session.sale

    def active(self) -> bool:
        """An exchange: something is sold against the cancellation basket."""
        return len(self.sale) > 0

    def totals(self) -> ExchangeTotals:
        return self.session.totals()

    def credit_note(self, number: str):
        """A scanned voucher: an Outcome of (what is left on it, expired), or the refusal
        (unknown voucher) for the pay dialog to show in its own field."""
        from pos.core.services.credit_notes import credit_note_balance

        s = self.session
        return s.run(lambda uow: _balance_and_expiry(credit_note_balance(uow, number, s.clock)),
                     what="credit note", said=False)

    def suspense_balance(self) -> Decimal | None:
        from pos.core.services.accounts import order_contact_balance

        order_id = self.sale.order_id
        if order_id is None:
            return None
        outcome = self.session.run(lambda uow: order_contact_balance(uow, order_id),
                                   what="suspense balance", said=False, failure=QUIET)
        balance = outcome.value  # the dialog opens without it
        return balance.balance if balance is not None else None

    # --- settling -----------------------------------------------------------------------

    def settle(self, tenders: list[Tender],
               approval: Approval | None = None) -> ExchangeResult | None:
        """Refused for want of a supervisor, it asks one and tries again with their
        ``approval``."""
        # Imported at the first exchange settled, not at start (~20 ms of the cold start:
        # its checks and seat holds are needed by nothing else until then).
        from pos.core.services.exchange_settlement import settle_exchange

        s = self.session
        recipient = ""
        if s.delivery == "email":
            recipient = self.contact.email if self.contact is not None else ""
            if not recipient:
                s.say(QCoreApplication.translate("ExchangeSettlement", "The contact has no e-mail address: enter one, or hand the tickets over."), "error")  # noqa: E501
                return None
        outcome = s.run(lambda uow: settle_exchange(
            uow, s.basket, self.sale, tenders, s.station, s.clock,
            credit_note_validity_days=s.credit_note_validity_days, notes=s.notes,
            tickets_print=delivery.tickets_print(s.delivery, s.tickets_print,
                                                 emailed=bool(recipient)),
            delivery_mode=delivery.TICKET_LABELS[s.delivery], approval=approval,
            idempotency_key=s.settlement_key("exchange"),
            mail=self.mail_request(recipient) if recipient else None),
            refused=s.supervisor(lambda given: self.settle(tenders, given)),
            what="exchange", failure=QCoreApplication.translate("ExchangeSettlement", "The exchange could not be recorded: nothing was changed. Try again."))  # noqa: E501
        if not outcome.ok:
            return None
        result = outcome.value
        text = QCoreApplication.translate(
            "ExchangeSettlement", "Operation %1: exchange recorded, total %2.").replace(
            "%1", str(result.operation_number)).replace("%2", formatting.money(result.total))
        if result.change > ZERO:
            text += " " + QCoreApplication.translate(
                "ExchangeSettlement", "Change to give back: %1").replace(
                "%1", formatting.money(result.change))
        s.settled(result, text)
        if recipient:
            self.wake_mail()  # queued in the settlement: the mail worker sends it
        self.refresh_pending()
        s.refresh_operation_number()
        return result

    # --- tickets printed on demand --------------------------------------------------------

    def refresh_pending(self) -> int:
        s = self.session
        # A count must never stop the counter: an unexpected error is only logged.
        outcome = s.run(lambda uow: len(deferred_jobs(uow, s.station.counter_id)),
                        what="deferred print jobs", said=False, failure=QUIET)
        if not outcome.ok:
            return 0
        self.sig_pending_prints.emit(outcome.value)
        return outcome.value

    def print_pending(self) -> int:
        s = self.session
        outcome = s.run(lambda uow: print_deferred(uow, s.station.counter_id, s.clock.now()),
                        what="print deferred")
        if not outcome.ok:
            return 0
        count = outcome.value
        s.print_queue.resume()
        if count:
            s.say(QCoreApplication.translate(
                "ExchangeSettlement", "Documents sent to the printer: %1.").replace(
                "%1", str(count)), "info")
        else:
            s.say(QCoreApplication.translate(
                "ExchangeSettlement", "No ticket waits to be printed."), "info")
        self.refresh_pending()
        return count

    # --- e-mail ---------------------------------------------------------------------------

    def mail_request(self, recipient: str, *, refund: bool = False) -> MailRequest:
        """The e-mail the settlement queues in its transaction (``%1``: the operation's
        number, known only then); the mail worker sends it after the commit."""
        from pos.core.services.mail_jobs import MailRequest

        subject = QCoreApplication.translate("ExchangeSettlement", "Your tickets - operation %1")
        hello = QCoreApplication.translate("ExchangeSettlement", "Hello,")
        attached = QCoreApplication.translate("ExchangeSettlement", "Please find attached your tickets and the receipt of your exchange (operation %1).")  # noqa: E501
        if refund:  # a refund: its receipt and vouchers
            subject = QCoreApplication.translate("ExchangeSettlement",
                                                 "Your refund - operation %1")
            attached = QCoreApplication.translate("ExchangeSettlement", "Please find attached the receipt of your refund (operation %1).")  # noqa: E501
        regards = QCoreApplication.translate("ExchangeSettlement", "Best regards,")
        body = f"{hello}\n\n{attached}\n\n{regards}\n{self.session.station.venue_name}\n"
        return MailRequest(recipient, subject, body)


def _balance_and_expiry(note) -> tuple[Decimal, bool]:
    return note.balance, note.expired
