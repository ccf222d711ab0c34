"""SQLAlchemy Core schema: the only description of the database. Works on SQLite and PostgreSQL.

Two layers:
- per-document machine output (`documents`, `facts`), written by ingest; each fact row is one
  extracted record with its evidence, the stage that made it and its version;
- the linked view (`entities`, `events`, `commitments`, `figures`, `quotes`), rebuilt from the
  facts by the link stage, with the columns the API filters on.
Analyst decisions live in `decisions`, apart from machine output, and win on every re-link.
`runs` records the ingests under way: a document being analysed is claimed by one run
(`documents.claimed_by`), so two ingests at once analyse each document once.

This module is the live schema the code reads and writes; the migrations build it step by step
with explicit DDL (0001 is frozen: it never follows this file).
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    text,
)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("lang", String(8)),
    Column("published", String(10)),
    Column("outlet", Text),
    Column("authors", JSON, nullable=False, default=list),
    Column("text", Text, nullable=False),
    Column("raw", Text, nullable=False),
    Column("offset_map", JSON, nullable=False, default=list),
    Column("meta", JSON, nullable=False, default=dict),
    Column("duplicate_of", String(64)),
    Column("minhash", JSON),
    Column("analysed_version", String(64)),     # null until every stage has run on it
    Column("ingested_at", DateTime(timezone=True), server_default=func.now()),
    Column("claimed_by", String(32)),           # the run analysing it now (runs.id), else null
)
# newest first, undated last, in the same order on both backends (keyset pagination)
Index("ix_documents_order", func.coalesce(documents.c.published, ""), documents.c.id)

runs = Table(
    "runs", metadata,
    Column("id", String(32), primary_key=True),
    Column("host", Text, nullable=False),
    Column("pid", Integer, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),      # heartbeat: each saved batch
    Column("finished_at", DateTime(timezone=True)),
)

facts = Table(
    "facts", metadata,
    Column("id", String(64), primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),      # entity | event | commitment | figure | quote
    Column("stage", String(64), nullable=False),
    Column("payload", JSON, nullable=False),
    Index("ix_facts_doc_kind", "doc_id", "kind"),
)

issues = Table(
    "issues", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("doc_id", String(64)),
    Column("stage", String(32), nullable=False),
    Column("message", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
)

entities = Table(
    "entities", metadata,
    Column("id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    Column("payload", JSON, nullable=False),
    Column("listed", JSON),             # listed.listed_entity: what a list shows, without the mentions
    Column("articles", Integer, nullable=False, server_default="0"),     # documents naming it
    Index("ix_entities_order", "kind", "name", "id"),
    Index("ix_entities_named", "articles", "id"),                      # most named first
    Index("ix_entities_kind_named", "kind", "articles", "id"),
    Index("ix_entities_country_order", "country", "kind", "name", "id"),
)

events = Table(
    "events", metadata,
    Column("id", String(64), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("countries", Text),          # " FRA DZA " for LIKE filters on both backends
    Column("location", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("summary", Text),
    Column("payload", JSON, nullable=False),
    Column("date_key", String(10), nullable=False, server_default=""),   # date_start, "" when undated
    Column("listed", JSON),             # listed.listed_event: what a list shows, sentence included
    Index("ix_events_type_date", "type", "date_start"),
    Index("ix_events_order", "date_key", "id"),
    Index("ix_events_type_order", "type", "date_key", "id"),
    # the map's newest located events, without walking the unlocated ones
    Index("ix_events_located", "date_key", "id", sqlite_where=text("latitude IS NOT NULL"),
          postgresql_where=text("latitude IS NOT NULL")),
)

# One row per (event, country): "events of FRA in a date window, newest first" is one range of
# one index, counted without touching the events (end_key: date_end, else date_key; type too).
event_countries = Table(
    "event_countries", metadata,
    Column("country", String(3), nullable=False),
    Column("date_key", String(10), nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("end_key", String(10), nullable=False),
    Column("type", String(16), nullable=False),
    Index("ix_event_countries_walk", "country", "date_key", "event_id", "end_key", "type"),
)

# Pairs of states (a < b) and single states (b = ""), kept by the event writer (store/dyads.py): the
# relations page, the dyad list and the barometer read these rows, not every event.
dyads = Table(
    "dyads", metadata,
    Column("a", String(3), primary_key=True),
    Column("b", String(3), primary_key=True),
    Column("events", Integer, nullable=False),
    Column("score", Float),                      # mean PLOVER score of its scored events
    Column("by_type", JSON, nullable=False),     # {type: events}
    Column("months", JSON, nullable=False),      # {month: [events, score sum, scored]}, "" undated
    Column("n_months", Integer, nullable=False),
    Column("trend", Float),
    Column("last_change", JSON),
    Index("ix_dyads_order", "events", "a", "b"),
)

# Who and where, for the detail pages: the linked records naming an entity (event actors, quote and
# figure speakers, commitment actors) and the records with evidence in a document, as index ranges
# instead of scans of every payload.
record_entities = Table(
    "record_entities", metadata,
    Column("entity_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("record_id", String(64), nullable=False),
    Index("ix_record_entities_walk", "entity_id", "kind", "record_id"),
)

record_documents = Table(
    "record_documents", metadata,
    Column("doc_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("record_id", String(64), nullable=False),
    Index("ix_record_documents_walk", "doc_id", "kind", "record_id"),
)

commitments = Table(
    "commitments", metadata,
    Column("id", String(64), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("due_end", String(10)),
    Column("countries", Text),
    Column("action", Text),
    Column("payload", JSON, nullable=False),
)

figures = Table(
    "figures", metadata,
    Column("id", String(64), primary_key=True),
    Column("value", Float),
    Column("unit", Text),
    Column("subject", Text),
    Column("payload", JSON, nullable=False),
)

quotes = Table(
    "quotes", metadata,
    Column("id", String(64), primary_key=True),
    Column("speaker", Text),
    Column("text", Text),
    Column("payload", JSON, nullable=False),
)

# Row counts kept by the writers (same transaction as the rows): an unfiltered list's total and the
# home page's counts without counting a million rows per request.
totals = Table(
    "totals", metadata,
    Column("name", String(16), primary_key=True),        # documents | issues | entity | event | ...
    Column("n", BigInteger, nullable=False),
)

decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(8), nullable=False),      # merge | split
    Column("entity_a", String(64), nullable=False),
    Column("entity_b", String(64)),
    Column("note", Text),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
)

# Ingest jobs posted to the API (api/jobs.py), kept here so that any server process answers for any
# job; the process running one is named (host, pid) so a job whose server died reads as failed.
jobs = Table(
    "jobs", metadata,
    Column("id", String(32), primary_key=True),
    Column("status", String(16), nullable=False),        # queued | running | done | failed
    Column("articles", Integer, nullable=False),
    Column("created", Float, nullable=False),            # epoch seconds
    Column("finished", Float),
    Column("host", Text, nullable=False),
    Column("pid", Integer, nullable=False),
    Column("summary", JSON),
    Column("results", JSON),
    Column("error", Text),
)

# Watchlists: saved queries (a person, a pair of states, a PLOVER type, a phrase). `watch_hits` keeps
# each matching event once per watchlist as it was when first delivered (its payload), so the Atom
# feed and the JSONL file can be rebuilt after later links renumber the events.
watchlists = Table(
    "watchlists", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("kind", String(16), nullable=False),          # person | dyad | type | phrase
    Column("value", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
    Column("checked_at", DateTime(timezone=True)),       # the last poll that matched it
)

watch_hits = Table(
    "watch_hits", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("watchlist_id", Integer, ForeignKey("watchlists.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("found_at", DateTime(timezone=True), nullable=False),
    Column("record", JSON, nullable=False),
    Index("ix_watch_hits_walk", "watchlist_id", "found_at", "id"),
)

# Curated office terms (an optional TSV: office, country, person, start, end, source); the terms
# learned from the corpus are made from `office_attestations` below.
office_terms = Table(
    "office_terms", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("office", Text, nullable=False),
    Column("country", String(3)),
    Column("person", Text, nullable=False),
    Column("start", String(10)),
    Column("end", String(10)),
    Column("source", Text),
    Index("ix_office_terms_country", "country", "start"),
)

# One row per article calling a person by an office of a state (link/offices.py: attestations),
# kept by the entity writer (store/offices.py) so that who held an office on a day reads the rows of
# one state, never every person record and the text of every article naming them.
office_attestations = Table(
    "office_attestations", metadata,
    Column("entity_id", String(64), nullable=False),
    Column("person", Text, nullable=False),             # the person's display name
    Column("entity_country", String(3)),                # the person's state
    Column("office", Text, nullable=False),             # canonical English title
    Column("country", String(3), nullable=False),       # the office's state
    Column("doc_id", String(64), nullable=False),
    Column("published", String(10), nullable=False),    # the day the article is evidence for
    Column("first_day", String(10), nullable=False),    # the days it dates the term: a stated start,
    Column("last_day", String(10), nullable=False),     # a stated end, else the article's date
    Column("ended_on", String(10)),                     # a stated end of the role ("former")
    Column("text", Text),                               # the words naming them
    Column("sentence", Text),                           # the sentence holding them
    Index("ix_office_attestations_state", "country", "entity_id", "office"),
    Index("ix_office_attestations_person", "entity_id"),
)

LINKED_TABLES = {"entity": entities, "event": events, "commitment": commitments,
                 "figure": figures, "quote": quotes}
COUNTED = {"documents": documents, **LINKED_TABLES, "issues": issues}       # name in totals -> table
