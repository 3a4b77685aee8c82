"""What the cashier says about the operation: Demandé par, the cause ([refunds] causes)
and Remarques. The session reads them at each settlement or hold; a resumed operation
shows its own, and a finished one puts the defaults back."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLineEdit

from pos.core.services.operation_notes import OperationNotes
from pos.ui.counter.session import CounterSession


class NotesView(QObject):
    def __init__(self, session: CounterSession, causes: Sequence[str], *,
                 requested_by: QComboBox, cause: QComboBox, remarks: QLineEdit) -> None:
        super().__init__(requested_by)
        self.requested_by, self.cause, self.remarks = requested_by, cause, remarks
        remarks.setMaxLength(2000)
        cause.clear()
        for text in causes:
            cause.addItem(text, text)
        session.notes_source = self.read
        session.sig_notes.connect(self.show)
        # Who asked decides the fee rule: the basket shows the fee again.
        requested_by.currentIndexChanged.connect(lambda _index: session.basket_changed())

    def read(self) -> OperationNotes:
        return OperationNotes(self.requested_by.currentData() or "public",
                              self.cause.currentData() or "", self.remarks.text())

    def show(self, notes: OperationNotes | None) -> None:
        cause = self.cause
        notes = notes or OperationNotes(cause=cause.itemData(0) or "")
        self.requested_by.setCurrentIndex(max(self.requested_by.findData(notes.requested_by), 0))
        if notes.cause and cause.findData(notes.cause) < 0:
            cause.addItem(notes.cause, notes.cause)  # a cause no longer configured
        cause.setCurrentIndex(max(cause.findData(notes.cause), 0))
        self.remarks.setText(notes.remarks)
