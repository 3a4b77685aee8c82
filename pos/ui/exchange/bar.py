"""The product bar of the exchange and the "ÉCHANGÉ (PAR CONTACT)" tree, wired to
``controller.exchange`` (ExchangeUiController).

AUTO-ÉCHANGE [Alt+A], ÉVÉNEMENT [Alt+E], ABONNEMENT [Alt+B], PACKAGES [Alt+P],
AUTRES PRODUITS [Alt+O], AVANTAGES [Alt+V] open their dialog (non-blocking, one at a
time through ``window._confirm``) once the cancellation basket has tickets. The tree
(``exchangeView``) and the sold / refunded subtotals and the total are redrawn at once on
every change of either basket; SUPPRIMER [Alt+Del] (``exchangeRemoveButton``) removes
the lines selected in the tree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHBoxLayout, QPushButton

from pos import formatting
from pos.core.models_catalog import ProductKind
from pos.ui.counter.basket_model import TICKET_NUMBER_ROLE
from pos.ui.exchange.dialogs.auto_exchange import AutoExchangeDialog
from pos.ui.exchange.dialogs.event_sale import EventSaleDialog
from pos.ui.exchange.dialogs.products import ProductDialog
from pos.ui.exchange.model import SALE_LINE_ROLE, ExchangeModel

if TYPE_CHECKING:
    from pos.ui.main_window import MainWindow

# objectName -> shortcut shown on the button
BAR_KEYS = {
    "autoExchangeButton": "Alt+A",
    "eventButton": "Alt+E",
    "subscriptionButton": "Alt+B",
    "packagesButton": "Alt+P",
    "otherProductsButton": "Alt+O",
    "benefitsButton": "Alt+V",
}
PRODUCT_KINDS = {
    "subscriptionButton": ProductKind.SUBSCRIPTION,
    "packagesButton": ProductKind.PACKAGE,
    "otherProductsButton": ProductKind.OTHER,
    "benefitsButton": ProductKind.BENEFIT,
}
REMOVE_KEY = "Alt+Del"


class ExchangeBar(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ui = window.controller.exchange
        self.buttons: dict[str, QPushButton] = {}
        opens: dict[str, Callable[[], None]] = {
            "autoExchangeButton": self.open_auto_exchange, "eventButton": self.open_event}
        for name, kind in PRODUCT_KINDS.items():
            opens[name] = lambda kind=kind: self.open_products(kind)
        for name, key in BAR_KEYS.items():
            button = window.findChild(QPushButton, name)
            button.setText(f"{button.text()} [{key}]")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, run=opens[name]: run())
            self.buttons[name] = button
            # The key is a window action, live even while the button is disabled: with an
            # empty basket it says why instead of typing a letter into the scan field.
            action = QAction(button.text(), window)
            action.setObjectName(name.replace("Button", "Action"))
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, run=opens[name]: run())
            window.addAction(action)

        self.model = ExchangeModel(window)
        view = window.exchange_view
        window.exchange_model = self.model
        view.setModel(self.model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setUniformRowHeights(True)
        remove_text = self.tr("REMOVE") + " [" + self.tr("Alt+Del") + "]"
        self.remove = QPushButton(remove_text, view.parentWidget())
        self.remove.setObjectName("exchangeRemoveButton")
        self.remove.setShortcut(QKeySequence(REMOVE_KEY))
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.remove)
        row.addStretch()
        layout = view.parentWidget().layout()
        layout.insertLayout(layout.indexOf(view), row)

        self.ui.sig_sale_changed.connect(self.refresh)
        window.controller.sig_basket_changed.connect(self.refresh)
        self.refresh()

    # --- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """The tree, the subtotals and the total, the bar's buttons."""
        w, sale = self.window, self.ui.sale
        self.model.set_contacts(sale.groups())
        w.exchange_view.expandToDepth(1)
        for column in range(1, self.model.columnCount()):
            w.exchange_view.resizeColumnToContents(column)
        w.exchange_view.setColumnWidth(0, max(w.exchange_view.columnWidth(0), 360))
        totals = self.ui.totals()
        w.sold_subtotal.setText(formatting.money(totals.sold))
        w.refund_subtotal.setText(formatting.money(totals.refunded))
        w.total.setText(formatting.money(totals.total))
        has_tickets = bool(w.controller.basket.tickets)
        for button in self.buttons.values():
            button.setEnabled(has_tickets)
        self.remove.setEnabled(len(sale) > 0)

    # --- dialogs -------------------------------------------------------------------------

    def _open(self, make: Callable[[], QDialog]) -> None:
        w = self.window
        if w._confirm is not None:
            return
        if not w.controller.basket.tickets:
            w.show_message(self.tr("Scan first the tickets the customer gives back: the "
                                   "exchange sells against the cancellation basket."),
                           "error")
            return
        dialog = make()
        w._confirm = dialog

        def finished(_result: int) -> None:
            w._confirm = None
            dialog.deleteLater()
            w.activateWindow()
            w.scan_field.setFocus()

        dialog.finished.connect(finished)
        dialog.open()
        dialog.activateWindow()  # its keys (Enter, Alt+letters) go to it at once

    def open_event(self) -> None:
        self._open(lambda: EventSaleDialog(self.ui, self.window))

    def open_auto_exchange(self) -> None:
        self._open(lambda: AutoExchangeDialog(self.ui, self.selected_numbers(), self.window))

    def open_products(self, kind: ProductKind) -> None:
        self._open(lambda: ProductDialog(self.ui, kind, self.window))

    def selected_numbers(self) -> list[str]:
        """The tickets selected in the cancellation basket (AUTO-ÉCHANGE for one line)."""
        numbers: dict[str, None] = {}
        for index in self.window.basket_view.selectionModel().selectedRows(0):
            numbers.update(dict.fromkeys(index.data(TICKET_NUMBER_ROLE) or []))
        return list(numbers)

    def remove_selected(self) -> None:
        ids: set[int] = set()
        for index in self.window.exchange_view.selectionModel().selectedRows(0):
            ids.update(index.data(SALE_LINE_ROLE) or [])
        self.ui.remove_sale_lines(ids)


def install_exchange_bar(window: MainWindow) -> ExchangeBar:
    bar = ExchangeBar(window)
    window.exchange_bar = bar  # type: ignore[attr-defined]
    return bar
