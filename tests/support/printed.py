"""What a fake printer really printed: its connections minus the status-only ones.

The print worker reads the printer's state every few seconds over its own short
connections (only DLE EOT requests); a printed job is a connection whose bytes
decode to at least one cut or drawer pulse.
"""

from __future__ import annotations

import time

from tests.support.escpos_decoder import Cut, DrawerPulse, decode
from tests.support.fake_printer import FakeNetworkPrinter


def printed_jobs(fake) -> list[bytes]:
    every = getattr(fake, "connections_bytes", None)
    return [job for job in (fake.jobs if every is None else every) if is_printed(job)]


def _events(job: bytes) -> list:
    try:
        return decode(job)
    except Exception:  # noqa: BLE001 - a job cut in the middle is not printed
        return []


def wait_for_printed(fake, k: int, timeout: float = 10.0) -> list[bytes]:
    """Wait until ``k`` printed jobs were received; return them (in order of ending)."""
    deadline = time.monotonic() + timeout
    while True:
        jobs = printed_jobs(fake)
        if len(jobs) >= k:
            return jobs
        if time.monotonic() > deadline:
            raise AssertionError(f"fake printer: {k} printed job(s) not seen within {timeout} s"
                                 f" (got {len(jobs)} of {len(fake.jobs)} connections)")
        time.sleep(0.02)


def is_printed(job: bytes) -> bool:
    return any(isinstance(e, (Cut, DrawerPulse)) for e in _events(job))


class PrintedJobsPrinter(FakeNetworkPrinter):
    """A FakeNetworkPrinter whose ``jobs`` are only the printed ones (not the worker's
    status polls); ``connections_bytes`` keeps every connection."""

    @property
    def connections_bytes(self) -> list[bytes]:
        return FakeNetworkPrinter.jobs.fget(self)

    @property
    def jobs(self) -> list[bytes]:
        return [job for job in self.connections_bytes if is_printed(job)]

    def wait_for_jobs(self, k: int, timeout: float = 5.0) -> list[bytes]:
        self._wait(lambda: len(self.jobs) >= k, timeout, f"{k} printed job(s)")
        return self.jobs
