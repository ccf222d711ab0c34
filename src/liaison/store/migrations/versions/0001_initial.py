"""Initial schema: documents, facts, issues, linked tables, decisions.

Revision ID: 0001

Frozen: explicit DDL, written once. The live schema (store/schema.py) moves on through later
revisions; this one must build the same tables it built on the day it was released, so stores
created then and now upgrade alike.
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def _created_at() -> sa.Column:
    return sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now())


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("lang", sa.String(8)),
        sa.Column("published", sa.String(10)),
        sa.Column("outlet", sa.Text),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("offset_map", sa.JSON, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("duplicate_of", sa.String(64)),
        sa.Column("minhash", sa.JSON),
        sa.Column("analysed_version", sa.String(64)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("stage", sa.String(64), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    op.create_index("ix_facts_doc_kind", "facts", ["doc_id", "kind"])
    op.create_table(
        "issues",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("doc_id", sa.String(64)),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        _created_at(),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    op.create_index("ix_entities_kind_name", "entities", ["kind", "name"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("countries", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("summary", sa.Text),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    op.create_index("ix_events_type_date", "events", ["type", "date_start"])
    op.create_table(
        "commitments",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("due_end", sa.String(10)),
        sa.Column("countries", sa.Text),
        sa.Column("action", sa.Text),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    op.create_table(
        "figures",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("value", sa.Float),
        sa.Column("unit", sa.Text),
        sa.Column("subject", sa.Text),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("speaker", sa.Text),
        sa.Column("text", sa.Text),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("entity_a", sa.String(64), nullable=False),
        sa.Column("entity_b", sa.String(64)),
        sa.Column("note", sa.Text),
        _created_at(),
    )


def downgrade() -> None:
    for table in ("decisions", "quotes", "figures", "commitments", "events", "entities", "issues", "facts",
                  "documents"):
        op.drop_table(table)
