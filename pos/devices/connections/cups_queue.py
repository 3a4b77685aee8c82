"""A CUPS print queue (raw: CUPS passes the ESC/POS bytes through), over pycups.

pycups (the extra ``guichet[cups]``) directly, not python-escpos's ``CupsPrinter``: that
one reads the server once, when escpos is imported, reports a server that is down as an
unknown queue, sends to a stopped queue without a word (the job then waits in CUPS while
Guichet counts it printed) and never learns whether the job came out.

Here ``open`` refuses a queue that is missing, stopped or rejecting jobs, before anything
is sent, so the print job stays pending in Guichet. ``write`` hands the job to CUPS and
waits until CUPS says it is completed (the backend delivered the bytes to the printer);
a job that does not complete within the timeout is cancelled in CUPS before the error is
raised, so a later retry cannot print the ticket twice. Tested against a real cupsd:
tests/devices/test_cups_printer.py.
"""

from __future__ import annotations

import tempfile
import time

from pos.core.i18n import lazy
from pos.devices.connections.base import PrinterConnection
from pos.devices.errors import PrinterConfigError, PrinterUnreachable

# RFC 8011 values (pycups has them too, but only once it is imported).
_PRINTER_STOPPED = 5
_JOB_COMPLETED = 9
_JOB_FAILED = {7: "canceled", 8: "aborted"}
_NOT_FOUND = 0x0406
_QUEUE_ATTRIBUTES = ["printer-state", "printer-is-accepting-jobs", "printer-state-message"]
#: How often ``write`` asks CUPS whether the job is done.
_POLL_SECONDS = 0.05
IPP_PORT = 631


def split_server(server: str) -> tuple[str | None, int | None]:
    """``host[:port]``, ``[v6]:port`` or a socket path -> pycups' (host, port); "" -> defaults."""
    if not server:
        return None, None
    if server.startswith("/"):
        return server, None
    host, sep, port = server.rpartition(":")
    if sep and port.isdigit() and (host.endswith("]") or ":" not in host):
        return host.strip("[]"), int(port)
    return server.strip("[]"), IPP_PORT


class CupsConnection(PrinterConnection):
    """One raw CUPS queue; ``server`` empty = the system's (CUPS_SERVER, client.conf)."""

    def __init__(self, queue: str, *, server: str = "", timeout: float = 5.0) -> None:
        super().__init__()
        self.queue, self.server, self.timeout = queue, server, timeout
        self.target = f"CUPS {server} « {queue} »" if server else f"CUPS « {queue} »"
        self._cups = None
        self._conn = None

    def _unreachable(self, reason, exc: object) -> PrinterUnreachable:
        self.traffic.note(f"{reason} : {exc!r}")
        return PrinterUnreachable(self.target, reason, detail=repr(exc))

    def open(self) -> None:
        self.close()
        try:
            import cups
        except ImportError as exc:
            raise PrinterConfigError(lazy("module pycups missing: pip install guichet[cups]"),
                                     detail=repr(exc)) from None
        host, port = split_server(self.server)
        # libcups' per-thread default server, not Connection(host=...): printFile looks
        # the queue up on the default server, whatever the connection it is given.
        if host is not None:
            cups.setServer(host)
        if port is not None:
            cups.setPort(port)
        try:
            conn = cups.Connection()
        except RuntimeError as exc:  # pycups: "failed to connect to server"
            raise self._unreachable(lazy("the CUPS server does not answer"), exc) from None
        try:
            queue = conn.getPrinterAttributes(self.queue, requested_attributes=_QUEUE_ATTRIBUTES)
        except cups.IPPError as exc:
            status = exc.args[0] if exc.args else None
            reason = (lazy("unknown print queue") if status == _NOT_FOUND
                      else lazy("CUPS refused the request"))
            raise self._unreachable(reason, exc) from None
        if queue.get("printer-state") == _PRINTER_STOPPED:
            raise self._unreachable(lazy("print queue stopped in CUPS (cupsenable)"),
                                    queue.get("printer-state-message", ""))
        if not queue.get("printer-is-accepting-jobs", True):
            raise self._unreachable(lazy("print queue refusing jobs in CUPS (cupsaccept)"),
                                    queue.get("printer-state-message", ""))
        self._cups, self._conn = cups, conn
        self.traffic.note("file d'attente prête")

    def write(self, job: bytes) -> None:
        if self._conn is None:
            raise RuntimeError(f"{self!r} n'est pas ouverte : appeler open()")
        cups = self._cups
        self.traffic.sent(job)
        try:
            with tempfile.NamedTemporaryFile(prefix="guichet-", suffix=".bin") as spool:
                spool.write(job)
                spool.flush()
                job_id = self._conn.printFile(self.queue, spool.name, "guichet",
                                              {"document-format": cups.CUPS_FORMAT_RAW})
        except (cups.IPPError, RuntimeError, OSError) as exc:
            raise self._unreachable(lazy("sending to CUPS failed"), exc) from None
        self.traffic.note(f"travail CUPS {job_id}")
        self._wait_completed(job_id)

    def _wait_completed(self, job_id: int) -> None:
        cups = self._cups
        deadline = time.monotonic() + self.timeout
        state = None
        while True:
            try:
                state = self._conn.getJobAttributes(
                    job_id, requested_attributes=["job-state"]).get("job-state")
            except (cups.IPPError, RuntimeError) as exc:
                raise self._unreachable(lazy("CUPS lost the job"), exc) from None
            if state == _JOB_COMPLETED:
                return
            if state in _JOB_FAILED:
                raise self._unreachable(lazy("CUPS did not print the job"),
                                        f"job {job_id} {_JOB_FAILED[state]}")
            if time.monotonic() >= deadline:
                break
            time.sleep(_POLL_SECONDS)
        # Still waiting in CUPS: take it back, or the retry would print the ticket twice.
        try:
            self._conn.cancelJob(job_id)
        except (cups.IPPError, RuntimeError) as exc:
            self.traffic.note(f"annulation du travail {job_id} impossible : {exc!r}")
        raise self._unreachable(
            lazy("not printed within {seconds} s, job cancelled in CUPS",
                 seconds=format(self.timeout, "g")),
            f"job {job_id} state {state}")

    def close(self) -> None:
        # pycups closes its HTTP connection when the object goes.
        self._conn = self._cups = None
