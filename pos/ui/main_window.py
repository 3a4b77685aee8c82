"""The main window: the "Échange - annulation" screen of the reference."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStatusBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pos import formatting
from pos.config import RefundsConfig
from pos.core.models import PaymentMode
from pos.core.services.refunds import SettlementResult
from pos.ui.contact.create import install_contact_create
from pos.ui.counter.basket_model import TICKET_NUMBER_ROLE, BasketModel
from pos.ui.counter.controller import ExchangeController
from pos.ui.counter.dialogs.supervisor_approval import SupervisorApprovalDialog
from pos.ui.counter.panels import (
    ContactPanel,
    DeliveryPanel,
    DocumentsPanel,
    PaymentReminderPanel,
    RemarksPanel,
    product_button,
)
from pos.ui.exchange.bar import install_exchange_bar
from pos.ui.exchange.settlement import install_exchange_settlement
from pos.ui.hold.view import install_hold_ui
from pos.ui.refund.info import RefundInfo
from pos.ui.refund.view import open_other_payment, open_split
from pos.ui.take_back.view import TakeBackUi


class MainWindow(QMainWindow):
    def __init__(self, controller: ExchangeController, causes: Sequence[str] = ()) -> None:
        """``causes``: the [refunds] causes of the configuration, for the cause list."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.controller = controller
        self.setWindowTitle(self.tr("Guichet - Exchange - cancellation"))
        self.resize(1280, 860)
        self._confirm: QMessageBox | None = None

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
        station = controller.station
        where = QLabel(f"{station.sales_point_name} > {station.counter_name} - "
                       f"{station.operator_login}", status)
        where.setObjectName("stationLabel")
        status.addWidget(where)
        self.setStatusBar(status)

        controller.sig_basket_changed.connect(self._basket_changed)
        controller.sig_message.connect(self.show_message)
        controller.sig_operation_number.connect(self._operation_number)
        controller.sig_settled.connect(self._settled)
        self.refund_info = RefundInfo(controller, self)
        self.refund_info.sig_reminder.connect(self.reminder_panel.show_reminder)
        self.refund_info.sig_contact_balance.connect(self.contact_panel.show_balance)
        controller.sig_approval_requested.connect(self._ask_approval)
        install_contact_create(self)  # AJOUTER in the contact panel
        self.take_back = TakeBackUi(self)  # AJOUTER BILLETS menu, Dossier, contacts
        # METTRE EN ATTENTE, ABANDONNER ORDRE, held list, notes, contact, documents
        install_hold_ui(self, causes or RefundsConfig().causes)
        install_exchange_bar(self)  # product bar, ÉCHANGÉ (PAR CONTACT), totals
        install_exchange_settlement(self)  # TOUT PAYER, delivery, tickets printed later
        controller.print_queue.sig_job_done.connect(self._printed)
        controller.refresh_operation_number()
        self._basket_changed()
        self.scan_field.setFocus()

    # --- building -----------------------------------------------------------------

    def _side_panels(self) -> QWidget:
        side = QWidget(self)
        side.setObjectName("sidePanels")
        layout = QVBoxLayout(side)
        self.contact_panel = ContactPanel(side)
        layout.addWidget(self.contact_panel)
        layout.addWidget(DeliveryPanel(side))
        layout.addWidget(DocumentsPanel(side))
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
        self.scan_field.returnPressed.connect(self._scan_entered)
        scan_label.setBuddy(self.scan_field)
        scan_row.addWidget(scan_label)
        scan_row.addWidget(self.scan_field, 1)
        layout.addLayout(scan_row)

        self.basket_title = QLabel(self.tr("Cancellation basket"), part)
        self.basket_title.setObjectName("basketTitle")
        self.basket_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.basket_title)

        toolbar = QHBoxLayout()
        add = QPushButton(self.tr("ADD TICKETS"), part)
        add.setObjectName("addTicketsButton")
        add.clicked.connect(lambda: self.scan_field.setFocus())
        self.refund_fees = QCheckBox(self.tr("Refund the simple fees"), part)
        self.refund_fees.setObjectName("refundFeesCheck")
        self.refund_fees.toggled.connect(self.controller.set_refund_fees)
        remove = QPushButton(self.tr("REMOVE"), part)
        remove.setObjectName("removeButton")
        remove.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        remove.clicked.connect(self._remove_selected)
        toolbar.addWidget(add)
        toolbar.addWidget(self.refund_fees)
        toolbar.addWidget(remove)
        toolbar.addStretch()
        layout.addLayout(toolbar)

        self.basket_model = BasketModel(self)
        self.basket_view = QTreeView(part)
        self.basket_view.setObjectName("basketView")
        self.basket_view.setModel(self.basket_model)
        self.basket_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.basket_view.setUniformRowHeights(True)
        self.basket_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addWidget(self.basket_view, 2)

        self.refund_subtotal = self._amount_row(layout, self.tr("Refunded subtotal"),
                                                "refundSubtotalLabel")

        products = QHBoxLayout()
        for text, name in (
            (self.tr("COMPOUND PRODUCT"), "compoundProductButton"),
            (self.tr("AUTO-EXCHANGE"), "autoExchangeButton"),
            (self.tr("EVENT"), "eventButton"),
            (self.tr("SUBSCRIPTION"), "subscriptionButton"),
            (self.tr("PACKAGES"), "packagesButton"),
            (self.tr("OTHER PRODUCTS"), "otherProductsButton"),
            (self.tr("BENEFITS"), "benefitsButton"),
        ):
            products.addWidget(product_button(part, text, name))
        products.addStretch()
        layout.addLayout(products)

        exchanged = QLabel(self.tr("EXCHANGED (BY CONTACT)"), part)
        exchanged.setStyleSheet("font-weight: bold;")
        layout.addWidget(exchanged)
        self.exchange_view = QTreeView(part)
        self.exchange_view.setObjectName("exchangeView")
        self.exchange_model = BasketModel(self)
        self.exchange_view.setModel(self.exchange_model)
        self.exchange_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
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
        self.cause.addItem(self.tr("Exchange"), "exchange")
        request_row.addWidget(QLabel(self.tr("Requested"), part))
        request_row.addWidget(self.requested_by)
        request_row.addWidget(QLabel(self.tr("Cause"), part))
        request_row.addWidget(self.cause)
        request_row.addStretch()
        hold = QPushButton(self.tr("PUT ON HOLD"), part)
        hold.setObjectName("holdButton")
        hold.setEnabled(False)
        abandon = QPushButton(self.tr("ABANDON OPERATION"), part)
        abandon.setObjectName("abandonButton")
        self.operation_number = QLabel("", part)
        self.operation_number.setObjectName("operationNumberLabel")
        request_row.addWidget(hold)
        request_row.addWidget(abandon)
        request_row.addWidget(self.operation_number)
        layout.addLayout(request_row)
        layout.addWidget(RemarksPanel(part))
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
        pay_all = QPushButton(self.tr("Pay everything"), bar)
        pay_all.setObjectName("payAllButton")
        pay_all.setEnabled(False)
        layout.addWidget(pay_all)
        layout.addStretch()
        layout.addWidget(QLabel(self.tr("Refund:"), bar))

        def settle_button(text: str, key: str, name: str, mode: PaymentMode | None) -> QPushButton:
            button = QPushButton(f"{text} [{key}]", bar)
            button.setObjectName(name)
            button.setShortcut(QKeySequence(key))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if mode is None:
                button.setEnabled(False)
            else:
                button.clicked.connect(lambda: self.ask_refund(mode))
            layout.addWidget(button)
            return button

        self.cash_button = settle_button(self.tr("CASH"), "F9", "cashButton", PaymentMode.CASH)
        other = settle_button(self.tr("OTHER PAYMENT"), "F12", "otherPaymentButton", None)
        other.clicked.connect(lambda: open_other_payment(self))
        split = settle_button(self.tr("SPLIT"), "F8", "splitRefundButton", None)
        split.clicked.connect(lambda: open_split(self))
        self.refund_buttons = [
            self.cash_button,
            settle_button(self.tr("CREDIT NOTE"), "F10", "creditNoteButton",
                          PaymentMode.CREDIT_NOTE),
            settle_button(self.tr("SUSPENSE ACCOUNT"), "F11", "suspenseButton",
                          PaymentMode.SUSPENSE_ACCOUNT),
            other,
            split,
        ]
        layout.insertWidget(layout.indexOf(other), self.refund_buttons[1])
        layout.insertWidget(layout.indexOf(other), self.refund_buttons[2])
        return bar

    # --- reacting -----------------------------------------------------------------

    @Slot()
    def _scan_entered(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        if text.strip():
            self.controller.scan(text)

    @Slot()
    def _basket_changed(self) -> None:
        basket = self.controller.basket
        groups = basket.groups()
        self.basket_model.set_groups(groups)
        self.basket_view.expandToDepth(1)
        for column in range(1, self.basket_model.columnCount()):
            self.basket_view.resizeColumnToContents(column)
        self.basket_view.setColumnWidth(0, max(self.basket_view.columnWidth(0), 360))
        totals = self.controller.exchange.totals()  # sold - refunded
        self.refund_subtotal.setText(formatting.money(totals.refunded))
        self.sold_subtotal.setText(formatting.money(totals.sold))
        self.total.setText(formatting.money(totals.total))
        if groups:
            self.basket_title.setText(self.tr("Order %1").replace(
                "%1", ", ".join(str(g.order_number) for g in groups)))
            self.contact_panel.show_contact(groups[0].contact_name)
        else:
            self.basket_title.setText(self.tr("Cancellation basket"))
            self.contact_panel.show_contact("")
        if self.refund_fees.isChecked() != basket.refund_fees:
            self.refund_fees.blockSignals(True)
            self.refund_fees.setChecked(basket.refund_fees)
            self.refund_fees.blockSignals(False)
        for button in self.refund_buttons:
            button.setEnabled(bool(basket.tickets))

    @Slot(str, str)
    def show_message(self, text: str, level: str) -> None:
        color = "#b00020" if level == "error" else "#1b5e20"
        self.message.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.message.setText(text)

    @Slot(int)
    def _operation_number(self, number: int) -> None:
        self.operation_number.setText(self.tr("[Operation %1]").replace("%1", str(number)))

    def _remove_selected(self) -> None:
        numbers: set[str] = set()
        for index in self.basket_view.selectionModel().selectedRows(0):
            numbers.update(index.data(TICKET_NUMBER_ROLE) or [])
        self.controller.remove(sorted(numbers))

    @Slot(str, str)
    def _ask_approval(self, raw: str, reason: str) -> None:
        if self.findChild(SupervisorApprovalDialog, "supervisorApprovalDialog") is not None:
            return
        dialog = SupervisorApprovalDialog(reason, self)

        def answered(result: int) -> None:
            login, pin = dialog.login.text(), dialog.pin.text()
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                self.controller.approve_and_scan(raw, login, pin)
            self.activateWindow()
            self.scan_field.setFocus()

        dialog.finished.connect(answered)
        dialog.open()

    def ask_refund(self, mode: PaymentMode) -> None:
        basket = self.controller.basket
        if not basket.tickets or self._confirm is not None:
            return
        question = {
            PaymentMode.CASH: self.tr("Refund %1 in cash for %n ticket(s)?", "", len(basket)),
            PaymentMode.CREDIT_NOTE: self.tr("Refund %1 as a credit note for %n ticket(s)?", "",
                                             len(basket)),
            PaymentMode.SUSPENSE_ACCOUNT: self.tr(
                "Refund %1 to the suspense account for %n ticket(s)?", "", len(basket)),
        }[mode]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Refund"),
                          question.replace("%1",
                                           formatting.money(self.controller.refund_amount())),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Refund"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        self._confirm = box

        def answered(result: int) -> None:
            self._confirm = None
            box.deleteLater()
            if result == QMessageBox.StandardButton.Yes:
                self.controller.refund(mode)
            self.scan_field.setFocus()

        box.finished.connect(answered)
        box.open()

    @Slot(object)
    def _settled(self, result: SettlementResult) -> None:
        self.scan_field.setFocus()

    @Slot(str)
    def _printed(self, name: str) -> None:
        self.statusBar().showMessage(self.tr("Printed: %1").replace("%1", name), 5000)

    def set_printer_status(self, text: str) -> None:
        self.printer_status.setText(text)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.controller.print_queue.stop()
        super().closeEvent(event)
