"""TOUT PAYER [F4] and the pay dialog, the close-at-zero confirmation, BILLETS À
IMPRIMER [Ctrl+I] in the status bar. The one writer of TOUT PAYER: enabled for an
exchange with a balance to pay or nil (the refund buttons take a negative one)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QStatusBar

from pos.core.money import ZERO
from pos.ui import keys
from pos.ui.common.modal import OneDialog
from pos.ui.counter.session import CounterSession
from pos.ui.exchange.settlement import ExchangeSettlement


class SettlementUi(QObject):
    def __init__(self, session: CounterSession, settlement: ExchangeSettlement,
                 dialogs: OneDialog, *, pay_all: QPushButton, status: QStatusBar,
                 say) -> None:
        super().__init__(pay_all)
        self.session, self.settlement, self.dialogs = session, settlement, dialogs
        self._say = say
        self.pay_all = pay_all
        keys.bind_button(pay_all, keys.PAY_ALL)
        pay_all.clicked.connect(self.pay)
        window = pay_all.window()

        self.pending = QPushButton("", status)
        self.pending.setObjectName("pendingTicketsButton")
        self.pending.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pending.clicked.connect(settlement.print_pending)
        self.pending_action = keys.bind_action(
            window, keys.PENDING_PRINTS, "pendingTicketsAction", settlement.print_pending,
            self.tr("Print the tickets waiting"))
        status.addPermanentWidget(self.pending)
        settlement.sig_pending_prints.connect(self._pending)

        session.sig_basket_changed.connect(self.refresh)
        session.sig_sale_changed.connect(self.refresh)
        settlement.refresh_pending()
        self.refresh()

    def _pending(self, count: int) -> None:
        self.pending.setText(keys.with_key(
            self.tr("TICKETS TO PRINT (%1)").replace("%1", str(count)), keys.PENDING_PRINTS))
        self.pending.setEnabled(count > 0)

    def refresh(self) -> None:
        s = self.session
        self.pay_all.setEnabled(s.exchanging() and s.totals().total >= ZERO)

    def pay(self) -> None:
        # Imported when it first opens, not at start (pos.ui.app.AFTER_FIRST_PAINT).
        from pos.ui.exchange.dialogs.exchange_payment import ExchangePaymentDialog

        if self.dialogs.busy or not self.settlement.active():
            return
        total = self.settlement.totals().total
        window = self.pay_all.window()
        if total < ZERO:
            self._say(self.tr("The customer is refunded: choose a refund mode."), "error")
        elif total == ZERO:
            yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Exchange"),
                              self.tr("The total is nil: close the exchange?"), yes | no,
                              window)
            box.setObjectName("confirmDialog")
            box.setDefaultButton(yes)
            box.button(yes).setText(self.tr("Close exchange"))
            box.button(no).setText(self.tr("Cancel"))
            self.dialogs.open(box, lambda: self.settlement.settle([]), accepted=yes)
        else:
            dialog = ExchangePaymentDialog(total, self.settlement.credit_note,
                                           self.settlement.suspense_balance(), window)
            self.dialogs.open(dialog, lambda: self.settlement.settle(dialog.tenders()))
