"""The "ÉCHANGÉ (PAR CONTACT)" tree: what is sold in exchange, with the columns of the
cancellation basket: contact > performance > category + tariff > new ticket, then the
products (a subscription or package shows its tickets under it).

Every row carries the sale-basket line ids it stands for (``SALE_LINE_ROLE``), so that
removing a row removes those lines; figures come computed from the core.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem

from pos import formatting
from pos.core.exchange_basket import (
    PRODUCT_RESERVED,
    SEAT_CONFIRMED,
    UNNUMBERED,
    ContactGroup,
    SaleProduct,
    SaleTicket,
)
from pos.ui.counter.basket_model import BasketModel

SALE_LINE_ROLE = Qt.ItemDataRole.UserRole + 2


def _place(ticket: SaleTicket) -> str:
    return " - ".join(p for p in (ticket.area, ticket.seat) if p)


def _confirmation(state: str) -> str:
    return {
        SEAT_CONFIRMED: QCoreApplication.translate("ExchangeModel", "seat confirmed"),
        UNNUMBERED: QCoreApplication.translate("ExchangeModel", "unnumbered"),
        PRODUCT_RESERVED: QCoreApplication.translate("ExchangeModel", "product reserved"),
    }.get(state, state)


class ExchangeModel(BasketModel):
    """The columns and look of the cancellation basket (``BasketModel``), plus
    CONFIRMATION: each sale line's state, as the core gives it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderItem(
            self.columnCount(),
            QStandardItem(QCoreApplication.translate("ExchangeModel", "CONFIRMATION")))

    def _sale_row(self, label: str, line_ids: list[int], confirmation: str = "",
                  **cells) -> list[QStandardItem]:
        row = self._row(label, **cells)
        row[0].setData(line_ids, SALE_LINE_ROLE)
        state = QStandardItem(_confirmation(confirmation) if confirmation else "")
        state.setEditable(False)
        return [*row, state]

    def set_contacts(self, groups: tuple[ContactGroup, ...]) -> None:
        self.removeRows(0, self.rowCount())
        root = self.invisibleRootItem()
        for contact in groups:
            ids = [t.line_id for p in contact.performances for g in p.tariffs
                   for t in g.tickets] + [p.line_id for p in contact.products]
            contact_row = self._sale_row(
                QCoreApplication.translate("ExchangeModel", "Order %1").replace(
                    "%1", str(contact.order_number)),
                ids, contact=contact.contact_name, qty=contact.quantity,
                fees=contact.fees or None, total=contact.amount, bold=True)
            root.appendRow(contact_row)
            for perf in contact.performances:
                perf_row = self._sale_row(
                    f"{perf.event_name} - {formatting.performance_date(perf.starts_at)}",
                    [t.line_id for g in perf.tariffs for t in g.tickets],
                    qty=perf.quantity, fees=perf.fees or None, amount=perf.amount)
                contact_row[0].appendRow(perf_row)
                for tariff in perf.tariffs:
                    tariff_row = self._sale_row(
                        f"{tariff.category} {tariff.tariff}",
                        [t.line_id for t in tariff.tickets], qty=tariff.quantity,
                        price=tariff.unit_price, fees=tariff.fees or None,
                        amount=tariff.amount)
                    perf_row[0].appendRow(tariff_row)
                    for t in tariff.tickets:
                        tariff_row[0].appendRow(self._ticket_row(t, [t.line_id]))
            for product in contact.products:
                contact_row[0].appendRow(self._product_row(product))

    def _ticket_row(self, ticket: SaleTicket, line_ids: list[int],
                    with_event: bool = False) -> list[QStandardItem]:
        label = _place(ticket) or QCoreApplication.translate("ExchangeModel", "Unnumbered")
        if with_event:
            label = (f"{ticket.event_name} - {formatting.performance_date(ticket.starts_at)}"
                     f"  {ticket.category} {ticket.tariff}  {label}")
        if ticket.replaces_number:
            label += " " + QCoreApplication.translate(
                "ExchangeModel", "(replaces %1)").replace("%1", ticket.replaces_number)
        return self._sale_row(label, line_ids, price=ticket.price,
                              fees=ticket.fees or None, confirmation=ticket.confirmation)

    def _product_row(self, product: SaleProduct) -> list[QStandardItem]:
        row = self._sale_row(product.name, [product.line_id], qty=product.quantity,
                             price=product.unit_price, amount=product.amount,
                             confirmation=product.confirmation)
        for ticket in product.tickets:  # a subscription's or package's seats
            row[0].appendRow(self._ticket_row(ticket, [product.line_id], with_event=True))
        return row
