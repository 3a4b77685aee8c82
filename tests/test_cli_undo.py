"""``guichet order undo`` as a user runs it: a refund made at the configured counter,
then undone by the command with the supervisor's PIN."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from pos.core.basket import CancellationBasket
from pos.core.clock import SystemClock
from pos.core.db import Database
from pos.core.models import PaymentMode
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from pos.core.services.station import ensure_station
from pos.core.uow import UnitOfWork


def guichet(*args, env):
    return subprocess.run([sys.executable, "-m", "pos", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_order_undo_reactivates_todays_refund(tmp_path):
    env = dict(os.environ)
    env.update(GUICHET_DATA_DIR=str(tmp_path / "data"),
               GUICHET_CONFIG=str(tmp_path / "guichet.toml"), GUICHET_SUPERVISOR_PIN="9999")
    env.pop("GUICHET_DATABASE_URL", None)
    (tmp_path / "guichet.toml").write_text('[counter]\nname = "Guichet 1"\n')
    assert guichet("db", "init", "--demo", env=env).returncode == 0
    database = Database(f"sqlite:///{tmp_path / 'data' / 'guichet.sqlite3'}")
    clock = SystemClock()
    with UnitOfWork(database.sessions) as uow:
        station = ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                                 operator="STX_BDD", venue_name="Théâtre de la Ville")
    basket = CancellationBasket()
    with UnitOfWork(database.sessions) as uow:
        take_ticket(uow, basket, "01010002748", clock)
    with UnitOfWork(database.sessions) as uow:
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)], station,
                      clock)
    database.dispose()

    done = guichet("order", "undo", "01010002748", "--supervisor", "chef", env=env)
    assert done.returncode == 0, done.stderr
    assert "01010002748 de nouveau valable(s)" in done.stdout
    again = guichet("order", "undo", "01010002748", "--supervisor", "chef", env=env)
    assert again.returncode == 1 and "rien à annuler" in again.stderr
    shown = json.loads(guichet("order", "show", "959", "--json", env=env).stdout)
    states = {t["number"]: t["state"] for t in shown["tickets"]}
    assert states["01010002748"] == "valid"
    assert shown["operations"][-1]["kind"] == "undo"
