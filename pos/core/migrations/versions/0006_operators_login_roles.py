"""operators log in: lockout columns, administrator role; operations keep their approver

Revision ID: 0006
Revises: 0005
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pos.core.models import UtcDateTime

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The role stays a VARCHAR(24) without CHECK (native_enum=False): "administrator"
    # needs no schema change.
    with op.batch_alter_table("operators") as batch_op:
        batch_op.add_column(sa.Column("failed_pins", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("locked_until", UtcDateTime(timezone=True), nullable=True))
    with op.batch_alter_table("operations") as batch_op:
        batch_op.add_column(sa.Column("approved_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_operations_approved_by_id_operators", "operators",
                                    ["approved_by_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("operations") as batch_op:
        batch_op.drop_constraint("fk_operations_approved_by_id_operators", type_="foreignkey")
        batch_op.drop_column("approved_by_id")
    with op.batch_alter_table("operators") as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_pins")
