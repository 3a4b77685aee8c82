"""The benchmark suite (``make bench``) runs end to end on a tiny database, and its checks
bite: an operation that does not happen fails the run instead of being timed. No timing
is asserted."""

from __future__ import annotations

import json
import subprocess
from types import SimpleNamespace

import pytest
from sqlalchemy import event

from benchmarks import ops, suite
from benchmarks.dataset import prepare
from pos.core.basket import CancellationBasket
from pos.core.db import Database
from pos.core.services import settlement
from pos.core.services.refunds import SettlementResult


@pytest.fixture
def bench_env(tmp_path, monkeypatch):
    monkeypatch.setenv("GUICHET_BENCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("GUICHET_BENCH_WORK", str(tmp_path))
    return tmp_path


def test_the_suite_runs_every_operation_on_a_tiny_database(bench_env):
    out = bench_env / "results.json"
    assert suite.main(["--sizes", "tiny", "--quick", "--out", str(out)]) == 0
    data = json.loads(out.read_text())
    operations = {row["operation"].split(" [")[0] for row in data["results"]}
    for number in "123456789":
        assert any(op.startswith(number) for op in operations), number
    for row in data["results"]:
        assert row["n"] >= 1
        assert {"median", "p90", "p99", "min", "max"} <= set(row)
    # Several venues: the smallest and the largest hall are both measured.
    assert any("[hall 500]" in row["operation"] for row in data["results"])
    assert any("[stadium 50,000]" in row["operation"] for row in data["results"])


def test_a_refund_that_cancels_nothing_fails_the_run(bench_env, monkeypatch):
    def no_refund(uow, basket, tenders, station, clock, **kw):
        return SettlementResult(0, 0, basket.refund_total, (), (), False, (1,))

    monkeypatch.setattr(ops, "refund_basket", no_refund)
    with pytest.raises(ops.BenchCheckFailed, match="not cancelled"):
        suite.main(["--sizes", "tiny", "--quick", "--no-window",
                    "--out", str(bench_env / "r.json")])


def test_a_scan_that_fills_no_basket_fails_the_run(bench_env, monkeypatch):
    monkeypatch.setattr(ops, "take_ticket", lambda uow, basket, raw, clock: None)
    with pytest.raises(ops.BenchCheckFailed, match="did not fill the basket"):
        suite.main(["--sizes", "tiny", "--quick", "--no-window",
                    "--out", str(bench_env / "r.json")])


def test_an_exchange_that_replaces_nothing_fails_the_run(bench_env, monkeypatch):
    real = ops.settle_exchange

    def settle_but_roll_back(uow, cancellation, sale, tenders, station, clock):
        uow.session.commit = uow.session.flush  # nothing reaches the database
        return real(uow, cancellation, sale, tenders, station, clock)

    monkeypatch.setattr(ops, "settle_exchange", settle_but_roll_back)
    with pytest.raises(ops.BenchCheckFailed, match="exchange of order"):
        suite.main(["--sizes", "tiny", "--quick", "--no-window",
                    "--out", str(bench_env / "r.json")])


def core_run(bench_env) -> None:
    suite.main(["--sizes", "tiny", "--quick", "--no-window", "--out", str(bench_env / "r.json")])


def test_a_range_that_takes_nothing_fails_the_run(bench_env, monkeypatch):
    real = ops.take_refundable

    def take_elsewhere(uow, basket, numbers, clock):
        # Says what it took, but into a basket nobody sees: the bench's stays empty.
        return real(uow, CancellationBasket(), numbers, clock)

    monkeypatch.setattr(ops, "take_refundable", take_elsewhere)
    with pytest.raises(ops.BenchCheckFailed, match=r"range: 0 tickets in the basket"):
        core_run(bench_env)


def test_a_refund_that_appends_no_journal_entry_fails_the_run(bench_env, monkeypatch):
    # The settlement runs for real (tickets cancelled, payments and print jobs appended),
    # but its journal step does nothing.
    monkeypatch.setattr(settlement, "append_journal", lambda ctx, *args, **kw: None)
    with pytest.raises(ops.BenchCheckFailed, match=r"order \d+: no journal entry appended"):
        core_run(bench_env)


def test_a_connection_without_synchronous_full_fails_the_run(bench_env, monkeypatch):
    def open_normal(url: str) -> Database:
        database = Database(url)

        @event.listens_for(database.engine, "connect")
        def _normal(dbapi_connection, _record) -> None:  # after the app's own FULL
            dbapi_connection.execute("PRAGMA synchronous=NORMAL")

        return database

    monkeypatch.setattr(ops, "open_database", open_normal)
    with pytest.raises(ops.BenchCheckFailed, match=r"synchronous=1, not FULL"):
        core_run(bench_env)


def fault_in_window_child(monkeypatch, fault: str) -> None:
    """The suite's window child (``python -m benchmarks.window_bench ...``) runs for real,
    as the suite starts it, with ``fault`` executed first: the suite's own checks judge
    what the faulty child reports."""
    real = subprocess.run

    def run(command, *args, **kwargs):
        if command[1:3] == ["-m", "benchmarks.window_bench"]:
            main = "import runpy; runpy.run_module('benchmarks.window_bench', run_name='__main__')"
            command = [command[0], "-c", f"{fault}\n{main}", *command[3:]]
        return real(command, *args, **kwargs)

    monkeypatch.setattr(suite, "subprocess", SimpleNamespace(run=run, DEVNULL=subprocess.DEVNULL))


# The window takes another ticket than each scanned one (the next of a list of spare
# refundable tickets): the basket grows by one row at each scan, as it should, but the
# scanned ticket never reaches it.
ANOTHER_TICKET_TAKEN = """
import pos.ui.counter.controller as controller
real = controller.take_ticket
spares = iter(open({path!r}).read().split())
controller.take_ticket = lambda uow, basket, raw, clock, **kw: real(
    uow, basket, next(spares), clock, **kw)
"""


def test_a_window_scan_that_lands_another_ticket_fails_the_run(bench_env, monkeypatch):
    url, _meta = prepare("tiny")
    scans = 30  # the suite scans scans + 20 numbers (suite.window_ops): the spares follow
    spares = bench_env / "spares.txt"
    spares.write_text("\n".join(suite._refundable_numbers(url, 2 * (scans + 20), 7)[scans + 20:]))
    fault_in_window_child(monkeypatch, ANOTHER_TICKET_TAKEN.format(path=str(spares)))
    with pytest.raises(ops.BenchCheckFailed, match="not by the scanned ticket"):
        suite.window_ops("tiny", url, SimpleNamespace(window_scans=scans, basket=200),
                         suite.Report())


# Starts that never focus the scan field: it cannot take the focus (the focus lands
# elsewhere), or the window has none (a start that would see "no focus" as its focus).
NEVER_FOCUSED = """
from PySide6.QtCore import Qt
import pos.ui.app as app
real = app.build_main_window

def build_main_window(*args, **kwargs):
    window = real(*args, **kwargs)
    {fault}
    return window

app.build_main_window = build_main_window
"""
UNFOCUSABLE = ("window.scan_field.setFocusPolicy(Qt.FocusPolicy.NoFocus); "
               "window.scan_field.clearFocus()")
NO_SCAN_FIELD = "window.scan_field.setObjectName('renamedField'); window.scan_field.clearFocus()"


@pytest.mark.parametrize("fault", [UNFOCUSABLE, NO_SCAN_FIELD], ids=["unfocusable", "missing"])
def test_a_start_that_never_focuses_the_scan_field_fails_the_run(bench_env, monkeypatch, fault):
    fault_in_window_child(monkeypatch, NEVER_FOCUSED.format(fault=fault))
    monkeypatch.setenv("GUICHET_BENCH_START_GIVE_UP_S", "3")  # not the 20 s of a real run
    url, _meta = prepare("tiny")
    with pytest.raises(ops.BenchCheckFailed, match=r"(?s)did not reach a focused scan field: "
                       r".*no focused scan field after 3.0 s \(focus: "):
        suite.cold_start("tiny", url, SimpleNamespace(runs={"start": 1}), suite.Report())


def test_a_scan_at_start_that_lands_another_ticket_fails_the_run(bench_env, monkeypatch):
    url, _meta = prepare("tiny")
    # 7b scans suite._refundable_numbers(url, 1, 11)[0]; the window takes another one.
    spares = bench_env / "spares.txt"
    scanned = suite._refundable_numbers(url, 1, 11)[0]
    spares.write_text("\n".join(n for n in suite._refundable_numbers(url, 40, 12)
                                 if n != scanned))
    fault_in_window_child(monkeypatch, ANOTHER_TICKET_TAKEN.format(path=str(spares)))
    monkeypatch.setenv("GUICHET_BENCH_START_GIVE_UP_S", "3")
    with pytest.raises(ops.BenchCheckFailed, match=r"(?s)the scan typed at start did not "
                       r"land: .*ticket \d{11} not in the basket 3.0 s after its scan"):
        suite.cold_start("tiny", url, SimpleNamespace(runs={"start": 1}), suite.Report())
