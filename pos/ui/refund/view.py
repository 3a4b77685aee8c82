"""The settlement bar's dialogs: AUTRE PAIEMENT [F12] and FRACTIONNER [F8]. Both are
non-blocking (``open()``); accepting one is the confirmation, and the controller settles.
Only one confirmation is ever open (``window._confirm``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from pos import formatting
from pos.core.refund_split import RefundSplit
from pos.ui.refund.dialogs.other_payment import OtherPaymentDialog
from pos.ui.refund.dialogs.split_refund import SplitRefundDialog

if TYPE_CHECKING:
    from pos.ui.main_window import MainWindow


def _show(window: MainWindow, dialog: QDialog, on_accept) -> None:
    window._confirm = dialog

    def finished(result: int) -> None:
        window._confirm = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            on_accept()
        window.scan_field.setFocus()

    dialog.finished.connect(finished)
    dialog.open()


def open_other_payment(window: MainWindow) -> None:
    controller = window.controller
    basket = controller.basket
    if not basket.tickets or window._confirm is not None:
        return
    dialog = OtherPaymentDialog(formatting.money(controller.refund_amount()),
                                controller.other_modes, window)
    _show(window, dialog,
          lambda: controller.refund(dialog.selected_mode(), dialog.reference_text()))


def open_split(window: MainWindow) -> None:
    controller = window.controller
    basket = controller.basket
    if not basket.tickets or window._confirm is not None:
        return
    dialog = SplitRefundDialog(RefundSplit(controller.refund_amount()), controller.other_modes,
                               window)
    _show(window, dialog, lambda: controller.settle(dialog.tenders()))
