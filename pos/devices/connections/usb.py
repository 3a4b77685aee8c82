"""A USB printer through python-escpos's ``Usb`` (pyusb: the extra ``guichet[usb]``)."""

from __future__ import annotations

from pos.core.i18n import lazy
from pos.devices.connections.base import PrinterConnection
from pos.devices.errors import PrinterConfigError, PrinterUnreachable


class UsbConnection(PrinterConnection):
    """python-escpos ``Usb``, kept thin (pyusb: ``pip install guichet[usb]``, a udev rule
    and a printer); tests/devices/test_usb_printer.py drives it over pyusb's lookup."""

    def __init__(self, vendor_id: int, product_id: int, *, timeout: float = 5.0) -> None:
        super().__init__()
        self.vendor_id, self.product_id, self.timeout = vendor_id, product_id, timeout
        self.target = f"USB {vendor_id:04x}:{product_id:04x}"
        self._usb = None

    def open(self) -> None:
        from escpos.exceptions import DeviceNotFoundError
        from escpos.printer import Usb

        self.close()
        # pyusb's timeout is in milliseconds; python-escpos's default 0 waits forever.
        usb = Usb(self.vendor_id, self.product_id, timeout=int(self.timeout * 1000))
        try:
            usb.open()
        except RuntimeError as exc:  # python-escpos: pyusb is not installed
            raise PrinterConfigError(lazy("module pyusb missing: pip install guichet[usb]"),
                                     detail=str(exc)) from None
        except DeviceNotFoundError as exc:
            raise PrinterUnreachable(
                self.target, lazy("absent, switched off or busy (CUPS, usblp?)"),
                detail=str(exc)
            ) from None
        self._usb = usb

    def write(self, job: bytes) -> None:
        if self._usb is None:
            raise RuntimeError(f"{self!r} n'est pas ouverte : appeler open()")
        self.traffic.sent(job)
        try:
            self._usb._raw(job)  # one bulk write
        except Exception as exc:  # pyusb's USBError / USBTimeoutError
            raise PrinterUnreachable(self.target, lazy("sending failed"),
                                     detail=repr(exc)) from None

    def close(self) -> None:
        usb, self._usb = self._usb, None
        if usb is not None:
            usb.close()
