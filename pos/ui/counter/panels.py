"""The side panels of the exchange / cancellation screen (contact, delivery, documents,
reminder of payment modes). They show what the controller tells them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos import formatting
from pos.ui.contact.details import ContactDetails, address_text


class ContactPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Contact"), parent)
        self.setObjectName("contactPanel")
        layout = QVBoxLayout(self)
        search = QLineEdit(self)
        search.setObjectName("contactSearchField")
        search.setPlaceholderText(self.tr("Search contacts"))
        self.name = QLabel(self.tr("No contact"), self)
        self.name.setObjectName("contactNameLabel")
        self.name.setWordWrap(True)
        self.add_button = QPushButton(self.tr("ADD"), self)
        self.add_button.setObjectName("addContactButton")
        self.add_button.setToolTip(self.tr("Create a contact"))
        layout.addWidget(search)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.add_button)
        layout.addLayout(name_row)
        self.balance = QLabel("", self)
        self.balance.setObjectName("contactBalanceLabel")
        layout.addWidget(self.balance)
        self.details = ContactDetails(self)  # address, e-mail, CHANGER
        layout.addWidget(self.details)

    def show_contact(self, text: str) -> None:
        self.name.setText(text or self.tr("No contact"))

    def show_balance(self, balance) -> None:
        """The contact's suspense account (a ContactBalance), or nothing (None)."""
        if balance is None:
            self.balance.setText("")
            return
        self.name.setText(balance.contact_name)
        self.balance.setText(self.tr("Suspense account: %1").replace(
            "%1", formatting.money(balance.balance)))


class DeliveryPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ticket delivery"), parent)
        self.setObjectName("deliveryPanel")
        form = QFormLayout(self)
        self.mode = QComboBox(self)
        self.mode.setObjectName("deliveryModeCombo")
        self.mode.addItem(self.tr("Handed to the contact"), "counter")
        form.addRow(self.tr("Mode"), self.mode)
        self.print_now = QRadioButton(self.tr("yes"), self)
        self.print_now.setObjectName("immediatePrintYes")
        self.print_later = QRadioButton(self.tr("no"), self)
        self.print_later.setObjectName("immediatePrintNo")
        self.print_now.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.print_now)
        group.addButton(self.print_later)
        row = QHBoxLayout()
        row.addWidget(self.print_now)
        row.addWidget(self.print_later)
        row.addStretch()
        form.addRow(self.tr("Immediate print"), row)
        self.contact = QLabel("", self)
        self.contact.setObjectName("deliveryContactLabel")
        self.address = QLabel("", self)
        self.address.setObjectName("deliveryAddressLabel")
        self.email = QLabel("", self)
        self.email.setObjectName("deliveryEmailLabel")
        form.insertRow(1, self.tr("Contact"), self.contact)
        form.insertRow(2, self.tr("Address"), self.address)
        form.insertRow(3, self.tr("E-mail"), self.email)

    def show_contact(self, card) -> None:
        """The operation's contact (a ContactCard), or None."""
        self.contact.setText(card.display_name if card else "")
        self.address.setText(address_text(card))
        self.email.setText(card.email if card else "")


class DocumentsPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Send documents"), parent)
        self.setObjectName("documentsPanel")
        layout = QVBoxLayout(self)
        self.empty = QLabel(self.tr("No document will be created."), self)
        self.empty.setObjectName("noDocumentLabel")
        layout.addWidget(self.empty)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("documentsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("NAME"), self.tr("QTY"), self.tr("SENDING"), self.tr("NATURE")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        self.show_documents(())

    def show_documents(self, documents) -> None:
        """PlannedDocument rows from the core; none: "No document will be created."."""
        self.table.setRowCount(len(documents))
        for row, d in enumerate(documents):
            for column, value in enumerate((d.name, str(d.quantity), d.sending, d.nature)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setVisible(bool(documents))
        self.empty.setVisible(not documents)


class PaymentReminderPanel(QGroupBox):
    """How the tickets in the basket were paid (filled by the refund work)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reminder of payment modes"), parent)
        self.setObjectName("paymentReminderPanel")
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("paymentReminderTable")
        self.table.setHorizontalHeaderLabels([self.tr("PAYMENT MODE"), self.tr("AMOUNT")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(140)
        layout.addWidget(self.table)
        self.refundable = QLabel("", self)
        self.refundable.setObjectName("paymentReminderRefundableLabel")
        layout.addWidget(self.refundable)

    def show_reminder(self, reminder) -> None:
        """A PaymentReminder from the core, or None for an empty basket."""
        from pos.ui.common.payment_modes import mode_label

        lines = reminder.lines if reminder is not None else ()
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            self.table.setItem(row, 0, QTableWidgetItem(mode_label(line.mode)))
            amount = QTableWidgetItem(formatting.money(line.amount))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, amount)
        self.refundable.setText("" if reminder is None else self.tr(
            "Still refundable: %1").replace("%1", formatting.money(reminder.refundable)))


class RemarksPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Remarks"), parent)
        self.setObjectName("remarksPanel")
        layout = QVBoxLayout(self)
        self.text = QLineEdit(self)
        self.text.setObjectName("remarksField")
        layout.addWidget(self.text)


def product_button(parent: QWidget, text: str, name: str) -> QPushButton:
    """A product-bar button of the exchange part (sale in exchange comes with its issue)."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setEnabled(False)
    return button
