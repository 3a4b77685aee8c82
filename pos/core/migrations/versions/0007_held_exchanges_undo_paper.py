"""held exchanges (sale side, seats held), undone operations, paper ticket taken back

Revision ID: 0007
Revises: 0006
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import pos.core.models

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = pos.core.models.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "held_sales",
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.Column("basket", sa.Text(), nullable=False),
        sa.Column("seats_until", UTC, nullable=False),
        sa.ForeignKeyConstraint(["operation_id"], ["operations.id"],
                                name=op.f("fk_held_sales_operation_id_operations")),
        sa.PrimaryKeyConstraint("operation_id", name=op.f("pk_held_sales")))
    op.create_table(
        "seat_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.Column("performance_id", sa.Integer(), nullable=False),
        sa.Column("seat_id", sa.Integer(), nullable=False),
        sa.Column("until", UTC, nullable=False),
        sa.ForeignKeyConstraint(["operation_id"], ["operations.id"],
                                name=op.f("fk_seat_holds_operation_id_operations")),
        sa.ForeignKeyConstraint(["performance_id"], ["performances.id"],
                                name=op.f("fk_seat_holds_performance_id_performances")),
        sa.ForeignKeyConstraint(["seat_id"], ["seats.id"],
                                name=op.f("fk_seat_holds_seat_id_seats")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seat_holds")))
    with op.batch_alter_table("seat_holds") as batch_op:
        batch_op.create_index("ix_seat_holds_performance_seat", ["performance_id", "seat_id"])
        batch_op.create_index(batch_op.f("ix_seat_holds_operation_id"), ["operation_id"])
    op.create_table(
        "operation_undos",
        sa.Column("undone_operation_id", sa.Integer(), nullable=False),
        sa.Column("undo_operation_id", sa.Integer(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=False),
        sa.Column("at", UTC, nullable=False),
        sa.Column("tickets", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["undone_operation_id"], ["operations.id"],
                                name=op.f("fk_operation_undos_undone_operation_id_operations")),
        sa.ForeignKeyConstraint(["undo_operation_id"], ["operations.id"],
                                name=op.f("fk_operation_undos_undo_operation_id_operations")),
        sa.ForeignKeyConstraint(["approved_by_id"], ["operators.id"],
                                name=op.f("fk_operation_undos_approved_by_id_operators")),
        sa.PrimaryKeyConstraint("undone_operation_id", name=op.f("pk_operation_undos")))
    with op.batch_alter_table("operation_undos") as batch_op:
        batch_op.create_index(batch_op.f("ix_operation_undos_undo_operation_id"),
                              ["undo_operation_id"])
    with op.batch_alter_table("operation_lines") as batch_op:
        batch_op.add_column(sa.Column("paper_returned", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("operation_lines") as batch_op:
        batch_op.drop_column("paper_returned")
    op.drop_table("operation_undos")
    op.drop_table("seat_holds")
    op.drop_table("held_sales")
