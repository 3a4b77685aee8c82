"""The box-office rules in the window: the "Box office" menu (fee rules, cancel a
performance), "Export the revocations..." in the devices menu, and the basket's WAIVE
FEES button. Dialogs open through the window's one dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QPushButton

from pos.ui import keys
from pos.ui.box_office.controller import BoxOfficeController, BulkOutcome
from pos.ui.common.modal import OneDialog

# Each dialog is imported when it first opens, not at start (~15 ms together): the
# window starts on the scan field, and these are a supervisor's occasional tasks.
if TYPE_CHECKING:
    from pos.ui.box_office.dialogs.bulk_refund import BulkRefundDialog
    from pos.ui.box_office.dialogs.fee_rules import FeeRulesDialog
    from pos.ui.box_office.dialogs.fee_waiver import FeeWaiverDialog
    from pos.ui.box_office.dialogs.revocation_export import RevocationExportDialog


class BoxOfficeUi(QObject):
    def __init__(self, window: QMainWindow, controller: BoxOfficeController,
                 dialogs: OneDialog, *, waive_fees: QPushButton, folder: Path,
                 now: Callable) -> None:
        super().__init__(window)
        self.window, self.controller, self.dialogs = window, controller, dialogs
        self.folder, self.now = folder, now
        self.bulk_dialog: BulkRefundDialog | None = None
        menu = window.menuBar().addMenu(self.tr("Bo&x office"))
        menu.setObjectName("boxOfficeMenu")
        self.fee_rules_action = self._action(menu, self.tr("Fee rules..."), "feeRulesAction",
                                             self.show_fee_rules)
        self.bulk_action = self._action(menu, self.tr("Cancel a performance..."),
                                        "cancelPerformanceAction", self.show_bulk_refund)
        devices = window.findChild(QMenu, "devicesMenu") or menu
        self.export_action = self._action(devices, self.tr("Export the revocations..."),
                                          "exportRevocationsAction", self.show_export)
        keys.bind_button(waive_fees, keys.WAIVE_FEES)
        waive_fees.clicked.connect(self.ask_waiver)
        controller.sig_bulk_progress.connect(self._progress)
        controller.sig_bulk_done.connect(self._done)
        controller.sig_bulk_failed.connect(self._failed)

    def _action(self, menu: QMenu, text: str, name: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def show_fee_rules(self) -> FeeRulesDialog:
        from pos.ui.box_office.dialogs.fee_rules import FeeRulesDialog

        c = self.controller
        dialog = FeeRulesDialog(c.rule_fields(), c.save_rules, c.read_toml, self.window)
        self.dialogs.open(dialog)
        return dialog

    def ask_waiver(self) -> FeeWaiverDialog:
        from pos.ui.box_office.dialogs.fee_waiver import FeeWaiverDialog

        dialog = FeeWaiverDialog(self.window)
        self.dialogs.open(dialog, lambda: self.controller.waive_fees(
            dialog.login.text(), dialog.pin.text(), dialog.reason.text()))
        return dialog

    def show_export(self) -> RevocationExportDialog:
        from pos.ui.box_office.dialogs.revocation_export import RevocationExportDialog

        dialog = RevocationExportDialog(self.now() - timedelta(days=1),
                                        str(self.folder / "revocations.json"), self.window)
        self.dialogs.open(dialog, lambda: self.controller.export_revocations(
            dialog.since_value(), dialog.path.text()))
        return dialog

    def show_bulk_refund(self) -> BulkRefundDialog:
        from pos.ui.box_office.dialogs.bulk_refund import BulkRefundDialog

        c = self.controller
        dialog = BulkRefundDialog(
            c.performances(), c.start_bulk, c.stop_bulk,
            lambda pid: str(self.folder / f"remboursement-seance-{pid}.pdf"), self.window)
        self.bulk_dialog = dialog
        self.dialogs.open(dialog)
        return dialog

    def _progress(self, done: int, total: int) -> None:
        if self.bulk_dialog is not None:
            self.bulk_dialog.show_progress(done, total)

    def _done(self, outcome: BulkOutcome) -> None:
        text = QCoreApplication.translate(
            "BoxOfficeUi", "%1 orders refunded, %2 refused%3. Report: %4").replace(
            "%1", str(outcome.refunded)).replace("%2", str(outcome.refused)).replace(
            "%3", QCoreApplication.translate("BoxOfficeUi", ", stopped (start again to go on)")
            if outcome.stopped else "").replace("%4", outcome.report)
        if self.bulk_dialog is not None:
            self.bulk_dialog.show_end(text)
        self.controller.session.say(text, "info")

    def _failed(self, message: str) -> None:
        if self.bulk_dialog is not None:
            self.bulk_dialog.show_end(message)
