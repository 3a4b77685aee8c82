"""The CUPS printer (``[printer] connection = "cups"``) against a real cupsd of its own.

Each test starts a cupsd in a private folder (tests/support/cupsd.py), adds a raw queue
with ``lpadmin`` whose socket backend prints to a FakeNetworkPrinter on loopback, and
prints through Guichet's printer layer from the configuration: the bytes that reach the
printer went Guichet -> pycups -> cupsd -> CUPS's socket backend, and are decoded as
ESC/POS. Failures go through the real server too: a missing queue, a queue the
administrator stopped or closed, a printer behind CUPS that is off, cupsd not running.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from decimal import Decimal

import pytest

from pos.config import DrawerConfig, PrinterConfig
from pos.core.ticket_documents import TicketFace, ticket_document
from pos.devices.connections.cups_queue import split_server
from pos.devices.errors import PrinterConfigError, PrinterUnreachable
from pos.devices.printer import receipt_printer_from_config
from pos.devices.status import PrinterStatus
from tests.support import cupsd
from tests.support.escpos_decoder import QR, Barcode, DrawerPulse, decode, text_lines
from tests.support.fake_printer import FakeNetworkPrinter

if os.environ.get("CI"):  # in CI scripts/system-deps and the Makefile install them
    import cups  # noqa: F401
    assert not cupsd.missing(), cupsd.missing()
pycups = pytest.importorskip("cups", reason="pycups is not installed (pip install guichet[cups], "
                             "which builds against libcups2-dev)")
pytestmark = pytest.mark.skipif(bool(cupsd.missing()), reason=cupsd.missing() or "")

TICKET = TicketFace(
    number="01010003014", event="Carmina Burana", starts_at=datetime(2026, 12, 19, 20, 30),
    venue="Théâtre de la Ville", area="Orchestre", seat="A12", category="Catégorie 1",
    tariff="Plein tarif", price=Decimal("110.00"), fees=Decimal("0"), operator="STX_BDD",
    sales_point="Guichet")


@pytest.fixture
def fake():
    with FakeNetworkPrinter() as printer:
        yield printer


@pytest.fixture
def server():
    with cupsd.CupsServer() as running:
        yield running


@pytest.fixture
def queue(server, fake) -> str:
    server.add_raw_queue("guichet", cupsd.socket_uri(fake.port))
    return "guichet"


def printer_for(server, queue, *, timeout=10.0, drawer="printer"):
    config = PrinterConfig(connection="cups", cups_name=queue, cups_server=server.address,
                           timeout=timeout)
    return receipt_printer_from_config(config, DrawerConfig(kind=drawer, pin=2), file_path=None)


def jobs_in_cups(server) -> dict[int, int]:
    """Every job the server knows, done or not: id -> job-state (RFC 8011)."""
    host, port = split_server(server.address)
    connection = pycups.Connection(host=host, port=port)
    found = connection.getJobs(which_jobs="all", requested_attributes=["job-id", "job-state"])
    return {job_id: attrs["job-state"] for job_id, attrs in found.items()}


def wait_for_jobs_in_cups(server, states: list[int], timeout: float = 5.0) -> None:
    """The server's jobs reach these states (a cancelled job's backend takes a moment to go)."""
    deadline = time.monotonic() + timeout
    while sorted(jobs_in_cups(server).values()) != states:
        assert time.monotonic() < deadline, f"CUPS jobs {jobs_in_cups(server)}, not {states}"
        time.sleep(0.05)


def test_a_ticket_printed_through_cups_comes_out_whole(server, queue, fake):
    printer = printer_for(server, queue)
    printer.print_documents([ticket_document(TICKET)], open_drawer=True)
    [job] = fake.wait_for_jobs(1)
    events = decode(job)
    lines = text_lines(events)
    assert "Billet n° 01010003014" in lines and "Carmina Burana" in lines
    assert any("A12" in line and "Place" in line for line in lines)
    assert Barcode("CODE128", "01010003014") in events and QR("01010003014") in events
    assert [e.pin for e in events if isinstance(e, DrawerPulse)] == [2]
    assert list(jobs_in_cups(server).values()) == [pycups.IPP_JOB_COMPLETED]
    assert printer.status() is PrinterStatus.UNKNOWN  # CUPS knows nothing of the paper


def test_two_jobs_are_two_cups_jobs_in_order(server, queue, fake, receipt):
    printer = printer_for(server, queue, drawer="none")
    printer.print_documents([receipt])
    printer.print_documents([ticket_document(TICKET)])
    first, second = fake.wait_for_jobs(2)
    assert "Remboursement n° 42" in text_lines(decode(first))
    assert "Billet n° 01010003014" in text_lines(decode(second))
    assert sorted(jobs_in_cups(server).values()) == [pycups.IPP_JOB_COMPLETED] * 2


def test_an_unknown_queue_is_named_and_nothing_is_sent(server, queue, fake, receipt):
    printer = printer_for(server, "guichet-2")
    with pytest.raises(PrinterUnreachable) as refused:
        printer.print_documents([receipt])
    assert refused.value.message == (
        f"Imprimante injoignable : CUPS {server.address} « guichet-2 » "
        "(file d'impression inconnue)")
    assert jobs_in_cups(server) == {} and fake.jobs == []


def test_a_stopped_queue_refuses_before_sending_then_prints_once_enabled(
        server, queue, fake, receipt):
    printer = printer_for(server, queue, drawer="none")
    server.admin("cupsdisable", queue)
    with pytest.raises(PrinterUnreachable) as refused:
        printer.print_documents([receipt])
    assert "file d'impression arrêtée dans CUPS (cupsenable)" in refused.value.message
    assert jobs_in_cups(server) == {}  # nothing left waiting in CUPS to print later
    assert printer.status() is PrinterStatus.UNREACHABLE

    server.admin("cupsenable", queue)
    printer.print_documents([receipt])
    [job] = fake.wait_for_jobs(1)
    assert "Remboursement n° 42" in text_lines(decode(job))


def test_a_queue_closed_to_jobs_refuses(server, queue, fake, receipt):
    server.admin("cupsreject", queue)
    with pytest.raises(PrinterUnreachable) as refused:
        printer_for(server, queue).print_documents([receipt])
    assert "file d'impression fermée aux travaux dans CUPS (cupsaccept)" in refused.value.message
    assert jobs_in_cups(server) == {} and fake.jobs == []


def test_a_printer_off_behind_cups_cancels_the_job_so_a_retry_prints_it_once(
        server, fake, receipt):
    with FakeNetworkPrinter() as off:
        off.refuse()  # nobody listens on its port: CUPS's backend keeps retrying
        server.add_raw_queue("off", cupsd.socket_uri(off.port))
        printer = printer_for(server, "off", timeout=2.0, drawer="none")
        with pytest.raises(PrinterUnreachable) as refused:
            printer.print_documents([receipt])
    assert "non imprimé en 2 s, travail annulé dans CUPS" in refused.value.message
    wait_for_jobs_in_cups(server, [pycups.IPP_JOB_CANCELED])

    # The printer comes back (the queue now reaches it): the retry prints it, once.
    server.admin("lpadmin", "-p", "off", "-v", cupsd.socket_uri(fake.port))
    server.admin("cupsenable", "off")
    printer.print_documents([receipt])
    [job] = fake.wait_for_jobs(1)
    assert "Remboursement n° 42" in text_lines(decode(job))
    wait_for_jobs_in_cups(server, [pycups.IPP_JOB_CANCELED, pycups.IPP_JOB_COMPLETED])


def test_cupsd_not_running_says_so(server, queue, fake, receipt):
    printer = printer_for(server, queue)
    server.stop()
    with pytest.raises(PrinterUnreachable) as refused:
        printer.print_documents([receipt])
    assert refused.value.message == (
        f"Imprimante injoignable : CUPS {server.address} « guichet » "
        "(le serveur CUPS ne répond pas)")
    assert printer.status() is PrinterStatus.UNREACHABLE
    assert fake.jobs == []


@pytest.mark.parametrize(("server_key", "expected"), [
    ("", (None, None)),
    ("/run/cups/cups.sock", ("/run/cups/cups.sock", None)),
    ("printserver", ("printserver", 631)),
    ("printserver:8631", ("printserver", 8631)),
    ("[::1]:8631", ("::1", 8631)),
    ("::1", ("::1", 631)),
])
def test_cups_server_key_forms(server_key, expected):
    assert split_server(server_key) == expected


def test_without_pycups_the_config_error_names_the_extra(monkeypatch, receipt):
    monkeypatch.setitem(sys.modules, "cups", None)  # what `import cups` meets without it
    printer = receipt_printer_from_config(
        PrinterConfig(connection="cups", cups_name="guichet"), DrawerConfig(kind="none"), None)
    with pytest.raises(PrinterConfigError) as refused:
        printer.print_documents([receipt])
    assert refused.value.message == (
        "Configuration de l'imprimante : module pycups absent : pip install guichet[cups]")
