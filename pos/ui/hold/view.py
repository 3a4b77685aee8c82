"""Wiring of the operation's widgets to ``controller.operations``: METTRE EN ATTENTE [F6],
ORDRES EN ATTENTE [F7], ABANDONNER ORDRE [F5], Demandé par / cause / Remarques, the
contact's details with CHANGER, the delivery and "Envoi documents" panels.

Confirmations and dialogs are non-blocking (``open()``, Enter accepts), and only one is
open at a time (``window._confirm``), as in ``MainWindow.ask_refund``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QMessageBox, QPushButton

from pos.core.services.operation_notes import OperationNotes
from pos.ui.contact.dialogs.contact_edit import AddressDialog, EmailDialog
from pos.ui.counter.panels import ContactPanel, DeliveryPanel, DocumentsPanel
from pos.ui.hold.dialogs.held_operations import HeldOperationsDialog

if TYPE_CHECKING:
    from pos.ui.main_window import MainWindow

HOLD_KEY = "F6"
HELD_LIST_KEY = "F7"
ABANDON_KEY = "F5"



def _keyed(button: QPushButton, key: str) -> None:
    button.setText(f"{button.text()} [{key}]")
    button.setShortcut(QKeySequence(key))
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def _dialog(window: MainWindow, dialog: QDialog, on_accept) -> None:
    window._confirm = dialog

    def finished(result: int) -> None:
        window._confirm = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            on_accept()
        window.scan_field.setFocus()

    dialog.finished.connect(finished)
    dialog.open()


def install_hold_ui(window: MainWindow, causes: Sequence[str]) -> None:
    operations = window.controller.operations
    hold = window.findChild(QPushButton, "holdButton")
    abandon = window.findChild(QPushButton, "abandonButton")
    _keyed(hold, HOLD_KEY)
    _keyed(abandon, ABANDON_KEY)
    hold.clicked.connect(lambda: window._confirm is None and operations.hold())
    abandon.clicked.connect(lambda: ask_abandon(window))
    held = QPushButton(QCoreApplication.translate("HoldUi", "OPERATIONS ON HOLD"),
                       hold.parentWidget())
    held.setObjectName("heldOperationsButton")
    _keyed(held, HELD_LIST_KEY)
    held.clicked.connect(lambda: open_held_list(window))
    outer = hold.parentWidget().layout()
    for i in range(outer.count()):
        row = outer.itemAt(i).layout()
        if row is not None and row.indexOf(hold) >= 0:
            row.insertWidget(row.indexOf(hold) + 1, held)
            break

    def basket_changed() -> None:
        hold.setEnabled(bool(window.controller.basket.tickets))

    window.controller.sig_basket_changed.connect(basket_changed)
    basket_changed()
    _install_notes(window, causes)
    _install_side_panels(window)


def _install_notes(window: MainWindow, causes: Sequence[str]) -> None:
    operations = window.controller.operations
    requested = window.findChild(QComboBox, "requestedByCombo")
    cause = window.findChild(QComboBox, "causeCombo")
    remarks = window.findChild(QLineEdit, "remarksField")
    remarks.setMaxLength(2000)
    cause.clear()
    for text in causes:
        cause.addItem(text, text)

    def read() -> OperationNotes:
        return OperationNotes(requested.currentData() or "public",
                              cause.currentData() or "", remarks.text())

    def show(notes: OperationNotes | None) -> None:
        notes = notes or OperationNotes(cause=cause.itemData(0) or "")
        requested.setCurrentIndex(max(requested.findData(notes.requested_by), 0))
        if notes.cause and cause.findData(notes.cause) < 0:
            cause.addItem(notes.cause, notes.cause)  # a cause no longer configured
        cause.setCurrentIndex(max(cause.findData(notes.cause), 0))
        remarks.setText(notes.remarks)

    operations.notes_source = read
    operations.sig_notes.connect(show)


def _install_side_panels(window: MainWindow) -> None:
    operations = window.controller.operations
    contact = window.findChild(ContactPanel, "contactPanel")
    delivery = window.findChild(DeliveryPanel, "deliveryPanel")
    documents = window.findChild(DocumentsPanel, "documentsPanel")
    operations.sig_contact.connect(contact.details.show_card)
    operations.sig_contact.connect(delivery.show_contact)
    operations.sig_documents.connect(documents.show_documents)

    def change_email() -> None:
        card = contact.details.card
        if card is None or window._confirm is not None:
            return
        dialog = EmailDialog(card.email, window)
        _dialog(window, dialog, lambda: operations.change_email(dialog.email.text()))

    def change_address() -> None:
        card = contact.details.card
        if card is None or window._confirm is not None:
            return
        dialog = AddressDialog(card, window)
        _dialog(window, dialog, lambda: operations.change_address(*dialog.values()))

    contact.details.sig_change_email_requested.connect(change_email)
    contact.details.sig_change_address_requested.connect(change_address)


def open_held_list(window: MainWindow) -> None:
    if window._confirm is not None:
        return
    operations = window.controller.operations
    held = operations.held_list()
    if held is None:
        return
    dialog = HeldOperationsDialog(held, window)

    def accepted() -> None:
        operation_id = dialog.selected_operation_id()
        if operation_id is not None:
            operations.resume(operation_id)

    _dialog(window, dialog, accepted)


def ask_abandon(window: MainWindow) -> None:
    """ABANDONNER ORDRE: a held operation is abandoned after a confirmation (Enter); an
    operation never held is simply dropped, nothing having been recorded."""
    controller = window.controller
    if window._confirm is not None:
        return
    number = controller.operations.held_number
    if controller.basket.held_operation_id is None:
        controller.abandon()
        controller.operations.sig_notes.emit(None)
        return
    question = QCoreApplication.translate(
        "HoldUi", "Abandon operation %1 on hold? Its tickets will be free again.")
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("HoldUi", "Abandon"),
                      question.replace("%1", str(number or "")),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.setObjectName("abandonConfirmDialog")
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box.button(yes).setText(QCoreApplication.translate("HoldUi", "Abandon"))
    box.button(no).setText(QCoreApplication.translate("HoldUi", "Cancel"))
    window._confirm = box

    def answered(result: int) -> None:
        window._confirm = None
        box.deleteLater()
        if result == QMessageBox.StandardButton.Yes:
            controller.abandon()
        window.scan_field.setFocus()

    box.finished.connect(answered)
    box.open()
