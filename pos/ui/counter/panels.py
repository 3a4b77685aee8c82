"""The counter's side panels: delivery, documents, remarks. They show plain data and say
what the cashier chose; the counter's presenters fill them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def address_text(card) -> str:
    return "\n".join(card.address_lines) if card is not None else ""


class DeliveryPanel(QGroupBox):
    sig_changed = Signal(str, bool)  # delivery mode (counter|email|post|later), print now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ticket delivery"), parent)
        self.setObjectName("deliveryPanel")
        form = QFormLayout(self)
        self.mode = QComboBox(self)
        self.mode.setObjectName("deliveryModeCombo")
        self.mode.addItem(self.tr("Handed to the contact"), "counter")
        self.mode.addItem(QCoreApplication.translate("SettlementUi", "Sent by e-mail"), "email")
        self.mode.addItem(self.tr("Sent by post"), "post")  # kept for the post batch
        self.mode.addItem(self.tr("Later"), "later")  # kept to print at the counter later
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
        self.mode.currentIndexChanged.connect(self._changed)
        self.print_now.toggled.connect(self._changed)

    def _changed(self, *_args) -> None:
        self.sig_changed.emit(self.mode.currentData(), self.print_now.isChecked())

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


class RemarksPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Remarks"), parent)
        self.setObjectName("remarksPanel")
        layout = QVBoxLayout(self)
        self.text = QLineEdit(self)
        self.text.setObjectName("remarksField")
        layout.addWidget(self.text)
