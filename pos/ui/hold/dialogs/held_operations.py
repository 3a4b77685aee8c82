"""ORDRES EN ATTENTE [F7]: the operations on hold; Enter (or REPRENDRE) brings the
selected one back into the basket. Non-blocking (``open()``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos import formatting


class HeldOperationsDialog(QDialog):
    def __init__(self, operations, parent: QWidget | None = None) -> None:
        """``operations``: HeldOperation rows from the core."""
        super().__init__(parent)
        self.setObjectName("heldOperationsDialog")
        self.setWindowTitle(self.tr("Operations on hold"))
        self.resize(760, 360)
        self._ids = [op.operation_id for op in operations]
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(operations), 6, self)
        self.table.setObjectName("heldOperationsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("OPERATION"), self.tr("CONTACT"), self.tr("TICKETS"), self.tr("AMOUNT"),
            self.tr("COUNTER"), self.tr("HELD SINCE")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, op in enumerate(operations):
            balance = formatting.money(op.sold - op.total)
            cells = (str(op.number), op.contact, str(op.tickets), balance, op.counter,
                     formatting.timestamp(op.held_at))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.doubleClicked.connect(self.accept)
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("No operation is on hold."), self)
        self.empty.setObjectName("noHeldOperationLabel")
        self.empty.setVisible(not operations)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(self)
        self.resume_button = buttons.addButton(self.tr("RESUME"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.resume_button.setObjectName("resumeHeldButton")
        self.resume_button.setDefault(True)
        self.resume_button.setEnabled(bool(operations))
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if operations:
            self.table.selectRow(0)
        self.table.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Enter in the table resumes the selected operation, as the default button does.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._ids:
            self.accept()
            return
        super().keyPressEvent(event)

    def selected_operation_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self._ids:
            return None
        return self._ids[rows[0].row()]
