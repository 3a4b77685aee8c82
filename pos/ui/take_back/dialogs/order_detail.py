"""Dossier [Ctrl+Alt+F]: open an order by number, see its detail ("Détail d'un dossier")
and take the selected tickets, or the whole order, back into the cancellation basket
(REPRENDRE). Every figure and state comes from the core's ``OrderDetail``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pos import formatting
from pos.core.services.order_detail import DetailTicket, OrderDetail
from pos.ui.keys import CHECK_OR_TAKE_ALL

NUMBERS_ROLE = Qt.ItemDataRole.UserRole + 1  # the ticket numbers under a row


def state_label(ticket: DetailTicket) -> str:
    """The state, with what the core knows of the paper: the duplicates printed (a
    replaced ticket's copies may still be around) and a ticket taken back on paper."""
    text = _state_word(ticket)
    if ticket.reprints:
        text += " " + QCoreApplication.translate("OrderDetail", "(duplicates: %1)").replace(
            "%1", str(ticket.reprints))
    if ticket.paper_returned:
        text += " " + QCoreApplication.translate("OrderDetail", "(paper taken back)")
    return text


def _state_word(ticket: DetailTicket) -> str:
    if ticket.state == "valid":
        return (QCoreApplication.translate("OrderDetail", "printed") if ticket.printed
                else QCoreApplication.translate("OrderDetail", "valid"))
    return {
        "cancelled": QCoreApplication.translate("OrderDetail", "cancelled"),
        "replaced": QCoreApplication.translate("OrderDetail", "replaced"),
        "checked_in": QCoreApplication.translate("OrderDetail", "checked in"),
        "reserved": QCoreApplication.translate("OrderDetail", "reserved"),
    }.get(ticket.state, ticket.state)


class OrderIntents(Protocol):
    """What the dialogs ask of their caller (the take-back controller): Outcomes with
    a ``value`` or the core's French ``error``."""

    def order_detail(self, number_text: str): ...
    def take(self, numbers: Sequence[str]): ...


class OrderTicketsModel(QStandardItemModel):
    """Contact > performance > category + tariff > one row per ticket."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([
            QCoreApplication.translate("OrderDetail", "PRODUCT / QUOTA"),
            QCoreApplication.translate("OrderDetail", "AREA"),
            QCoreApplication.translate("OrderDetail", "SEAT"),
            QCoreApplication.translate("OrderDetail", "NUMBER"),
            QCoreApplication.translate("OrderDetail", "KIND"),
            QCoreApplication.translate("OrderDetail", "SALE DATE"),
            QCoreApplication.translate("OrderDetail", "SALES POINT"),
            QCoreApplication.translate("OrderDetail", "OPERATOR"),
            QCoreApplication.translate("OrderDetail", "STATE"),
            QCoreApplication.translate("OrderDetail", "DELIVERY"),
            QCoreApplication.translate("OrderDetail", "PRICE"),
        ])

    @staticmethod
    def _group_row(label: str, numbers: list[str], columns: int) -> list[QStandardItem]:
        first = QStandardItem(label)
        font = QFont()
        font.setBold(True)
        first.setFont(font)
        first.setData(numbers, NUMBERS_ROLE)
        items = [first] + [QStandardItem("") for _ in range(columns - 1)]
        for item in items:
            item.setEditable(False)
        return items

    def set_detail(self, detail: OrderDetail) -> None:
        self.removeRows(0, self.rowCount())
        columns = self.columnCount()
        contact = self._group_row(f"{detail.contact_name} [{detail.contact_id}]",
                                  list(detail.ticket_numbers), columns)
        self.invisibleRootItem().appendRow(contact)
        for perf in detail.performances:
            numbers = [t.number for g in perf.tariffs for t in g.tickets]
            perf_row = self._group_row(
                f"{perf.event_name} - {formatting.performance_date(perf.starts_at)}",
                numbers, columns)
            contact[0].appendRow(perf_row)
            for group in perf.tariffs:
                group_row = self._group_row(f"{group.category} {group.tariff}",
                                            [t.number for t in group.tickets], columns)
                perf_row[0].appendRow(group_row)
                for t in group.tickets:
                    cells = [
                        t.quota or QCoreApplication.translate("OrderDetail", "Outside quota"),
                        t.area, t.seat, t.number,
                        QCoreApplication.translate("OrderDetail", "Ticket (document)"),
                        formatting.timestamp(t.sold_at), t.sales_point, t.operator,
                        state_label(t), t.delivery_mode, formatting.amount(t.price),
                    ]
                    items = [QStandardItem(c) for c in cells]
                    for item in items:
                        item.setEditable(False)
                    items[0].setData([t.number], NUMBERS_ROLE)
                    items[-1].setTextAlignment(Qt.AlignmentFlag.AlignRight
                                               | Qt.AlignmentFlag.AlignVCenter)
                    group_row[0].appendRow(items)


class OrderNumberPrompt(QDialog):
    """The small "Dossier" prompt: a number, Enter."""

    sig_opened = Signal(object)  # OrderDetail

    def __init__(self, controller: OrderIntents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderNumberPrompt")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Order [Ctrl+Alt+F]"))
        self.controller = controller
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Order"), self))
        self.field = QLineEdit(self)
        self.field.setObjectName("orderNumberField")
        self.field.setMaxLength(12)
        self.field.setPlaceholderText(self.tr("Order number, then Enter"))
        self.field.returnPressed.connect(self._open)
        row.addWidget(self.field, 1)
        layout.addLayout(row)
        self.message = QLabel("", self)
        self.message.setObjectName("orderNumberMessage")
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        layout.addWidget(self.message)
        self.field.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Enter belongs to the field (returnPressed); no default button to click twice.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _open(self) -> None:
        outcome = self.controller.order_detail(self.field.text())
        if not outcome.ok:
            self.message.setText(outcome.error)
            self.field.selectAll()
            return
        self.accept()
        self.sig_opened.emit(outcome.value)


class OrderDetailDialog(QDialog):
    def __init__(self, controller: OrderIntents, detail: OrderDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderDetailDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.controller = controller
        self.detail = detail
        self.resize(1180, 640)
        self.setWindowTitle(self.tr("Order detail"))
        layout = QVBoxLayout(self)

        settled = self.tr("Settled") if detail.settled else self.tr("Not settled")
        header = QLabel(self.tr("Order %1 (%2) - %3 [%4]").replace("%1", str(detail.number))
                        .replace("%2", settled).replace("%3", detail.contact_name)
                        .replace("%4", str(detail.contact_id)), self)
        header.setObjectName("orderHeaderLabel")
        header.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(header)
        for name, text, at, who, where in (
            ("orderCreatedLabel", self.tr("Created %1 by %2 on %3"), detail.created_at,
             detail.created_by, detail.created_sales_point),
            ("orderModifiedLabel", self.tr("Last modified %1 by %2 on %3"),
             detail.modified_at, detail.modified_by, detail.modified_sales_point),
        ):
            label = QLabel(text.replace("%1", formatting.timestamp(at)).replace("%2", who)
                           .replace("%3", where), self)  # the operator once
            label.setObjectName(name)
            layout.addWidget(label)
        sales = QLabel(self.tr("Summary: Sales (%1)").replace("%1", str(detail.sales_count)),
                       self)
        sales.setObjectName("orderSalesLabel")
        layout.addWidget(sales)

        self.model = OrderTicketsModel(self)
        self.model.set_detail(detail)
        self.view = QTreeView(self)
        self.view.setObjectName("orderTicketsView")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setUniformRowHeights(True)
        self.view.expandAll()
        for column in range(self.model.columnCount()):
            self.view.resizeColumnToContents(column)
        layout.addWidget(self.view, 1)

        for name, caption, value in (
            ("orderPaidLabel", self.tr("Paid subtotal"), detail.paid),
            ("orderTotalLabel", self.tr("Total"), detail.total),
        ):
            row = QHBoxLayout()
            row.addStretch()
            row.addWidget(QLabel(caption, self))
            amount = QLabel(formatting.money(value), self)
            amount.setObjectName(name)
            amount.setStyleSheet("font-weight: bold;")
            row.addWidget(amount)
            layout.addLayout(row)

        self.message = QLabel("", self)
        self.message.setObjectName("orderDetailMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Ctrl+click or Shift+click selects several tickets."),
                                 self))
        buttons.addStretch()
        take = QPushButton(self.tr("TAKE BACK [Enter]"), self)
        take.setObjectName("takeBackButton")
        take.setToolTip(self.tr("The selected tickets, or the whole order when nothing is "
                                "selected, into the cancellation basket"))
        take.setDefault(True)
        take.clicked.connect(self.take_selection)
        take_all = QPushButton(self.tr("TAKE BACK THE WHOLE ORDER [Ctrl+Enter]"), self)
        take_all.setObjectName("takeBackAllButton")
        take_all.setShortcut(QKeySequence(CHECK_OR_TAKE_ALL))
        take_all.clicked.connect(self.take_all)
        close = QPushButton(self.tr("CLOSE [Esc]"), self)
        close.setObjectName("orderDetailCloseButton")
        close.clicked.connect(self.reject)
        for button in (take, take_all, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.view.setFocus()

    def selected_numbers(self) -> list[str]:
        numbers: dict[str, None] = {}
        for index in self.view.selectionModel().selectedRows(0):
            for number in index.data(NUMBERS_ROLE) or []:
                numbers[number] = None
        return list(numbers)

    def take_selection(self) -> None:
        self._take(self.selected_numbers() or list(self.detail.ticket_numbers))

    def take_all(self) -> None:
        self._take(list(self.detail.ticket_numbers))

    def _take(self, numbers: list[str]) -> None:
        outcome = self.controller.take(numbers)
        if outcome.ok and (outcome.value.refundable or outcome.value.approvable):
            self.accept()  # a supervisor is asked next for the approvable ones
            return
        if outcome.ok:
            self.message.setText(" ".join(line.message for line in outcome.value.refused[:3]))
        else:
            self.message.setText(outcome.error)
