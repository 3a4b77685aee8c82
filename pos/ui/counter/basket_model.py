"""The cancellation basket as a tree model: order > performance > category + tariff > ticket.

It only turns the core's groups into rows; every figure comes computed from the core.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from pos import formatting
from pos.core.basket import OrderGroup

TICKET_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1


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

    def _row(self, label: str, *, contact: str = "", qty: int | None = None, price=None,
             fees=None, amount=None, total=None, bold: bool = False,
             numbers: list[str] | None = None) -> list[QStandardItem]:
        def cell(value) -> QStandardItem:
            if value is None:
                text = ""
            elif isinstance(value, int):
                text = str(value)
            elif isinstance(value, str):
                text = value
            else:
                text = formatting.amount(value)
            item = QStandardItem(text)
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

    def set_groups(self, groups: tuple[OrderGroup, ...]) -> None:
        self.removeRows(0, self.rowCount())
        root = self.invisibleRootItem()
        for order in groups:
            order_numbers = [t.number for p in order.performances for tg in p.tariffs
                             for t in tg.tickets]
            title = QCoreApplication.translate("BasketModel", "Order %1")
            order_row = self._row(title.replace("%1", str(order.order_number)),
                                  contact=order.contact_name, qty=order.quantity,
                                  fees=order.fees or None, total=order.amount, bold=True,
                                  numbers=order_numbers)
            root.appendRow(order_row)
            for perf in order.performances:
                perf_numbers = [t.number for tg in perf.tariffs for t in tg.tickets]
                perf_row = self._row(
                    f"{perf.event_name} - {formatting.performance_date(perf.starts_at)}",
                    qty=perf.quantity, fees=perf.fees or None, amount=perf.amount,
                    numbers=perf_numbers)
                order_row[0].appendRow(perf_row)
                for tariff in perf.tariffs:
                    tariff_row = self._row(
                        f"{tariff.category} {tariff.tariff}", qty=tariff.quantity,
                        price=tariff.unit_price, fees=tariff.fees or None, amount=tariff.amount,
                        numbers=[t.number for t in tariff.tickets])
                    perf_row[0].appendRow(tariff_row)
                    for t in tariff.tickets:
                        place = " - ".join(p for p in (t.area, t.seat) if p)
                        tariff_row[0].appendRow(self._row(f"{t.number}  {place}",
                                                          price=t.price, numbers=[t.number]))
