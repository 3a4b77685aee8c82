"""The "Rappel des modes de règlement" panel: how the basket's tickets were paid and
what may still be refunded, as the core computed it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos import formatting
from pos.ui.common.payment_modes import mode_label


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
        lines = reminder.lines if reminder is not None else ()
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            self.table.setItem(row, 0, QTableWidgetItem(mode_label(line.mode)))
            amount = QTableWidgetItem(formatting.money(line.amount))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, amount)
        self.refundable.setText("" if reminder is None else self.tr(
            "Still refundable: %1").replace("%1", formatting.money(reminder.refundable)))
