"""Entities carry how many articles name them, indexed (issue 11: "most named first").

Revision ID: 0008
Revises: 0007

- `entities.articles`: the number of documents naming the entity, with indexes to list the most
  named first (all kinds, or one kind). Filled here from the list projections of 0006.
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
BATCH = 2_000


def upgrade() -> None:
    op.add_column("entities", sa.Column("articles", sa.Integer, nullable=False, server_default="0"))
    bind = op.get_bind()
    page = sa.text(f"SELECT id, listed FROM entities WHERE id > :last ORDER BY id LIMIT {BATCH}")
    update = sa.text("UPDATE entities SET articles = :n WHERE id = :id")
    last = ""
    while rows := bind.execute(page, {"last": last}).all():
        counts = []
        for row_id, listed in rows:
            listed = listed if isinstance(listed, dict) or listed is None else json.loads(listed)
            counts.append({"id": row_id, "n": (listed or {}).get("document_count") or 0})
        bind.execute(update, counts)
        last = rows[-1][0]
    op.create_index("ix_entities_named", "entities", ["articles", "id"])
    op.create_index("ix_entities_kind_named", "entities", ["kind", "articles", "id"])


def downgrade() -> None:
    op.drop_index("ix_entities_kind_named", "entities")
    op.drop_index("ix_entities_named", "entities")
    op.drop_column("entities", "articles")
