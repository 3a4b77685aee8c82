"""The side panels of the exchange / cancellation screen (contact, delivery, documents,
reminder of payment modes). They show what the controller tells them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


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
        layout.addWidget(search)
        layout.addWidget(self.name)

    def show_contact(self, text: str) -> None:
        self.name.setText(text or self.tr("No contact"))


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


class DocumentsPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Send documents"), parent)
        self.setObjectName("documentsPanel")
        layout = QVBoxLayout(self)
        self.empty = QLabel(self.tr("No document will be created."), self)
        self.empty.setObjectName("noDocumentLabel")
        layout.addWidget(self.empty)


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
        layout.addWidget(self.table)


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
