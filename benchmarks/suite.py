"""``make bench``: the benchmark suite of issue 12.

    .venv/bin/python -m benchmarks.suite                        # SQLite, every size
    .venv/bin/python -m benchmarks.suite --sizes 10k,100k       # fewer sizes
    .venv/bin/python -m benchmarks.suite --url postgresql+psycopg://guichet@127.0.0.1:54329/guichet_bench

For each database shape (see ``benchmarks.dataset``; built once into the cache, copied
for each run), each operation gets warm-up runs and is reported as median, p90, p99,
min and max in a table on stdout and in a JSON file (``--out``). Timings are reported,
never asserted; each timed operation is checked to have happened (``benchmarks.ops``).
Operations 3 to 5 run with ``PRAGMA synchronous=FULL`` on SQLite.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from benchmarks import ops
from benchmarks.dataset import prepare

ROOT = Path(__file__).resolve().parent.parent


def stats(samples: list[float], unit: float = 1000.0) -> dict:
    """median, p90, p99 (nearest rank), min, max, in ms (``unit``), and the count."""
    if not samples:
        return {"n": 0}
    s = sorted(samples)

    def rank(p: float) -> float:
        return s[max(0, math.ceil(p * len(s)) - 1)] * unit

    return {"n": len(s), "median": statistics.median(s) * unit, "p90": rank(0.90),
            "p99": rank(0.99), "min": s[0] * unit, "max": s[-1] * unit}


def timed(make: Callable[[], Callable[[], float]], runs: int, warmup: int) -> list[float]:
    """``make`` prepares one run (its data) outside the timing; the run times itself."""
    for _ in range(warmup):
        make()()
    return [make()() for _ in range(runs)]


class Report:
    def __init__(self) -> None:
        self.rows: list[dict] = []

    def add(self, shape: str, operation: str, figures: dict, unit: str = "ms",
            **extra) -> None:
        row = {"shape": shape, "operation": operation, "unit": unit, **figures, **extra}
        self.rows.append(row)
        print(self.line(row), flush=True)

    @staticmethod
    def line(row: dict) -> str:
        if not row.get("n"):
            return f"{row['shape']:<6} {row['operation']:<60} (no sample)"
        f = [f"{row[k]:>9.3f}" for k in ("median", "p90", "p99", "min", "max")]
        return (f"{row['shape']:<6} {row['operation']:<60} {' '.join(f)} "
                f"{row['unit']:<3} n={row['n']}")

    def table(self) -> str:
        head = (f"{'shape':<6} {'operation':<60} {'median':>9} {'p90':>9} {'p99':>9} "
                f"{'min':>9} {'max':>9}")
        return "\n".join([head, "-" * len(head)] + [self.line(r) for r in self.rows])


def _venues(meta) -> list[str]:
    keys = list(meta.ten_ticket_orders)
    # The smallest and the largest hall of the shape: "flat from a hall to a stadium".
    return [k for k in ("hall", "stadium", "arena") if k in keys] or keys


def core_ops(shape: str, url: str, meta, args, report: Report) -> None:
    database = ops.open_database(url)
    try:
        ctx = ops.context(database, meta)
        # As the window does once started (pos.ui.app.collect_after_start): what the set-up
        # built is frozen out of the cyclic collector's sight, so that a collection during
        # a timed operation walks what the operation made, not the whole suite's heap.
        gc.collect()
        gc.freeze()
        r = args.runs
        report.add(shape, "1 scan lookup (take_ticket)",
                   stats(timed(lambda: ops.scan_once(ctx), r["scan"], r["scan"] // 10)))
        report.add(shape, "2 range of 1,000 numbers + report",
                   stats(timed(lambda: ops.range_once(ctx), r["range"], 2)))
        for venue in _venues(meta):
            cap = meta.capacity[venue]
            # Each timed refund or exchange uses up one paid 10-ticket order of the venue.
            spare = max(1, len(meta.ten_ticket_orders[venue]) // 3 - 3)
            r = {**args.runs, "refund": min(args.runs["refund"], spare),
                 "exchange": min(args.runs["exchange"], spare)}
            tag = f" [{venue} {cap:,}]"
            phases: dict[str, list[float]] = {}
            report.add(shape, "3 whole 10-ticket order: cancel + cash refund" + tag,
                       stats(timed(lambda v=venue, p=phases: ops.refund_once(ctx, v, None, p),
                                   r["refund"], 3)))
            for name, samples in phases.items():
                report.add(shape, f"  3. {name}{tag}", stats(samples[3:]))
            phases = {}
            report.add(shape, "4 1 ticket of a 10-ticket order: cancel + refund" + tag,
                       stats(timed(lambda v=venue, p=phases: ops.refund_once(ctx, v, 1, p),
                                   r["refund"], 3)))
            for name, samples in phases.items():
                report.add(shape, f"  4. {name}{tag}", stats(samples[3:]))
            phases = {}
            report.add(shape, "5 exchange of 10 tickets, best seats, settled" + tag,
                       stats(timed(lambda v=venue, p=phases: ops.exchange_once(ctx, v, p),
                                   r["exchange"], 3)))
            for name, samples in phases.items():
                report.add(shape, f"  5. {name}{tag}", stats(samples[3:]))
    finally:
        database.dispose()


def _refundable_numbers(url: str, count: int, seed: int, run: int = 40) -> list[str]:
    """Refundable numbers as a cashier scans them: runs of ``run`` consecutive tickets
    (whole orders, a group's tickets) from random places of the database."""
    from pos.core.db import Database
    from pos.core.models import Performance, Ticket, TicketState

    database = Database(url)
    rng = random.Random(seed)
    numbers: list[str] = []
    with database.engine.connect() as conn:
        top = conn.scalar(select(Ticket.id).order_by(Ticket.id.desc()).limit(1))
        while len(numbers) < count:
            start = rng.randint(1, max(1, top - run))
            numbers += conn.execute(
                select(Ticket.number).join(Performance)
                .where(Ticket.id.between(start, start + run - 1),
                       Ticket.state == TicketState.VALID, Performance.starts_at > ops.BENCH_NOW)
                .order_by(Ticket.id)).scalars().all()
    database.dispose()
    return list(dict.fromkeys(numbers))[:count]


def window_ops(shape: str, url: str, args, report: Report) -> None:
    numbers = _refundable_numbers(url, args.window_scans + 20, 7)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(numbers))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.window_bench", "--mode", "scans", "--url", url,
         "--numbers", f.name, "--basket", str(args.basket)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    os.unlink(f.name)
    if out.returncode != 0:
        raise ops.BenchCheckFailed(f"window benchmark failed: {out.stderr[-2000:]}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    ops.check(len(data["keys_to_row"]) >= args.window_scans * 0.9,
              f"window: only {len(data['keys_to_row'])} scans reached the basket")
    report.add(shape, "6 window: scan keys -> basket row", stats(data["keys_to_row"]))
    report.add(shape, "6 window: scan keys -> all handlers done", stats(data["keys_to_idle"]))
    by_pos = list(zip(data["positions"], data["keys_to_row"], strict=True))
    for low, high in ((1, 10), (91, 100), (191, 200)):
        samples = [t for p, t in by_pos if low <= p <= high]
        if samples:
            report.add(shape, f"  6. keys -> row, basket tickets {low}-{high}", stats(samples))
    report.add(shape, "9 peak resident memory, window after scans",
               {"n": 1, "median": data["peak_rss_mb"], "p90": data["peak_rss_mb"],
                "p99": data["peak_rss_mb"], "min": data["peak_rss_mb"],
                "max": data["peak_rss_mb"]}, unit="MB")


def byte_compile() -> None:
    """The window starts from byte-compiled modules, as installed (pip compiles a wheel's
    modules; ``make venv`` and ``make run`` compile ours). Without it, and with
    PYTHONDONTWRITEBYTECODE set as on this machine, every start compiles some 200 modules
    from source again: about 0.2 s of CPU."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j0", "pos", "benchmarks"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def cold_start(shape: str, url: str, args, report: Report) -> None:
    """7: start to a focused scan field. 7b: the same start with a scan typed as soon as
    the field has the focus, to its ticket in the basket: what the imports and the mapper
    configuration left to after the first paint (pos.ui.app.WarmUp) cost the first scan."""
    byte_compile()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "benchmarks.window_bench", "--mode", "start", "--url", url]
    number = _refundable_numbers(url, 1, 11)[0]
    for name, extra, done, failed in (
            ("7 cold start to a focused scan field", [], '"ready"',
             "cold start did not reach a focused scan field"),
            ("  7b. then a scan typed at once: its ticket in the basket", ["--scan", number],
             f'"scanned": "{number}"', "the scan typed at start did not land")):
        samples = []
        for i in range(args.runs["start"] + 1):
            t0 = time.perf_counter()
            out = subprocess.run(command + extra, cwd=ROOT, env=env, capture_output=True,
                                 text=True, timeout=60)
            elapsed = time.perf_counter() - t0
            ops.check(out.returncode == 0 and done in out.stdout,
                      f"{failed}: {out.stderr[-1000:]}")
            if i:  # the first run warms the page cache
                samples.append(elapsed)
        report.add(shape, name, stats(samples))


def escpos(report: Report, runs: int) -> None:
    ticket, receipt = ops.escpos_documents()
    for name, doc in (("ticket", ticket), ("refund receipt", receipt)):
        report.add("-", f"8 ESC/POS rendering of a {name}",
                   stats(timed(lambda d=doc: ops.escpos_once(d), runs, runs // 10)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES") or "10k,100k,1m,peer",
                        help="comma-separated shapes: tiny, 10k, 100k, 1m, peer")
    parser.add_argument("--url", default=os.environ.get("BENCH_URL", ""),
                        help="a PostgreSQL URL (its database name is the prefix); "
                             "empty: SQLite files")
    parser.add_argument("--out", default=os.environ.get("BENCH_OUT", "bench-results.json"))
    parser.add_argument("--quick", action="store_true", help="few runs (the smoke test)")
    parser.add_argument("--window-scans", type=int, default=500)
    parser.add_argument("--basket", type=int, default=200)
    parser.add_argument("--no-window", action="store_true", help="core operations only")
    args = parser.parse_args(argv)
    args.runs = ({"scan": 40, "range": 2, "refund": 2, "exchange": 2, "start": 1,
                  "escpos": 20} if args.quick else
                 {"scan": 2000, "range": 40, "refund": 30, "exchange": 20, "start": 8,
                  "escpos": 500})
    if args.quick:
        args.window_scans = min(args.window_scans, 30)
    shapes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    report = Report()
    started = time.perf_counter()
    escpos(report, args.runs["escpos"])
    # The window on the first and last shapes, and on the million tickets (the targets'
    # "1M database") when it is run.
    window_shapes = ({shapes[0], shapes[-1]} | ({"1m"} & set(shapes))
                     if not args.no_window else set())
    for shape in shapes:
        url, meta = prepare(shape, args.url)
        core_ops(shape, url, meta, args, report)
        if shape in window_shapes:
            url, meta = prepare(shape, args.url)  # a fresh copy: the same data as the others
            window_ops(shape, url, args, report)
            cold_start(shape, url, args, report)
    print()
    print(report.table())
    result = {
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpus": os.cpu_count(), "processor": platform.processor()},
        "database": "postgresql" if args.url else "sqlite",
        "synchronous": "FULL (operations 3-5)", "seconds": round(time.perf_counter() - started),
        "results": report.rows,
    }
    Path(args.out).write_text(json.dumps(result, indent=2))
    print(f"\n{len(report.rows)} figures in {result['seconds']} s, JSON in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
