"""``guichet journal verify`` / ``export`` as a user runs them: a real process on the
test database (SQLite file and PostgreSQL), the exit code and the French lines."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest

from pos.core.services.journal_audit import export_period, verify_export
from tests.conftest import uow_of
from tests.core.journal_support import as_attacker, busy_day
from tests.test_cli import guichet


@pytest.fixture
def env(busy, tmp_path):
    env = dict(os.environ)
    env.update(GUICHET_DATA_DIR=str(tmp_path / "data"),
               GUICHET_CONFIG=str(tmp_path / "guichet.toml"), GUICHET_DATABASE_URL=busy.url)
    (tmp_path / "guichet.toml").write_text('[counter]\nname = "Guichet 1"\n')
    return env


@pytest.fixture
def busy(demo, station, clock):
    busy_day(demo, station, clock)
    return demo


def test_verify_says_intact_then_names_the_entry_edited(env, busy):
    ok = guichet("journal", "verify", env=env)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("Journal intact : ") and "1 guichet(s)" in ok.stdout
    as_attacker(busy, "UPDATE journal_entries SET payload = replace(payload, '110.00', "
                      "'11.00') WHERE seq = 5")
    bad = guichet("journal", "verify", env=env)
    assert bad.returncode == 1
    assert "journal altéré : écriture n° 5 du guichet 1" in bad.stderr and "modifiée" in bad.stderr


def test_verify_names_the_payment_no_entry_recorded(env, busy):
    as_attacker(busy, "UPDATE payments SET amount = amount - 1000 WHERE mode = 'card' "
                      "AND operation_id IS NOT NULL")
    bad = guichet("journal", "verify", env=env)
    assert bad.returncode == 1
    assert "paiements non conformes au journal : opération" in bad.stderr


def test_export_then_verify_the_file_offline(env, busy, tmp_path, clock):
    day = clock.now().date().isoformat()
    out = tmp_path / "journal.json"
    done = guichet("journal", "export", "--from", day, "--to", day, str(out), env=env)
    assert done.returncode == 0, done.stderr
    manifest = json.loads(out.read_text())["manifest"]
    assert manifest["entries"] > 0 and manifest["counters"]["1"]["first_seq"] == 1
    offline = dict(env, GUICHET_DATABASE_URL="sqlite:////nonexistent/nowhere.sqlite3")
    ok = guichet("journal", "verify", "--file", str(out), env=offline)
    assert ok.returncode == 0, ok.stderr

    document = json.loads(out.read_text())
    document["entries"][2]["amount_cents"] -= 100
    out.write_text(json.dumps(document))
    bad = guichet("journal", "verify", "--file", str(out), env=offline)
    assert bad.returncode == 1 and "écriture n° 3 du guichet 1" in bad.stderr


def _exported(db, clock, tmp_path):
    path = tmp_path / "export.json"
    with uow_of(db) as uow:
        export_period(uow, clock.now().date(), clock.now().date(), path)
    return path, json.loads(path.read_text())


def _rewrite(path, document):
    path.write_text(json.dumps(document))
    return verify_export(path)


def test_an_export_is_checked_entry_by_entry_and_against_its_manifest(busy, clock, tmp_path):
    path, document = _exported(busy, clock, tmp_path)
    assert verify_export(path).ok
    deleted = json.loads(json.dumps(document))
    del deleted["entries"][3]
    first = _rewrite(path, deleted).findings[0]
    assert (first.kind, first.seq) == ("deleted", 4)
    truncated = json.loads(json.dumps(document))
    truncated["entries"].pop()
    assert _rewrite(path, truncated).findings[0].kind == "deleted"
    totals = json.loads(json.dumps(document))
    totals["manifest"]["totals"]["by_action"]["refund.settled"]["cents"] = 0
    assert _rewrite(path, totals).findings[0].detail == "totaux du manifeste"
    forged = json.loads(json.dumps(document))
    forged["payments"].append({**forged["payments"][0], "id": 999999, "amount_cents": -5000})
    forged["manifest"]["totals"] = None  # the forger cannot make both agree with the chain
    report = _rewrite(path, forged)
    assert report.mismatches and report.mismatches[0].table == "payments"


def test_an_export_of_a_later_period_follows_the_hash_before_it(busy, station, clock,
                                                                 tmp_path):
    from datetime import timedelta

    from pos.core import journal

    next_day = clock.now() + timedelta(days=1)
    with uow_of(busy) as uow:
        uow.begin_write()
        journal.append(uow.session, at=next_day, action="drawer.no_sale",
                       counter_id=station.counter_id, operator_id=station.operator_id,
                       reason="test")
        uow.commit()
    path = tmp_path / "later.json"
    with uow_of(busy) as uow:
        manifest = export_period(uow, next_day.date(), next_day.date(), path)
    chain = manifest["counters"][str(station.counter_id)]
    assert manifest["entries"] == 1 and chain["first_seq"] > 1
    assert chain["previous_hash"] != "0" * 64
    assert verify_export(path).ok
    with uow_of(busy) as uow:
        export_period(uow, date(2030, 1, 1), date(2030, 1, 2), path)
    assert verify_export(path).ok  # an empty period is an empty, valid export
