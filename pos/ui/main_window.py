"""The main window: the "Échange - annulation" screen of the reference, layout only.

It builds and places the widgets, each with its objectName, and connects nothing: the
composition root (``pos.ui.app``) hands each widget to the one feature that owns it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStatusBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pos.ui.common.modal import OneDialog
from pos.ui.contact.panel import ContactPanel
from pos.ui.counter.panels import DeliveryPanel, DocumentsPanel, RemarksPanel
from pos.ui.refund.panel import PaymentReminderPanel


def _button(parent: QWidget, text: str, name: str, enabled: bool = True) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setEnabled(enabled)
    return button


class MainWindow(QMainWindow):
    sig_closing = Signal()

    def __init__(self, station_text: str = "") -> None:
        """``station_text``: "sales point > counter - operator" for the status bar."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Guichet - Exchange - cancellation"))
        self.resize(1280, 860)
        # The one dialog open at a time, for every feature (see pos.ui.common.modal).
        self.dialogs = OneDialog(self, self.back_to_scan)

        central = QWidget(self)
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        title = QLabel(self.tr("Exchange - cancellation"), central)
        title.setObjectName("screenTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        outer.addWidget(title)

        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        outer.addWidget(splitter, 1)
        splitter.addWidget(self._side_panels())
        splitter.addWidget(self._basket_part())
        splitter.setStretchFactor(1, 3)
        outer.addWidget(self._settlement_bar())

        self.message = QLabel("", central)
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)

        status = QStatusBar(self)
        status.setObjectName("statusBar")
        self.printer_status = QLabel(self.tr("Printer: unknown state"), status)
        self.printer_status.setObjectName("printerStatusLabel")
        status.addPermanentWidget(self.printer_status)
        where = QLabel(station_text, status)
        where.setObjectName("stationLabel")
        status.addWidget(where)
        self.setStatusBar(status)
        self.scan_field.setFocus()

    @property
    def _confirm(self):
        """The dialog open now, or None (kept for the tests that wait on it)."""
        return self.dialogs.current

    # --- building -----------------------------------------------------------------

    def _side_panels(self) -> QWidget:
        side = QWidget(self)
        side.setObjectName("sidePanels")
        layout = QVBoxLayout(side)
        self.contact_panel = ContactPanel(side)
        layout.addWidget(self.contact_panel)
        self.delivery_panel = DeliveryPanel(side)
        layout.addWidget(self.delivery_panel)
        self.documents_panel = DocumentsPanel(side)
        layout.addWidget(self.documents_panel)
        self.reminder_panel = PaymentReminderPanel(side)
        layout.addWidget(self.reminder_panel)
        layout.addStretch()
        return side

    def _basket_part(self) -> QWidget:
        part = QWidget(self)
        layout = QVBoxLayout(part)

        scan_row = QHBoxLayout()
        scan_label = QLabel(self.tr("Ticket number"), part)
        self.scan_field = QLineEdit(part)
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(self.tr("Scan or type a ticket number, then Enter"))
        # Long garbage from a misconfigured scanner is cut here, the core says what it read.
        self.scan_field.setMaxLength(256)
        scan_label.setBuddy(self.scan_field)
        scan_row.addWidget(scan_label)
        scan_row.addWidget(self.scan_field, 1)
        layout.addLayout(scan_row)

        self.basket_title = QLabel(self.tr("Cancellation basket"), part)
        self.basket_title.setObjectName("basketTitle")
        self.basket_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.basket_title)

        toolbar = QHBoxLayout()
        self.add_tickets = _button(part, self.tr("ADD TICKETS"), "addTicketsButton")
        self.order_button = _button(
            part, QCoreApplication.translate("TakeBackUi", "Order [Ctrl+Alt+F]"),
            "orderSearchButton")
        self.order_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refund_fees = QCheckBox(self.tr("Refund the simple fees"), part)
        self.refund_fees.setObjectName("refundFeesCheck")
        self.remove_button = _button(part, self.tr("REMOVE"), "removeButton")
        toolbar.addWidget(self.add_tickets)
        toolbar.addWidget(self.order_button)
        toolbar.addWidget(self.refund_fees)
        toolbar.addWidget(self.remove_button)
        # A supervisor waives the cancellation fees the basket shows (issue 10).
        self.waive_fees_button = _button(part, self.tr("WAIVE FEES"), "waiveFeesButton")
        toolbar.addWidget(self.waive_fees_button)
        toolbar.addStretch()
        layout.addLayout(toolbar)

        self.basket_view = QTreeView(part)
        self.basket_view.setObjectName("basketView")
        self.basket_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.basket_view.setUniformRowHeights(True)
        self.basket_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addWidget(self.basket_view, 2)

        self.refund_subtotal = self._amount_row(layout, self.tr("Refunded subtotal"),
                                                "refundSubtotalLabel")

        products = QHBoxLayout()
        self.product_buttons: dict[str, QPushButton] = {}
        for text, name in (
            (self.tr("COMPOUND PRODUCT"), "compoundProductButton"),
            (self.tr("AUTO-EXCHANGE"), "autoExchangeButton"),
            (self.tr("EVENT"), "eventButton"),
            (self.tr("SUBSCRIPTION"), "subscriptionButton"),
            (self.tr("PACKAGES"), "packagesButton"),
            (self.tr("OTHER PRODUCTS"), "otherProductsButton"),
            (self.tr("BENEFITS"), "benefitsButton"),
        ):
            # Disabled until the exchange feature enables them (a compound product is
            # not sold yet).
            self.product_buttons[name] = _button(part, text, name, enabled=False)
            products.addWidget(self.product_buttons[name])
        products.addStretch()
        layout.addLayout(products)

        exchanged = QLabel(self.tr("EXCHANGED (BY CONTACT)"), part)
        exchanged.setStyleSheet("font-weight: bold;")
        layout.addWidget(exchanged)
        remove_row = QHBoxLayout()
        self.exchange_remove = _button(part, QCoreApplication.translate("ExchangeBar", "REMOVE"),
                                       "exchangeRemoveButton")
        remove_row.addWidget(self.exchange_remove)
        remove_row.addStretch()
        layout.addLayout(remove_row)
        self.exchange_view = QTreeView(part)
        self.exchange_view.setObjectName("exchangeView")
        self.exchange_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.exchange_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.exchange_view.setUniformRowHeights(True)
        layout.addWidget(self.exchange_view, 1)
        self.sold_subtotal = self._amount_row(layout, self.tr("Sold subtotal"),
                                              "soldSubtotalLabel")

        total_row = QHBoxLayout()
        total_caption = QLabel(self.tr("Total"), part)
        total_caption.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.total = QLabel("", part)
        self.total.setObjectName("totalLabel")
        self.total.setStyleSheet("font-size: 14pt; font-weight: bold;")
        total_row.addStretch()
        total_row.addWidget(total_caption)
        total_row.addWidget(self.total)
        layout.addLayout(total_row)

        request_row = QHBoxLayout()
        self.requested_by = QComboBox(part)
        self.requested_by.setObjectName("requestedByCombo")
        self.requested_by.addItem(self.tr("by the public"), "public")
        self.requested_by.addItem(self.tr("by the organiser"), "organiser")
        self.cause = QComboBox(part)
        self.cause.setObjectName("causeCombo")
        request_row.addWidget(QLabel(self.tr("Requested"), part))
        request_row.addWidget(self.requested_by)
        request_row.addWidget(QLabel(self.tr("Cause"), part))
        request_row.addWidget(self.cause)
        request_row.addStretch()
        self.hold_button = _button(part, self.tr("PUT ON HOLD"), "holdButton", enabled=False)
        self.held_button = _button(
            part, QCoreApplication.translate("HoldUi", "OPERATIONS ON HOLD"),
            "heldOperationsButton")
        self.abandon_button = _button(part, self.tr("ABANDON OPERATION"), "abandonButton")
        self.operation_number = QLabel("", part)
        self.operation_number.setObjectName("operationNumberLabel")
        request_row.addWidget(self.hold_button)
        request_row.addWidget(self.held_button)
        request_row.addWidget(self.abandon_button)
        request_row.addWidget(self.operation_number)
        layout.addLayout(request_row)
        self.remarks_panel = RemarksPanel(part)
        layout.addWidget(self.remarks_panel)
        return part

    def _amount_row(self, layout: QVBoxLayout, caption: str, name: str) -> QLabel:
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(QLabel(caption, self))
        value = QLabel("", self)
        value.setObjectName(name)
        value.setStyleSheet("font-weight: bold;")
        row.addWidget(value)
        layout.addLayout(row)
        return value

    def _settlement_bar(self) -> QWidget:
        bar = QFrame(self)
        bar.setObjectName("settlementBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(bar)
        layout.addWidget(QLabel(self.tr("Exchange / sale:"), bar))
        self.pay_all = _button(bar, self.tr("Pay everything"), "payAllButton", enabled=False)
        layout.addWidget(self.pay_all)
        layout.addStretch()
        layout.addWidget(QLabel(self.tr("Refund:"), bar))
        self.refund_buttons: dict[str, QPushButton] = {}
        for text, name in (
            (self.tr("CASH"), "cashButton"),
            (self.tr("CREDIT NOTE"), "creditNoteButton"),
            (self.tr("SUSPENSE ACCOUNT"), "suspenseButton"),
            (self.tr("OTHER PAYMENT"), "otherPaymentButton"),
            (self.tr("SPLIT"), "splitRefundButton"),
        ):
            self.refund_buttons[name] = _button(bar, text, name)
            layout.addWidget(self.refund_buttons[name])
        return bar

    # --- what every feature may do with the window ------------------------------------

    @Slot()
    def back_to_scan(self) -> None:
        """After a dialog: the keys go to the scan field again."""
        self.activateWindow()
        self.scan_field.setFocus()

    @Slot(str, str)
    def show_message(self, text: str, level: str) -> None:
        color = "#b00020" if level == "error" else "#1b5e20"
        self.message.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.message.setText(text)

    @Slot(str)
    def set_printer_status(self, text: str) -> None:
        self.printer_status.setText(text)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.sig_closing.emit()  # the print worker stops before the window goes
        super().closeEvent(event)
