"""The counter's part of the window: the scan field, the cancellation basket (tree,
title, simple fees, SUPPRIMER), the subtotals and the total, the operation number and
the supervisor's approval. This is the one writer of the totals: they follow both
baskets (sold - refunded)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QTreeView

from pos import formatting
from pos.ui import keys
from pos.ui.common.modal import OneDialog
from pos.ui.counter.basket_model import TICKET_NUMBER_ROLE, BasketModel
from pos.ui.counter.controller import CounterController
from pos.ui.counter.dialogs.supervisor_approval import SupervisorApprovalDialog
from pos.ui.counter.session import CounterSession


class CounterView(QObject):
    def __init__(self, session: CounterSession, controller: CounterController,
                 dialogs: OneDialog, *, scan_field: QLineEdit, title: QLabel,
                 refund_fees: QCheckBox, remove: QPushButton, basket_view: QTreeView,
                 refund_subtotal: QLabel, sold_subtotal: QLabel, total: QLabel,
                 operation_number: QLabel) -> None:
        super().__init__(basket_view)
        self.session, self.controller, self.dialogs = session, controller, dialogs
        self.scan_field, self.title, self.refund_fees = scan_field, title, refund_fees
        self.basket_view = basket_view
        self.refund_subtotal, self.sold_subtotal, self.total = (
            refund_subtotal, sold_subtotal, total)
        self.operation_number = operation_number
        self.model = BasketModel(basket_view)
        basket_view.setModel(self.model)

        scan_field.returnPressed.connect(self._scan_entered)
        refund_fees.toggled.connect(controller.set_refund_fees)
        keys.bind_button(remove, keys.REMOVE_TICKETS, show=False, keep_focus=False)
        remove.setText(remove.text() + " [" + QCoreApplication.translate("Keys", "Del") + "]")
        keys.bind_button(refund_fees, keys.REFUND_FEES)
        remove.clicked.connect(self._remove_selected)

        session.sig_basket_changed.connect(self._basket_changed)
        session.sig_sale_changed.connect(self._totals)
        session.sig_operation_number.connect(self._operation_number)
        session.sig_settled.connect(lambda _result: scan_field.setFocus())
        controller.sig_approval_requested.connect(self._ask_approval)
        self.model.itemChanged.connect(self._paper_ticked)

    def _paper_ticked(self, item) -> None:
        """A "billet papier repris" box ticked or unticked on a ticket row."""
        numbers = item.data(TICKET_NUMBER_ROLE) or []
        if not item.isCheckable() or len(numbers) != 1:
            return
        self.controller.set_paper_returned(numbers[0],
                                           item.checkState() == Qt.CheckState.Checked)
        self.model.follow(self.session.basket)

    def _scan_entered(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        if text.strip():
            self.controller.scan(text)

    def _remove_selected(self) -> None:
        numbers: set[str] = set()
        for index in self.basket_view.selectionModel().selectedRows(0):
            numbers.update(index.data(TICKET_NUMBER_ROLE) or [])
        self.controller.remove(sorted(numbers))

    def _basket_changed(self) -> None:
        basket = self.session.basket
        change = self.model.show_basket(basket)
        view = self.basket_view
        if change.rebuilt:
            view.expandToDepth(1)
            for column in range(1, self.model.columnCount()):
                view.resizeColumnToContents(column)
            view.setColumnWidth(0, max(view.columnWidth(0), 360))
        else:
            for index in change.expand:  # what expandToDepth(1) would have opened
                view.setExpanded(index, True)
            self._widen(change)
        self._totals()
        if change.rebuilt or change.new_orders:
            self._title()
        if self.refund_fees.isChecked() != basket.refund_fees:
            self.refund_fees.blockSignals(True)
            self.refund_fees.setChecked(basket.refund_fees)
            self.refund_fees.blockSignals(False)

    def _widen(self, change) -> None:
        """Columns 1.. as wide as their widest visible cell, as resizeColumnToContents
        keeps them, looking only at the cells a scan wrote: a growing basket's texts only
        grow, so a column only ever needs to widen."""
        view, model = self.basket_view, self.model
        cells = list(change.changed)
        for first in change.inserted:
            stack = [first]
            while stack:
                index = stack.pop()
                if index.parent().isValid() and not view.isExpanded(index.parent()):
                    continue  # under a collapsed row: not measured by the view either
                cells.extend(index.siblingAtColumn(c) for c in range(1, model.columnCount()))
                stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
        widths: dict[int, int] = {}
        for index in cells:
            if index.column() == 0 or not index.data():
                continue
            if index.parent().isValid() and not view.isExpanded(index.parent()):
                continue
            width = view.sizeHintForIndex(index).width()
            if width > widths.get(index.column(), 0):
                widths[index.column()] = width
        for column, width in widths.items():
            if width > view.columnWidth(column):
                view.setColumnWidth(column, width)

    def _title(self) -> None:
        orders = dict.fromkeys(t.order_number for t in self.session.basket.tickets)
        if orders:
            self.title.setText(QCoreApplication.translate("MainWindow", "Order %1").replace(
                "%1", ", ".join(str(n) for n in orders)))
        else:
            self.title.setText(QCoreApplication.translate("MainWindow", "Cancellation basket"))

    def _totals(self) -> None:
        totals = self.session.totals()  # sold - refunded
        self.refund_subtotal.setText(formatting.money(totals.refunded))
        self.sold_subtotal.setText(formatting.money(totals.sold))
        self.total.setText(formatting.money(totals.total))

    def _operation_number(self, number: int) -> None:
        self.operation_number.setText(QCoreApplication.translate(
            "MainWindow", "[Operation %1]").replace("%1", str(number)))

    def _ask_approval(self, raw: str, reason: str) -> None:
        dialog = SupervisorApprovalDialog(reason, self.basket_view.window())
        self.dialogs.open(dialog, lambda: self.controller.approve_and_scan(
            raw, dialog.login.text(), dialog.pin.text()))
