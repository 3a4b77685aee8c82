"""cash sessions per counter and cash movements

Revision ID: 0010
Revises: 0009
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pos.core.append_only import drop_append_only, make_append_only

# After the fee rules (0005) of main, merged into this branch; the integrator re-chains
# the helpers' migrations.
revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = sa.text("state = 'open'")


def upgrade() -> None:
    op.create_table(
        "cash_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.Enum("open", "closed", name="cashsessionstate",
                                   native_enum=False, length=24), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by_id", sa.Integer(), nullable=False),
        sa.Column("float_amount", sa.BigInteger(), nullable=False),
        sa.Column("float_count", sa.Text(), nullable=False),
        sa.Column("expected", sa.BigInteger(), nullable=False),
        sa.Column("open_entry_id", sa.Integer(), nullable=True),
        sa.Column("close_entry_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("counted", sa.BigInteger(), nullable=True),
        sa.Column("counted_count", sa.Text(), nullable=False),
        sa.Column("difference", sa.BigInteger(), nullable=True),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("grand_total", sa.BigInteger(), nullable=True),
        sa.Column("chain_head", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"],
                                name=op.f("fk_cash_sessions_counter_id_counters")),
        sa.ForeignKeyConstraint(["opened_by_id"], ["operators.id"],
                                name=op.f("fk_cash_sessions_opened_by_id_operators")),
        sa.ForeignKeyConstraint(["closed_by_id"], ["operators.id"],
                                name=op.f("fk_cash_sessions_closed_by_id_operators")),
        sa.ForeignKeyConstraint(["approved_by_id"], ["operators.id"],
                                name=op.f("fk_cash_sessions_approved_by_id_operators")),
        sa.ForeignKeyConstraint(["open_entry_id"], ["journal_entries.id"],
                                name=op.f("fk_cash_sessions_open_entry_id_journal_entries")),
        sa.ForeignKeyConstraint(["close_entry_id"], ["journal_entries.id"],
                                name=op.f("fk_cash_sessions_close_entry_id_journal_entries")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_sessions")),
    )
    with op.batch_alter_table("cash_sessions") as batch_op:
        batch_op.create_index(batch_op.f("ix_cash_sessions_counter_id"), ["counter_id"],
                              unique=False)
        batch_op.create_index("uq_cash_sessions_one_open", ["counter_id"], unique=True,
                              sqlite_where=OPEN, postgresql_where=OPEN)
    op.create_table(
        "cash_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("in", "out", name="cashmovementkind", native_enum=False,
                                  length=24), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["cash_sessions.id"],
                                name=op.f("fk_cash_movements_session_id_cash_sessions")),
        sa.ForeignKeyConstraint(["operator_id"], ["operators.id"],
                                name=op.f("fk_cash_movements_operator_id_operators")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_movements")),
    )
    with op.batch_alter_table("cash_movements") as batch_op:
        batch_op.create_index(batch_op.f("ix_cash_movements_session_id"), ["session_id"],
                              unique=False)
    # After the batch above (a batch may rebuild the table on SQLite, dropping triggers).
    make_append_only(op.get_bind(), "cash_movements")


def downgrade() -> None:
    drop_append_only(op.get_bind(), "cash_movements")
    op.drop_table("cash_movements")
    op.drop_table("cash_sessions")
