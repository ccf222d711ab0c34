"""SQL views for Datasette and GIS tools: events and places with latitude/longitude columns.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"

# Plain SELECTs over the linked tables: the same SQL on SQLite and PostgreSQL. Datasette's
# cluster-map plugin and QGIS pick up the `latitude`/`longitude` column names.
VIEWS = {
    "events_map": """
        SELECT id, type, mode, date_start, date_end, trim(countries) AS countries, location,
               latitude, longitude, summary
        FROM events""",
    "places_map": """
        SELECT id, name, country, lat AS latitude, lon AS longitude
        FROM entities WHERE kind = 'place'""",
    "commitments_due": """
        SELECT id, status, due_end, trim(countries) AS countries, action
        FROM commitments""",
    "documents_list": """
        SELECT id, title, url, lang, published, outlet, source, duplicate_of
        FROM documents""",
}


def upgrade() -> None:
    for name, select in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {select}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
