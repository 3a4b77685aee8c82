"""What every printer link is: open, write one job, read the status, close; and the
log of its last exchanges (``Traffic``), dumped when something fails."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque
from datetime import datetime

from pos.devices.status import PrinterStatus

#: Seconds to wait for one DLE EOT reply. A printer answers in milliseconds,
#: even while printing (real-time command); longer means it is not answering.
DEFAULT_STATUS_TIMEOUT = 1.0


def _now() -> str:
    return datetime.now().strftime("%H:%M:%S.%f")[:-3]


class Traffic:
    """The last exchanges with a device, dumped into the log when something fails."""

    def __init__(self, size: int = 40, preview: int = 48) -> None:
        self._entries: deque[str] = deque(maxlen=size)
        self._preview = preview

    def _add(self, arrow: str, data: bytes) -> None:
        head = data[: self._preview].hex(" ")
        more = f" ... (+{len(data) - self._preview})" if len(data) > self._preview else ""
        self._entries.append(f"{_now()} {arrow} {len(data)} o: {head}{more}")

    def sent(self, data: bytes) -> None:
        self._add(">", data)

    def received(self, data: bytes) -> None:
        self._add("<", data)

    def note(self, text: str) -> None:
        self._entries.append(f"{_now()} ! {text}")

    def lines(self) -> list[str]:
        return list(self._entries)


class PrinterConnection(ABC):
    """One link to one printer. Not thread-safe: one user at a time (ReceiptPrinter locks)."""

    #: True when ``read_status`` really asks the printer.
    can_read: bool = False
    #: Where the printer is, for messages ("192.168.1.50:9100", "/dev/ttyUSB0").
    target: str = ""

    def __init__(self) -> None:
        self.traffic = Traffic()

    @abstractmethod
    def open(self) -> None:
        """Open the link; raises PrinterUnreachable (or PrinterConfigError)."""

    @abstractmethod
    def close(self) -> None:
        """Close the link; safe to call twice or when never opened."""

    @abstractmethod
    def write(self, job: bytes) -> None:
        """Send the whole job in one write; raises PrinterUnreachable."""

    def read_status(self) -> PrinterStatus:
        """The printer's state; UNKNOWN when this link cannot read.

        UNREACHABLE when the printer does not answer; raises PrinterUnreachable
        when the link itself broke (closed, reset).
        """
        return PrinterStatus.UNKNOWN

    # The DLE EOT replies behind the last read_status (the drawer's sensor is in them).
    last_replies: dict[int, bytes | None] = {}

    def __enter__(self) -> PrinterConnection:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.target}>"
