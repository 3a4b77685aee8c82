"""METTRE EN ATTENTE [F6], ORDRES EN ATTENTE [F7] and ABANDONNER ORDRE [F5], wired to
the hold controller. The held list and the abandon confirmation open through the
window's one dialog; Enter accepts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QPushButton

from pos.ui import keys
from pos.ui.common.modal import OneDialog
from pos.ui.counter.session import CounterSession
from pos.ui.hold.controller import HoldController


class HoldView(QObject):
    def __init__(self, session: CounterSession, controller: HoldController,
                 dialogs: OneDialog, *, hold: QPushButton, held: QPushButton,
                 abandon: QPushButton) -> None:
        super().__init__(hold)
        self.session, self.controller, self.dialogs = session, controller, dialogs
        self.hold_button = hold
        keys.bind_button(hold, keys.HOLD)
        keys.bind_button(held, keys.HELD_LIST)
        keys.bind_button(abandon, keys.ABANDON)
        hold.clicked.connect(lambda: dialogs.busy or controller.hold())
        held.clicked.connect(self.open_held_list)
        abandon.clicked.connect(self.ask_abandon)
        session.sig_basket_changed.connect(self._basket_changed)
        self._basket_changed()

    def _basket_changed(self) -> None:
        self.hold_button.setEnabled(bool(self.session.basket.tickets))

    def open_held_list(self) -> None:
        # Dialogs are imported when they first open, not at start: the window starts on the
        # scan field (together the dialogs of the window are ~30 ms of a cold start).
        from pos.ui.hold.dialogs.held_operations import HeldOperationsDialog

        if self.dialogs.busy:
            return
        held = self.controller.held_list()
        if held is None:
            return
        dialog = HeldOperationsDialog(held, self.hold_button.window())

        def accepted() -> None:
            operation_id = dialog.selected_operation_id()
            if operation_id is not None:
                self.controller.resume(operation_id)

        self.dialogs.open(dialog, accepted)

    def ask_abandon(self) -> None:
        """A held operation is abandoned after a confirmation (Enter); an operation
        never held is simply dropped, nothing having been recorded."""
        if self.dialogs.busy:
            return
        if self.session.basket.held_operation_id is None:
            self.controller.abandon()
            return
        number = self.controller.held_number
        question = QCoreApplication.translate(
            "HoldUi", "Abandon operation %1 on hold? Its tickets will be free again.")
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question,
                          QCoreApplication.translate("HoldUi", "Abandon"),
                          question.replace("%1", str(number or "")), yes | no,
                          self.hold_button.window())
        box.setObjectName("abandonConfirmDialog")
        box.setDefaultButton(yes)
        box.button(yes).setText(QCoreApplication.translate("HoldUi", "Abandon"))
        box.button(no).setText(QCoreApplication.translate("HoldUi", "Cancel"))
        self.dialogs.open(box, self.controller.abandon, accepted=yes)
