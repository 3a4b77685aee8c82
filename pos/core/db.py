"""Engines, sessions and the schema's life (Alembic)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS = Path(__file__).parent / "migrations"


WRITE = "guichet_write"  # execution option: this transaction will write (BEGIN IMMEDIATE)
READ = "guichet_read"  # execution option: single-statement reads, no transaction needed


def _sqlite_pragmas(dbapi_connection: Any, _record: Any, busy_timeout_ms: int = 10_000) -> None:
    # SQLAlchemy's documented pysqlite recipe: the driver's own transaction handling
    # (BEGIN only before the first write) is switched off, and _sqlite_begin below emits
    # the BEGIN itself, so that a settlement's checks run inside its write transaction.
    dbapi_connection.isolation_level = None
    # Foreign keys are off by default in SQLite; WAL lets the window read while a
    # settlement writes; busy_timeout waits for a writer instead of failing at once;
    # synchronous=FULL: in WAL mode NORMAL may lose the last commits at a power cut, and
    # a refund that the cashier saw committed (drawer open) must survive one.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # A unit of work that will write takes SQLite's write lock at BEGIN: a second
    # counter waits here (busy_timeout) before it reads anything, so its checks see the
    # first one's commit. A read-only one takes a snapshot and blocks nobody.
    options = conn.get_execution_options()
    if options.get(READ):
        return  # autocommit: each SELECT reads one committed snapshot (WAL), then lets go
    conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITE) else "BEGIN")


def make_engine(url: str, *, busy_timeout_ms: int = 10_000, **kwargs: Any) -> Engine:
    """``busy_timeout_ms``: how long SQLite waits for another writer before it says
    "database is locked" (then ``DatabaseBusy``, in French)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", partial(_sqlite_pragmas, busy_timeout_ms=busy_timeout_ms))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in ("", "psycopg2"):
        # psycopg 3 is the one we install.
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if parsed.get_backend_name() == "postgresql":
        from pos.core.schema import postgresql_options

        postgresql_options()
    return create_engine(url, pool_pre_ping=True, **kwargs)


# Alembic is imported only when the schema is changed (about 0.5 s of a cold start).
def alembic_config(engine: Engine) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; a new database is created from nothing."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("alembic_version")


def known_revisions() -> list[str]:
    """The migrations this version ships, oldest first: each file is named after its
    revision (``0011_mail_outbox.py``), so the window can check the schema without
    importing Alembic."""
    return sorted(f.name.split("_", 1)[0] for f in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def schema_state(engine: Engine) -> str:
    """``"missing"`` (no schema: ``guichet db init``), ``"behind"`` (``guichet db
    upgrade``), ``"ahead"`` (made by a newer Guichet) or ``"current"``; a database that
    cannot be reached raises the core's ``DatabaseError``, in French."""
    from pos.core.db_errors import as_domain_error

    try:
        if not has_schema(engine):
            return "missing"
        with engine.connect() as conn:
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except Exception as error:
        said = as_domain_error(error)  # unreachable, refused...: said in French
        if said is None:
            raise
        raise said from error
    known = known_revisions()
    if revision == known[-1]:
        return "current"
    return "behind" if revision in known else "ahead"


class Database:
    """One engine and its session factory; the only place sessions come from."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def upgrade(self) -> None:
        upgrade(self.engine)

    def session(self) -> Session:
        return self.sessions()

    def ping(self) -> None:
        """One cheap round trip (``SELECT 1``); raises ``DatabaseUnreachable`` (or
        another ``DatabaseError``) in French when the database cannot be reached."""
        from pos.core.db_errors import as_domain_error

        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except Exception as error:
            said = as_domain_error(error)
            if said is None:
                raise
            raise said from error

    def dispose(self) -> None:
        self.engine.dispose()
