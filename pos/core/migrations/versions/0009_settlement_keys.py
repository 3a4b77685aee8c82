"""settlement keys (idempotent settlements)

Revision ID: 0009
Revises: 0008
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pos.core.models import UtcDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "settlement_keys",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"],
                                name=op.f("fk_settlement_keys_counter_id_counters")),
        sa.ForeignKeyConstraint(["operation_id"], ["operations.id"],
                                name=op.f("fk_settlement_keys_operation_id_operations")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settlement_keys")),
    )
    op.create_index(op.f("ix_settlement_keys_operation_id"), "settlement_keys",
                    ["operation_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_settlement_keys_operation_id"), table_name="settlement_keys")
    op.drop_table("settlement_keys")
