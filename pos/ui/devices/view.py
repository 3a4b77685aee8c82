"""The devices' part of the main window: the "Devices" menu, the printer state and the
"Réessayer" button in the status bar, the no-sale opening, the print-jobs and settings
dialogs. ``install_device_ui`` wires them to a MainWindow without the window knowing."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton

from pos.devices.status import DrawerState, PrinterStatus
from pos.ui.devices.controller import DevicesController
from pos.ui.devices.dialogs.device_settings import DeviceSettingsDialog
from pos.ui.devices.dialogs.no_sale import NoSaleDialog
from pos.ui.devices.dialogs.print_jobs import PrintJobsDialog

PRINT_JOBS_KEY = "Ctrl+J"
NO_SALE_KEY = "Ctrl+T"
SETTINGS_KEY = "Ctrl+Shift+P"


class DeviceUi(QObject):
    """Owns the device widgets of one window."""

    def __init__(self, window: QMainWindow, devices: DevicesController) -> None:
        super().__init__(window)
        self.window, self.devices = window, devices
        queue = devices.print_queue
        self.print_jobs_dialog: PrintJobsDialog | None = None
        self.settings_dialog: DeviceSettingsDialog | None = None
        self.no_sale_dialog: NoSaleDialog | None = None

        menu = window.menuBar().addMenu(self.tr("&Devices"))
        menu.setObjectName("devicesMenu")
        self.print_jobs_action = self._action(menu, self.tr("Print jobs..."), "printJobsAction",
                                              PRINT_JOBS_KEY, self.show_print_jobs)
        self.no_sale_action = self._action(menu, self.tr("Open the drawer (no sale)..."),
                                           "noSaleAction", NO_SALE_KEY, self.ask_no_sale)
        self.settings_action = self._action(menu, self.tr("Device settings..."),
                                            "deviceSettingsAction", SETTINGS_KEY,
                                            self.show_settings)

        status = window.statusBar()
        self.retry_button = QPushButton(self.tr("Retry printing"), status)
        self.retry_button.setObjectName("retryPrintButton")
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(lambda: devices.retry_printing())
        status.addPermanentWidget(self.retry_button)
        jobs = QPushButton(self.tr("PRINTS") + f" [{PRINT_JOBS_KEY}]", status)
        jobs.setObjectName("printJobsButton")
        jobs.clicked.connect(self.show_print_jobs)
        status.addPermanentWidget(jobs)
        no_sale = QPushButton(self.tr("DRAWER") + f" [{NO_SALE_KEY}]", status)
        no_sale.setObjectName("noSaleButton")
        no_sale.clicked.connect(self.ask_no_sale)
        status.addPermanentWidget(no_sale)
        self.drawer_label = QLabel("", status)
        self.drawer_label.setObjectName("drawerStatusLabel")
        status.addPermanentWidget(self.drawer_label)
        for button in (self.retry_button, jobs, no_sale):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        queue.sig_printer_status.connect(self._printer_status)
        queue.sig_drawer_state.connect(self._drawer_state)
        queue.sig_attention.connect(self._attention)
        queue.sig_paused.connect(lambda: self._attention(self._pending))
        devices.sig_message.connect(self._message)
        self._pending = 0
        queue.request_status()  # the worker may have spoken before we listened

    def _action(self, menu, text: str, name: str, key: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.window.addAction(action)
        return action

    def _message(self, text: str, level: str) -> None:
        show = getattr(self.window, "show_message", None)
        if show is not None:
            show(text, level)

    def _printer_status(self, status: PrinterStatus) -> None:
        self.window.set_printer_status(status.label)

    def _drawer_state(self, state: DrawerState) -> None:
        # The labels are the cashier's words already (pos.devices.status.DrawerState).
        self.drawer_label.setText(state.label)

    def _attention(self, pending: int) -> None:
        self._pending = pending
        visible = pending > 0 or self.devices.print_queue.paused
        self.retry_button.setVisible(visible)
        if pending:
            self.retry_button.setText(self.tr("Retry printing (%1)").replace("%1", str(pending)))
        else:
            self.retry_button.setText(self.tr("Retry printing"))

    def show_print_jobs(self) -> None:
        if self.print_jobs_dialog is None:
            self.print_jobs_dialog = PrintJobsDialog(self.devices, self.window)
        else:
            self.print_jobs_dialog.refresh()
        self.print_jobs_dialog.open()

    def show_settings(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
        self.settings_dialog = DeviceSettingsDialog(self.devices, self.window)
        self.settings_dialog.open()

    def ask_no_sale(self) -> None:
        if self.no_sale_dialog is not None:
            return
        dialog = NoSaleDialog(self.window)
        self.no_sale_dialog = dialog

        def answered(result: int) -> None:
            self.no_sale_dialog = None
            dialog.deleteLater()
            if result == NoSaleDialog.DialogCode.Accepted:
                self.devices.no_sale(dialog.reason_text())

        dialog.finished.connect(answered)
        dialog.open()


def install_device_ui(window: QMainWindow, devices: DevicesController) -> DeviceUi:
    ui = DeviceUi(window, devices)
    window.device_ui = ui  # type: ignore[attr-defined]
    return ui
