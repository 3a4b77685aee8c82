"""The cash drawer: kick bytes, through the printer or on its own serial port."""

from __future__ import annotations

import pytest

from pos.config import DrawerConfig
from pos.devices.connections import NetworkConnection
from pos.devices.drawer import PrinterDrawer, SerialDrawer, kick_bytes, make_drawer
from pos.devices.errors import DrawerUnreachable, PrinterConfigError
from pos.devices.printer import ReceiptPrinter
from tests.support.escpos_decoder import DrawerPulse, decode


@pytest.mark.parametrize(("pin", "m"), [(2, 0), (5, 1)])
def test_kick_bytes(pin, m):
    assert kick_bytes(pin) == bytes([0x1B, ord("p"), m, 50, 50])
    assert decode(kick_bytes(pin)) == [DrawerPulse(pin=pin, on_ms=100, off_ms=100)]


def test_other_pins_are_refused():
    with pytest.raises(PrinterConfigError):
        kick_bytes(3)


def test_serial_drawer_writes_the_kick_on_its_port(fake_serial):
    SerialDrawer(fake_serial.path, 9600, pin=5).open()
    assert decode(fake_serial.wait_for_bytes(5)) == [DrawerPulse(pin=5, on_ms=100, off_ms=100)]


def test_serial_drawer_unplugged(tmp_path):
    with pytest.raises(DrawerUnreachable) as info:
        SerialDrawer(str(tmp_path / "ttyS9")).open()
    assert info.value.code == "drawer_unreachable"
    assert info.value.message.startswith("Tiroir-caisse injoignable : ")


def test_printer_drawer_kicks_through_the_printer(fake_network):
    printer = ReceiptPrinter(
        lambda: NetworkConnection(fake_network.host, fake_network.port), kick_pin=2
    )
    drawer = make_drawer(DrawerConfig(kind="printer", pin=2), printer)
    assert isinstance(drawer, PrinterDrawer)
    drawer.open()
    assert decode(fake_network.wait_for_jobs(1)[0]) == [DrawerPulse(pin=2, on_ms=100, off_ms=100)]


def test_make_drawer_per_kind():
    assert isinstance(
        make_drawer(DrawerConfig(kind="serial", device="/dev/ttyS0"), None), SerialDrawer
    )
    assert make_drawer(DrawerConfig(kind="none"), None) is None
