"""A serial scanner that can be unplugged: socat joins two pseudo-terminals and puts
stable symlinks on them, like ``/dev/serial/by-id/...``.

    with SocatLink(tmp_path) as link:        # plugged: link.scanner_path exists
        scanner = SerialScanner(str(link.scanner_path), ...)
        link.send(b"01010002748\\r")        # what the scanner would send
        link.unplug()                          # socat stopped by its PID: the links go
        link.plug()                            # a new socat, same paths, new ptys

Needs the Debian package socat.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import tty
from pathlib import Path


def socat_available() -> bool:
    return shutil.which("socat") is not None


class SocatLink:
    def __init__(self, folder: Path) -> None:
        self.scanner_path = folder / "scanner"  # what the application opens
        self.host_path = folder / "host"  # where the "scanner" writes
        self._process: subprocess.Popen | None = None
        self._host_fd: int | None = None

    def plug(self, timeout: float = 10.0) -> None:
        assert self._process is None, "already plugged"
        self._process = subprocess.Popen(
            ["socat", "-d", f"pty,raw,echo=0,link={self.scanner_path}",
             f"pty,raw,echo=0,link={self.host_path}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while not (self.scanner_path.exists() and self.host_path.exists()):
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("socat did not create its links")
            time.sleep(0.01)
        self._host_fd = os.open(self.host_path, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self._host_fd)

    def unplug(self) -> None:
        assert self._process is not None, "not plugged"
        if self._host_fd is not None:
            os.close(self._host_fd)
            self._host_fd = None
        self._process.terminate()  # by its PID: this socat only
        self._process.wait(timeout=10)
        self._process = None

    def send(self, data: bytes) -> None:
        assert self._host_fd is not None, "not plugged"
        os.write(self._host_fd, data)

    def __enter__(self) -> SocatLink:
        self.plug()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._process is not None:
            self.unplug()
