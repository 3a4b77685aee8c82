"""The Opérations menu's "Annuler l'annulation..." [Ctrl+Shift+U], opening its dialog
through the window's one dialog."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from pos.ui import keys
from pos.ui.common.modal import OneDialog
from pos.ui.undo.controller import UndoController


class UndoView(QObject):
    def __init__(self, window: QMainWindow, controller: UndoController,
                 dialogs: OneDialog) -> None:
        super().__init__(window)
        self.window, self.controller, self.dialogs = window, controller, dialogs
        # Alt+S: Alt+R is REFUND_FEES
        menu = window.menuBar().addMenu(self.tr("Operation&s"))
        menu.setObjectName("operationsMenu")
        self.action = keys.bind_action(window, keys.UNDO_CANCELLATION, "undoCancellationAction",
                                       self.open, self.tr("Undo a cancellation..."))
        menu.addAction(self.action)

    def open(self) -> None:
        # Dialogs are imported when they first open, not at start: the window starts on the
        # scan field (together the dialogs of the window are ~30 ms of a cold start).
        from pos.ui.undo.dialogs.undo_dialog import UndoCancellationDialog

        if self.dialogs.busy:
            return
        self.dialogs.open(UndoCancellationDialog(self._undo, self.window), activate=True)

    def _undo(self, number: str, login: str, pin: str) -> str:
        return self.controller.undo(number, login, pin).error
