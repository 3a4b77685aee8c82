"""Printing over TCP on 127.0.0.1 to a fake printer that records bytes and answers DLE EOT."""

from __future__ import annotations

import pytest

from pos.devices.connections import NetworkConnection
from pos.devices.errors import DeviceError, PrinterNotReady, PrinterUnreachable
from pos.devices.escpos_render import render_many
from pos.devices.printer import ReceiptPrinter
from pos.devices.status import PrinterStatus
from tests.support.escpos_decoder import Cut, DrawerPulse, StatusRequest, decode, text_lines
from tests.support.fake_printer import STATUS_TIMEOUT

STATUS_REQUESTS = b"\x10\x04\x01\x10\x04\x02\x10\x04\x04"


def network_printer(fake, **options) -> ReceiptPrinter:
    return ReceiptPrinter(
        lambda: NetworkConnection(fake.host, fake.port, timeout=2.0, status_timeout=STATUS_TIMEOUT),
        **options,
    )


def test_job_arrives_whole_then_status_is_asked(fake_network, receipt):
    printer = network_printer(fake_network, kick_pin=2)
    printer.print_documents([receipt], open_drawer=True)

    [job] = fake_network.wait_for_jobs(1)
    assert job == render_many([receipt], kick_pin=2) + STATUS_REQUESTS
    events = decode(job)
    assert "TOTAL".ljust(48 - 10) + "2 420,00 €" in text_lines(events)
    assert events[-5:] == [
        Cut(partial=True),
        DrawerPulse(pin=2, on_ms=100, off_ms=100),
        StatusRequest(1),
        StatusRequest(2),
        StatusRequest(4),
    ]
    assert printer.last_status is PrinterStatus.READY


def test_each_print_is_its_own_connection(fake_network, receipt):
    printer = network_printer(fake_network)
    printer.print_documents([receipt])
    printer.print_documents([receipt, receipt])
    first, second = fake_network.wait_for_jobs(2)
    assert text_lines(decode(second)).count("Théâtre de la Ville") == 2
    assert len([e for e in decode(second) if isinstance(e, Cut)]) == 2
    assert fake_network.connections == 2


def test_localhost_by_name(fake_network, receipt):
    connection = NetworkConnection("localhost", fake_network.port, status_timeout=STATUS_TIMEOUT)
    with connection:
        connection.write(b"\x1b@")
        assert connection.read_status() is PrinterStatus.READY
    assert fake_network.wait_for_jobs(1)[0] == b"\x1b@" + STATUS_REQUESTS


@pytest.mark.parametrize(
    ("state", "words"),
    [("paper_out", "plus de papier"), ("cover_open", "capot ouvert"), ("offline", "hors ligne")],
)
def test_printer_not_ready_after_the_job(fake_network, receipt, state, words):
    fake_network.state = state
    printer = network_printer(fake_network)
    with pytest.raises(PrinterNotReady) as info:
        printer.print_documents([receipt])
    assert info.value.code == "printer_not_ready"
    assert info.value.status is PrinterStatus[state.upper()]
    assert info.value.message.startswith(f"Imprimante non prête : {words}.")
    assert "réimprimer" in info.value.message
    # The job itself went out whole: it is the printer that cannot print it.
    assert fake_network.wait_for_jobs(1)[0].startswith(render_many([receipt]))


def test_paper_low_still_prints(fake_network, receipt):
    fake_network.state = "paper_low"
    printer = network_printer(fake_network)
    printer.print_documents([receipt])
    assert printer.last_status is PrinterStatus.PAPER_LOW
    assert printer.status() is PrinterStatus.PAPER_LOW


@pytest.mark.parametrize("state", ["silent", "garbage"])
def test_no_valid_answer_is_unreachable(fake_network, receipt, state):
    fake_network.state = state
    printer = network_printer(fake_network)
    assert printer.status() is PrinterStatus.UNREACHABLE
    # The job was accepted by the link: not an error, but the state says "injoignable".
    printer.print_documents([receipt])
    assert printer.last_status is PrinterStatus.UNREACHABLE


def test_silent_printer_gets_one_request_not_three(fake_network):
    fake_network.state = "silent"
    with NetworkConnection(
        fake_network.host, fake_network.port, status_timeout=STATUS_TIMEOUT
    ) as c:
        assert c.read_status() is PrinterStatus.UNREACHABLE
    assert fake_network.wait_for_jobs(1) == [b"\x10\x04\x01"]


def test_refused_connection_is_unreachable_in_french(fake_network, receipt):
    fake_network.refuse()
    printer = network_printer(fake_network)
    with pytest.raises(PrinterUnreachable) as info:
        printer.print_documents([receipt])
    error = info.value
    assert isinstance(error, DeviceError) and error.code == "printer_unreachable"
    assert (
        error.message
        == f"Imprimante injoignable : 127.0.0.1:{fake_network.port} (connexion refusée)"
    )
    assert printer.status() is PrinterStatus.UNREACHABLE
    assert printer.last_status is PrinterStatus.UNREACHABLE


def test_connection_dropped_mid_job_is_an_error(fake_network, receipt):
    fake_network.drop_after(20)
    printer = network_printer(fake_network)
    with pytest.raises(PrinterUnreachable) as info:
        printer.print_documents([receipt])
    assert info.value.message.startswith(
        f"Imprimante injoignable : 127.0.0.1:{fake_network.port} ("
    )
    assert fake_network.wait_for_jobs(1) == [render_many([receipt])[:20]]
    assert any("> " in line for line in printer.recent_traffic())


def test_open_drawer_alone_sends_only_the_kick(fake_network):
    printer = network_printer(fake_network, kick_pin=5)
    printer.open_drawer()
    [job] = fake_network.wait_for_jobs(1)
    assert decode(job) == [DrawerPulse(pin=5, on_ms=100, off_ms=100)]


def test_traffic_ring_buffer_keeps_the_exchange(fake_network):
    connection = NetworkConnection(
        fake_network.host, fake_network.port, status_timeout=STATUS_TIMEOUT
    )
    with connection:
        connection.write(b"\x1b@" + b"x" * 100)
        connection.read_status()
    lines = connection.traffic.lines()
    assert any("> 102 o: 1b 40 78" in line and "(+54)" in line for line in lines)
    # DLE EOT 1 says the drawer sensor is HIGH (bit 2: 0x16), 2 and 4 are plain 0x12
    assert [line.split("< 1 o: ")[1][:2] for line in lines if "< 1 o: " in line] == [
        "16", "12", "12"]


def test_writing_before_open_is_a_programming_error(fake_network):
    with pytest.raises(RuntimeError):
        NetworkConnection(fake_network.host, fake_network.port).write(b"x")
