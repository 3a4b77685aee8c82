"""The devices' part of the main window: the "Devices" menu, the printer state and the
"Réessayer" button in the status bar, the no-sale opening, the print-jobs and settings
dialogs, which open through the window's one dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton

from pos.devices.status import DrawerState, PrinterStatus
from pos.ui import keys
from pos.ui.common.modal import OneDialog
from pos.ui.devices.controller import DevicesController

# Dialogs are imported when they first open, not at start: the window starts on the
# scan field (together the dialogs of the window are ~30 ms of a cold start).
if TYPE_CHECKING:
    from pos.ui.devices.dialogs.print_jobs import PrintJobsDialog


PRINT_JOBS_KEY = keys.PRINT_JOBS
NO_SALE_KEY = keys.NO_SALE
SETTINGS_KEY = keys.DEVICE_SETTINGS


class DeviceUi(QObject):
    """Owns the device widgets of one window."""

    def __init__(self, window: QMainWindow, devices: DevicesController, dialogs: OneDialog,
                 *, say: Callable[[str, str], None], set_printer_status: Callable[[str], None],
                 scan_sources: Sequence = ()) -> None:
        super().__init__(window)
        self.window, self.devices, self.dialogs = window, devices, dialogs
        self._say, self._set_printer_status = say, set_printer_status
        self.scan_sources = list(scan_sources)  # for "Scanner maintenant"
        queue = devices.print_queue
        self.print_jobs_dialog: PrintJobsDialog | None = None

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
        self.retry_button.clicked.connect(lambda: devices.retry_failed())
        keys.bind_button(self.retry_button, keys.RETRY_PRINTING)
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
        devices.sig_mail_attention.connect(self._mail_attention)
        devices.sig_message.connect(say)
        queue.sig_job_done.connect(self._printed)
        self._pending = 0
        self._failed_mails = 0
        queue.request_status()  # the worker may have spoken before we listened
        if devices.mail_queue is not None:
            devices.mail_queue.wake()  # likewise: it counts the failed e-mails again

    def _action(self, menu, text: str, name: str, key: str, slot) -> QAction:
        action = keys.bind_action(self.window, key, name, slot, text)
        menu.addAction(action)
        return action

    def _printed(self, name: str) -> None:
        self.window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Printed: %1").replace("%1", name), 5000)

    def _printer_status(self, status: PrinterStatus) -> None:
        self._set_printer_status(status.label)

    def _drawer_state(self, state: DrawerState) -> None:
        # The labels are the cashier's words already (pos.devices.status.DrawerState).
        self.drawer_label.setText(state.label)

    def _mail_attention(self, failed: int) -> None:
        self._failed_mails = failed
        self._attention(self._pending)

    def _attention(self, pending: int) -> None:
        """``pending``: print jobs failed or waiting for the cashier; with the failed
        e-mails, "Réessayer : 2 impressions, 1 e-mail en échec"."""
        self._pending, mails = pending, self._failed_mails
        visible = pending > 0 or mails > 0 or self.devices.print_queue.paused
        self.retry_button.setVisible(visible)
        if mails:
            parts = [self.tr("%n print(s)", "", pending)] if pending else []
            parts.append(self.tr("%n e-mail(s)", "", mails))
            text = self.tr("Retry: %1 failed").replace("%1", ", ".join(parts))
        elif pending:
            text = self.tr("Retry printing (%1)").replace("%1", str(pending))
        else:
            text = self.tr("Retry printing")
        # setText drops a button's shortcut (Qt takes the text's mnemonic): bound again
        self.retry_button.setText(text)
        keys.bind_button(self.retry_button, keys.RETRY_PRINTING)

    def show_print_jobs(self) -> None:
        from pos.ui.devices.dialogs.print_jobs import PrintJobsDialog

        if self.print_jobs_dialog is None:
            self.print_jobs_dialog = PrintJobsDialog(self.devices, self.window)
        else:
            self.print_jobs_dialog.refresh()
        # Kept between openings: the cashier finds the job selected last time. Active at
        # once: its keys (Ctrl+P prints a failed e-mail instead) are the next ones pressed.
        self.dialogs.open(self.print_jobs_dialog, keep=True, activate=True)

    def show_settings(self) -> None:
        from pos.ui.devices.dialogs.device_settings import DeviceSettingsDialog

        self.dialogs.open(DeviceSettingsDialog(self.devices, self.window,
                                               scan_sources=self.scan_sources))

    def ask_no_sale(self) -> None:
        from pos.ui.devices.dialogs.no_sale import NoSaleDialog

        dialog = NoSaleDialog(self.window)
        self.dialogs.open(dialog, lambda: self.devices.no_sale(dialog.reason_text()))
