"""Wiring of the take-back features into the main window: the AJOUTER BILLETS menu
(Liste numéros, Plage numéros), the Dossier [Ctrl+Alt+F] button, the contact search.
The window calls ``TakeBackUi(window)`` once; everything else lives here."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMainWindow, QMenu, QPushButton

from pos.core.services.order_detail import OrderDetail
from pos.ui.contact.search import ContactSearch
from pos.ui.take_back.controller import TakeBackController
from pos.ui.take_back.dialogs.order_detail import OrderDetailDialog, OrderNumberPrompt
from pos.ui.take_back.dialogs.take_back_report import ListDialog, RangeDialog

RANGE_KEYS = "Ctrl+Shift+R"
LIST_KEYS = "Ctrl+Shift+L"
ORDER_KEYS = "Ctrl+Alt+F"


def _layout_holding(layout: QBoxLayout, widget) -> QBoxLayout | None:
    """The (nested) box layout that holds ``widget``."""
    if layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        inner = layout.itemAt(i).layout()
        if isinstance(inner, QBoxLayout):
            found = _layout_holding(inner, widget)
            if found is not None:
                return found
    return None


class TakeBackUi(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = TakeBackController(window.controller, self)

        add = window.findChild(QPushButton, "addTicketsButton")
        menu = QMenu(add)
        menu.setObjectName("addTicketsMenu")
        for text, name, slot in (
            (self.tr("Number list [Ctrl+Shift+L]"), "listNumbersAction", self.open_list),
            (self.tr("Number range [Ctrl+Shift+R]"), "rangeNumbersAction", self.open_range),
        ):
            action = QAction(text, menu)
            action.setObjectName(name)
            action.triggered.connect(slot)
            menu.addAction(action)
        add.setMenu(menu)

        order = QPushButton(self.tr("Order [Ctrl+Alt+F]"), add.parentWidget())
        order.setObjectName("orderSearchButton")
        order.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        order.clicked.connect(self.open_order_prompt)
        row = _layout_holding(add.parentWidget().layout(), add)
        if row is not None:
            row.insertWidget(row.indexOf(add) + 1, order)

        # The keys work anywhere in the window; the menu shows them in its texts.
        for keys, name, slot in ((RANGE_KEYS, "rangeShortcut", self.open_range),
                                 (LIST_KEYS, "listShortcut", self.open_list),
                                 (ORDER_KEYS, "orderShortcut", self.open_order_prompt)):
            shortcut = QAction(window)
            shortcut.setObjectName(name)
            shortcut.setShortcut(QKeySequence(keys))
            shortcut.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.triggered.connect(slot)
            window.addAction(shortcut)

        self.contact_search = ContactSearch(window.contact_panel, self.controller,
                                            self.open_order, window.show_message)

    def _back_to_scan(self, _result: int = 0) -> None:
        self.window.activateWindow()
        self.window.scan_field.setFocus()

    def open_range(self) -> RangeDialog:
        dialog = RangeDialog(self.controller, self.window)
        dialog.finished.connect(self._back_to_scan)
        dialog.open()
        return dialog

    def open_list(self) -> ListDialog:
        dialog = ListDialog(self.controller, self.window)
        dialog.finished.connect(self._back_to_scan)
        dialog.open()
        return dialog

    def open_order_prompt(self) -> OrderNumberPrompt:
        prompt = OrderNumberPrompt(self.controller, self.window)
        prompt.sig_opened.connect(self.show_order)
        prompt.open()
        return prompt

    def open_order(self, number: int) -> None:
        outcome = self.controller.order_detail(str(number))
        if outcome.ok:
            self.show_order(outcome.value)
        else:
            self.window.show_message(outcome.error, "error")

    def show_order(self, detail: OrderDetail) -> OrderDetailDialog:
        dialog = OrderDetailDialog(self.controller, detail, self.window)
        dialog.finished.connect(self._back_to_scan)
        dialog.open()
        return dialog
