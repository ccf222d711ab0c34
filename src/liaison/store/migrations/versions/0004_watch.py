"""Watchlists and their delivered hits; curated office terms.

Revision ID: 0004
Revises: 0003

- `watchlists`: saved queries (person, dyad, type, phrase) polled by `liaison watch`.
- `watch_hits`: each matching event once per watchlist, with its payload as delivered.
- `office_terms`: who held which office when, from a curated TSV (office, country, person, start,
  end, source).
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "watchlists",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
        sa.Column("checked_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "watch_hits",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("watchlist_id", sa.Integer, sa.ForeignKey("watchlists.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_watch_hits_walk", "watch_hits", ["watchlist_id", "found_at", "id"])
    op.create_table(
        "office_terms",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("office", sa.Text, nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("person", sa.Text, nullable=False),
        sa.Column("start", sa.String(10)),
        sa.Column("end", sa.String(10)),
        sa.Column("source", sa.Text),
    )
    op.create_index("ix_office_terms_country", "office_terms", ["country", "start"])


def downgrade() -> None:
    op.drop_index("ix_office_terms_country", "office_terms")
    op.drop_table("office_terms")
    op.drop_index("ix_watch_hits_walk", "watch_hits")
    op.drop_table("watch_hits")
    op.drop_table("watchlists")
