"""FRACTIONNER [F8]: one refund split across several modes before it is confirmed.

The cashier adds lines (mode + amount); the amount field is prefilled with the rest.
Enter in the amount field adds the line; once the lines add up to the refund, Enter
(or the Refund button) confirms. The sums come from the core's ``RefundSplit``; the
settlement checks them again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pos import formatting
from pos.core.models import PaymentMode
from pos.core.refund_split import RefundSplit
from pos.ui.common.tender_lines import TenderLinesDialog

BASE_MODES = [PaymentMode.CASH, PaymentMode.CREDIT_NOTE, PaymentMode.SUSPENSE_ACCOUNT]


class SplitRefundDialog(TenderLinesDialog):
    def __init__(self, split: RefundSplit, other_modes: list[PaymentMode],
                 parent: QWidget | None = None) -> None:
        # QCoreApplication.translate, not self.tr: the QObject is not built yet.
        super().__init__(
            split, BASE_MODES + [m for m in other_modes if m not in BASE_MODES],
            prefix="split",
            title=QCoreApplication.translate("SplitRefundDialog", "Split the refund"),
            total_text=QCoreApplication.translate("SplitRefundDialog", "To refund: %1"),
            total_name="splitTotalLabel",
            confirm_text=QCoreApplication.translate("SplitRefundDialog", "Refund"),
            confirm_name="splitConfirmButton",
            reference_hint=QCoreApplication.translate("SplitRefundDialog",
                                                      "Reference (optional)"),
            parent=parent)
        self.setObjectName("splitRefundDialog")

    def rest_text(self, rest) -> str:
        return self.tr("Rest to split: %1").replace("%1", formatting.money(rest))
