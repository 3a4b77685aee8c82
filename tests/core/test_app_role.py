"""PostgreSQL: the counters' role really cannot change the money's history, even with
the triggers gone (the database's owner dropped them): its missing privileges refuse."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from pos.core.db import Database
from pos.core.models import PaymentMode
from pos.core.services.journal_audit import verify_database
from pos.core.services.refunds import Tender, refund_basket
from pos.core.uow import UnitOfWork
from tests.core.exchange_support import JOYAUX, scan
from tests.core.journal_support import D

pytestmark = [pytest.mark.postgresql,
              pytest.mark.parametrize("database", ["postgresql"], indirect=True)]


@pytest.fixture
def app_db(demo, station):
    """The demo database, and a connection to it as the counters' role, made by the
    ``guichet db app-role`` command as an administrator would."""
    role = f"guichet_app_{os.getpid()}"
    env = dict(os.environ, GUICHET_DATABASE_URL=demo.url, GUICHET_APP_ROLE_PASSWORD="x")
    env.pop("GUICHET_CONFIG", None)
    done = subprocess.run([sys.executable, "-m", "pos", "db", "app-role", role], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    url = make_url(demo.url).set(username=role, password="x")
    app = Database(url.render_as_string(hide_password=False))
    yield app
    app.dispose()
    with demo.engine.begin() as conn:
        conn.execute(text(f'DROP OWNED BY "{role}"'))
        conn.execute(text(f'DROP ROLE "{role}"'))


def test_the_counters_role_settles_but_cannot_rewrite_what_it_wrote(app_db, demo, station,
                                                                    clock):
    with UnitOfWork(app_db.sessions) as uow:  # a counter works as this role
        refund_basket(uow, scan(app_db, clock, [JOYAUX[0]]),
                      [Tender(PaymentMode.CASH, D("110.00"))], station, clock)
    with demo.engine.begin() as conn:  # the owner drops the triggers: only rights remain
        conn.execute(text("DROP TRIGGER payments_append_only ON payments"))
        conn.execute(text("DROP TRIGGER journal_entries_append_only ON journal_entries"))
    try:
        for sql in ("UPDATE payments SET amount = 0",
                    "DELETE FROM payments",
                    "UPDATE journal_entries SET payload = '{}'",
                    "DELETE FROM journal_entries",
                    "TRUNCATE credit_note_movements",
                    "DROP TRIGGER contact_account_entries_append_only "
                    "ON contact_account_entries",
                    "UPDATE alembic_version SET version_num = '0001'"):
            with pytest.raises(DBAPIError, match="permission denied|must be owner"), \
                    app_db.engine.begin() as conn:
                conn.execute(text(sql))
    finally:
        with demo.engine.begin() as conn:
            from pos.core.append_only import make_append_only

            make_append_only(conn, "payments")
            make_append_only(conn, "journal_entries")
    with UnitOfWork(app_db.sessions) as uow:
        report = verify_database(uow)
    assert report.ok and report.entries == 1  # the refund, intact
