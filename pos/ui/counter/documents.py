"""The delivery choices and the "Envoi documents" panel, one owner for both.

The documents listed depend on both baskets and on the delivery: a refund's (planned by
the core from the basket), or an exchange's (new tickets, refund or not, by e-mail or
printed now). Every change of either basket or of the delivery redraws them here and
only here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from pos.core.money import ZERO
from pos.core.planned_documents import exchange_documents, planned_documents
from pos.ui.counter.panels import DeliveryPanel, DocumentsPanel
from pos.ui.counter.session import CounterSession


class DocumentsView(QObject):
    def __init__(self, session: CounterSession, delivery: DeliveryPanel,
                 documents: DocumentsPanel) -> None:
        super().__init__(documents)
        self.session, self.delivery, self.documents = session, delivery, documents
        delivery.sig_changed.connect(self._delivery_changed)
        session.sig_basket_changed.connect(self.refresh)
        session.sig_sale_changed.connect(self.refresh)
        session.sig_settled.connect(self._next_customer)
        self._shown = None  # the documents listed, redrawn only when they change
        session.tickets_print = "now" if delivery.print_now.isChecked() else "later"
        session.delivery = delivery.mode.currentData()

    def _delivery_changed(self, mode: str, print_now: bool) -> None:
        self.session.delivery = mode
        self.session.tickets_print = "now" if print_now else "later"
        self.refresh()

    def _next_customer(self, _result=None) -> None:
        """After a settlement: the delivery back to its default (handed over, printed
        now) for the next customer; the panel redraws through sig_changed."""
        self.delivery.mode.setCurrentIndex(0)
        self.delivery.print_now.setChecked(True)

    def show_contact(self, card) -> None:
        self.delivery.show_contact(card)

    def refresh(self) -> None:
        s = self.session
        if s.exchanging():
            total = s.totals().total
            documents = exchange_documents(
                new_tickets=len(s.sale.all_tickets()), refund=total < ZERO,
                by_email=s.delivery == "email", print_now=s.tickets_print == "now",
                delivery=s.delivery)
        else:
            documents = planned_documents(
                tickets=len(s.basket), held=s.basket.held_operation_id is not None,
                delivery=s.delivery)
        if documents != self._shown:  # a scan into a basket with tickets changes nothing
            self._shown = documents
            self.documents.show_documents(documents)
