"""List rows word again the events whose mode gained its own sentence (issue 11: wording.json).

Revision ID: 0010
Revises: 0009

- `events.listed` keeps each event's English sentence (listed.py). The interface's words moved to
  lexicons/<lang>/wording.json, where modes of REQUEST, ACCUSE, REJECT, THREATEN and RETREAT have
  their own sentence ("threatened restrictions against …" for THREATEN/restrict): the list rows of
  those events are worded again here, so a list and the event's page agree before the next relink.
"""
from alembic import op

from liaison.store.migrations.listed_rows import fill_listed

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    from liaison.listed import listed_event
    # every event with a mode is worded again (a few more rows than the modes that gained a sentence,
    # and no list of PLOVER types outside plover.json)
    fill_listed(op.get_bind(), "events", listed_event, where="mode IS NOT NULL")


def downgrade() -> None:
    pass        # the rows keep the newer sentences: they are as true, only more precise
