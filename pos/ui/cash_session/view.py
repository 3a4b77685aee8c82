"""The cash session's part of the window: the "Cash" menu and its keys, and the drawer's
expected content in the status bar ("Caisse : 1 000,00 €" / "Caisse fermée"). Dialogs
open through the window's one dialog."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow

from pos import formatting
from pos.core.models_cash import CashMovementKind
from pos.ui import keys
from pos.ui.cash_session.controller import CashSessionController
from pos.ui.common.modal import OneDialog
from pos.ui.counter.dialogs.supervisor_approval import SupervisorApprovalDialog


class CashSessionUi(QObject):
    def __init__(self, window: QMainWindow, controller: CashSessionController,
                 dialogs: OneDialog) -> None:
        super().__init__(window)
        self.window, self.controller, self.dialogs = window, controller, dialogs
        menu = window.menuBar().addMenu(self.tr("&Cash"))
        menu.setObjectName("cashSessionMenu")
        self.actions: dict[str, QAction] = {}
        for name, text, key, slot in (
            ("openCashSessionAction", self.tr("Open the cash session..."),
             keys.OPEN_CASH_SESSION, self.ask_open),
            ("cashInAction", self.tr("Cash in..."), keys.CASH_IN,
             lambda: self.ask_move(CashMovementKind.IN)),
            ("cashOutAction", self.tr("Cash out..."), keys.CASH_OUT,
             lambda: self.ask_move(CashMovementKind.OUT)),
            ("xReportAction", self.tr("X report (no close)..."), keys.X_REPORT,
             self.show_x_report),
            ("closeCashSessionAction", self.tr("Close the cash session (Z report)..."),
             keys.CLOSE_CASH_SESSION, self.ask_close),
            ("refundsReportAction", self.tr("Refunds and exchanges report..."),
             keys.REFUNDS_REPORT, self.show_refunds_report),
        ):
            action = keys.bind_action(window, key, name, slot, text)
            menu.addAction(action)
            self.actions[name] = action
        self.drawer_label = QLabel("", window.statusBar())
        self.drawer_label.setObjectName("drawerExpectedLabel")
        self.drawer_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        window.statusBar().addPermanentWidget(self.drawer_label)
        controller.sig_drawer.connect(self._drawer)
        controller.sig_needs_approval.connect(self._ask_approval)
        controller.refresh()

    def _drawer(self, session) -> None:
        if session is None:
            self.drawer_label.setText(self.tr("Cash: closed"))
        else:
            self.drawer_label.setText(self.tr("Cash: %1").replace(
                "%1", formatting.money(session.expected)))
        for name in ("cashInAction", "cashOutAction", "xReportAction",
                     "closeCashSessionAction"):
            self.actions[name].setEnabled(session is not None)
        self.actions["openCashSessionAction"].setEnabled(session is None)

    def ask_open(self) -> None:
        # Dialogs are imported when they first open, not at start: the window starts on the
        # scan field (together the dialogs of the window are ~30 ms of a cold start).
        from pos.ui.cash_session.dialogs.count import CountDialog

        dialog = CountDialog(self.tr("Open the cash session: count the float"),
                             self.tr("Open"), parent=self.window)
        self.dialogs.open(dialog, lambda: self.controller.open_session(dialog.count()))

    def ask_move(self, kind: CashMovementKind) -> None:
        from pos.ui.cash_session.dialogs.movement import CashMovementDialog

        if kind is CashMovementKind.IN:
            dialog = CashMovementDialog(self.tr("Cash in"), [
                self.tr("Change from the safe"), self.tr("Float top-up")], self.window)
        else:
            dialog = CashMovementDialog(self.tr("Cash out"), [
                self.tr("Deposit to the safe"), self.tr("Expense")], self.window)
        self.dialogs.open(dialog, lambda: self.controller.move(
            kind, dialog.amount_value(), dialog.reason_text()))

    def ask_close(self) -> None:
        from pos.ui.cash_session.dialogs.count import CountDialog

        session = self.controller.refresh()
        if session is None:
            return
        dialog = CountDialog(self.tr("Close the cash session: count the drawer"),
                             self.tr("Close the session"), expected=session.expected,
                             parent=self.window)
        self.dialogs.open(dialog, lambda: self.controller.close(dialog.count()))

    def _ask_approval(self, reason: str, count: dict) -> None:
        dialog = SupervisorApprovalDialog(reason, self.window)
        self.dialogs.open(dialog, lambda: self.controller.close(
            count, dialog.login.text(), dialog.pin.text()))

    def show_x_report(self) -> None:
        from pos.ui.cash_session.dialogs.report import ReportDialog

        report = self.controller.x_report()
        if report is None:
            return
        name = f"x-{self.controller.current.id if self.controller.current else ''}"
        self.dialogs.open(ReportDialog(
            self.tr("X report"), report,
            save_pdf=lambda r: self.controller.save_pdf(r, name), parent=self.window))

    def show_refunds_report(self) -> None:
        from pos.ui.cash_session.dialogs.report import ReportDialog

        shown: dict = {}

        def reload(start, end):
            made = self.controller.refunds_report(start, end)
            if made is None:
                return None
            shown.update(report=made[0], csv=made[1], name=f"refunds-{start}-{end}")
            return made[0]

        dialog = ReportDialog(
            self.tr("Refunds and exchanges"), None,
            save_pdf=lambda r: self.controller.save_pdf(r, shown["name"]),
            save_csv=lambda: shown and self.controller.save_csv(shown["csv"], shown["name"]),
            reload=reload, parent=self.window)
        dialog.show_report(reload(dialog.start.date().toPython(), dialog.end.date().toPython()))
        self.dialogs.open(dialog)
