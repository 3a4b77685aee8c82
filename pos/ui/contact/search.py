"""Recherche contacts: the contact panel's search field lists the contacts found and
their orders (``contactResultsView``); Enter or a double click on an order opens its
detail. The search runs on Enter, not on every key: one query per intent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from pos import formatting
from pos.ui.common.ops import Outcome

if TYPE_CHECKING:
    from pos.core.services.contact_search import ContactSearchResult

ORDER_ROLE = Qt.ItemDataRole.UserRole + 1


class ContactResultsModel(QStandardItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([
            QCoreApplication.translate("ContactSearch", "CONTACT / ORDER"),
            QCoreApplication.translate("ContactSearch", "DETAIL"),
        ])

    def set_result(self, result: ContactSearchResult) -> None:
        self.removeRows(0, self.rowCount())
        for contact in result.contacts:
            where = ", ".join(p for p in (contact.email, contact.city) if p)
            row = [QStandardItem(contact.name), QStandardItem(where)]
            for order in contact.orders:
                # lupdate reads a plural's count only as a plain name, not an attribute
                tickets = order.tickets
                child = [
                    QStandardItem(QCoreApplication.translate("ContactSearch", "Order %1").replace(
                        "%1", str(order.number))),
                    QStandardItem(formatting.timestamp(order.created_at) + " - "
                                  + self.tr("%n ticket(s)", "", tickets)),
                ]
                child[0].setData(order.number, ORDER_ROLE)
                for item in child:
                    item.setEditable(False)
                row[0].appendRow(child)
            for item in row:
                item.setEditable(False)
            self.invisibleRootItem().appendRow(row)


class ContactSearch(QObject):
    """Wires the contact panel's ``contactSearchField`` and ``contactResultsView``.

    ``search``: the contact controller's search (an Outcome of ContactSearchResult);
    ``open_order``: what Enter on an order does (the take-back feature's order detail).
    """

    def __init__(self, panel, search: Callable[[str], Outcome],
                 open_order: Callable[[int], None], show_message: Callable[[str, str], None]
                 ) -> None:
        super().__init__(panel)
        self._search = search
        self.open_order = open_order
        self.show_message = show_message
        self.field = panel.search_field
        self.model = ContactResultsModel(self)
        self.view = panel.results
        self.view.setModel(self.model)
        self.field.returnPressed.connect(self.search)
        self.view.activated.connect(self._activated)

    def search(self) -> None:
        outcome = self._search(self.field.text())
        if not outcome.ok:
            self.show_message(outcome.error, "error")
            return
        result: ContactSearchResult = outcome.value
        self.model.set_result(result)
        self.view.setVisible(True)
        self.view.expandAll()
        self.view.resizeColumnToContents(0)
        if not result.contacts:
            self.show_message(
                QCoreApplication.translate("ContactSearch", "No contact found."), "info")
            return
        count = len(result.contacts)
        text = self.tr("%n contact(s) found.", "", count)
        if result.more:
            text += " " + QCoreApplication.translate(
                "ContactSearch", "More contacts match: type more of the name.")
        self.show_message(text, "info")
        first_order = self._first_order()
        self.view.setFocus()
        self.view.setCurrentIndex(first_order if first_order.isValid()
                                  else self.model.index(0, 0))

    def _first_order(self) -> QModelIndex:
        for r in range(self.model.rowCount()):
            contact = self.model.index(r, 0)
            if self.model.rowCount(contact):
                return self.model.index(0, 0, contact)
        return QModelIndex()

    def _activated(self, index: QModelIndex) -> None:
        number = index.siblingAtColumn(0).data(ORDER_ROLE)
        if number is not None:
            self.open_order(int(number))
