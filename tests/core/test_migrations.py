from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from pos.core.schema import metadata


def test_migrations_build_exactly_the_mapped_schema(database):
    """A model change without its Alembic revision fails here."""
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_the_shipped_revisions_are_alembics_own(database):
    """The window checks the schema from the file names (no Alembic at start-up): they
    must be exactly Alembic's revisions, the last one its head."""
    from alembic.script import ScriptDirectory

    from pos.core.db import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config(database.engine))
    assert known_revisions() == sorted(r.revision for r in script.walk_revisions())
    assert known_revisions()[-1] == script.get_current_head()


def test_schema_state_tells_missing_behind_current_and_ahead(tmp_path):
    from pos.core.db import Database, known_revisions, schema_state, upgrade

    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    assert schema_state(db.engine) == "missing"
    upgrade(db.engine, known_revisions()[-2])
    assert schema_state(db.engine) == "behind"
    upgrade(db.engine)
    assert schema_state(db.engine) == "current"
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    assert schema_state(db.engine) == "ahead"
    db.dispose()


def test_schema_state_is_current_on_a_migrated_database(database):
    from pos.core.db import schema_state

    assert schema_state(database.engine) == "current"


def test_schema_state_says_an_unreachable_database_in_french():
    import pytest

    from pos.core.db import Database, schema_state
    from pos.core.errors import DatabaseUnreachable

    db = Database("postgresql+psycopg://guichet@127.0.0.1:1/x")
    with pytest.raises(DatabaseUnreachable) as refused:
        schema_state(db.engine)
    assert refused.value.message.startswith("Base de données injoignable")
    db.dispose()
