"""The scanners of the window: the keyboard-wedge filter on the application and, with
``[scanner] kind = "serial"``, the serial scanner, whose reader thread is queued to the
GUI thread here. Every scan goes to the one scan handler (the controller's ``scan``);
the status bar says whether the serial scanner is plugged in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from pos.config import ScannerConfig
from pos.devices.serial_scanner import ScannerLink, SerialScanner
from pos.ui.common.scan_target import deliver_scan
from pos.ui.scanning.wedge_filter import ScannerFilter

log = logging.getLogger(__name__)

#: The wedge filter listens to the whole application after this long at the latest.
LISTEN_LATEST_MS = 1000


class SerialScannerBridge(QObject):
    """Owns a SerialScanner; its callbacks (reader thread) become signals, which reach
    receivers in the GUI thread through queued connections."""

    sig_scanned = Signal(str)
    sig_link = Signal(bool)  # True: connected

    def __init__(self, config: ScannerConfig, parent: QObject | None = None,
                 **options) -> None:
        super().__init__(parent)
        self.scanner = SerialScanner(
            config.port, baudrate=config.baudrate, terminator=config.terminator,
            duplicate_window_ms=config.duplicate_window_ms,
            on_scan=self.sig_scanned.emit,
            on_link=lambda link: self.sig_link.emit(link is ScannerLink.CONNECTED),
            **options)

    def start(self) -> None:
        self.scanner.start()

    def sources(self) -> list:
        """The ``sig_scanned`` of each scanner (for a dialog that shows the next scan)."""
        return [s.sig_scanned for s in (self.wedge, self.serial) if s is not None]

    def stop(self) -> None:
        self.scanner.stop()


class ScannerHub(QObject):
    """Wires the configured scanners to ``window`` and ``handler``; stops them when the
    window closes."""

    sig_scanned = Signal(str)  # a scan handed to the handler

    def __init__(self, config: ScannerConfig, window: QMainWindow,
                 handler: Callable[[str], object], *,
                 say: Callable[[str, str], None] | None = None,
                 serial_options: dict | None = None, listen: bool = True) -> None:
        """``listen=False``: the keyboard-wedge filter waits for ``listen()``."""
        super().__init__(window)
        self.setObjectName("scannerHub")
        self._window = window
        self._handler = handler
        self._say = say or (lambda _text, _level: None)
        self._app = QApplication.instance()
        self.wedge = ScannerFilter(config, self)
        self.wedge.sig_scanned.connect(self._scanned)
        self.listening = False
        self._stopped = False
        self._early: QWidget | None = None
        if listen:
            self.listen()
        window.installEventFilter(self)
        self.serial: SerialScannerBridge | None = None
        self.status_label: QLabel | None = None
        if config.kind == "serial":
            self.status_label = QLabel(self.tr("Scanner: connecting…"), window.statusBar())
            self.status_label.setObjectName("scannerStatusLabel")
            window.statusBar().addPermanentWidget(self.status_label)
            self.serial = SerialScannerBridge(config, self, **(serial_options or {}))
            self.serial.sig_scanned.connect(self._scanned, Qt.ConnectionType.QueuedConnection)
            self.serial.sig_link.connect(self._link, Qt.ConnectionType.QueuedConnection)
            self.serial.start()

    def listen(self) -> None:
        """The wedge filter sees every event of the application from now on: keys
        reach it only through the event loop, so until the loop runs it has nothing to
        take, and each event it sees costs a call into Python."""
        if self.listening or self._stopped:
            return
        self._unwatch_early()
        self._app.installEventFilter(self.wedge)
        self.listening = True

    def _unwatch_early(self) -> None:
        if self._early is not None:
            self._app.focusChanged.disconnect(self._focus_changed)
            self._early.removeEventFilter(self.wedge)
            self._early = None

    def listen_when_ready(self, early: QWidget) -> None:
        """Until ``listen()`` (the window on the screen with ``early`` focused, see
        pos.ui.app), the wedge filter sees the events of ``early`` only: the scan field,
        which has the focus when the window opens. The focus on any other widget, or
        ``LISTEN_LATEST_MS``, makes it listen at once. The first frame is ~1,200 events to
        ~200 widgets: an application-wide filter is called for each, and PySide wraps every
        object it hands the filter that it has not seen yet (a search of Qt's type
        hierarchy each): ~25 ms of a cold start. Keys come from the window system to the
        focus widget, so until then only ``early`` could get one, and the filter takes it
        there the same way."""
        early.installEventFilter(self.wedge)
        self._early = early
        self._app.focusChanged.connect(self._focus_changed)
        QTimer.singleShot(LISTEN_LATEST_MS, self, self.listen)  # a window never shown
        self._focus_changed(None, QApplication.focusWidget())  # a dialog has it already

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new is not self._early:
            self.listen()

    @Slot(str)
    def _scanned(self, code: str) -> None:
        # A dialog open (a refund confirmation, a range to fill): the scan goes to the
        # scan field it declared, or is refused in it; it never changes the basket under
        # the open question, and its keys never reached the dialog's fields.
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self._window:
            delivered = deliver_scan(modal, code)
            log.info("scan %s %s %s", code, "into" if delivered else "refused by",
                     modal.objectName())
            return
        self.sig_scanned.emit(code)
        self._handler(code)

    @Slot(bool)
    def _link(self, connected: bool) -> None:
        if self.status_label is not None:
            self.status_label.setText(self.tr("Scanner: connected") if connected
                                      else self.tr("Scanner: unplugged"))

    def sources(self) -> list:
        """The ``sig_scanned`` of each scanner (for a dialog that shows the next scan)."""
        return [s.sig_scanned for s in (self.wedge, self.serial) if s is not None]

    def stop(self) -> None:
        self._stopped = True  # a window closed before it was ready never listens
        self._app.removeEventFilter(self.wedge)
        self._unwatch_early()
        self.wedge.flush()
        if self.serial is not None:
            self.serial.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self._window and event.type() == QEvent.Type.Close:
            self.stop()
        return False
