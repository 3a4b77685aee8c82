"""PostgreSQL: the role the counters connect as. It may read everything and write what
a counter writes, but it can neither UPDATE, DELETE nor TRUNCATE the append-only
tables, nor drop their triggers (it owns nothing): even a counter's stolen password
cannot rewrite the money's history. The schema's owner (the URL that runs
``guichet db upgrade``) keeps those rights, and grants these again after each upgrade
(``guichet db app-role NAME``: new tables get their grants)."""

from __future__ import annotations

from sqlalchemy import Connection, text

from pos.core.append_only import APPEND_ONLY_TABLES

READ_ONLY_TABLES = ("alembic_version",)


def grant_app_role(conn: Connection, role: str, password: str | None = None) -> None:
    """Create ``role`` if needed (LOGIN) and give it the counter's rights, no more."""
    if conn.dialect.name != "postgresql":
        raise ValueError("an application role is a PostgreSQL matter")
    quoted = conn.dialect.identifier_preparer.quote(role)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
    if exists is None:
        conn.execute(text(f"CREATE ROLE {quoted} LOGIN"))
    if password:
        literal = password.replace("'", "''")
        conn.execute(text(f"ALTER ROLE {quoted} PASSWORD '{literal}'"))
    database = conn.dialect.identifier_preparer.quote(conn.engine.url.database or "")
    conn.execute(text(f"GRANT CONNECT ON DATABASE {database} TO {quoted}"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {quoted}"))
    conn.execute(text(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}"))
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}"))
    frozen = ", ".join((*APPEND_ONLY_TABLES, *READ_ONLY_TABLES))
    conn.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON {frozen} FROM {quoted}"))
    conn.execute(text(f"REVOKE INSERT ON {', '.join(READ_ONLY_TABLES)} FROM {quoted}"))
