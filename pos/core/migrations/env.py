"""Alembic environment: the engine comes from ``pos.core.db.alembic_config``."""

from alembic import context

from pos.core.schema import metadata

config = context.config
target_metadata = metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from pos.config import load_config
        from pos.core.db import make_engine

        engine = make_engine(load_config().database_url)
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported: give a database")
run_migrations_online()
