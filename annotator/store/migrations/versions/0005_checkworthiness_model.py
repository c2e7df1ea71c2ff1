"""Check-worthiness provenance: the model version behind each score and the formula's features; scores indexed.

Revision ID: 0005_checkworthiness_model
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_checkworthiness_model"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN: SQLite's table-copying batch mode would trip over the annotations' foreign keys
    op.add_column("claims", sa.Column("checkworthiness_model", sa.String(), nullable=True))
    op.add_column(
        "claims", sa.Column("checkworthiness_features", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
    )
    op.create_index("ix_claims_checkworthiness", "claims", ["checkworthiness"])


def downgrade() -> None:
    op.drop_index("ix_claims_checkworthiness", table_name="claims")
    op.drop_column("claims", "checkworthiness_features")
    op.drop_column("claims", "checkworthiness_model")
