"""Recherche contacts: the contact panel's search field lists the contacts found and
their orders (``contactResultsView``); Enter or a double click on an order opens its
detail. The search runs on Enter, not on every key: one query per intent."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QWidget

from pos import formatting
from pos.core.services.contact_search import ContactSearchResult
from pos.ui.take_back.controller import TakeBackController

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
                child = [
                    QStandardItem(QCoreApplication.translate("ContactSearch", "Order %1").replace(
                        "%1", str(order.number))),
                    QStandardItem(formatting.timestamp(order.created_at) + " - "
                                  + QCoreApplication.translate("ContactSearch", "%n ticket(s)",
                                                               "", order.tickets)),
                ]
                child[0].setData(order.number, ORDER_ROLE)
                for item in child:
                    item.setEditable(False)
                row[0].appendRow(child)
            for item in row:
                item.setEditable(False)
            self.invisibleRootItem().appendRow(row)


class ContactSearch(QObject):
    """Wires the existing ``contactSearchField`` of the contact panel."""

    def __init__(self, panel: QWidget, controller: TakeBackController,
                 open_order: Callable[[int], None], show_message: Callable[[str, str], None]
                 ) -> None:
        super().__init__(panel)
        self.controller = controller
        self.open_order = open_order
        self.show_message = show_message
        self.field: QLineEdit = panel.findChild(QLineEdit, "contactSearchField")
        self.model = ContactResultsModel(self)
        self.view = QTreeView(panel)
        self.view.setObjectName("contactResultsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setUniformRowHeights(True)
        self.view.setMinimumHeight(140)
        self.view.hide()
        layout = panel.layout()
        layout.insertWidget(layout.indexOf(self.field) + 1, self.view)
        self.field.returnPressed.connect(self.search)
        self.view.activated.connect(self._activated)

    def search(self) -> None:
        outcome = self.controller.search_contacts(self.field.text())
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
        text = QCoreApplication.translate("ContactSearch", "%n contact(s) found.", "",
                                          len(result.contacts))
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
