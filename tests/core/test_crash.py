"""A settlement process killed with SIGKILL, at each named point of the pipeline
(``GUICHET_CRASH_AT``, ``pos.core.crash_points``) and at random moments: after each
kill, the database holds every operation entirely or not at all
(``tests.support.crash_checks``), and the same key retried settles each order once.

``make test`` runs a few kills; ``make stress`` hundreds (GUICHET_CRASH_ROUNDS random
kills, GUICHET_CRASH_NAMED=all: every point with every kind of settlement)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pos.core.crash_points import POINTS
from tests.conftest import NOW
from tests.support import crash_checks
from tests.support.cash import fill_drawer
from tests.support.crash_child import KINDS, prepare, settle, station_of
from tests.support.endurance_data import seed_paid_orders

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("GUICHET_CRASH_ROUNDS", "4"))
ALL_NAMED = os.environ.get("GUICHET_CRASH_NAMED", "") == "all"
PER_CHILD = 3  # orders a randomly killed child settles
pytestmark = pytest.mark.stress

#: the kinds of settlement whose pipeline passes each point (a hold cancels no ticket
#: and touches no order)
REACHES = {p: [k for k in KINDS if k != "hold" or p not in ("tickets_cancelled",
                                                             "orders_touched")]
           for p in POINTS}


def _named_runs() -> list[tuple[str, str]]:
    if ALL_NAMED:
        return [(p, k) for p in POINTS for k in REACHES[p]]
    return [(p, REACHES[p][i % len(REACHES[p])]) for i, p in enumerate(POINTS)]


def _child(url: str, indexes: list[int], crash_at: str | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("GUICHET_CRASH_AT", None)
    if crash_at:
        env["GUICHET_CRASH_AT"] = crash_at
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.crash_child", url,
         ",".join(map(str, indexes)), NOW.isoformat()],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _report(db, what: str, tally: dict[str, int]) -> None:
    counts = ", ".join(f"{k} {v}" for k, v in sorted(tally.items()))
    print(f"\n[crash] {db.dialect}: {what}: {counts}")


def test_killed_at_each_named_point(demo, clock):
    runs = _named_runs()
    seed_paid_orders(demo, clock, len(runs) * len(KINDS))
    orders = len(runs) * len(KINDS)
    station = station_of(demo)
    fill_drawer(demo, station, clock)
    base = crash_checks.baseline(demo)
    used: set[int] = set()
    tally: dict[str, int] = {}
    for point, kind in runs:
        index = next(i for i in range(orders) if i not in used and KINDS[i % 4] == kind)
        used.add(index)
        prepared = prepare(demo, clock, index)
        child = _child(demo.url, [index], crash_at=point)
        out, err = child.communicate(timeout=120)
        assert child.returncode == -signal.SIGKILL, (point, kind, out, err)
        settled = crash_checks.check(demo, base, orders)
        committed = point == "after_commit"
        assert (index in settled) is committed, (point, kind)
        result = settle(demo, station, clock, index, prepared)  # the retry: same key
        settled = crash_checks.check(demo, base, orders)
        assert settled[index] == result.operation_id
        tally[f"killed at {point}"] = tally.get(f"killed at {point}", 0) + 1
    assert set(settled) == used
    tally["journal verify"] = {None: "absent", True: "passed"}[crash_checks.journal_verifies(demo)]
    _report(demo, f"{len(runs)} named kills", tally)


def _next_window(window: float, ready_at: float, out: str) -> float:
    """Kills fall anywhere in a child's run: the window follows how long its orders took
    (from its own "settled" lines), a little shorter: it also spends time after the last."""
    times = [float(line.split()[-1]) for line in out.splitlines() if line.startswith("settled")]
    if not times:
        return min(window * 1.3, 10.0)
    per_order = (times[-1] - ready_at) / len(times)
    return 0.7 * window + 0.3 * per_order * PER_CHILD * 0.9


def test_killed_at_random_moments(demo, clock):
    rng = random.Random(int(os.environ.get("GUICHET_CRASH_SEED", "8")))
    orders = ROUNDS * PER_CHILD
    seed_paid_orders(demo, clock, orders)
    station = station_of(demo)
    fill_drawer(demo, station, clock)
    base = crash_checks.baseline(demo)
    tally: dict[str, int] = {}
    window = 0.3  # s: then the time the children take for their orders, as they say it
    for round_no in range(ROUNDS):
        indexes = list(range(round_no * PER_CHILD, (round_no + 1) * PER_CHILD))
        prepared = {i: prepare(demo, clock, i) for i in indexes}
        child = _child(demo.url, indexes)
        ready = child.stdout.readline().split()
        assert ready[:1] == ["ready"], child.stderr.read()
        time.sleep(rng.uniform(0, window))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate(timeout=60)
        window = _next_window(window, float(ready[1]), out)
        before = crash_checks.check(demo, base, orders)
        done = sum(i in before for i in indexes)
        what = ("finished before the kill" if child.returncode == 0
                else f"killed after {done} of {PER_CHILD}")
        tally[what] = tally.get(what, 0) + 1
        for index in indexes:  # the cashier tries again: each settles once
            result = settle(demo, station, clock, index, prepared[index])
            if index in before:
                assert result.operation_id == before[index]
        after = crash_checks.check(demo, base, orders)
        assert set(indexes) <= set(after)
    tally["journal verify"] = {None: "absent", True: "passed"}[crash_checks.journal_verifies(demo)]
    _report(demo, f"{ROUNDS} random kills", tally)


@pytest.mark.parametrize("damage, named", [
    ("DELETE FROM print_jobs", "print jobs"),
    ("UPDATE counters SET last_operation_number = last_operation_number + 1", "a gap"),
    ("UPDATE tickets SET state = 'valid' WHERE number = '30000000001'", "payments"),
    ("DELETE FROM settlement_keys", "without its key"),
])
def test_the_checks_see_what_is_half_done(demo, clock, damage, named):
    """The checks above can fail: each kind of half-done settlement is named."""
    from sqlalchemy import text

    seed_paid_orders(demo, clock, 4)
    base = crash_checks.baseline(demo)
    station = station_of(demo)
    settle(demo, station, clock, 0, prepare(demo, clock, 0))
    crash_checks.check(demo, base, 4)
    with demo.engine.begin() as conn:
        conn.execute(text(damage))
    with pytest.raises(AssertionError, match=named):
        crash_checks.check(demo, base, 4)
