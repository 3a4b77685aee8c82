"""A USB receipt printer through python-escpos's own ``Usb`` class and pyusb, the extra
``guichet[usb]`` installs. No USB printer (nor a kernel USB gadget) exists on a test
machine, so the one thing replaced is pyusb's device lookup, ``usb.core.find``: it hands
python-escpos a device object that records the bulk writes. Everything above it is the
real code: our UsbConnection, python-escpos's open/configure/_raw/close, pyusb's
``usb.util.dispose_resources``; the bytes are decoded as ESC/POS."""

from __future__ import annotations

import os

import pytest

from pos.config import DrawerConfig, PrinterConfig
from pos.devices.errors import PrinterUnreachable
from pos.devices.printer import receipt_printer_from_config
from tests.support.escpos_decoder import DrawerPulse, decode, text_lines

if os.environ.get("CI"):
    import usb.core  # noqa: F401 - in CI the extra must be installed
usb = pytest.importorskip("usb.core", reason="pyusb is not installed (pip install guichet[usb])")


class _Context:
    def __init__(self) -> None:
        self.disposed = 0

    def dispose(self, _device) -> None:
        self.disposed += 1


class _Backend:  # not libusb1: python-escpos then leaves the kernel driver alone
    pass


class RecordingPrinterDevice:
    """What ``usb.core.find`` returns for a connected printer: the calls python-escpos
    makes on it, and the bytes of each bulk write to the OUT endpoint."""

    def __init__(self) -> None:
        self.backend = _Backend()
        self._ctx = _Context()
        self.configured = False
        self.writes: list[tuple[int, bytes, int]] = []

    def set_configuration(self) -> None:
        self.configured = True

    def reset(self) -> None:
        pass

    def write(self, endpoint: int, data: bytes, timeout: int) -> int:
        self.writes.append((endpoint, bytes(data), timeout))
        return len(data)


@pytest.fixture
def plugged(monkeypatch):
    device = RecordingPrinterDevice()
    asked: list[dict] = []

    def find(**args):
        asked.append(args)
        if args.get("idVendor") == 0x04B8 and args.get("idProduct") == 0x0E15:
            return device
        return None

    monkeypatch.setattr(usb, "find", find)
    return device, asked


def printer(vendor: int, product: int):
    return receipt_printer_from_config(
        PrinterConfig(connection="usb", vendor_id=vendor, product_id=product, timeout=2.0),
        DrawerConfig(), "unused.bin")


def test_a_receipt_goes_to_the_usb_printer_in_one_bulk_write(plugged, receipt):
    device, asked = plugged
    printer(0x04B8, 0x0E15).print_documents([receipt], open_drawer=True)
    assert asked == [{"idVendor": 0x04B8, "idProduct": 0x0E15}]
    assert device.configured
    [(endpoint, job, timeout)] = device.writes
    assert endpoint == 0x01 and timeout == 2000  # python-escpos's OUT endpoint, in ms
    events = decode(job)
    assert "Théâtre de la Ville" in text_lines(events)
    assert [e.pin for e in events if isinstance(e, DrawerPulse)] == [2]
    assert device._ctx.disposed == 1  # closed after the job


def test_an_absent_usb_printer_is_unreachable_in_french(plugged, receipt):
    with pytest.raises(PrinterUnreachable, match="USB 04b8:0202"):
        printer(0x04B8, 0x0202).print_documents([receipt])
