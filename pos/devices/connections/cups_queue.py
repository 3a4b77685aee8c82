"""A CUPS print queue through python-escpos's ``CupsPrinter`` (pycups: ``guichet[cups]``)."""

from __future__ import annotations

from pos.core.i18n import lazy
from pos.devices.connections.base import PrinterConnection
from pos.devices.errors import PrinterConfigError, PrinterUnreachable


class CupsConnection(PrinterConnection):
    """python-escpos ``CupsPrinter`` (raw queue), kept thin: untested here (needs pycups and CUPS).

    The job goes to CUPS in ``write``; one write per opening.
    """

    def __init__(self, queue: str) -> None:
        super().__init__()
        self.queue = queue
        self.target = f"CUPS « {queue} »"
        self._cups = None

    def open(self) -> None:
        from escpos.exceptions import DeviceNotFoundError
        from escpos.printer import CupsPrinter

        self.close()
        try:
            cups = CupsPrinter(printer_name=self.queue)
            cups.open(job_name="guichet")
        except RuntimeError as exc:  # python-escpos: pycups is not installed
            raise PrinterConfigError(lazy("module pycups missing: pip install guichet[cups]"),
                                     detail=str(exc)) from None
        except DeviceNotFoundError as exc:
            raise PrinterUnreachable(
                self.target, lazy("unknown print queue"), detail=str(exc)
            ) from None
        self._cups = cups

    def write(self, job: bytes) -> None:
        if self._cups is None:
            raise RuntimeError(f"{self!r} n'est pas ouverte : appeler open()")
        self.traffic.sent(job)
        try:
            self._cups._raw(job)
            self._cups.send()
        except Exception as exc:  # pycups' IPPError and friends
            raise PrinterUnreachable(
                self.target, lazy("sending to CUPS failed"), detail=repr(exc)
            ) from None

    def close(self) -> None:
        cups, self._cups = self._cups, None
        if cups is not None:
            cups.close()
