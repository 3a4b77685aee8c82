"""The cancellation basket as a tree model: order > performance > category + tariff > ticket.

It only turns the core's groups into rows; every figure comes computed from the core.
A scan appends one ticket: its row goes under its groups (created if new) and only
those groups' figures change (``show_basket``); anything else redraws the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from pos import formatting
from pos.core.basket import (
    BasketTicket,
    CancellationBasket,
    OrderGroup,
    PerformanceGroup,
    TariffGroup,
)
from pos.core.fees import FeeLine

TICKET_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class BasketChange:
    """What ``BasketModel.show_basket`` did, for the view to follow (expand, widths)."""

    rebuilt: bool
    inserted: list[QModelIndex] = field(default_factory=list)  # first cell of each new row
    expand: list[QModelIndex] = field(default_factory=list)  # new order / performance rows
    changed: list[QModelIndex] = field(default_factory=list)  # cells with a new text
    new_orders: bool = False


class BasketModel(QStandardItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([
            QCoreApplication.translate("BasketModel", "TYPE / PRODUCT / ITEM (BY OPERATION)"),
            QCoreApplication.translate("BasketModel", "CONTACT"),
            QCoreApplication.translate("BasketModel", "QTY"),
            QCoreApplication.translate("BasketModel", "PRICE"),
            QCoreApplication.translate("BasketModel", "FEES"),
            QCoreApplication.translate("BasketModel", "AMOUNT"),
            QCoreApplication.translate("BasketModel", "TOTAL"),
        ])
        # What the tree shows, to follow the basket one ticket at a time.
        self._shown: list[BasketTicket] | None = None  # None: not known, draw again
        self._refund_fees = False
        self._fee_lines: dict[int, FeeLine] = {}  # the cancellation fees shown
        self._orders: dict[int, QStandardItem] = {}
        self._perfs: dict[tuple[int, int], QStandardItem] = {}
        self._tariffs: dict[tuple[int, int, str, str], QStandardItem] = {}

    @staticmethod
    def _text(value) -> str:
        if value is None:
            return ""
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str):
            return value
        return formatting.amount(value)

    def _row(self, label: str, *, contact: str = "", qty: int | None = None, price=None,
             fees=None, amount=None, total=None, bold: bool = False,
             numbers: list[str] | None = None) -> list[QStandardItem]:
        def cell(value) -> QStandardItem:
            item = QStandardItem(self._text(value))
            item.setEditable(False)
            if not isinstance(value, str):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold:
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            return item

        items = [cell(label), cell(contact), cell(qty), cell(price), cell(fees), cell(amount),
                 cell(total)]
        items[0].setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        items[0].setData(numbers or [], TICKET_NUMBER_ROLE)
        return items

    # --- one row per group: what it shows -------------------------------------------------

    @staticmethod
    def _order_values(order: OrderGroup) -> dict:
        return dict(contact=order.contact_name, qty=order.quantity, fees=order.fees or None,
                    total=order.amount,
                    numbers=[t.number for p in order.performances for tg in p.tariffs
                             for t in tg.tickets])

    @staticmethod
    def _perf_values(perf: PerformanceGroup) -> dict:
        return dict(qty=perf.quantity, fees=perf.fees or None, amount=perf.amount,
                    numbers=[t.number for tg in perf.tariffs for t in tg.tickets])

    @staticmethod
    def _tariff_values(tariff: TariffGroup) -> dict:
        return dict(qty=tariff.quantity, price=tariff.unit_price, fees=tariff.fees or None,
                    amount=tariff.amount, numbers=[t.number for t in tariff.tickets])

    def _order_row(self, order: OrderGroup) -> list[QStandardItem]:
        title = QCoreApplication.translate("BasketModel", "Order %1")
        row = self._row(title.replace("%1", str(order.order_number)), bold=True,
                        **self._order_values(order))
        self._orders[order.order_number] = row[0]
        for perf in order.performances:
            row[0].appendRow(self._perf_row(order.order_number, perf))
        return row

    def _perf_row(self, order_number: int, perf: PerformanceGroup) -> list[QStandardItem]:
        row = self._row(f"{perf.event_name} - {formatting.performance_date(perf.starts_at)}",
                        **self._perf_values(perf))
        perf_id = perf.tariffs[0].tickets[0].performance_id
        self._perfs[(order_number, perf_id)] = row[0]
        for tariff in perf.tariffs:
            row[0].appendRow(self._tariff_row(order_number, perf_id, tariff))
        return row

    def _tariff_row(self, order_number: int, perf_id: int,
                    tariff: TariffGroup) -> list[QStandardItem]:
        row = self._row(f"{tariff.category} {tariff.tariff}", **self._tariff_values(tariff))
        self._tariffs[(order_number, perf_id, tariff.category, tariff.tariff)] = row[0]
        for t in tariff.tickets:
            row[0].appendRow(self._ticket_row(t))
        return row

    def _ticket_row(self, t: BasketTicket) -> list[QStandardItem]:
        place = " - ".join(p for p in (t.area, t.seat) if p)
        row = self._row(f"{t.number}  {place}", price=t.price, numbers=[t.number])
        fee = self._fee_lines.get(t.ticket_id)
        if fee is not None and (fee.amount or fee.computed):
            # A line of its own: the rule, who asked and the date window that made it.
            row[0].appendRow(self._row(fee.label, amount=-fee.amount, numbers=[t.number]))
        return row

    def _update(self, first: QStandardItem, *, contact: str = "", qty=None, price=None,
                fees=None, amount=None, total=None, numbers: list[str]) -> list[QModelIndex]:
        """A group's row shows its new figures (dataChanged, no row moves)."""
        parent = first.parent() or self.invisibleRootItem()
        row = first.row()
        changed = []
        for column, value in enumerate((contact, qty, price, fees, amount, total), start=1):
            item = parent.child(row, column)
            text = self._text(value)
            if item.text() != text:
                item.setText(text)
                changed.append(item.index())
        first.setData(numbers, TICKET_NUMBER_ROLE)
        return changed

    # --- the basket -----------------------------------------------------------------------

    def show_basket(self, basket: CancellationBasket) -> BasketChange:
        """Follow the basket: one ticket appended since the last call (a scan) is inserted
        under its order > performance > category + tariff rows (one ``rowsInserted``,
        its groups' figures updated in place); any other change (several tickets at once,
        a ticket removed, the fees switched, a basket emptied or resumed) redraws the
        tree."""
        tickets = basket.tickets
        shown = len(self._shown) if self._shown is not None else -1
        if (shown < 0 or len(tickets) != shown + 1 or basket.refund_fees != self._refund_fees
                or tickets[:shown] != self._shown or self._fees_moved(basket)):
            self._fee_lines = dict(basket.fee_lines)
            self.set_groups(basket.groups())
            self._shown, self._refund_fees = list(tickets), basket.refund_fees
            return BasketChange(rebuilt=True)
        change = BasketChange(rebuilt=False)
        ticket = tickets[-1]
        self._add(basket, ticket, change)
        self._shown.append(ticket)
        return change

    def _fees_moved(self, basket: CancellationBasket) -> bool:
        """A fee shown changed (a window, who asked, a waiver): drawn again. The new
        ticket's own fee is drawn with its row."""
        new = basket.tickets[-1].ticket_id if basket.tickets else None
        lines = {k: v for k, v in basket.fee_lines.items() if k != new}
        return lines != self._fee_lines

    def _add(self, basket: CancellationBasket, t: BasketTicket, change: BasketChange) -> None:
        if t.ticket_id in basket.fee_lines:
            self._fee_lines[t.ticket_id] = basket.fee_lines[t.ticket_id]
        order = basket.order_group(t.order_number)
        perf = next(p for p in order.performances
                    if p.tariffs[0].tickets[0].performance_id == t.performance_id)
        tariff = next(g for g in perf.tariffs
                      if (g.category, g.tariff) == (t.category, t.tariff))
        order_item = self._orders.get(t.order_number)
        if order_item is None:
            row = self._order_row(order)
            self.invisibleRootItem().appendRow(row)
            change.inserted.append(row[0].index())
            change.expand.append(row[0].index())
            change.expand.extend(row[0].child(r).index() for r in range(row[0].rowCount()))
            change.new_orders = True
            return
        change.changed += self._update(order_item, **self._order_values(order))
        perf_item = self._perfs.get((t.order_number, t.performance_id))
        if perf_item is None:
            row = self._perf_row(t.order_number, perf)
            order_item.appendRow(row)
            change.inserted.append(row[0].index())
            change.expand.append(row[0].index())
            return
        change.changed += self._update(perf_item, **self._perf_values(perf))
        key = (t.order_number, t.performance_id, t.category, t.tariff)
        tariff_item = self._tariffs.get(key)
        if tariff_item is None:
            row = self._tariff_row(t.order_number, t.performance_id, tariff)
            perf_item.appendRow(row)
            change.inserted.append(row[0].index())
            return
        change.changed += self._update(tariff_item, **self._tariff_values(tariff))
        row = self._ticket_row(t)
        tariff_item.appendRow(row)
        change.inserted.append(row[0].index())

    def set_groups(self, groups: tuple[OrderGroup, ...]) -> None:
        """The whole tree drawn again from the core's groups."""
        self.removeRows(0, self.rowCount())
        self._orders.clear()
        self._perfs.clear()
        self._tariffs.clear()
        self._shown = None
        root = self.invisibleRootItem()
        for order in groups:
            root.appendRow(self._order_row(order))
