"""fee rules, fee kept on cancel lines, cancelled performances

Revision ID: 0005
Revises: 0004
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import pos.core.models
import pos.core.money

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fee_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("applies_to", sa.String(length=12), nullable=False),
        sa.Column("requested_by", sa.String(length=20), nullable=False),
        sa.Column("tariff", sa.String(length=24), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("from_hours", sa.Integer(), nullable=True),
        sa.Column("until_hours", sa.Integer(), nullable=True),
        sa.Column("percent_bp", sa.Integer(), nullable=False),
        sa.Column("fixed", pos.core.money.Cents(), nullable=False),
        sa.Column("per", sa.String(length=12), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_rules")),
        sa.UniqueConstraint("name", name=op.f("uq_fee_rules_name")),
    )
    with op.batch_alter_table("fee_rules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fee_rules_position"), ["position"], unique=False)
    op.create_table(
        "performance_cancellations",
        sa.Column("performance_id", sa.Integer(), nullable=False),
        sa.Column("cancelled_at", pos.core.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("cancelled_by_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["cancelled_by_id"], ["operators.id"],
                                name=op.f("fk_performance_cancellations_cancelled_by_id_operators")),
        sa.ForeignKeyConstraint(["performance_id"], ["performances.id"],
                                name=op.f("fk_performance_cancellations_performance_id_performances")),
        sa.PrimaryKeyConstraint("performance_id", name=op.f("pk_performance_cancellations")),
    )
    with op.batch_alter_table("operation_lines") as batch_op:
        batch_op.add_column(sa.Column("fee_kept", pos.core.money.Cents(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("fee_rule", sa.String(length=120), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("operation_lines") as batch_op:
        batch_op.drop_column("fee_rule")
        batch_op.drop_column("fee_kept")
    op.drop_table("performance_cancellations")
    with op.batch_alter_table("fee_rules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fee_rules_position"))
    op.drop_table("fee_rules")
