"""journal hash chain; payments, credit-note movements, suspense-account entries and
journal entries append-only (triggers)

Revision ID: 0008
Revises: 0007
"""
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pos.core.append_only import make_append_only, make_journal_chain
from pos.core.journal_chain import GENESIS, chain_hash, hashed_fields

# The tables of this revision, frozen (pos.core.append_only.APPEND_ONLY_TABLES grows with
# later ones, e.g. cash_movements in 0010).
APPEND_ONLY_TABLES = ("journal_entries", "payments", "credit_note_movements",
                      "contact_account_entries")

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _chain_existing_entries() -> None:
    """Entries written before the chain get their numbers and hashes, in id order."""
    from pos.core.models import UtcDateTime

    conn = op.get_bind()
    entries = sa.table("journal_entries", sa.column("id"), sa.column("seq"),
                       sa.column("hash"), sa.column("counter_id"),
                       sa.column("at", UtcDateTime()),
                       sa.column("action"), sa.column("operator_id"),
                       sa.column("operation_id"), sa.column("payload"))
    heads: dict[int | None, tuple[int, str]] = defaultdict(lambda: (0, GENESIS))
    rows = conn.execute(sa.select(entries).order_by(entries.c.id)).mappings().all()
    for row in rows:
        seq, previous = heads[row["counter_id"]]
        fields = hashed_fields(seq=seq + 1, counter_id=row["counter_id"], at=row["at"],
                               action=row["action"], operator_id=row["operator_id"],
                               approver_id=None, operation_id=row["operation_id"],
                               amount_cents=None, payload=row["payload"] or "{}")
        digest = chain_hash(previous, fields)
        conn.execute(entries.update().where(entries.c.id == row["id"])
                     .values(seq=seq + 1, hash=digest))
        heads[row["counter_id"]] = (seq + 1, digest)
    counters = sa.table("counters", sa.column("id"), sa.column("journal_seq"),
                        sa.column("journal_head"))
    for counter_id, (seq, digest) in heads.items():
        if counter_id is not None:
            conn.execute(counters.update().where(counters.c.id == counter_id)
                         .values(journal_seq=seq, journal_head=digest))


def upgrade() -> None:
    with op.batch_alter_table("counters") as batch_op:
        batch_op.add_column(sa.Column("journal_seq", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("journal_head", sa.String(length=64), nullable=False,
                                      server_default=GENESIS))
    with op.batch_alter_table("journal_entries") as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("approver_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("amount_cents", sa.BigInteger(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_journal_entries_approver_id_operators"),
                                    "operators", ["approver_id"], ["id"])
    _chain_existing_entries()
    with op.batch_alter_table("journal_entries") as batch_op:
        batch_op.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_journal_entries_counter_id"),
                                          ["counter_id", "seq"])
    conn = op.get_bind()
    for table in APPEND_ONLY_TABLES:
        make_append_only(conn, table)
    make_journal_chain(conn)


def downgrade() -> None:
    from pos.core.append_only import drop_append_only, drop_journal_chain

    conn = op.get_bind()
    drop_journal_chain(conn)
    for table in APPEND_ONLY_TABLES:
        drop_append_only(conn, table)
    with op.batch_alter_table("journal_entries") as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_journal_entries_counter_id"), type_="unique")
        batch_op.drop_constraint(batch_op.f("fk_journal_entries_approver_id_operators"),
                                 type_="foreignkey")
        batch_op.drop_column("amount_cents")
        batch_op.drop_column("approver_id")
        batch_op.drop_column("hash")
        batch_op.drop_column("seq")
    with op.batch_alter_table("counters") as batch_op:
        batch_op.drop_column("journal_head")
        batch_op.drop_column("journal_seq")
