"""A print failure says all of it (issue 9): which order ("L'impression de l'ordre 1271
a échoué", not "de ordre"), why, and whether the drawer opened; over a real TCP printer
that refuses connections. The jobs carry their document's name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos.core.models import PaymentMode
from pos.formatting import plain_spaces
from pos.ui.devices.worker import PrintJobState
from tests.support.printed import PrintedJobsPrinter
from tests.ui.test_print_worker import (  # noqa: F401 - fixtures
    fake,
    make_queue,
    refund,
    target,
    wait_state,
)


def test_a_cash_refund_that_cannot_print_says_its_order_and_the_drawer(
        qtbot, demo, station, clock, target, make_queue):  # noqa: F811
    with PrintedJobsPrinter() as down:
        down.refuse()
        target["port"] = down.port
        queue = make_queue()
        said: list[str] = []
        queue.sig_job_failure.connect(said.append)
        names: list[str] = []
        queue.sig_job_failed.connect(lambda name, _message: names.append(name))
        done = refund(demo, station, clock, "01010002748")
        [job_id] = done.print_job_ids
        queue.wake()
        wait_state(qtbot, demo, job_id, PrintJobState.FAILED)
        qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    number = done.operation_number
    text = plain_spaces(said[0])
    assert text.startswith(f"L'impression de l'ordre {number} a échoué : Imprimante injoignable")
    assert text.endswith("Le tiroir n'a pas été ouvert.")
    assert names == [f"Reçu ordre {number}"]


def test_a_job_without_drawer_does_not_mention_it(
        qtbot, demo, station, clock, target, make_queue):  # noqa: F811
    with PrintedJobsPrinter() as down:
        down.refuse()
        target["port"] = down.port
        queue = make_queue()
        said: list[str] = []
        queue.sig_job_failure.connect(said.append)
        done = refund(demo, station, clock, "01010002748", mode=PaymentMode.CREDIT_NOTE)
        queue.wake()
        qtbot.waitUntil(lambda: bool(said), timeout=10_000)  # the receipt, first in line
    assert all("tiroir" not in s for s in said)
    assert plain_spaces(said[0]).startswith(
        f"L'impression de l'ordre {done.operation_number} a échoué")
    assert QCoreApplication.translate("PrintQueue", "The drawer was not opened.") == \
        "Le tiroir n'a pas été ouvert."
