"""A serial or USB-CDC barcode scanner: codes end with CR, LF or CRLF.

One thread owns the port for its whole life: it opens the stable path
(``/dev/serial/by-id/...``), reads terminated codes, and when the port goes away
(unplugged: the read fails, or the path is gone) it reports it once, closes, and
reopens the same path with a growing delay until the scanner is back, which it
reports once too. pyserial does not reconnect on its own.

Why a loop of our own rather than ``serial.threaded.ReaderThread`` + ``LineReader``:
``ReaderThread`` ends for good on the first ``SerialException``, so reconnecting
needs a second, supervising thread that notices the end, waits and builds a new
reader around a new port object: two threads sharing the port's lifecycle, and a
stop that must reach whichever is alive. Here open -> read -> lost -> backoff ->
reopen is one sequential loop; stopping is one flag plus ``cancel_read``. We also
need what ``LineReader`` does not do: three terminators, a cap on an unterminated
line, duplicate suppression and a log of the recent traffic.

No Qt here: scans and link changes are plain callbacks run on the reader thread;
the window's bridge (``pos.ui.scanner_bridge``) queues them to the GUI thread.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections import deque
from collections.abc import Callable

import serial

from pos.devices.scan_dedupe import DuplicateGuard

log = logging.getLogger(__name__)

TERMINATORS = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n"}
#: Longest run of bytes without a terminator kept; beyond it is garbage, dropped.
MAX_LINE = 512


class ScannerLink(enum.Enum):
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"


class SerialScanner:
    """Reads codes from ``port`` on a thread of its own until ``stop()``.

    ``on_scan(code)`` is called for each code (duplicates within
    ``duplicate_window_ms`` dropped); ``on_link(ScannerLink)`` once per change of the
    link, the first time when the first open succeeds or fails.
    """

    def __init__(
        self,
        port: str,
        *,
        on_scan: Callable[[str], None],
        on_link: Callable[[ScannerLink], None] = lambda link: None,
        baudrate: int = 9600,
        terminator: str = "CR",
        duplicate_window_ms: int = 1000,
        backoff_initial: float = 0.2,
        backoff_max: float = 5.0,
        read_timeout: float = 0.5,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if terminator not in TERMINATORS:
            raise ValueError(f"terminator must be one of {', '.join(TERMINATORS)}")
        self.port = port
        self.baudrate = baudrate
        self.terminator = TERMINATORS[terminator]
        self._on_scan = on_scan
        self._on_link = on_link
        self._guard = DuplicateGuard(duplicate_window_ms)
        self._backoff_initial = backoff_initial
        self._backoff_max = backoff_max
        self._read_timeout = read_timeout
        self._monotonic = monotonic
        self._stopping = threading.Event()
        self._serial: serial.Serial | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.link: ScannerLink | None = None
        #: how many times the port was opened or tried (tests wait on it)
        self.open_attempts = 0
        #: the last reads and events, dumped into the log when the link breaks
        self.traffic: deque[str] = deque(maxlen=20)

    # --- lifecycle ------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("scanner already started")
        self._thread = threading.Thread(target=self._run, name=f"scanner {self.port}",
                                        daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        with self._lock:
            if self._serial is not None:
                self._serial.cancel_read()
        if self._thread is not None:
            self._thread.join(timeout)

    def __enter__(self) -> SerialScanner:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # --- the loop -------------------------------------------------------------------

    def _run(self) -> None:
        delay = self._backoff_initial
        while not self._stopping.is_set():
            port = self._open()
            if port is None:
                self._set_link(ScannerLink.DISCONNECTED)
                self._stopping.wait(delay)
                delay = min(delay * 2, self._backoff_max)
                continue
            delay = self._backoff_initial
            self._set_link(ScannerLink.CONNECTED)
            try:
                self._read_until_lost(port)
            except (serial.SerialException, OSError) as exc:
                if not self._stopping.is_set():
                    self.traffic.append(f"lost: {exc}")
                    log.warning("scanner %s lost (%s); recent traffic: %s", self.port, exc,
                                " | ".join(self.traffic))
            finally:
                with self._lock:
                    self._serial = None
                try:
                    port.close()
                except (serial.SerialException, OSError):
                    pass
            if not self._stopping.is_set():
                self._set_link(ScannerLink.DISCONNECTED)
                self._stopping.wait(delay)

    def _open(self) -> serial.Serial | None:
        self.open_attempts += 1
        try:
            port = serial.Serial(self.port, self.baudrate, timeout=self._read_timeout,
                                 exclusive=True)
        except (serial.SerialException, OSError, ValueError) as exc:
            if self.link is not ScannerLink.DISCONNECTED:
                log.info("scanner %s cannot be opened: %s", self.port, exc)
            return None
        with self._lock:
            if self._stopping.is_set():
                port.close()
                return None
            self._serial = port
        return port

    def _read_until_lost(self, port: serial.Serial) -> None:
        pending = b""
        while not self._stopping.is_set():
            data = port.read(port.in_waiting or 1)
            if not data:
                continue  # timeout: look at the stop flag again
            self.traffic.append(f"read {data!r}")
            pending += data
            *codes, pending = pending.split(self.terminator)
            if len(pending) > MAX_LINE:
                log.warning("scanner %s: %d bytes without terminator dropped", self.port,
                            len(pending))
                pending = b""
            for raw in codes:
                self._deliver(raw)

    def _deliver(self, raw: bytes) -> None:
        # A scanner set to CRLF while we expect CR (or the reverse) leaves a stray LF/CR.
        code = raw.decode("ascii", errors="replace").strip("\r\n\t ")
        if not code:
            return
        if not self._guard.accept(code, int(self._monotonic() * 1000)):
            log.info("scanner %s: duplicate %s ignored", self.port, code)
            return
        try:
            self._on_scan(code)
        except Exception:  # noqa: BLE001 - a listener's bug must not kill the reader
            log.exception("scanner %s: scan listener failed", self.port)

    def _set_link(self, link: ScannerLink) -> None:
        if link is self.link:
            return
        self.link = link
        self.traffic.append(link.value)
        if link is ScannerLink.CONNECTED:
            log.info("scanner %s connected", self.port)
        else:
            log.warning("scanner %s unplugged or unreachable", self.port)
        try:
            self._on_link(link)
        except Exception:  # noqa: BLE001
            log.exception("scanner %s: link listener failed", self.port)
