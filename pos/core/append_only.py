"""The database itself refuses to change the money's history: triggers on SQLite and on
PostgreSQL that abort any UPDATE or DELETE of an append-only table, and the journal's
chain triggers (the sequence checked at insert, the counter's head advanced).

Used by the Alembic migrations (``op.get_bind()``) and by the tests that play an
attacker with DDL rights (they drop a trigger). A table created later becomes
append-only with one line in its migration: ``make_append_only(op.get_bind(), "t")``.

Beware on SQLite: ``op.batch_alter_table`` on one of these tables recreates it and
loses its triggers; a migration that does so calls ``make_append_only`` again.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

APPEND_ONLY_TABLES = ("journal_entries", "payments", "credit_note_movements",
                      "contact_account_entries", "cash_movements")
REFUSAL = "append-only"  # in every refusal's message

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION guichet_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: rows are {REFUSAL}, % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END $$"""


def make_append_only(conn: Connection, table: str) -> None:
    """Refuse every UPDATE and DELETE of ``table``'s rows, whoever asks."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(_PG_FUNCTION))
        conn.execute(text(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION guichet_refuse_change()"))
        return
    for verb in ("UPDATE", "DELETE"):
        conn.execute(text(
            f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} BEGIN "
            f"SELECT RAISE(ABORT, '{table}: rows are {REFUSAL}, {verb} refused'); END"))


def drop_append_only(conn: Connection, table: str) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"))
        return
    for verb in ("update", "delete"):
        conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_{verb}"))


_PG_CHAIN = """
CREATE OR REPLACE FUNCTION guichet_journal_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE expected integer;
BEGIN
  SELECT journal_seq + 1 INTO expected FROM counters WHERE id = NEW.counter_id;
  IF NEW.seq IS DISTINCT FROM expected THEN
    RAISE EXCEPTION 'journal_entries: entry % of counter % breaks the sequence (expected %)',
      NEW.seq, NEW.counter_id, expected USING ERRCODE = 'restrict_violation';
  END IF;
  UPDATE counters SET journal_seq = NEW.seq, journal_head = NEW.hash WHERE id = NEW.counter_id;
  RETURN NEW;
END $$"""


def make_journal_chain(conn: Connection) -> None:
    """An entry must take the counter's next number; the counter's head follows it."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(_PG_CHAIN))
        conn.execute(text(
            "CREATE TRIGGER journal_entries_chain BEFORE INSERT ON journal_entries "
            "FOR EACH ROW EXECUTE FUNCTION guichet_journal_chain()"))
        return
    conn.execute(text(
        "CREATE TRIGGER journal_entries_sequence BEFORE INSERT ON journal_entries "
        "WHEN NEW.seq IS NOT (SELECT journal_seq + 1 FROM counters WHERE id = NEW.counter_id) "
        "BEGIN SELECT RAISE(ABORT, 'journal_entries: the entry breaks the sequence'); END"))
    conn.execute(text(
        "CREATE TRIGGER journal_entries_head AFTER INSERT ON journal_entries BEGIN "
        "UPDATE counters SET journal_seq = NEW.seq, journal_head = NEW.hash "
        "WHERE id = NEW.counter_id; END"))


def drop_journal_chain(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("DROP TRIGGER IF EXISTS journal_entries_chain ON journal_entries"))
        return
    conn.execute(text("DROP TRIGGER IF EXISTS journal_entries_sequence"))
    conn.execute(text("DROP TRIGGER IF EXISTS journal_entries_head"))
