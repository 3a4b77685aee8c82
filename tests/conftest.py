"""Fixtures shared by every layer: a real database (SQLite file and PostgreSQL), a pinned
clock, the demo data."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GUICHET_LANG", "fr")

from pos.core.clock import FixedClock  # noqa: E402
from pos.core.db import Database, make_engine  # noqa: E402
from pos.core.demo import load_demo  # noqa: E402
from pos.core.i18n import set_language  # noqa: E402
from pos.core.models import Operator  # noqa: E402
from pos.core.schema import metadata  # noqa: E402
from pos.core.services.authorization import Approval  # noqa: E402
from pos.core.services.station import Station, ensure_station  # noqa: E402
from pos.core.uow import UnitOfWork  # noqa: E402
from pos.formatting import VENUE_TZ  # noqa: E402

PG_URL_VAR = "GUICHET_TEST_POSTGRES_URL"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=VENUE_TZ)


@pytest.fixture(autouse=True)
def french_messages():
    """Every test starts, and leaves, with the core's messages in French (the tests
    assert the French texts); a test that switches to English cannot leak it."""
    set_language("fr")
    yield
    set_language("fr")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once by Alembic; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = Database(f"sqlite:///{path}")
    database.upgrade()
    database.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Database:
    """A database of its own for this test session, so that several runs can share one
    server; it is dropped at the end."""
    url = os.environ.get(PG_URL_VAR)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_URL_VAR} is not set in CI: the PostgreSQL tests must run there")
        pytest.skip(f"PostgreSQL tests skipped: {PG_URL_VAR} is not set (make test sets it)")
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    name = f"{make_url(url).database}_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database = Database(make_url(url).set(database=name).render_as_string(hide_password=False))
    database.upgrade()
    yield database
    database.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate(database: Database) -> None:
    tables = ", ".join(t.name for t in metadata.sorted_tables)
    with database.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    if request.param == "sqlite":
        path = tmp_path / "guichet.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        db = Database(f"sqlite:///{path}")
        yield db
        db.dispose()
    else:
        db = request.getfixturevalue("postgres_database")
        _truncate(db)
        yield db


@pytest.fixture
def demo(database: Database, clock: FixedClock) -> Database:
    with UnitOfWork(database.sessions) as uow:
        load_demo(uow, clock)
    return database


@pytest.fixture
def station(demo: Database) -> Station:
    with UnitOfWork(demo.sessions) as uow:
        return ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                              operator="STX_BDD", venue_name="Théâtre de la Ville")


def uow_of(database: Database) -> UnitOfWork:
    return UnitOfWork(database.sessions)


# argon2id at a test's cost (1 pass, 8 KiB): for PINs a test sets itself.
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture
def chef(demo: Database) -> Approval:
    """The demo supervisor's approval, as ``approvals.approve`` gives it after their PIN
    (built directly: the tests of the PIN itself are in tests/core/test_operators.py)."""
    with UnitOfWork(demo.sessions) as uow:
        found = uow.session.scalar(select(Operator.id).where(Operator.login == "chef"))
    return Approval(supervisor_id=found, supervisor_login="chef")


@pytest.fixture(scope="session")
def own_postgres():
    """A PostgreSQL server the test may stop and start (tests/support/own_postgres.py),
    never the suite's shared one."""
    from tests.support.own_postgres import OwnPostgres

    server = OwnPostgres()
    if not server.available:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries missing in CI: the outage tests must run")
        pytest.skip("PostgreSQL server binaries missing (apt-get install postgresql)")
    server.start()
    yield server
    server.start()  # leave it running, as pg-test-server would


@pytest.fixture
def outage_demo(own_postgres, clock) -> Database:
    """The demo data on the stoppable server's database, started if a test stopped it."""
    own_postgres.start()
    database = own_postgres.fresh_database()
    with UnitOfWork(database.sessions) as uow:
        load_demo(uow, clock)
    yield database
    own_postgres.start()
    database.dispose()
