"""Link index: each event's linking keys with how many claims carry them, and the first claims under each key.

Revision ID: 0008_link_index
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_link_index"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_keys",
        sa.Column("event", sa.String(), primary_key=True),
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("claims", sa.Integer(), nullable=False),
    )
    op.create_table(
        "link_postings",
        sa.Column("event", sa.String(), primary_key=True),
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("link_postings")
    op.drop_table("link_keys")
