"""Each job appended to a file."""

from __future__ import annotations

from pathlib import Path

from pos.core.i18n import lazy
from pos.devices.connections.base import PrinterConnection
from pos.devices.errors import PrinterUnreachable


class FileConnection(PrinterConnection):
    """Appends each job to a file: development, demo, or a spool read by another program."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)
        self.target = str(self.path)
        self._file = None

    def open(self) -> None:
        self.close()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self.path, "ab")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise PrinterUnreachable(
                self.target, lazy("file not accessible"), detail=repr(exc)
            ) from None

    def write(self, job: bytes) -> None:
        if self._file is None:
            raise RuntimeError(f"{self!r} n'est pas ouverte : appeler open()")
        self.traffic.sent(job)
        try:
            self._file.write(job)
            self._file.flush()
        except OSError as exc:
            raise PrinterUnreachable(self.target, lazy("writing failed"),
                                     detail=repr(exc)) from None

    def close(self) -> None:
        file, self._file = self._file, None
        if file is not None:
            file.close()
