"""The product bar of the exchange and the "ÉCHANGÉ (PAR CONTACT)" tree.

AUTO-ÉCHANGE [Alt+A], ÉVÉNEMENT [Alt+E], ABONNEMENT [Alt+B], PACKAGES [Alt+P],
AUTRES PRODUITS [Alt+O], AVANTAGES [Alt+V] open their dialog (through the window's one
dialog) once the cancellation basket has tickets. The tree (``exchangeView``) follows
every change of either basket; SUPPRIMER [Alt+Del] (``exchangeRemoveButton``) removes
the lines selected in it. The totals are the counter's (one writer).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QPushButton, QTreeView

from pos.core.models_catalog import ProductKind
from pos.ui import keys
from pos.ui.common.modal import OneDialog
from pos.ui.counter.basket_model import TICKET_NUMBER_ROLE
from pos.ui.counter.session import CounterSession
from pos.ui.exchange.controller import SaleController
from pos.ui.exchange.model import SALE_LINE_ROLE, ExchangeModel

# objectName -> shortcut shown on the button
BAR_KEYS = {
    "autoExchangeButton": keys.AUTO_EXCHANGE,
    "eventButton": keys.EVENT,
    "subscriptionButton": keys.SUBSCRIPTION,
    "packagesButton": keys.PACKAGES,
    "otherProductsButton": keys.OTHER_PRODUCTS,
    "benefitsButton": keys.BENEFITS,
}
PRODUCT_KINDS = {
    "subscriptionButton": ProductKind.SUBSCRIPTION,
    "packagesButton": ProductKind.PACKAGE,
    "otherProductsButton": ProductKind.OTHER,
    "benefitsButton": ProductKind.BENEFIT,
}


class ExchangeBar(QObject):
    def __init__(self, session: CounterSession, sale: SaleController, dialogs: OneDialog,
                 *, buttons: dict[str, QPushButton], exchange_view: QTreeView,
                 remove: QPushButton, basket_view: QTreeView,
                 say: Callable[[str, str], None]) -> None:
        super().__init__(exchange_view)
        self.session, self.ui, self.dialogs = session, sale, dialogs
        self.basket_view, self.view, self._say = basket_view, exchange_view, say
        window = exchange_view.window()
        self.buttons: dict[str, QPushButton] = {}
        opens: dict[str, Callable[[], None]] = {
            "autoExchangeButton": self.open_auto_exchange, "eventButton": self.open_event}
        for name, kind in PRODUCT_KINDS.items():
            opens[name] = lambda kind=kind: self.open_products(kind)
        for name, key in BAR_KEYS.items():
            button = buttons[name]
            button.setText(keys.with_key(button.text(), key))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, run=opens[name]: run())
            self.buttons[name] = button
            # The key is a window action, live even while the button is disabled: with an
            # empty basket it says why instead of typing a letter into the scan field.
            keys.bind_action(window, key, name.replace("Button", "Action"), opens[name],
                             button.text())

        self.model = ExchangeModel(exchange_view)
        exchange_view.setModel(self.model)
        self.remove = remove
        remove.setText(QCoreApplication.translate("ExchangeBar", "REMOVE") + " ["
                       + QCoreApplication.translate("ExchangeBar", "Alt+Del") + "]")
        keys.bind_button(remove, keys.REMOVE_SALE_LINES, show=False)
        remove.clicked.connect(self.remove_selected)

        session.sig_sale_changed.connect(self.refresh)
        # The tree shows only the sale: a change of the cancellation basket (a scan)
        # changes the buttons; emptying it empties the sale, which says so itself.
        session.sig_basket_changed.connect(self._buttons)
        self.refresh()

    def _buttons(self) -> None:
        has_tickets = bool(self.session.basket.tickets)
        for button in self.buttons.values():
            if button.isEnabled() != has_tickets:
                button.setEnabled(has_tickets)
        self.remove.setEnabled(len(self.session.sale) > 0)

    def refresh(self) -> None:
        """The tree and the bar's buttons."""
        sale, view = self.session.sale, self.view
        self.model.set_contacts(sale.groups())
        view.expandToDepth(1)
        for column in range(1, self.model.columnCount()):
            view.resizeColumnToContents(column)
        view.setColumnWidth(0, max(view.columnWidth(0), 360))
        has_tickets = bool(self.session.basket.tickets)
        for button in self.buttons.values():
            button.setEnabled(has_tickets)
        self.remove.setEnabled(len(sale) > 0)

    # --- dialogs -------------------------------------------------------------------------

    def _open(self, make: Callable[[], QDialog]) -> None:
        if self.dialogs.busy:
            return
        if not self.session.basket.tickets:
            self._say(self.tr("Scan first the tickets the customer gives back: the "
                              "exchange sells against the cancellation basket."), "error")
            return
        # activate: its keys (Enter, Alt+letters) go to it at once
        self.dialogs.open(make(), activate=True)

    # Each dialog is imported when it first opens, not at start
    # (pos.ui.app.AFTER_FIRST_PAINT).

    def open_event(self) -> None:
        from pos.ui.exchange.dialogs.event_sale import EventSaleDialog

        self._open(lambda: EventSaleDialog(self.ui, self.view.window()))

    def open_auto_exchange(self) -> None:
        from pos.ui.exchange.dialogs.auto_exchange import AutoExchangeDialog

        self._open(lambda: AutoExchangeDialog(self.ui, list(self.session.basket.tickets),
                                              self.selected_numbers(), self.view.window()))

    def open_products(self, kind: ProductKind) -> None:
        from pos.ui.exchange.dialogs.products import ProductDialog

        self._open(lambda: ProductDialog(self.ui, kind, self.view.window()))

    def selected_numbers(self) -> list[str]:
        """The tickets selected in the cancellation basket (AUTO-ÉCHANGE for one line)."""
        numbers: dict[str, None] = {}
        for index in self.basket_view.selectionModel().selectedRows(0):
            numbers.update(dict.fromkeys(index.data(TICKET_NUMBER_ROLE) or []))
        return list(numbers)

    def remove_selected(self) -> None:
        ids: set[int] = set()
        for index in self.view.selectionModel().selectedRows(0):
            ids.update(index.data(SALE_LINE_ROLE) or [])
        self.ui.remove_sale_lines(ids)
