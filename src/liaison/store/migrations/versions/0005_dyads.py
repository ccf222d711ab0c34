"""Pairs of states summarised at write time (issue 11: the relations page at a million events).

Revision ID: 0005
Revises: 0004

- `dyads`: one row per pair of states named together by an event (a < b) and one per state
  (b = ""): events, mean PLOVER score, events by type, monthly tallies, trend and latest change
  point. Written by the event writer with the events; filled here from the events already stored.
- `ix_events_located`: the map's newest located events without walking the unlocated ones.
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.create_table(
        "dyads",
        sa.Column("a", sa.String(3), primary_key=True),
        sa.Column("b", sa.String(3), primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("by_type", sa.JSON, nullable=False),
        sa.Column("months", sa.JSON, nullable=False),
        sa.Column("n_months", sa.Integer, nullable=False),
        sa.Column("trend", sa.Float),
        sa.Column("last_change", sa.JSON),
    )
    op.create_index("ix_dyads_order", "dyads", ["events", "a", "b"])
    op.create_index("ix_events_located", "events", ["date_key", "id"],
                    sqlite_where=sa.text("latitude IS NOT NULL"),
                    postgresql_where=sa.text("latitude IS NOT NULL"))
    _fill_dyads()


def _fill_dyads() -> None:
    # The tally is the writer's own (store/dyads.py), so a migrated store and a relinked one agree.
    from liaison.store.dyads import DyadTally, replace
    bind = op.get_bind()
    tally = DyadTally()
    # yield_per for this statement only: Connection.execution_options would stream the DELETE too
    unstated = ("payload->'date'->>'year_unstated' = 'true'" if bind.dialect.name == "postgresql"
                else "json_extract(payload, '$.date.year_unstated') = 1")
    result = bind.execute(sa.text(f"SELECT countries, type, mode, date_key, ({unstated}) AS year_unstated "
                                  "FROM events"), execution_options={"yield_per": 20_000})
    for chunk in result.mappings().partitions():
        tally.add([dict(row) for row in chunk])
    replace(bind, tally)


def downgrade() -> None:
    op.drop_index("ix_events_located", "events")
    op.drop_index("ix_dyads_order", "dyads")
    op.drop_table("dyads")
