"""Entities and events carry their list projection (issue 10: list pages under load).

Revision ID: 0006
Revises: 0005

- `entities.listed`, `events.listed`: what a list shows of the record (listed.py: names, state,
  role titles and counts; type, date, states, actors and the event as a sentence), so a list page
  decodes a few hundred bytes per row instead of every mention of a country named in thousands of
  articles, and does not word its sentences again on each request. Filled here from the payloads.
"""
import sqlalchemy as sa
from alembic import op

from liaison.store.migrations.listed_rows import fill_listed

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    from liaison.listed import listed_entity, listed_event
    for table, project in (("entities", listed_entity), ("events", listed_event)):
        op.add_column(table, sa.Column("listed", sa.JSON))
        fill_listed(op.get_bind(), table, project)


def downgrade() -> None:
    op.drop_column("events", "listed")
    op.drop_column("entities", "listed")
