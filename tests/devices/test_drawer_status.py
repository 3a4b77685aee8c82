"""The drawer's sensor, read through the printer's DLE EOT 1 reply over real TCP."""

import functools

import pytest

from pos.devices.connections import NetworkConnection
from pos.devices.printer import ReceiptPrinter
from pos.devices.status import DrawerState, interpret_drawer
from tests.support.fake_printer import STATUS_TIMEOUT, FakeNetworkPrinter


@pytest.mark.parametrize("reply, level, state", [
    (0x16, "low", DrawerState.CLOSED), (0x12, "low", DrawerState.OPEN),
    (0x16, "high", DrawerState.OPEN), (0x12, "high", DrawerState.CLOSED),
    (0x00, "low", DrawerState.UNKNOWN), (None, "low", DrawerState.UNKNOWN),
])
def test_interpret_drawer(reply, level, state):
    replies = {} if reply is None else {1: bytes([reply])}
    assert interpret_drawer(replies, level) is state


def test_drawer_state_follows_the_printer():
    with FakeNetworkPrinter() as fake:
        factory = functools.partial(NetworkConnection, "127.0.0.1", fake.port, timeout=2,
                                    status_timeout=STATUS_TIMEOUT)
        printer = ReceiptPrinter(factory, kick_pin=2, drawer_open_level="low")
        assert printer.last_drawer is DrawerState.UNKNOWN
        printer.status()
        assert printer.last_drawer is DrawerState.CLOSED
        fake.drawer_pin3_high = False
        printer.status()
        assert printer.last_drawer is DrawerState.OPEN
        fake.state = "silent"
        printer.status()
        assert printer.last_drawer is DrawerState.UNKNOWN
