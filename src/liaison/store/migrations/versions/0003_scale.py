"""Scale: runs and document claims, keyset orders, the event-country index; PostgreSQL text search.

Revision ID: 0003
Revises: 0002

- `runs` and `documents.claimed_by`: two ingests at once analyse each document once.
- `events.date_key` (date_start, "" when undated) and `event_countries`: list and filter queries
  walk an index in the order they return, on both backends.
- PostgreSQL only: `unaccent` plus one text search configuration per language (liaison_french, ...),
  and a stored tsvector column with a GIN index on every searchable table.
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"

# language code -> PostgreSQL stemmer; every other language is searched with the simple parser
STEMMERS = {"en": "english", "fr": "french", "es": "spanish", "de": "german", "it": "italian",
            "pt": "portuguese"}
COUNTED = {"documents": "documents", "entity": "entities", "event": "events", "commitment": "commitments",
           "figure": "figures", "quote": "quotes", "issues": "issues"}
MAX_INDEXED = 500_000          # characters of a document indexed (a tsvector is capped at 1 MB)


def upgrade() -> None:
    op.add_column("documents", sa.Column("claimed_by", sa.String(32)))
    op.create_index("ix_documents_order", "documents", [sa.text("coalesce(published, '')"), "id"])
    op.create_table(
        "runs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("host", sa.Text, nullable=False),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
    )
    op.add_column("events", sa.Column("date_key", sa.String(10), nullable=False, server_default=""))
    op.execute("UPDATE events SET date_key = coalesce(date_start, '')")
    op.create_index("ix_events_order", "events", ["date_key", "id"])
    op.create_index("ix_events_type_order", "events", ["type", "date_key", "id"])
    op.create_table(
        "event_countries",
        sa.Column("country", sa.String(3), nullable=False),
        sa.Column("date_key", sa.String(10), nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("end_key", sa.String(10), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
    )
    op.create_index("ix_event_countries_walk", "event_countries",
                    ["country", "date_key", "event_id", "end_key", "type"])
    _fill_event_countries()
    for name, column in [("record_entities", "entity_id"), ("record_documents", "doc_id")]:
        op.create_table(name, sa.Column(column, sa.String(64), nullable=False),
                        sa.Column("kind", sa.String(16), nullable=False),
                        sa.Column("record_id", sa.String(64), nullable=False))
        op.create_index(f"ix_{name}_walk", name, [column, "kind", "record_id"])
    _fill_record_links()
    op.create_table("totals", sa.Column("name", sa.String(16), primary_key=True),
                    sa.Column("n", sa.BigInteger, nullable=False))
    for name, table in COUNTED.items():
        op.execute(f"INSERT INTO totals (name, n) SELECT '{name}', count(*) FROM {table}")
    # the longest event span, unknown until the next link: a century bounds nothing
    op.execute("INSERT INTO totals (name, n) VALUES ('event_span', 36500)")
    op.drop_index("ix_entities_kind_name", "entities")
    op.create_index("ix_entities_order", "entities", ["kind", "name", "id"])
    op.create_index("ix_entities_country_order", "entities", ["country", "kind", "name", "id"])
    if op.get_bind().dialect.name == "postgresql":
        _postgres_text_search()


def _fill_event_countries() -> None:
    bind = op.get_bind()
    rows = [{"country": code, "date_key": key, "event_id": event_id, "end_key": end or key, "type": type_}
            for event_id, countries, key, end, type_ in bind.execute(
                sa.text("SELECT id, countries, date_key, date_end, type FROM events"))
            for code in sorted(set((countries or "").split()))]
    if rows:
        bind.execute(sa.text("INSERT INTO event_countries (country, date_key, event_id, end_key, type) "
                             "VALUES (:country, :date_key, :event_id, :end_key, :type)"), rows)


def _fill_record_links() -> None:
    """Index the linked records already stored (later links rebuild these with the records)."""
    import json

    from liaison.store.rows import record_links
    bind = op.get_bind()
    for kind, table in [("entity", "entities"), ("event", "events"), ("commitment", "commitments"),
                        ("figure", "figures"), ("quote", "quotes")]:
        payloads = [p if isinstance(p, dict) else json.loads(p)
                    for (p,) in bind.execute(sa.text(f"SELECT payload FROM {table}"))]
        entities, documents = record_links(kind, payloads)
        if entities:
            bind.execute(sa.text("INSERT INTO record_entities (entity_id, kind, record_id) "
                                 "VALUES (:entity_id, :kind, :record_id)"), entities)
        if documents:
            bind.execute(sa.text("INSERT INTO record_documents (doc_id, kind, record_id) "
                                 "VALUES (:doc_id, :kind, :record_id)"), documents)


def _postgres_text_search() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, base in [("simple", "simple"), *((s, f"{s}_stem") for s in STEMMERS.values())]:
        op.execute(f"CREATE TEXT SEARCH CONFIGURATION liaison_{name} (COPY = pg_catalog.{name})")
        op.execute(f"ALTER TEXT SEARCH CONFIGURATION liaison_{name} "
                   f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {base}")
    for table, vector in search_vectors().items():
        op.execute(f"ALTER TABLE {table} ADD COLUMN search_tsv tsvector "
                   f"GENERATED ALWAYS AS ({vector}) STORED")
        op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search_tsv)")


def search_vectors() -> dict[str, str]:
    """The tsvector of each searchable table: documents in their language (stemmed) plus the plain
    words, facts with the simple parser; accents folded everywhere."""
    body = f"left(coalesce(title, '') || ' ' || text, {MAX_INDEXED})"
    by_lang = " ".join(f"WHEN '{code}' THEN to_tsvector('liaison_{name}', {body})"
                       for code, name in STEMMERS.items())
    return {
        "documents": f"CASE lang {by_lang} ELSE ''::tsvector END || to_tsvector('liaison_simple', {body})",
        "entities": "to_tsvector('liaison_simple', name || ' ' || coalesce(payload->>'aliases', ''))",
        "events": "to_tsvector('liaison_simple', coalesce(summary, type) || ' ' "
                  "|| coalesce(payload->>'evidence', ''))",
        "commitments": "to_tsvector('liaison_simple', coalesce(action, '') || ' ' "
                       "|| coalesce(payload->>'evidence', ''))",
        "figures": "to_tsvector('liaison_simple', coalesce(subject, '') || ' ' "
                   "|| coalesce(payload->>'evidence', ''))",
        "quotes": "to_tsvector('liaison_simple', coalesce(speaker, '') || ' ' || coalesce(text, ''))",
    }


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in search_vectors():
            op.execute(f"ALTER TABLE {table} DROP COLUMN search_tsv")
        for name in ("simple", *STEMMERS.values()):
            op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS liaison_{name}")
    op.drop_index("ix_entities_country_order", "entities")
    op.drop_index("ix_entities_order", "entities")
    op.create_index("ix_entities_kind_name", "entities", ["kind", "name"])
    op.drop_table("totals")
    op.drop_table("record_documents")
    op.drop_table("record_entities")
    op.drop_table("event_countries")
    op.drop_index("ix_events_type_order", "events")
    op.drop_index("ix_events_order", "events")
    # plain DROP COLUMN (SQLite >= 3.35): a batch table rebuild would break the views over it
    op.execute("ALTER TABLE events DROP COLUMN date_key")
    op.drop_table("runs")
    op.drop_index("ix_documents_order", "documents")
    op.execute("ALTER TABLE documents DROP COLUMN claimed_by")
