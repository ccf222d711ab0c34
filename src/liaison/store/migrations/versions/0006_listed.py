"""Entities and events carry their list projection (issue 10: list pages under load).

Revision ID: 0006
Revises: 0005

- `entities.listed`, `events.listed`: what a list shows of the record (listed.py: names, state,
  role titles and counts; type, date, states, actors and the event as a sentence), so a list page
  decodes a few hundred bytes per row instead of every mention of a country named in thousands of
  articles, and does not word its sentences again on each request. Filled here from the payloads.
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
BATCH = 2_000


def upgrade() -> None:
    from liaison.listed import listed_entity, listed_event
    for table, project in (("entities", listed_entity), ("events", listed_event)):
        op.add_column(table, sa.Column("listed", sa.JSON))
        _fill_listed(table, project)


def _fill_listed(table: str, project) -> None:
    # The projection is the writer's own (listed.py), so migrated and relinked rows agree. Pages of
    # BATCH rows by id: memory stays bounded on a million events, and no read is open during a write.
    bind = op.get_bind()
    page = sa.text(f"SELECT id, payload FROM {table} WHERE id > :last ORDER BY id LIMIT {BATCH}")
    update = sa.text(f"UPDATE {table} SET listed = :listed WHERE id = :id")
    last = ""
    while rows := bind.execute(page, {"last": last}).all():
        updates = []
        for row_id, payload in rows:
            record = {**(payload if isinstance(payload, dict) else json.loads(payload)), "id": row_id}
            updates.append({"id": row_id, "listed": json.dumps(project(record))})
        bind.execute(update, updates)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_column("events", "listed")
    op.drop_column("entities", "listed")
