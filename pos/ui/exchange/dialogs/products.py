"""ABONNEMENT [Alt+B], PACKAGES [Alt+P], AUTRES PRODUITS [Alt+O], AVANTAGES [Alt+V]: one
dialog, filtered by the kind of product. Each product shows its price and, when counted,
its stock; a subscription or package what it contains; a benefit the tariff it gives.
Enter adds the product in the quantity chosen and closes; a refusal (stock, no seat left)
stays in the dialog (``productMessageLabel``).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos import formatting
from pos.core.models_catalog import ProductKind
from pos.core.services.catalog import ProductOffer
from pos.ui.exchange.dialogs.event_sale import QuantitySpin
from pos.ui.keys import ENTER as ENTER_KEYS


class ProductIntents(Protocol):
    """What the dialog asks of its caller (the exchange's sale controller)."""

    last_error: str

    def products(self, kind: ProductKind | None = None) -> list[ProductOffer]: ...
    def add_product(self, product_id: int, quantity: int = 1) -> object: ...


def kind_title(kind: ProductKind) -> str:
    return {
        ProductKind.SUBSCRIPTION: QCoreApplication.translate("ProductDialog", "Subscriptions"),
        ProductKind.PACKAGE: QCoreApplication.translate("ProductDialog", "Packages"),
        ProductKind.OTHER: QCoreApplication.translate("ProductDialog", "Other products"),
        ProductKind.BENEFIT: QCoreApplication.translate("ProductDialog", "Benefits"),
    }[kind]


def offer_text(offer: ProductOffer) -> str:
    text = f"{offer.name} - {formatting.money(offer.price)}"
    if offer.stock is not None:
        text += " " + QCoreApplication.translate("ProductDialog", "(stock: %1)").replace(
            "%1", str(offer.stock))
    if offer.grants_tariff:
        text += " " + QCoreApplication.translate("ProductDialog", "- gives the tariff %1") \
            .replace("%1", offer.grants_tariff)
    return text


class ProductDialog(QDialog):
    def __init__(self, ui: ProductIntents, kind: ProductKind,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.kind = ui, kind
        self.setObjectName("productDialog")
        self.setWindowTitle(kind_title(kind))
        self.resize(520, 380)
        layout = QVBoxLayout(self)
        self.products = QListWidget(self)
        self.products.setObjectName("productList")
        for offer in ui.products(kind):
            item = QListWidgetItem(offer_text(offer), self.products)
            item.setData(Qt.ItemDataRole.UserRole, offer.product_id)
            if offer.contents:
                item.setToolTip("\n".join(offer.contents))
                item.setText(item.text() + "\n    " + "\n    ".join(offer.contents))
        layout.addWidget(self.products, 1)
        form = QFormLayout()
        self.quantity = QuantitySpin(self)
        self.quantity.setObjectName("productQuantitySpin")
        self.quantity.setRange(1, 999)
        form.addRow(self.tr("Quantity"), self.quantity)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setObjectName("productMessageLabel")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch()
        self.add_button = QPushButton(self.tr("ADD [Enter]"), self)
        self.add_button.setObjectName("productAddButton")
        close = QPushButton(self.tr("Close [Esc]"), self)
        close.setObjectName("productCloseButton")
        for button in (self.add_button, close):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add)
        close.clicked.connect(self.reject)
        self.products.itemDoubleClicked.connect(lambda _item: self.add())
        if self.products.count():
            self.products.setCurrentRow(0)
        else:
            self.add_button.setEnabled(False)
            self.message.setText(self.ui.last_error or self.tr("No product of this kind on sale."))
        self.products.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in ENTER_KEYS:
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus is not self.add_button:
                focus.click()
            else:
                self.add()
            return
        super().keyPressEvent(event)

    def add(self) -> None:
        item = self.products.currentItem()
        if item is None or not self.add_button.isEnabled():
            return
        line = self.ui.add_product(item.data(Qt.ItemDataRole.UserRole), self.quantity.value())
        if line is None:
            self.message.setText(self.ui.last_error)
            return
        self.accept()
