"""A PostgreSQL server of the outage tests' own, which they stop and start again.

Never the suite's shared server: this one listens on ``GUICHET_OUTAGE_PG_PORT``
(54344 by default), in ``/tmp/guichet-pg-<port>``, started by the same
``scripts/pg-test-server`` (as the "postgres" user when run as root, as in CI). ``stop``
is ``pg_ctl stop -m immediate``: the server goes as after a crash, its clients' sockets
closed under them."""

from __future__ import annotations

import glob
import os
import subprocess
from pathlib import Path

from sqlalchemy import text

from pos.core.db import Database, make_engine

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("GUICHET_OUTAGE_PG_PORT", "54344"))
DIR = f"/tmp/guichet-pg-{PORT}"


def _bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                   key=lambda p: [int(x) for x in Path(p).parent.name.split(".") if x.isdigit()])
    return Path(found[-1]) if found else None


def _as_owner(*command: str) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


class OwnPostgres:
    """``start()`` returns the URL of a migrated database; ``stop()``, ``start()``."""

    def __init__(self) -> None:
        self.bin = _bin()
        self.url = ""

    @property
    def available(self) -> bool:
        return self.bin is not None and (self.bin / "pg_ctl").exists()

    def start(self) -> str:
        env = {**os.environ, "GUICHET_PG_PORT": str(PORT), "GUICHET_PG_DIR": DIR}
        done = subprocess.run([str(ROOT / "scripts" / "pg-test-server")], env=env,
                              capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"pg-test-server {PORT}: {done.stderr.strip()}")
        self.url = done.stdout.strip().replace("/guichet_test", "/guichet_outage")
        return self.url

    def stop(self) -> None:
        subprocess.run(_as_owner(str(self.bin / "pg_ctl"), "-D", DIR, "-m", "immediate",
                                 "-w", "stop"), check=True, capture_output=True, timeout=60)

    def fresh_database(self) -> Database:
        """The outage database, dropped and migrated again."""
        admin = make_engine(self.url.replace("/guichet_outage", "/postgres"),
                            isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text('DROP DATABASE IF EXISTS "guichet_outage" WITH (FORCE)'))
            conn.execute(text('CREATE DATABASE "guichet_outage"'))
        admin.dispose()
        database = Database(self.url)
        database.upgrade()
        return database
