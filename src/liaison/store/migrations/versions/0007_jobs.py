"""Ingest jobs in the store (issue 10: several server processes answer for one job).

Revision ID: 0007
Revises: 0006

- `jobs`: an ingest request posted to the API, its status, summary and per-article results, and
  the (host, pid) of the server process running it.
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("created", sa.Float, nullable=False),
        sa.Column("finished", sa.Float),
        sa.Column("host", sa.Text, nullable=False),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("summary", sa.JSON),
        sa.Column("results", sa.JSON),
        sa.Column("error", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("jobs")
