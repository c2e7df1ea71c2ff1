"""Further groups: the other groups whose fact a claim states too (`Claim.also_groups`), empty for older claims, and
the further_members table that finds a group's further members by index.

Revision ID: 0010_also_groups
Revises: 0009_drop_claim_id_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_also_groups"
down_revision = "0009_drop_claim_id_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN: SQLite's table-copying batch mode would trip over the annotations' foreign keys
    op.add_column("claims", sa.Column("also_groups", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
    op.create_table(
        "further_members",
        sa.Column("group_id", sa.String(), nullable=False),
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"]),
        sa.PrimaryKeyConstraint("group_id", "claim_id"),
    )
    op.create_index("ix_further_members_claim_id", "further_members", ["claim_id"])


def downgrade() -> None:
    op.drop_index("ix_further_members_claim_id", table_name="further_members")
    op.drop_table("further_members")
    op.drop_column("claims", "also_groups")
