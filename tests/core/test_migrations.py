from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from pos.core.schema import metadata


def test_migrations_build_exactly_the_mapped_schema(database):
    """A model change without its Alembic revision fails here."""
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, metadata)
    assert diff == []
