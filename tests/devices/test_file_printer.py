"""The file "printer" (development, demo) and the configuration factory."""

from __future__ import annotations

import pytest

from pos.config import DrawerConfig, PrinterConfig
from pos.devices.connections import CupsConnection, FileConnection, NetworkConnection, UsbConnection
from pos.devices.errors import PrinterConfigError, PrinterUnreachable
from pos.devices.escpos_render import render_many
from pos.devices.printer import ReceiptPrinter, open_printer, receipt_printer_from_config
from pos.devices.status import PrinterStatus
from tests.support.escpos_decoder import Cut, DrawerPulse, decode, text_lines


def test_file_printer_appends_jobs_and_creates_the_folder(tmp_path, receipt):
    path = tmp_path / "spool" / "deeper" / "printer-output.bin"
    printer = ReceiptPrinter(lambda: FileConnection(path), kick_pin=2)
    printer.print_documents([receipt])
    printer.print_documents([receipt], open_drawer=True)

    data = path.read_bytes()
    assert data == render_many([receipt]) + render_many([receipt], kick_pin=2)
    events = decode(data)
    assert text_lines(events).count("Théâtre de la Ville") == 2
    assert [e for e in events if isinstance(e, (Cut, DrawerPulse))][-1] == DrawerPulse(2, 100, 100)
    assert printer.status() is PrinterStatus.UNKNOWN
    assert printer.last_status is PrinterStatus.UNKNOWN


def test_unwritable_file_is_unreachable(tmp_path, receipt):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    printer = ReceiptPrinter(lambda: FileConnection(blocker / "out.bin"))
    with pytest.raises(PrinterUnreachable, match="fichier inaccessible"):
        printer.print_documents([receipt])


def test_factory_follows_the_configuration(tmp_path):
    default_path = tmp_path / "printer-output.bin"
    assert open_printer(PrinterConfig(connection="none"), default_path) is None

    file_conn = open_printer(PrinterConfig(connection="file"), default_path)
    assert isinstance(file_conn, FileConnection) and file_conn.path == default_path
    explicit = open_printer(
        PrinterConfig(connection="file", path=str(tmp_path / "x.bin")), default_path
    )
    assert explicit.path == tmp_path / "x.bin"

    net = open_printer(
        PrinterConfig(connection="network", host="10.0.0.9", port=9101, timeout=3.0), default_path
    )
    assert isinstance(net, NetworkConnection) and (net.target, net.timeout) == (
        "10.0.0.9:9101",
        3.0,
    )
    assert (
        open_printer(PrinterConfig(connection="network", host="fe80::1"), default_path).target
        == "[fe80::1]:9100"
    )

    usb = open_printer(
        PrinterConfig(connection="usb", vendor_id=0x04B8, product_id=0x0E15), default_path
    )
    assert isinstance(usb, UsbConnection) and usb.target == "USB 04b8:0e15"
    assert isinstance(
        open_printer(PrinterConfig(connection="cups", cups_name="tm"), default_path), CupsConnection
    )


def test_receipt_printer_from_config_passes_the_pin_only_for_a_printer_drawer(tmp_path):
    path = tmp_path / "out.bin"
    on_printer = receipt_printer_from_config(
        PrinterConfig(paper_width=58), DrawerConfig(kind="printer", pin=5), path
    )
    assert (on_printer.paper_width, on_printer.kick_pin) == (58, 5)
    own_port = receipt_printer_from_config(
        PrinterConfig(), DrawerConfig(kind="serial", device="/dev/x"), path
    )
    assert own_port.kick_pin is None
    with pytest.raises(PrinterConfigError, match="aucun tiroir-caisse"):
        own_port.open_drawer()
    assert (
        receipt_printer_from_config(
            PrinterConfig(connection="none"), DrawerConfig(kind="none"), path
        )
        is None
    )
