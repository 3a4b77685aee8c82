"""mail outbox: e-mails owed to customers, retried or printed instead

Revision ID: 0011
Revises: 0010
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import pos.core.models

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mail_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("documents", sa.Text(), nullable=False),
        sa.Column("state", sa.Enum("queued", "sending", "sent", "failed", "printed",
                                   name="mailjobstate", native_enum=False, length=24),
                  nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", pos.core.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", pos.core.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"],
                                name=op.f("fk_mail_jobs_counter_id_counters")),
        sa.ForeignKeyConstraint(["operation_id"], ["operations.id"],
                                name=op.f("fk_mail_jobs_operation_id_operations")),
        sa.ForeignKeyConstraint(["operator_id"], ["operators.id"],
                                name=op.f("fk_mail_jobs_operator_id_operators")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_jobs")),
    )
    # A new table: plain CREATE INDEX, no batch rebuild of anything.
    op.create_index("ix_mail_jobs_counter_state", "mail_jobs", ["counter_id", "state"])
    op.create_index(op.f("ix_mail_jobs_operation_id"), "mail_jobs", ["operation_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_mail_jobs_operation_id"), table_name="mail_jobs")
    op.drop_index("ix_mail_jobs_counter_state", table_name="mail_jobs")
    op.drop_table("mail_jobs")
