"""The operators' part of the window: the log-in dialog (at start, and to switch), the
"Opérateur" menu (switch, log out, unlock an account) and, in the status bar, who is
logged in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from pos.core.models import OperatorRole
from pos.core.services.station import Station
from pos.ui import keys
from pos.ui.common.modal import OneDialog
from pos.ui.counter.session import CounterSession
from pos.ui.operators.controller import OperatorsController
from pos.ui.operators.dialogs.login import LoginDialog
from pos.ui.operators.dialogs.unlock import UnlockDialog


def role_word(role: OperatorRole) -> str:
    return {
        OperatorRole.CASHIER: QCoreApplication.translate("OperatorsView", "cashier"),
        OperatorRole.SUPERVISOR: QCoreApplication.translate("OperatorsView", "supervisor"),
        OperatorRole.ADMINISTRATOR: QCoreApplication.translate("OperatorsView",
                                                               "administrator"),
    }[role]


class OperatorsView(QObject):
    def __init__(self, window: QMainWindow, session: CounterSession,
                 controller: OperatorsController, dialogs: OneDialog, *,
                 label: QLabel) -> None:
        super().__init__(window)
        self.window, self.controller, self.dialogs, self.label = (
            window, controller, dialogs, label)
        # No mnemonic: Alt+O is AUTRES PRODUITS, Alt+P the packages (pos.ui.keys).
        menu = window.menuBar().addMenu(self.tr("Operator"))
        menu.setObjectName("operatorMenu")
        for text, name, key, slot in (
                (self.tr("Switch operator..."), "switchOperatorAction", keys.SWITCH_OPERATOR,
                 self.switch),
                (self.tr("Log out"), "logOutAction", keys.LOG_OUT, self.log_out),
                (self.tr("Unlock an account..."), "unlockOperatorAction", "",
                 self.ask_unlock)):
            if key:
                action = keys.bind_action(window, key, name, slot, text)
            else:
                action = menu.addAction(text)
                action.setObjectName(name)
                action.triggered.connect(lambda _checked=False, slot=slot: slot())
            menu.addAction(action)
        session.sig_station_changed.connect(self.show_station)
        self.show_station(session.station)

    def show_station(self, station: Station) -> None:
        if station.operator_id:
            self.label.setText(self.tr("Operator: %1 (%2)").replace(
                "%1", station.operator_login).replace("%2", role_word(station.operator_role)))
        else:
            self.label.setText(self.tr("No operator logged in"))

    def ask_login(self) -> bool:
        """The log-in dialog, over the window; False if another dialog is open."""
        def submit(code: str, pin: str) -> str:
            outcome = self.controller.log_in(code, pin)
            return "" if outcome.ok else outcome.error

        return self.dialogs.open(LoginDialog(submit, self.window), activate=True)

    def switch(self) -> None:
        """Log out, then the log-in dialog for the next operator."""
        if self.dialogs.busy:
            return
        self.controller.log_out()
        self.ask_login()

    def log_out(self) -> None:
        if self.dialogs.busy:
            return
        self.controller.log_out()
        self.ask_login()

    def ask_unlock(self) -> None:
        def submit(code: str) -> str:
            outcome = self.controller.unlock(code)
            return "" if outcome.ok else outcome.error

        self.dialogs.open(UnlockDialog(submit, self.window))
