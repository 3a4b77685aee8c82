"""The print worker with a CUPS printer on a real cupsd: a refund's receipt while the queue
is stopped stays in Guichet's print queue with the French reason, and prints once when
the administrator starts the queue again."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from pos.config import PrinterConfig
from pos.core.models_printing import PrintJobState
from pos.devices.printer import ReceiptPrinter, open_printer
from pos.ui.devices.worker import PrintQueue
from tests.support import cupsd
from tests.support.escpos_decoder import decode, text_lines
from tests.support.fake_printer import FakeNetworkPrinter
from tests.ui.test_print_worker import job, refund, wait_state

if os.environ.get("CI"):
    import cups  # noqa: F401 - in CI the extra must be installed
    assert not cupsd.missing(), cupsd.missing()
pytest.importorskip("cups", reason="pycups is not installed (pip install guichet[cups])")
pytestmark = pytest.mark.skipif(bool(cupsd.missing()), reason=cupsd.missing() or "")

S = PrintJobState


@pytest.fixture
def fake():
    with FakeNetworkPrinter() as printer:
        yield printer


@pytest.fixture
def server(fake):
    with cupsd.CupsServer() as running:
        running.add_raw_queue("guichet", cupsd.socket_uri(fake.port))
        yield running


def test_a_stopped_cups_queue_keeps_the_job_then_prints_it_once(
        qtbot, demo, station, clock, fake, server):
    config = PrinterConfig(connection="cups", cups_name="guichet", cups_server=server.address)
    printer = ReceiptPrinter(lambda: open_printer(config, None), kick_pin=2)
    queue = PrintQueue(demo, station.counter_id, clock, printer, status_interval=3600)
    try:
        server.admin("cupsdisable", "guichet")
        [job_id] = refund(demo, station, clock, "01010002748").print_job_ids
        queue.wake()
        wait_state(qtbot, demo, job_id, S.FAILED)
        state, attempts, error = job(demo, job_id)
        assert attempts == 1 and error.startswith("Imprimante injoignable : CUPS")
        assert "file d'impression arrêtée dans CUPS" in error
        assert fake.jobs == []

        server.admin("cupsenable", "guichet")
        clock.advance(timedelta(seconds=2))  # the first retry is due
        queue.wake()
        wait_state(qtbot, demo, job_id, S.DONE)
        [printed] = fake.wait_for_jobs(1)
        assert "Ordre 1271" in text_lines(decode(printed))
        assert job(demo, job_id) == (S.DONE, 2, "")
    finally:
        queue.stop()
