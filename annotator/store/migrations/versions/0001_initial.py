"""Initial schema: articles, claims, annotators, annotations, annotation history, adjudications.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _utc(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("ingest_order", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("url", sa.String()),
        sa.Column("title", sa.String()),
        sa.Column("outlet", sa.String()),
        sa.Column("published", sa.String()),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("event", sa.String()),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("superseded_by", sa.String()),
        _utc("created_at"),
    )
    op.create_index("ix_articles_ingest_order", "articles", ["ingest_order"])
    op.create_index("ix_articles_source", "articles", ["source"])
    op.create_index("ix_articles_event", "articles", ["event"])
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])

    op.create_table(
        "claims",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("article_id", sa.String(), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("speaker", sa.String()),
        sa.Column("checkworthiness", sa.Float(), nullable=False),
        sa.Column("needs_context", sa.Boolean(), nullable=False),
        sa.Column("group_id", sa.String()),
        sa.Column("corroborated_by", sa.JSON(), nullable=False),
        sa.Column("conflicts", sa.JSON(), nullable=False),
        sa.Column("entities", sa.JSON(), nullable=False),
    )
    op.create_index("ix_claims_article_id", "claims", ["article_id"])
    op.create_index("ix_claims_group_id", "claims", ["group_id"])
    op.create_index("ix_claims_article_position", "claims", ["article_id", "position"])

    op.create_table(
        "annotators",
        sa.Column("name", sa.String(), primary_key=True),
        _utc("created_at"),
    )

    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(), sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("annotator", sa.String(), sa.ForeignKey("annotators.name"), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("correction", sa.Text()),
        sa.Column("note", sa.Text()),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        _utc("created_at"),
        _utc("updated_at"),
        sa.Column("duration_ms", sa.Integer()),
        sa.UniqueConstraint("claim_id", "annotator", name="uq_annotations_claim_annotator"),
    )
    op.create_index("ix_annotations_claim_id", "annotations", ["claim_id"])
    op.create_index("ix_annotations_annotator", "annotations", ["annotator"])

    op.create_table(
        "annotation_history",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("annotator", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("label", sa.String()),
        sa.Column("correction", sa.Text()),
        sa.Column("note", sa.Text()),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("duration_ms", sa.Integer()),
        _utc("annotation_updated_at", nullable=True),
        _utc("recorded_at"),
    )
    op.create_index("ix_annotation_history_claim_id", "annotation_history", ["claim_id"])
    op.create_index("ix_annotation_history_annotator", "annotation_history", ["annotator"])

    op.create_table(
        "adjudications",
        sa.Column("claim_id", sa.String(), sa.ForeignKey("claims.id"), primary_key=True),
        sa.Column("adjudicator", sa.String(), sa.ForeignKey("annotators.name"), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("correction", sa.Text()),
        sa.Column("note", sa.Text()),
        _utc("created_at"),
        _utc("updated_at"),
    )


def downgrade() -> None:
    for table in ("adjudications", "annotation_history", "annotations", "annotators", "claims", "articles"):
        op.drop_table(table)
