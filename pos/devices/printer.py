"""The receipt printer as the window uses it: print documents, kick the drawer, ask the state.

Every method blocks (connect, write, status read: up to a few seconds), so the
window calls them off the GUI thread. A connection is opened per job and
closed right after: a network printer serves one TCP client at a time, and a
serial port held open would block the other programs of the desk.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from pos.config import DrawerConfig, PrinterConfig
from pos.core.documents import Document
from pos.core.i18n import lazy
from pos.devices.connections import (
    CupsConnection,
    FileConnection,
    NetworkConnection,
    PrinterConnection,
    SerialConnection,
    UsbConnection,
)
from pos.devices.drawer import kick_bytes
from pos.devices.errors import DeviceError, PrinterConfigError, PrinterNotReady, PrinterUnreachable
from pos.devices.escpos_render import render_many
from pos.devices.status import DrawerState, PrinterStatus, interpret_drawer

log = logging.getLogger(__name__)


def open_printer(config: PrinterConfig, file_path: Path) -> PrinterConnection | None:
    """The connection the configuration describes, NOT yet opened; None for "none".

    ``file_path`` is where the "file" connection writes when ``config.path`` is
    empty (``Config.printer_file_path``). Open it with ``open()`` or ``with``.
    """
    match config.connection:
        case "network":
            return NetworkConnection(config.host, config.port, timeout=config.timeout)
        case "serial":
            return SerialConnection(
                config.device,
                config.baudrate,
                flow_control=config.flow_control,
                timeout=config.timeout,
            )
        case "file":
            return FileConnection(Path(config.path) if config.path else file_path)
        case "usb":
            return UsbConnection(config.vendor_id, config.product_id, timeout=config.timeout)
        case "cups":
            return CupsConnection(config.cups_name, server=config.cups_server,
                                  timeout=config.timeout)
        case "none":
            return None
    raise PrinterConfigError(
        lazy("unknown connection “{connection}”", connection=config.connection))


class ReceiptPrinter:
    """Renders and sends jobs through a fresh connection each time.

    ``connection_factory`` returns an unopened connection (e.g.
    ``functools.partial(open_printer, config.printer, path)``). ``kick_pin`` is
    the drawer pin (2 or 5) when the drawer hangs on this printer, else None.
    Calls are serialised by a lock: a status poll never races a print job.
    """

    def __init__(
        self,
        connection_factory: Callable[[], PrinterConnection],
        *,
        paper_width: int = 80,
        profile: str = "default",
        kick_pin: int | None = None,
        drawer_open_level: str = "low",
    ) -> None:
        self._factory = connection_factory
        self.paper_width, self.profile, self.kick_pin = paper_width, profile, kick_pin
        self._lock = threading.Lock()
        self._last_status: PrinterStatus | None = None
        self.drawer_open_level = drawer_open_level
        self._last_drawer = DrawerState.UNKNOWN
        self._last_traffic: list[str] = []

    @property
    def last_status(self) -> PrinterStatus:
        """The state seen by the last call (UNKNOWN before any, or on write-only links)."""
        return self._last_status or PrinterStatus.UNKNOWN

    def recent_traffic(self) -> list[str]:
        """The last exchanges of the last connection, for a support log."""
        return list(self._last_traffic)

    def print_documents(self, documents: Iterable[Document], *, open_drawer: bool = False) -> None:
        """Print the documents as one job, kicking the drawer at the end if asked.

        Raises DocumentNotPrintable / PrinterConfigError before anything is sent,
        PrinterUnreachable if the link fails (or breaks right after the job),
        PrinterNotReady if the printer says after the job that it cannot print
        (paper out, cover open, offline): the job may need a reprint.
        A printer that does not answer status requests is not an error here
        (some adapters never answer): ``last_status`` says UNREACHABLE and it is logged.
        """
        kick = self.kick_pin if open_drawer else None
        job = render_many(
            documents, paper_width=self.paper_width, profile=self.profile, kick_pin=kick
        )
        with self._lock:
            self._run(job, check_after=True)

    def open_drawer(self) -> None:
        """Kick the drawer through the printer, without printing."""
        if self.kick_pin is None:
            raise PrinterConfigError(lazy("no cash drawer is plugged into the printer"))
        with self._lock:
            self._run(kick_bytes(self.kick_pin), check_after=False)

    @property
    def last_drawer(self) -> DrawerState:
        """The drawer's sensor at the last status read (UNKNOWN where not reported)."""
        return self._last_drawer

    def status(self) -> PrinterStatus:
        """Ask the printer its state; never raises DeviceError (UNREACHABLE / UNKNOWN instead)."""
        with self._lock:
            connection = None
            try:
                connection = self._factory()
                with connection:
                    status = connection.read_status()
            except PrinterUnreachable:
                status = PrinterStatus.UNREACHABLE
            except DeviceError as exc:  # e.g. a missing pyusb: the poll must not crash
                log.warning("état de l'imprimante illisible : %s", exc)
                status = PrinterStatus.UNKNOWN
            if connection is not None:
                self._last_traffic = connection.traffic.lines()
                self._last_drawer = interpret_drawer(connection.last_replies,
                                                     self.drawer_open_level)
            self._note(status, connection)
            return status

    def _run(self, job: bytes, *, check_after: bool) -> None:
        connection = self._factory()
        status = PrinterStatus.UNKNOWN
        try:
            with connection:
                connection.write(job)
                if check_after and connection.can_read:
                    # A written job is not a printed job: ask right after it.
                    status = connection.read_status()
        except DeviceError as exc:
            self._last_traffic = connection.traffic.lines()
            if isinstance(exc, PrinterUnreachable):
                self._note(PrinterStatus.UNREACHABLE, connection)
            log.error("%s : %s\n  %s", connection.target, exc, "\n  ".join(self._last_traffic))
            raise
        self._last_traffic = connection.traffic.lines()
        if not check_after:
            return
        self._note(status, connection)
        if status.not_ready:
            log.error("%s : %s après l'envoi", connection.target, status.label)
            raise PrinterNotReady(status)
        if status is PrinterStatus.UNREACHABLE:
            log.warning("%s : pas de réponse à la demande d'état après l'envoi", connection.target)

    def _note(self, status: PrinterStatus, connection: PrinterConnection | None) -> None:
        """Log state changes only, not every poll (once when it goes, once when it is back)."""
        if status is not self._last_status:
            log.info("%s : %s", connection.target if connection else "?", status.label)
        self._last_status = status


def receipt_printer_from_config(
    printer: PrinterConfig, drawer: DrawerConfig, file_path: Path
) -> ReceiptPrinter | None:
    """The ReceiptPrinter of the configuration (None for connection "none").

    The drawer pin is passed only when the drawer hangs on the printer.
    """
    if open_printer(printer, file_path) is None:
        return None
    return ReceiptPrinter(
        functools.partial(open_printer, printer, file_path),  # type: ignore[arg-type]
        paper_width=printer.paper_width,
        profile=printer.profile,
        kick_pin=drawer.pin if drawer.kind == "printer" else None,
        drawer_open_level=drawer.open_level,
    )
