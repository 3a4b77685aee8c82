"""Benchmark: scans into ONE growing cancellation basket, in the real window, offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.window_scan            # demo + 4k
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.window_scan --orders 250000  # 1M
    … --profile window_scan.prof   # cProfile of the measured scans, top functions printed

It builds (once, then reuses from ``--workdir``) a SQLite database with the demo data
plus ``--orders`` paid orders of 4 tickets (tests/support/endurance_data.py), opens the
real window (file printer), and delivers every scan as a keyboard-wedge scanner sends
it: timestamped key events, 8 ms apart on the window system's clock, to the focused
scan field, through the application-wide wedge filter (tests/ui/scanner_keys.Keyboard).
The ``--scans`` tickets (consecutive numbers: 4 per order, so a new order group every
4th scan) all go into the same basket.

For each scan it reports two times, both from the first key of the burst:

- **keys -> row**: the ticket's row exists in ``basketView``'s model (seen from the
  model's ``rowsInserted`` / ``modelReset``);
- **keys -> idle**: every handler is done: the key events returned, then the posted
  events and zero timers (deferred panel refreshes, repaints) were processed.

Figures: p50 / p90 / p99 / max per slice of ``--slice`` scans (with 50 scans a slice,
p99 is the slowest scan), as a table, and as JSON with ``--json``, with the garbage
collector's pauses during the scans. The start-up's objects are frozen out of the
collector as ``run_window`` does (``--no-freeze``: not). Timings are reported, never
asserted; the driver checks that each scan landed (its row in the basket, the basket's
count) and exits 1 if one did not.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTreeView  # noqa: E402

from pos.config import parse_config  # noqa: E402
from pos.core.clock import SystemClock  # noqa: E402
from pos.core.db import Database  # noqa: E402
from pos.core.demo import load_demo  # noqa: E402
from pos.core.uow import UnitOfWork  # noqa: E402
from pos.ui.app import build_main_window, make_printer  # noqa: E402
from pos.ui.common.i18n import install_translator  # noqa: E402
from tests.support.endurance_data import (  # noqa: E402
    TICKETS_PER_ORDER,
    order_numbers,
    seed_paid_orders,
)
from tests.ui.scanner_keys import Keyboard  # noqa: E402

SCANNER_GAP_MS = 8  # between two keys of a burst ([scanner] max_gap_ms is 35)
BETWEEN_SCANS_MS = 400  # the cashier takes the next ticket
WARMUP_SCANS = 8


def database_for(workdir: Path, orders: int) -> Database:
    """The demo plus ``orders`` seeded orders, built once per size and reused."""
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / f"window-scan-{orders}.sqlite3"
    done = path.with_suffix(".ready")
    if not done.exists():
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        clock = SystemClock()
        database = Database(f"sqlite:///{path}")
        database.upgrade()
        with UnitOfWork(database.sessions) as uow:
            load_demo(uow, clock)
        seed_paid_orders(database, clock, orders)
        database.dispose()
        done.write_text(f"{orders} orders\n")
        print(f"built {path} ({orders * TICKETS_PER_ORDER:,} seeded tickets) in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
    return Database(f"sqlite:///{path}")


class RowProbe:
    """The moment the expected ticket's row appears in the basket model."""

    def __init__(self, view: QTreeView) -> None:
        self.view = view
        self.number = ""
        self.at: float | None = None
        self.inserted = 0
        self.resets = 0
        model = view.model()
        model.rowsInserted.connect(self._inserted)
        model.modelReset.connect(self._reset)

    def expect(self, number: str) -> None:
        self.number, self.at = number, None

    def _has(self, index: QModelIndex) -> bool:
        model = self.view.model()
        if (index.data() or "").startswith(self.number):
            return True
        return any(self._has(model.index(r, 0, index)) for r in range(model.rowCount(index)))

    def _inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        self.inserted += last - first + 1
        if self.at is not None or not self.number:
            return
        model = self.view.model()
        if any(self._has(model.index(r, 0, parent)) for r in range(first, last + 1)):
            self.at = time.perf_counter()

    def _reset(self) -> None:
        self.resets += 1
        if self.at is None and self.number and self.present():
            self.at = time.perf_counter()

    def present(self) -> bool:
        model = self.view.model()
        return any(self._has(model.index(r, 0)) for r in range(model.rowCount()))


def leaves(view: QTreeView) -> int:
    model = view.model()

    def count(parent: QModelIndex) -> int:
        n = model.rowCount(parent)
        if n == 0:
            return 1 if parent.isValid() else 0
        return sum(count(model.index(r, 0, parent)) for r in range(n))

    return count(QModelIndex())


def pump(app: QApplication) -> None:
    """Posted events and due (zero) timers, as the event loop would run them next."""
    for _ in range(3):
        app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class GcPauses:
    """How long the cyclic garbage collector stopped the GUI thread, by generation."""

    def __init__(self) -> None:
        self.pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.pauses[info["generation"]].append((time.perf_counter() - self._start) * 1000)

    def report(self) -> dict:
        return {f"gen{g}": {"count": len(p), "max_ms": round(max(p, default=0.0), 2)}
                for g, p in self.pauses.items()}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def summary(values: list[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(values), 2), "p90": round(percentile(values, 90), 2),
            "p99": round(percentile(values, 99), 2), "max": round(max(values), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=1000,
                        help="seeded paid orders of 4 tickets (250000: 1M tickets)")
    parser.add_argument("--scans", type=int, default=200, help="scans into one basket")
    parser.add_argument("--slice", type=int, default=50, help="scans per reported slice")
    parser.add_argument("--workdir", type=Path,
                        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
                        / "guichet-bench")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--no-freeze", dest="freeze", action="store_false",
                        help="leave the start-up's objects to the garbage collector "
                             "(run_window freezes them)")
    parser.add_argument("--profile", type=Path, default=None,
                        help="cProfile the measured scans into this file")
    args = parser.parse_args(argv)
    needed = (args.scans + WARMUP_SCANS) // TICKETS_PER_ORDER + 2
    if args.orders < needed:
        parser.error(f"--orders must be at least {needed}")

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translator(app, "fr")
    database = database_for(args.workdir, args.orders)
    config = parse_config(f"""
[counter]
name = "Guichet 1"
venue_name = "Théâtre de la Ville"
[printer]
connection = "file"
path = "{args.workdir / 'window-scan-printer.bin'}"
""")
    window = build_main_window(config, database, SystemClock(), make_printer(config),
                               operator="demo")
    try:
        return measure(app, window, args)
    finally:
        window.close()
        pump(app)
        database.dispose()


def measure(app: QApplication, window, args: argparse.Namespace) -> int:
    window.show()
    if args.freeze:
        gc.freeze()  # as run_window does once the window is built
    window.activateWindow()
    scan_field = window.findChild(QLineEdit, "scanField")
    view = window.findChild(QTreeView, "basketView")
    message = window.findChild(QLabel, "messageLabel")
    scan_field.setFocus()
    pump(app)
    keys = Keyboard()
    probe = RowProbe(view)

    # Orders from the middle of the seeded range: on a large database they are far from
    # the first rows, as a real customer's would be.
    first_order = args.orders // 2
    warmup = [n for k in range(WARMUP_SCANS // TICKETS_PER_ORDER)
              for n in order_numbers(first_order + k)]
    base = first_order + len(warmup) // TICKETS_PER_ORDER
    numbers = [n for k in range(-(-args.scans // TICKETS_PER_ORDER))
               for n in order_numbers(base + k)][:args.scans]

    def scan(number: str) -> tuple[float, float]:
        if QApplication.focusWidget() is not scan_field:
            scan_field.setFocus()
        keys.wait(BETWEEN_SCANS_MS)
        probe.expect(number)
        t0 = time.perf_counter()
        keys.scan(number, gap=SCANNER_GAP_MS)
        pump(app)
        idle = time.perf_counter()
        if probe.at is None:
            raise SystemExit(f"ticket {number} not in the basket "
                             f"(message: {message.text()!r})")
        return (probe.at - t0) * 1000, (idle - t0) * 1000

    for number in warmup:
        scan(number)
    window.controller.hold.abandon()  # ABANDONNER ORDRE (F5): an empty basket again
    pump(app)
    if leaves(view) != 0:
        print("the basket was not emptied by ABANDONNER ORDRE", file=sys.stderr)
        return 1

    rows, idles = [], []
    pauses = GcPauses()
    inserted_before, resets_before = probe.inserted, probe.resets
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    for number in numbers:
        row, idle = scan(number)
        rows.append(row)
        idles.append(idle)
    if profiler:
        profiler.disable()
    count = leaves(view)
    basket = len(window.controller.basket)
    if count != args.scans or basket != args.scans:
        print(f"{args.scans} scans, but {count} ticket rows and {basket} in the basket",
              file=sys.stderr)
        return 1

    report = {
        "database": {"orders": args.orders, "seeded_tickets": args.orders * TICKETS_PER_ORDER},
        "scans": args.scans, "slice": args.slice,
        "rows_inserted": probe.inserted - inserted_before,
        "model_resets": probe.resets - resets_before,
        "gc_pauses": pauses.report(),
        "slices": [],
        "all": {"keys_to_row_ms": summary(rows), "keys_to_idle_ms": summary(idles)},
    }
    print(f"window scan: {args.scans} scans into one basket, demo + "
          f"{args.orders * TICKETS_PER_ORDER:,} seeded tickets; rows inserted "
          f"{report['rows_inserted']}, model resets {report['model_resets']}; garbage "
          f"collector {report['gc_pauses']}")
    print(f"{'tickets':>9} | {'keys -> row  p50 / p90 / p99 / max (ms)':>40} | "
          f"{'keys -> idle  p50 / p90 / p99 / max (ms)':>41}")
    for start in range(0, args.scans, args.slice):
        part = {"from": start + 1, "to": min(start + args.slice, args.scans),
                "keys_to_row_ms": summary(rows[start:start + args.slice]),
                "keys_to_idle_ms": summary(idles[start:start + args.slice])}
        report["slices"].append(part)
    for part in [*report["slices"], {"from": 1, "to": args.scans, **report["all"]}]:
        r, i = part["keys_to_row_ms"], part["keys_to_idle_ms"]
        print(f"{part['from']:>4}-{part['to']:<4} | {r['p50']:>9.2f} {r['p90']:>7.2f} "
              f"{r['p99']:>7.2f} {r['max']:>7.2f}{'':>8} | {i['p50']:>9.2f} {i['p90']:>7.2f} "
              f"{i['p99']:>7.2f} {i['max']:>7.2f}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    if profiler:
        profiler.dump_stats(args.profile)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    return 0


if __name__ == "__main__":
    sys.exit(main())
