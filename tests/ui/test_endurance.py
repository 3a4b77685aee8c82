"""Endurance: many scans, refunds and exchanges in one window process
(tests/ui/endurance.py, run in a subprocess so that an abort such as "none_dealloc" is a
failure with its stderr, not the end of pytest).

GUICHET_ENDURANCE_SCANS sets the number of scans: 500 by default (``make test`` runs it
with the rest), 5,000 in ``make stress`` (which runs the tests marked ``stress``).
Asserted: the process exits 0; every scan landed in the basket and every refund and
exchange asked for is in the database; the references to None/True/False never fall
below what they were after warm-up (PySide6 6.12.0 on CPython 3.11 loses about 250 to
None a scan and aborts at scan ~250); the resident memory grows by less than a fixed
slack plus a rate per 1,000 scans after warm-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pos.core.db import Database
from pos.core.models import Payment, PaymentMode, Ticket, TicketState
from tests.support.endurance_data import FIRST_NUMBER

SCANS = int(os.environ.get("GUICHET_ENDURANCE_SCANS", "500"))
# The window's interpreter: this one, or another venv's to try a PySide6 release, e.g.
# GUICHET_ENDURANCE_PYTHON=/tmp/e612/bin/python (its site-packages need the project's
# dependencies; the project itself comes from this checkout).
PYTHON = os.environ.get("GUICHET_ENDURANCE_PYTHON") or sys.executable
ROOT = Path(__file__).resolve().parents[2]
# After warm-up the window holds no more memory a scan: 6.11.3 grows by ~0.5 MiB over
# 4,500 scans (allocator noise). A leak of one basket's objects per customer, or of a
# few KiB a scan, passes these: SLACK absorbs the allocator's steps, RATE the rest.
RSS_SLACK_KIB = 8 * 1024
RSS_RATE_KIB_PER_1000_SCANS = 2 * 1024

# Objects alive at the moment of a measure hold a few references more or less (6.11.3:
# True is 14,407 after warm-up and 14,406 at the end, up to +30 between); the bug drops
# ~250 to None and ~10 to True a scan, thousands over the run.
REFCOUNT_NOISE = 50

pytestmark = pytest.mark.stress  # make stress: -m stress, GUICHET_ENDURANCE_SCANS=5000


def run_driver(tmp_path: Path, scans: int) -> tuple[subprocess.CompletedProcess, dict]:
    out = tmp_path / "endurance.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONFAULTHANDLER": "1"}
    proc = subprocess.run(
        [PYTHON, "-m", "tests.ui.endurance", "--scans", str(scans),
         "--json", str(out), "--workdir", str(tmp_path / "work")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60 + scans * 0.5)
    report = json.loads(out.read_text()) if out.exists() else {}
    return proc, report


def test_scans_refunds_and_exchanges_in_one_window(tmp_path):
    proc, report = run_driver(tmp_path, SCANS)
    print(proc.stdout)  # the figures, shown with -s or on failure
    assert proc.returncode == 0, (
        f"the window process ended with {proc.returncode} after "
        f"{report.get('scans', 0)} scans\n--- stderr (tail) ---\n{proc.stderr[-4000:]}")
    assert report["done"]

    # All that was asked was done: the basket showed every scan (the driver checks each
    # one), and the refunds and exchanges are in the database.
    assert report["scans"] == SCANS
    assert report["refunds"] >= SCANS // 60 and report["exchanges"] >= SCANS // 60  # 1 in 52
    assert report["abandons"] > report["refunds"] + report["exchanges"]
    database = Database(f"sqlite:///{tmp_path / 'work' / 'guichet.sqlite3'}")
    try:
        with database.sessions() as s:
            seeded = Ticket.number >= f"{FIRST_NUMBER:011d}"
            states = dict(s.execute(select(Ticket.state, func.count()).where(seeded)
                                    .group_by(Ticket.state)).all())
            cash_back = s.scalar(select(func.count()).select_from(Payment).where(
                Payment.mode == PaymentMode.CASH, Payment.amount < 0))
    finally:
        database.dispose()
    assert states.get(TicketState.CANCELLED, 0) == report["refunded_tickets"]
    assert states.get(TicketState.REPLACED, 0) == report["exchanged_tickets"]
    assert cash_back == report["refunds"] + report["exchanges"]

    points = {p["label"]: p for p in report["checkpoints"]}
    warm, end = points["warmed-up"], points["end"]
    for name in ("None", "True", "False"):
        assert end["refcounts"][name] >= warm["refcounts"][name] - REFCOUNT_NOISE, (
            f"references to {name} fell from {warm['refcounts'][name]} after warm-up to "
            f"{end['refcounts'][name]} at the end: a C extension drops references "
            "(PySide6 6.12.0 on CPython 3.11?)")
    scans_after = end["scans"] - warm["scans"]
    allowed = RSS_SLACK_KIB + RSS_RATE_KIB_PER_1000_SCANS * scans_after / 1000
    growth = end["rss_kib"] - warm["rss_kib"]
    assert growth <= allowed, (
        f"RSS grew by {growth} KiB over {scans_after} scans after warm-up "
        f"(allowed {allowed:.0f} KiB): {[p['rss_kib'] for p in report['checkpoints']]}")
