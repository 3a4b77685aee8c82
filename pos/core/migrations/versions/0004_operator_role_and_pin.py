"""operator role and PIN (supervisor approval)

Revision ID: 0004
Revises: 0003
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("operators") as batch_op:
        batch_op.add_column(sa.Column(
            "role", sa.Enum("cashier", "supervisor", name="operatorrole", native_enum=False,
                            length=24),
            nullable=False, server_default="cashier"))
        batch_op.add_column(sa.Column("pin_hash", sa.String(length=200), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("operators") as batch_op:
        batch_op.drop_column("pin_hash")
        batch_op.drop_column("role")
