"""The ``guichet`` command as a user runs it: a real process on a real SQLite file."""

import json
import os
import subprocess
import sys

import pytest


def guichet(*args, env):
    return subprocess.run([sys.executable, "-m", "pos", *args], capture_output=True,
                          text=True, env=env, timeout=120)


@pytest.fixture
def env(tmp_path):
    env = dict(os.environ)
    env.update(GUICHET_DATA_DIR=str(tmp_path / "data"),
               GUICHET_CONFIG=str(tmp_path / "guichet.toml"))
    env.pop("GUICHET_DATABASE_URL", None)
    (tmp_path / "guichet.toml").write_text('[counter]\nname = "Guichet 1"\n')
    return env


def test_db_init_demo_then_order_show(env, tmp_path):
    first = guichet("db", "init", "--demo", env=env)
    assert first.returncode == 0, first.stderr
    assert "Données de démonstration chargées" in first.stdout
    assert (tmp_path / "data" / "guichet.sqlite3").exists()
    again = guichet("db", "init", "--demo", env=env)
    assert again.returncode == 0 and "non chargées" in again.stdout
    assert guichet("db", "upgrade", env=env).returncode == 0

    shown = guichet("order", "show", "959", "--json", env=env)
    assert shown.returncode == 0, shown.stderr
    order = json.loads(shown.stdout)
    assert order["number"] == 959 and order["settled"] is True
    assert len(order["tickets"]) == 22
    t = order["tickets"][0]
    assert {k: t[k] for k in ("number", "state", "event", "category", "price", "fees")} == {
        "number": "01010002727", "state": "valid", "event": "Joyaux", "category": "Cat 1",
        "price": "110.00", "fees": "0.00"}
    assert t["performance"].endswith("T20:15:00+01:00")
    assert order["payments"][0]["mode"] == "suspense_account"
    assert order["balance"] == "0.00"


def test_unknown_order_and_bad_configuration(env, tmp_path):
    guichet("db", "init", env=env)
    missing = guichet("order", "show", "4242", "--json", env=env)
    assert missing.returncode == 1 and "Dossier 4242 inconnu" in missing.stderr
    (tmp_path / "guichet.toml").write_text('[printer]\nconection = "network"\n')
    refused = guichet("order", "show", "959", env=env)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1
    assert "[printer] conection : clé inconnue" in refused.stderr


def _opens_the_window(command, env):
    env = dict(env, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    try:
        seen = []
        for line in process.stderr:
            seen.append(line)
            if "window ready" in line:
                return True
        raise AssertionError("the window never came up:\n" + "".join(seen))
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_python_dash_m_pos_and_guichet_both_open_the_window(env):
    assert guichet("db", "init", "--demo", env=env).returncode == 0
    assert _opens_the_window([sys.executable, "-m", "pos"], env)
    script = os.path.join(os.path.dirname(sys.executable), "guichet")
    if not os.path.exists(script):
        pytest.skip("the console script exists once the package is installed (make test does)")
    assert _opens_the_window([script], env)


def test_window_refuses_a_database_without_schema(env):
    env = dict(env, QT_QPA_PLATFORM="offscreen")
    # no `db init`: the window says what to run instead of crashing
    result = subprocess.run([sys.executable, "-c",
                             "from PySide6.QtWidgets import QMessageBox;"
                             "QMessageBox.critical = staticmethod(lambda *a: print(a[2]));"
                             "from pos.cli import main; raise SystemExit(main([]))"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert "guichet db init" in result.stdout


def test_db_init_demo_reset_gives_a_fresh_demo(env, tmp_path):
    """A second `make run`: the last run refunded a demo ticket; --reset pays it again."""
    import sqlite3

    assert guichet("db", "init", "--demo", env=env).returncode == 0
    path = tmp_path / "data" / "guichet.sqlite3"
    with sqlite3.connect(path) as conn:  # what the last run left: a ticket refunded
        conn.execute("UPDATE tickets SET state = 'cancelled' WHERE number = '01010002748'")
    again = guichet("db", "init", "--demo", env=env)
    assert "non chargées" in again.stdout
    fresh = guichet("db", "init", "--demo", "--reset", env=env)
    assert fresh.returncode == 0, fresh.stderr
    assert "Base effacée." in fresh.stdout
    assert "Données de démonstration chargées" in fresh.stdout
    order = json.loads(guichet("order", "show", "959", "--json", env=env).stdout)
    assert "cancelled" not in {t["state"] for t in order["tickets"]}
    assert len(order["tickets"]) == 22


def demo_counter(tmp_path):
    """The database `db init --demo` wrote, a clock, and the configured counter's station."""
    from datetime import datetime

    from pos.core.clock import FixedClock
    from pos.core.db import Database
    from pos.core.services.station import ensure_station
    from pos.core.uow import UnitOfWork
    from pos.formatting import VENUE_TZ

    demo = Database(f"sqlite:///{tmp_path / 'data' / 'guichet.sqlite3'}")
    clock = FixedClock(datetime(2026, 11, 27, 10, 0, tzinfo=VENUE_TZ))
    with UnitOfWork(demo.sessions) as uow:
        station = ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                                 operator="STX_BDD", venue_name="Théâtre de la Ville")
    return demo, clock, station


def test_documents_pending_lists_what_waits_for_the_post(env, tmp_path):
    assert guichet("db", "init", "--demo", env=env).returncode == 0
    empty = guichet("documents", "pending", env=env)
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout.strip().endswith("0 document(s) en attente.")
    from tests.core.test_delivery_modes import exchange

    demo, clock, station = demo_counter(tmp_path)
    result = exchange(demo, station, clock, ["01010002727"], "post", "Envoi postal")
    demo.dispose()
    listed = guichet("documents", "pending", env=env)
    assert listed.returncode == 0, listed.stderr
    [ticket] = result.new_tickets
    assert f"envoi postal  ordre {result.operation_number}" in listed.stdout
    assert f"Billet {ticket} – Carmina Burana" in listed.stdout
    assert listed.stdout.strip().endswith("1 document(s) en attente.")
