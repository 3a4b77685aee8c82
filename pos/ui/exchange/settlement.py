"""Settling an exchange on its balance (the sale basket is not empty).

``ExchangeSettlement`` (owned by the controller as ``controller.exchange_settlement``)
calls ``settle_exchange`` in one unit of work: total > 0 the customer pays (TOUT PAYER
[F4], ``exchangePayDialog``), total < 0 the refund buttons (F9-F12, F8) refund the
balance, total = 0 TOUT PAYER closes the operation. After the commit the print worker
prints the receipt, vouchers and, with "Impression immédiate : oui", the new tickets;
with "non" the tickets wait (BILLETS À IMPRIMER); with delivery by e-mail the documents
go as PDF attachments through ``[mail]`` (or to the outbox), on a thread of their own.

``install_exchange_settlement`` wires the window's widgets to it.
"""

from __future__ import annotations

import logging
import threading
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox, QPushButton, QRadioButton

from pos import formatting
from pos.config import Config, MailConfig
from pos.core.documents import Barcode, Document
from pos.core.errors import DomainError
from pos.core.exchange_basket import ExchangeBasket, ExchangeTotals
from pos.core.money import ZERO
from pos.core.planned_documents import exchange_documents
from pos.core.services.accounts import order_contact_balance
from pos.core.services.credit_notes import credit_note_balance
from pos.core.services.deferred_prints import deferred_jobs, print_deferred
from pos.core.services.exchange_settlement import ExchangeResult, settle_exchange
from pos.core.services.refunds import Tender
from pos.ui.counter.panels import DocumentsPanel
from pos.ui.exchange.dialogs.exchange_payment import ExchangePaymentDialog

if TYPE_CHECKING:
    from pos.ui.counter.controller import ExchangeController
    from pos.ui.main_window import MainWindow

log = logging.getLogger(__name__)

PAY_ALL_KEY = "F4"
PENDING_PRINTS_KEY = "Ctrl+I"
DELIVERY_MODES = {"counter": "Remis au contact", "email": "Envoi par e-mail"}


class ExchangeSettlement(QObject):
    sig_mail_done = Signal(str, str)  # text, level (from the mail thread, queued)
    sig_pending_prints = Signal(int)  # tickets waiting to be printed on demand

    def __init__(self, controller: ExchangeController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.tickets_print = "now"  # "now" | "later": Impression immédiate oui / non
        self.delivery = "counter"  # "counter" | "email"
        self.mail_config = MailConfig()
        self.outbox_dir: Path = Config().mail_outbox_dir
        self.mail_threads: list[threading.Thread] = []
        self.sig_mail_done.connect(controller.sig_message)
        self.contact = None  # the basket's ContactCard: its e-mail receives the tickets
        controller.operations.sig_contact.connect(self._contact_changed)

    def _contact_changed(self, card) -> None:
        self.contact = card

    def configure(self, config: Config) -> None:
        self.mail_config, self.outbox_dir = config.mail, config.mail_outbox_dir

    # --- what is on the screen ----------------------------------------------------------

    @property
    def sale(self) -> ExchangeBasket:
        """What the product bar sold (``controller.exchange``, ÉCHANGÉ PAR CONTACT)."""
        return self.controller.exchange.sale

    def active(self) -> bool:
        """An exchange: something is sold against the cancellation basket."""
        return len(self.sale) > 0

    def totals(self) -> ExchangeTotals:
        return self.controller.exchange.totals()

    def credit_note(self, number: str) -> tuple[Decimal, bool]:
        """A scanned voucher: (what is left on it, expired); DomainError when unknown."""
        with self.controller.uow() as uow:
            note = credit_note_balance(uow, number, self.controller.clock)
        return note.balance, note.expired

    def suspense_balance(self) -> Decimal | None:
        order_id = self.sale.order_id
        if order_id is None:
            return None
        try:
            with self.controller.uow() as uow:
                balance = order_contact_balance(uow, order_id)
        except Exception:  # noqa: BLE001 - the dialog opens without it
            log.exception("suspense balance")
            return None
        return balance.balance if balance is not None else None

    # --- settling -----------------------------------------------------------------------

    def settle(self, tenders: list[Tender]) -> ExchangeResult | None:
        c = self.controller
        recipient = ""
        if self.delivery == "email":
            recipient = self.contact.email if self.contact is not None else ""
            if not recipient:
                c.sig_message.emit(QCoreApplication.translate("ExchangeSettlement", "The contact has no e-mail address: enter one, or hand the tickets over."), "error")  # noqa: E501
                return None
        try:
            with c.uow() as uow:
                result = settle_exchange(
                    uow, c.basket, self.sale, tenders, c.station, c.clock,
                    credit_note_validity_days=c.credit_note_validity_days,
                    notes=c.operations.notes,
                    tickets_print="none" if recipient else self.tickets_print,
                    delivery_mode=DELIVERY_MODES[self.delivery])
        except DomainError as exc:
            c.sig_message.emit(exc.message, "error")
            return None
        except Exception:
            log.exception("exchange failed")
            c.sig_message.emit(QCoreApplication.translate("ExchangeSettlement", "The exchange could not be recorded: nothing was changed. Try again."), "error")  # noqa: E501
            return None
        c.basket.clear()
        c.print_queue.wake()  # its print jobs were committed with the operation
        c.exchange.clear()
        c.sig_basket_changed.emit()
        c.sig_settled.emit(result)
        text = QCoreApplication.translate(
            "ExchangeSettlement", "Operation %1: exchange recorded, total %2.").replace(
            "%1", str(result.operation_number)).replace("%2", formatting.money(result.total))
        if result.change > ZERO:
            text += " " + QCoreApplication.translate(
                "ExchangeSettlement", "Change to give back: %1").replace(
                "%1", formatting.money(result.change))
        c.sig_message.emit(text, "info")
        if recipient:
            self.send_documents(result, recipient)
        self.refresh_pending()
        c.refresh_operation_number()
        return result

    # --- tickets printed on demand --------------------------------------------------------

    def refresh_pending(self) -> int:
        try:
            with self.controller.uow() as uow:
                count = len(deferred_jobs(uow, self.controller.station.counter_id))
        except Exception:  # noqa: BLE001 - a count must never stop the counter
            log.exception("deferred print jobs")
            return 0
        self.sig_pending_prints.emit(count)
        return count

    def print_pending(self) -> int:
        c = self.controller
        try:
            with c.uow() as uow:
                count = print_deferred(uow, c.station.counter_id, c.clock.now())
        except DomainError as exc:
            c.sig_message.emit(exc.message, "error")
            return 0
        c.print_queue.resume()
        if count:
            c.sig_message.emit(QCoreApplication.translate(
                "ExchangeSettlement", "Documents sent to the printer: %1.").replace(
                "%1", str(count)), "info")
        else:
            c.sig_message.emit(QCoreApplication.translate(
                "ExchangeSettlement", "No ticket waits to be printed."), "info")
        self.refresh_pending()
        return count

    # --- e-mail ---------------------------------------------------------------------------

    def send_documents(self, result: ExchangeResult, recipient: str) -> threading.Thread:
        """Render the PDFs and send them, off the GUI thread; the outcome is said in the
        message line (where the outbox is, without a server)."""
        number = result.operation_number
        subject = QCoreApplication.translate(
            "ExchangeSettlement", "Your tickets - operation %1").replace("%1", str(number))
        hello = QCoreApplication.translate("ExchangeSettlement", "Hello,")
        attached = QCoreApplication.translate("ExchangeSettlement", "Please find attached your tickets and the receipt of your exchange (operation %1).")  # noqa: E501
        regards = QCoreApplication.translate("ExchangeSettlement", "Best regards,")
        body = (f"{hello}\n\n{attached.replace('%1', str(number))}\n\n{regards}\n"
                f"{self.controller.station.venue_name}\n")
        documents, config, outbox = result.documents, self.mail_config, self.outbox_dir
        at = self.controller.clock.now()
        failed = QCoreApplication.translate("ExchangeSettlement",
                                            "The e-mail could not be sent: %1")

        def work() -> None:
            from pos.devices.errors import DeviceError
            from pos.devices.mailer import Attachment, send_mail
            from pos.devices.pdf import render_pdf

            try:
                attachments = [Attachment(attachment_name(d), render_pdf([d]))
                               for d in documents]
                sent = send_mail(config, outbox, recipient=recipient, subject=subject,
                                 body=body, attachments=attachments, at=at)
            except DeviceError as exc:
                self.sig_mail_done.emit(failed.replace("%1", exc.message), "error")
                return
            except Exception as exc:  # noqa: BLE001 - the thread says it, never dies
                log.exception("e-mail of operation %s", number)
                self.sig_mail_done.emit(failed.replace("%1", str(exc)), "error")
                return
            self.sig_mail_done.emit(sent.notice, "info")

        thread = threading.Thread(target=work, name=f"mail-{number}", daemon=True)
        self.mail_threads.append(thread)
        thread.start()
        return thread


def attachment_name(document: Document) -> str:
    """"billet-01010003014.pdf", "avoir-<number>.pdf", "recu-exchange_receipt.pdf"."""
    code = next((b.payload for b in document.blocks if isinstance(b, Barcode)), "")
    prefix = {"ticket": "billet", "credit_note": "avoir"}.get(document.kind, "recu")
    return f"{prefix}-{code or document.kind}.pdf"


# --- the window ---------------------------------------------------------------------------

class SettlementUi(QObject):
    """TOUT PAYER, the pay dialog, the delivery choices and BILLETS À IMPRIMER."""

    def __init__(self, window: MainWindow, settlement: ExchangeSettlement) -> None:
        super().__init__(window)
        self.window, self.settlement = window, settlement
        self.dialog: ExchangePaymentDialog | None = None
        self.pay_all = window.findChild(QPushButton, "payAllButton")
        self.pay_all.setText(window.tr("Pay everything") + f" [{PAY_ALL_KEY}]")
        self.pay_all.setShortcut(QKeySequence(PAY_ALL_KEY))
        self.pay_all.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pay_all.clicked.connect(self.pay)

        print_now = window.findChild(QRadioButton, "immediatePrintYes")
        print_now.toggled.connect(self._print_now)
        settlement.tickets_print = "now" if print_now.isChecked() else "later"
        self.delivery = window.findChild(QComboBox, "deliveryModeCombo")
        self.delivery.addItem(self.tr("Sent by e-mail"), "email")
        self.delivery.currentIndexChanged.connect(self._delivery)
        self.documents = window.findChild(DocumentsPanel, "documentsPanel")
        self._showing_exchange = False

        status = window.statusBar()
        self.pending = QPushButton("", status)
        self.pending.setObjectName("pendingTicketsButton")
        self.pending.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pending.clicked.connect(settlement.print_pending)
        self.pending_action = QAction(self.tr("Print the tickets waiting"), window)
        self.pending_action.setObjectName("pendingTicketsAction")
        self.pending_action.setShortcut(QKeySequence(PENDING_PRINTS_KEY))
        self.pending_action.triggered.connect(settlement.print_pending)
        window.addAction(self.pending_action)
        status.addPermanentWidget(self.pending)
        settlement.sig_pending_prints.connect(self._pending)

        controller = window.controller
        controller.sig_basket_changed.connect(self.refresh)
        controller.exchange.sig_sale_changed.connect(self.refresh)
        settlement.refresh_pending()
        self.refresh()

    def _print_now(self, on: bool) -> None:
        self.settlement.tickets_print = "now" if on else "later"
        self.refresh()

    def _delivery(self, _index: int) -> None:
        self.settlement.delivery = self.delivery.currentData()
        self.refresh()

    def _pending(self, count: int) -> None:
        self.pending.setText(self.tr("TICKETS TO PRINT (%1)").replace("%1", str(count))
                             + f" [{PENDING_PRINTS_KEY}]")
        self.pending.setEnabled(count > 0)

    def refresh(self) -> None:
        """TOUT PAYER for a balance to pay or nil; the refund buttons for one to refund;
        the documents the exchange will produce ("Envoi documents")."""
        controller = self.window.controller
        basket = controller.basket
        exchanging = bool(basket.tickets) and self.settlement.active()
        total = self.settlement.totals().total if exchanging else ZERO
        self.pay_all.setEnabled(exchanging and total >= ZERO)
        for button in self.window.refund_buttons:
            button.setEnabled(bool(basket.tickets) and (not exchanging or total < ZERO))
        if exchanging:
            self.documents.show_documents(exchange_documents(
                new_tickets=len(self.settlement.sale.all_tickets()), refund=total < ZERO,
                by_email=self.settlement.delivery == "email",
                print_now=self.settlement.tickets_print == "now"))
            self._showing_exchange = True
        elif self._showing_exchange:
            self._showing_exchange = False
            controller.operations.refresh()  # back to the refund's documents

    def pay(self) -> None:
        window = self.window
        if window._confirm is not None or not self.settlement.active():
            return
        total = self.settlement.totals().total
        if total < ZERO:
            window.show_message(self.tr("The customer is refunded: choose a refund mode."),
                                "error")
        elif total == ZERO:
            self._close_at_zero()
        else:
            dialog = ExchangePaymentDialog(total, self.settlement.credit_note,
                                           self.settlement.suspense_balance(), window)
            self._show(dialog, lambda: self.settlement.settle(dialog.tenders()))

    def _close_at_zero(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Exchange"),
                          self.tr("The total is nil: close the exchange?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.window)
        box.setObjectName("confirmDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Close exchange"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        self._show(box, lambda: self.settlement.settle([]),
                   accepted=QMessageBox.StandardButton.Yes)

    def _show(self, dialog, on_accept, accepted=QDialog.DialogCode.Accepted) -> None:
        window = self.window
        window._confirm = dialog

        def finished(result: int) -> None:
            window._confirm = None
            dialog.deleteLater()
            if result == accepted:
                on_accept()
            window.scan_field.setFocus()

        dialog.finished.connect(finished)
        dialog.open()


def install_exchange_settlement(window: MainWindow) -> SettlementUi:
    ui = SettlementUi(window, window.controller.exchange_settlement)
    window.settlement_ui = ui  # type: ignore[attr-defined]
    return ui
