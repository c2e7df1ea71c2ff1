"""Claim edits: an annotation may record the extraction as the annotator fixed it (text, speaker, span), and may
carry an edit, a note or a flag without a verdict.

Existing rows keep meaning what they meant: every stored annotation keeps its label and correction (a `corrected`
label keeps its correction) and has no edit, since nothing was recorded as an extraction fix before this revision.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("annotations") as batch:
        batch.add_column(sa.Column("edit", sa.JSON(none_as_null=True), nullable=True))
        batch.alter_column("label", existing_type=sa.String(), nullable=True)
    with op.batch_alter_table("annotation_history") as batch:
        batch.add_column(sa.Column("edit", sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    verdictless = op.get_bind().execute(sa.text("SELECT count(*) FROM annotations WHERE label IS NULL")).scalar()
    if verdictless:
        raise RuntimeError(f"{verdictless} annotation(s) carry no verdict; the older schema cannot hold them")
    with op.batch_alter_table("annotation_history") as batch:
        batch.drop_column("edit")
    with op.batch_alter_table("annotations") as batch:
        batch.alter_column("label", existing_type=sa.String(), nullable=False)
        batch.drop_column("edit")
