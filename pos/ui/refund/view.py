"""The refund side of the settlement bar: ESPÈCES [F9], SOLDE AVOIR [F10], COMPTE
D'ATTENTE [F11], AUTRE PAIEMENT [F12], FRACTIONNER [F8].

This is the one writer of those buttons: enabled with tickets in the basket, unless an
exchange is being settled with a balance to pay (TOUT PAYER's turn). Confirmations
open through the window's one dialog; accepting one is the confirmation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QPushButton

from pos import formatting
from pos.core.models import PaymentMode
from pos.core.money import ZERO
from pos.core.refund_split import RefundSplit
from pos.ui import keys
from pos.ui.common.modal import OneDialog
from pos.ui.counter.session import CounterSession
from pos.ui.refund.controller import RefundController

# objectName -> (key, the mode refunded at once; None: a dialog asks first)
BUTTONS = {
    "cashButton": (keys.CASH, PaymentMode.CASH),
    "creditNoteButton": (keys.CREDIT_NOTE, PaymentMode.CREDIT_NOTE),
    "suspenseButton": (keys.SUSPENSE_ACCOUNT, PaymentMode.SUSPENSE_ACCOUNT),
    "otherPaymentButton": (keys.OTHER_PAYMENT, None),
    "splitRefundButton": (keys.SPLIT, None),
}


class RefundBar(QObject):
    def __init__(self, session: CounterSession, controller: RefundController,
                 dialogs: OneDialog, buttons: dict[str, QPushButton]) -> None:
        super().__init__(buttons["cashButton"])
        self.session, self.controller, self.dialogs = session, controller, dialogs
        self.buttons = buttons
        for name, (key, mode) in BUTTONS.items():
            keys.bind_button(buttons[name], key)
            if mode is not None:
                buttons[name].clicked.connect(lambda _c=False, mode=mode: self.ask_refund(mode))
        buttons["otherPaymentButton"].clicked.connect(self.open_other_payment)
        buttons["splitRefundButton"].clicked.connect(self.open_split)
        controller.sig_cash_short.connect(self.offer_split)
        session.sig_basket_changed.connect(self.refresh)
        session.sig_sale_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        s = self.session
        refundable = bool(s.basket.tickets) and (
            not s.exchanging() or s.totals().total < ZERO)
        for button in self.buttons.values():
            button.setEnabled(refundable)

    def ask_refund(self, mode: PaymentMode) -> None:
        s = self.session
        basket = s.basket
        if not basket.tickets or self.dialogs.busy:
            return
        # A plural is extracted by lupdate only from self.tr with a plain name as count.
        count = len(basket)
        question = {
            PaymentMode.CASH: self.tr("Refund %1 in cash for %n ticket(s)?", "", count),
            PaymentMode.CREDIT_NOTE: self.tr("Refund %1 as a credit note for %n ticket(s)?", "",
                                             count),
            PaymentMode.SUSPENSE_ACCOUNT: self.tr(
                "Refund %1 to the suspense account for %n ticket(s)?", "", count),
        }[mode]
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question,
                          QCoreApplication.translate("MainWindow", "Refund"),
                          question.replace("%1", formatting.money(s.refund_amount())),
                          yes | no, self.buttons["cashButton"].window())
        box.setObjectName("confirmDialog")
        box.setDefaultButton(yes)
        box.button(yes).setText(QCoreApplication.translate("MainWindow", "Refund"))
        box.button(no).setText(QCoreApplication.translate("MainWindow", "Cancel"))
        self.dialogs.open(box, lambda: self.controller.refund(mode), accepted=yes)

    # The dialogs are imported when they first open, not at start
    # (pos.ui.app.AFTER_FIRST_PAINT).

    def open_other_payment(self) -> None:
        from pos.ui.refund.dialogs.other_payment import OtherPaymentDialog

        s = self.session
        if not s.basket.tickets or self.dialogs.busy:
            return
        dialog = OtherPaymentDialog(formatting.money(s.refund_amount()), s.other_modes,
                                    self.buttons["cashButton"].window())
        self.dialogs.open(dialog, lambda: self.controller.refund(dialog.selected_mode(),
                                                                 dialog.reference_text()))

    def open_split(self) -> None:
        from pos.ui.refund.dialogs.split_refund import SplitRefundDialog

        s = self.session
        if not s.basket.tickets or self.dialogs.busy:
            return
        dialog = SplitRefundDialog(RefundSplit(s.refund_amount()), s.other_modes,
                                   self.buttons["cashButton"].window())
        self.dialogs.open(dialog, lambda: self.controller.settle(dialog.tenders()))

    def offer_split(self, available, tenders) -> None:
        """The drawer holds less than the cash refund: FRACTIONNER opens with what it holds
        in cash, the other lines as they were, and the rest to split (a credit note or
        another mode); the cashier confirms or changes it."""
        s = self.session
        if not s.basket.tickets or self.dialogs.busy:
            return
        from pos.ui.refund.dialogs.split_refund import SplitRefundDialog

        split = RefundSplit(s.refund_amount())
        cash = sum((t.amount for t in tenders if t.mode is PaymentMode.CASH), ZERO)
        others = [t for t in tenders if t.mode is not PaymentMode.CASH]
        if available > ZERO:
            split.add(PaymentMode.CASH, min(available, cash))
        for tender in others:
            split.add(tender.mode, tender.amount, tender.reference)
        dialog = SplitRefundDialog(split, s.other_modes, self.buttons["cashButton"].window())
        dialog.mode.setCurrentIndex(dialog.mode.findData(PaymentMode.CREDIT_NOTE))
        self.dialogs.open(dialog, lambda: self.controller.settle(dialog.tenders()))
