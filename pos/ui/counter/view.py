"""The counter's part of the window: the scan field, the cancellation basket (tree,
title, simple fees, SUPPRIMER), the subtotals and the total, the operation number and
the supervisor's approval. This is the one writer of the totals: they follow both
baskets (sold - refunded)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
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
        remove.clicked.connect(self._remove_selected)

        session.sig_basket_changed.connect(self._basket_changed)
        session.sig_sale_changed.connect(self._totals)
        session.sig_operation_number.connect(self._operation_number)
        session.sig_settled.connect(lambda _result: scan_field.setFocus())
        controller.sig_approval_requested.connect(self._ask_approval)

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
        groups = basket.groups()
        self.model.set_groups(groups)
        view = self.basket_view
        view.expandToDepth(1)
        for column in range(1, self.model.columnCount()):
            view.resizeColumnToContents(column)
        view.setColumnWidth(0, max(view.columnWidth(0), 360))
        self._totals()
        if groups:
            self.title.setText(QCoreApplication.translate("MainWindow", "Order %1").replace(
                "%1", ", ".join(str(g.order_number) for g in groups)))
        else:
            self.title.setText(QCoreApplication.translate("MainWindow", "Cancellation basket"))
        if self.refund_fees.isChecked() != basket.refund_fees:
            self.refund_fees.blockSignals(True)
            self.refund_fees.setChecked(basket.refund_fees)
            self.refund_fees.blockSignals(False)

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
