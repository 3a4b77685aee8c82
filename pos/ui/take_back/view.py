"""The take-back part of the window: the AJOUTER BILLETS menu (Liste numéros [Ctrl+Shift+L],
Plage numéros [Ctrl+Shift+R]) and Dossier [Ctrl+Alt+F]. Every dialog opens through the
window's one dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton

from pos.ui import keys
from pos.ui.common.modal import OneDialog
from pos.ui.take_back.controller import TakeBackController

# The dialogs are imported when they first open, not at start (with the order detail's
# statements, built at import): the window starts on the scan field.
if TYPE_CHECKING:
    from pos.core.services.order_detail import OrderDetail
    from pos.ui.take_back.dialogs.order_detail import OrderDetailDialog, OrderNumberPrompt
    from pos.ui.take_back.dialogs.take_back_report import ListDialog, RangeDialog


class TakeBackView(QObject):
    def __init__(self, controller: TakeBackController, dialogs: OneDialog, *,
                 add_tickets: QPushButton, order_button: QPushButton,
                 say: Callable[[str, str], None]) -> None:
        super().__init__(add_tickets)
        self.controller, self.dialogs, self._say = controller, dialogs, say
        self.window = window = add_tickets.window()

        menu = QMenu(add_tickets)
        menu.setObjectName("addTicketsMenu")
        for text, name, slot in (
            (self.tr("Number list [Ctrl+Shift+L]"), "listNumbersAction", self.open_list),
            (self.tr("Number range [Ctrl+Shift+R]"), "rangeNumbersAction", self.open_range),
        ):
            action = QAction(text, menu)
            action.setObjectName(name)
            action.triggered.connect(slot)
            menu.addAction(action)
        add_tickets.setMenu(menu)
        keys.bind_button(add_tickets, keys.ADD_TICKETS)
        order_button.clicked.connect(self.open_order_prompt)

        # The keys work anywhere in the window; the menu shows them in its texts.
        for key, name, slot in ((keys.NUMBER_RANGE, "rangeShortcut", self.open_range),
                                (keys.NUMBER_LIST, "listShortcut", self.open_list),
                                (keys.ORDER, "orderShortcut", self.open_order_prompt)):
            keys.bind_action(window, key, name, slot)

    def open_range(self) -> RangeDialog:
        from pos.ui.take_back.dialogs.take_back_report import RangeDialog

        dialog = RangeDialog(self.controller, self.window)
        self.dialogs.open(dialog)
        return dialog

    def open_list(self) -> ListDialog:
        from pos.ui.take_back.dialogs.take_back_report import ListDialog

        dialog = ListDialog(self.controller, self.window)
        self.dialogs.open(dialog)
        return dialog

    def open_order_prompt(self) -> OrderNumberPrompt:
        from pos.ui.take_back.dialogs.order_detail import OrderNumberPrompt

        prompt = OrderNumberPrompt(self.controller, self.window)
        # The prompt closes before it says which order: the detail opens after it.
        prompt.sig_opened.connect(self.show_order)
        self.dialogs.open(prompt)
        return prompt

    def open_order(self, number: int) -> None:
        """Enter on an order of the contact search."""
        outcome = self.controller.order_detail(str(number))
        if outcome.ok:
            self.show_order(outcome.value)
        else:
            self._say(outcome.error, "error")

    def show_order(self, detail: OrderDetail) -> OrderDetailDialog:
        from pos.ui.take_back.dialogs.order_detail import OrderDetailDialog

        dialog = OrderDetailDialog(self.controller, detail, self.window)
        self.dialogs.open(dialog)
        return dialog
