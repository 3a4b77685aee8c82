"""The payment modes as the cashier reads them (translated; French by default)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos.core.models import PaymentMode


def mode_label(mode: PaymentMode) -> str:
    labels = {
        PaymentMode.CASH: QCoreApplication.translate("PaymentModes", "Cash"),
        PaymentMode.CREDIT_NOTE: QCoreApplication.translate("PaymentModes", "Credit note"),
        PaymentMode.SUSPENSE_ACCOUNT: QCoreApplication.translate("PaymentModes",
                                                                 "Suspense account"),
        PaymentMode.CARD: QCoreApplication.translate("PaymentModes", "Bank card"),
        PaymentMode.CHEQUE: QCoreApplication.translate("PaymentModes", "Cheque"),
        PaymentMode.TRANSFER: QCoreApplication.translate("PaymentModes", "Transfer"),
        PaymentMode.OTHER: QCoreApplication.translate("PaymentModes", "Other"),
    }
    return labels[mode]


def other_modes(names: tuple[str, ...] | list[str]) -> list[PaymentMode]:
    """The configured ``[refunds] other_modes`` (already validated) as modes."""
    return [PaymentMode(name) for name in names]
