"""A serial printer on a pseudo-terminal: pyserial opens the slave side, the fake the master."""

from __future__ import annotations

import pytest

from pos.config import PrinterConfig
from pos.devices.connections import SerialConnection
from pos.devices.errors import PrinterNotReady, PrinterUnreachable
from pos.devices.escpos_render import render_many
from pos.devices.printer import ReceiptPrinter, open_printer
from pos.devices.status import PrinterStatus
from tests.support.escpos_decoder import StatusRequest, decode, text_lines
from tests.support.fake_printer import STATUS_TIMEOUT


def serial_printer(fake, **options) -> ReceiptPrinter:
    return ReceiptPrinter(
        lambda: SerialConnection(fake.path, 19200, timeout=2.0, status_timeout=STATUS_TIMEOUT),
        **options,
    )


def test_job_reaches_the_other_end_then_status(fake_serial, receipt):
    printer = serial_printer(fake_serial, paper_width=58)
    printer.print_documents([receipt])
    job = render_many([receipt], paper_width=58)
    received = fake_serial.wait_for_bytes(len(job) + 9)
    assert received.startswith(job)
    events = decode(received)
    assert "TOTAL".ljust(32 - 10) + "2 420,00 €" in text_lines(events)
    assert events[-3:] == [StatusRequest(1), StatusRequest(2), StatusRequest(4)]
    assert printer.last_status is PrinterStatus.READY


def test_factory_builds_the_serial_connection(fake_serial, tmp_path):
    config = PrinterConfig(connection="serial", device=fake_serial.path, flow_control="none")
    connection = open_printer(config, tmp_path / "unused.bin")
    assert isinstance(connection, SerialConnection)
    with connection:
        connection.write(b"\x1b@")
    assert fake_serial.wait_for_bytes(2) == b"\x1b@"


def test_status_states_over_serial(fake_serial, receipt):
    printer = serial_printer(fake_serial)
    fake_serial.state = "cover_open"
    assert printer.status() is PrinterStatus.COVER_OPEN
    fake_serial.state = "garbage"
    assert printer.status() is PrinterStatus.UNREACHABLE
    fake_serial.state = "silent"
    assert printer.status() is PrinterStatus.UNREACHABLE
    fake_serial.state = "paper_out"
    with pytest.raises(PrinterNotReady, match="plus de papier"):
        printer.print_documents([receipt])


def test_port_is_exclusive(fake_serial):
    with SerialConnection(fake_serial.path):
        with pytest.raises(PrinterUnreachable) as info:
            SerialConnection(fake_serial.path).open()
    assert info.value.message == (
        f"Imprimante injoignable : {fake_serial.path} (port déjà utilisé par un autre programme)"
    )


def test_missing_port_is_unreachable_in_french(tmp_path, receipt):
    path = str(tmp_path / "ttyUSB9")
    printer = ReceiptPrinter(lambda: SerialConnection(path))
    with pytest.raises(PrinterUnreachable) as info:
        printer.print_documents([receipt])
    assert (
        info.value.message == f"Imprimante injoignable : {path} (port absent (câble débranché ?))"
    )
    assert printer.status() is PrinterStatus.UNREACHABLE
