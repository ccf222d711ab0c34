"""List rows word again the events whose mode gained its own sentence (issue 11: wording.json).

Revision ID: 0010
Revises: 0009

- `events.listed` keeps each event's English sentence (listed.py). The interface's words moved to
  lexicons/<lang>/wording.json, where modes of REQUEST, ACCUSE, REJECT, THREATEN and RETREAT have
  their own sentence ("threatened restrictions against …" for THREATEN/restrict): the list rows of
  those events are worded again here, so a list and the event's page agree before the next relink.
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
BATCH = 2_000


def upgrade() -> None:
    from liaison.listed import listed_event
    bind = op.get_bind()
    # every event with a mode is worded again (a few more rows than the modes that gained a sentence,
    # and no list of PLOVER types outside plover.json)
    page = sa.text(f"SELECT id, payload FROM events WHERE mode IS NOT NULL "
                   f"AND id > :last ORDER BY id LIMIT {BATCH}")
    update = sa.text("UPDATE events SET listed = :listed WHERE id = :id")
    last = ""
    while rows := bind.execute(page, {"last": last}).all():
        updates = []
        for row_id, payload in rows:
            record = {**(payload if isinstance(payload, dict) else json.loads(payload)), "id": row_id}
            updates.append({"id": row_id, "listed": json.dumps(listed_event(record))})
        bind.execute(update, updates)
        last = rows[-1][0]


def downgrade() -> None:
    pass        # the rows keep the newer sentences: they are as true, only more precise
