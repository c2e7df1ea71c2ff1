"""Pending links: events whose claims were stored but whose linking has not finished yet.

Revision ID: 0006
Revises: 0005_checkworthiness_model
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005_checkworthiness_model"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pending_links",
        sa.Column("event", sa.String(), primary_key=True),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("pending_links")
