"""Drop the index on annotations.claim_id: the unique (claim_id, annotator) index serves every lookup by claim.

Every query that used it (a claim's annotations, counts per claim, `IN` lists, the export's join) takes the unique
index instead, on SQLite and PostgreSQL alike, and each annotation written costs one index insert less.

Revision ID: 0009_drop_claim_id_index
Revises: 0008_link_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_drop_claim_id_index"
down_revision = "0008_link_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_annotations_claim_id", table_name="annotations")


def downgrade() -> None:
    op.create_index("ix_annotations_claim_id", "annotations", ["claim_id"])
