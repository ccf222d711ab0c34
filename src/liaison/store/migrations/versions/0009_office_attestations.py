"""Office attestations kept beside the entities (issue 11: /api/offices on a large store).

Revision ID: 0009
Revises: 0008

- `office_attestations`: one row per article calling a person by an office of a state, with the
  days it dates and its sentence (link/offices.py: attestations), written with the entities, so
  who held an office on a day reads one state's rows instead of every person record and the text of
  every article naming them (4.9 s on the 1M-event store). Filled here from the person records.
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
BATCH = 2_000


def upgrade() -> None:
    op.create_table(
        "office_attestations",
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("person", sa.Text, nullable=False),
        sa.Column("entity_country", sa.String(3)),
        sa.Column("office", sa.Text, nullable=False),
        sa.Column("country", sa.String(3), nullable=False),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("published", sa.String(10), nullable=False),
        sa.Column("first_day", sa.String(10), nullable=False),
        sa.Column("last_day", sa.String(10), nullable=False),
        sa.Column("ended_on", sa.String(10)),
        sa.Column("text", sa.Text),
        sa.Column("sentence", sa.Text),
    )
    _fill()
    op.create_index("ix_office_attestations_state", "office_attestations", ["country", "entity_id", "office"])
    op.create_index("ix_office_attestations_person", "office_attestations", ["entity_id"])


def _fill() -> None:
    # The rows are the writer's own (store/offices.py), so migrated and relinked stores agree. Pages of
    # BATCH people by id: memory stays bounded, and no read is open during a write.
    from liaison.store.offices import write_attestations
    bind = op.get_bind()
    page = sa.text(f"SELECT id, payload FROM entities WHERE kind = 'person' AND id > :last "
                   f"ORDER BY id LIMIT {BATCH}")
    last = ""
    while rows := bind.execute(page, {"last": last}).all():
        people = [{**(p if isinstance(p, dict) else json.loads(p)), "id": i} for i, p in rows]
        write_attestations(bind, people)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_office_attestations_person", "office_attestations")
    op.drop_index("ix_office_attestations_state", "office_attestations")
    op.drop_table("office_attestations")
