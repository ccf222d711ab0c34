"""Full-text search over documents and linked facts: SQLite FTS5, or PostgreSQL text search.

Both backends return the same contract: a list of
`{"kind", "id", "title", "snippet", "rank"}` (best first), the total number of hits, and whether
that total is exact, where kind is document | entity | event | commitment | figure | quote. On
PostgreSQL a word found in more than RANK_CAP records of one kind ranks the first RANK_CAP the index
gives and reports "more than" (ranking a million hits per request is what made a common word take
eight seconds on a large store); SQLite's FTS5 counts and ranks every hit. Snippets mark hits
with « » so the UI can show them without trusting any HTML.
"""
from __future__ import annotations

import re
from collections import Counter

from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from liaison.store import schema as s

FTS_TABLE = "search_fts"


HIT_MARKS = ("«", "»")


def search(store, q: str, limit: int = 20, offset: int = 0,
           marks: tuple[str, str] = HIT_MARKS) -> tuple[list[dict], int, bool]:
    """`marks` open and close each hit in the snippets (the web page passes characters that no
    article contains, since French text is full of « »)."""
    if store.engine.dialect.name == "postgresql":
        return _search_postgres(store, q, limit, offset, marks)
    return _search_sqlite(store, q, limit, offset, marks)


def searchable_rows(store, conn=None):
    """(kind, id, title, body) for every document and linked fact (read on `conn` when given, so
    the index is built from what the same transaction sees)."""
    if conn is None:
        with store.engine.connect() as own:
            yield from searchable_rows(store, own)
        return
    d = s.documents.c
    for row in conn.execute(select(d.id, d.title, d.text)):
        yield "document", row.id, row.title or "", row.text
    for kind, table in s.LINKED_TABLES.items():
        for row in conn.execute(select(table.c.id, table.c.payload)):
            title, body = _fact_text(kind, row.payload)
            yield kind, row.id, title, body


def _fact_text(kind: str, p: dict) -> tuple[str, str]:
    evidence = " ".join(sp.get("text", "") for sp in p.get("evidence") or [])
    if kind == "entity":
        return p.get("name", ""), " ".join([p.get("name", ""), *(p.get("aliases") or []),
                                             *(r.get("title") or "" for r in p.get("roles") or [])])
    if kind == "event":
        return p.get("summary") or p.get("type", ""), f"{p.get('summary') or ''} {evidence}"
    if kind == "commitment":
        return p.get("action") or "", f"{p.get('action') or ''} {evidence}"
    if kind == "figure":
        return f"{p.get('value')} {p.get('unit') or ''} {p.get('subject') or ''}".strip(), evidence
    return (p.get("speaker") or {}).get("name") or "", p.get("text") or evidence


# ---------------------------------------------------------------- SQLite FTS5
# Staleness: SQLite triggers count every row written to the searchable tables (the link stage
# rewrites them wholesale, ingest adds documents); the index is rebuilt when the count moved since
# the build. Unlike row counts or max ids this sees in-place changes, costs one tiny read per search,
# and holds across processes (the CLI writes, the server searches).
STATE_TABLE = "search_state"
WATCHED = ("documents", *(t.name for t in s.LINKED_TABLES.values()))
TRIGGERS = [(f"{STATE_TABLE}_{table}_{op.lower()}", table, op)
            for table in WATCHED for op in ("INSERT", "UPDATE", "DELETE")]


def _install_change_counter(conn) -> None:
    """Create the counter row and its triggers if any is missing (a table rebuilt by a migration
    loses its triggers); then the index counts as stale."""
    present = {r[0] for r in conn.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE :p"), {"p": f"{STATE_TABLE}_%"})}
    if all(name in present for name, _, _ in TRIGGERS):
        return
    conn.execute(text(f"CREATE TABLE IF NOT EXISTS {STATE_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), "
                      "changes INTEGER NOT NULL, indexed INTEGER NOT NULL)"))
    conn.execute(text(f"INSERT OR IGNORE INTO {STATE_TABLE} (id, changes, indexed) VALUES (1, 0, -1)"))
    for name, table, op in TRIGGERS:
        conn.execute(text(f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {op} ON {table} "
                          f"BEGIN UPDATE {STATE_TABLE} SET changes = changes + 1; END"))
    conn.execute(text(f"UPDATE {STATE_TABLE} SET indexed = -1"))


def _index_is_fresh(store) -> bool:
    """A read, no lock: most searches find the index current."""
    try:
        with store.engine.connect() as conn:
            changes, indexed = conn.execute(text(f"SELECT changes, indexed FROM {STATE_TABLE}")).one()
            triggers = conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                         "AND name LIKE :p"), {"p": f"{STATE_TABLE}_%"}).scalar_one()
    except OperationalError:    # no counter table yet: the first search builds everything
        return False
    return changes == indexed and triggers == len(TRIGGERS)


def _ensure_index(store) -> None:
    """(Re)build the FTS5 index when documents or the linked view changed since the last build."""
    if _index_is_fresh(store):
        return
    with store.writer.begin() as conn:      # the write lock first, then look again and rebuild
        conn.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                          "kind UNINDEXED, id UNINDEXED, title, body, "
                          "tokenize='unicode61 remove_diacritics 2')"))
        _install_change_counter(conn)
        changes, indexed = conn.execute(text(f"SELECT changes, indexed FROM {STATE_TABLE}")).one()
        if changes == indexed:
            return
        conn.execute(text(f"DELETE FROM {FTS_TABLE}"))
        rows = [{"kind": k, "id": i, "title": t, "body": b} for k, i, t, b in searchable_rows(store, conn)]
        if rows:
            conn.execute(text(f"INSERT INTO {FTS_TABLE} (kind, id, title, body) "
                              "VALUES (:kind, :id, :title, :body)"), rows)
        conn.execute(text(f"UPDATE {STATE_TABLE} SET indexed = :n"), {"n": changes})


def fts5_query(q: str) -> str:
    """User words as an FTS5 query: every word must appear (prefix match); syntax is inert."""
    words = re.findall(r"\w+", q, flags=re.UNICODE)
    return " ".join(f'"{w}"*' for w in words)


def _search_sqlite(store, q: str, limit: int, offset: int, marks: tuple[str, str]
                   ) -> tuple[list[dict], int, bool]:
    match = fts5_query(q)
    if not match:
        return [], 0, True
    _ensure_index(store)
    where = f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"
    with store.engine.connect() as conn:
        total = conn.execute(text(f"SELECT count(*) {where}"), {"q": match}).scalar_one()
        rows = conn.execute(text(
            f"SELECT kind, id, title, snippet({FTS_TABLE}, 3, :open, :close, ' … ', 16) AS snippet, "
            f"bm25({FTS_TABLE}) AS rank {where} ORDER BY rank LIMIT :limit OFFSET :offset"),
            {"q": match, "limit": limit, "offset": offset, "open": marks[0], "close": marks[1]}
        ).mappings().all()
    return [{**dict(r), "rank": -float(r["rank"])} for r in rows], total, True


# ---------------------------------------------------------------- PostgreSQL
# Each searchable table has a stored `search_tsv` column with a GIN index (migration 0003):
# documents in their language's configuration (stemmed) plus the plain words, facts with the plain
# words, accents folded by `unaccent` in every configuration. A query matches in any configuration,
# so "retours forcés" finds "retour forcé" in a French article and the exact words anywhere.
PG_CONFIGS = ("liaison_simple", "liaison_english", "liaison_french", "liaison_spanish", "liaison_german",
              "liaison_italian", "liaison_portuguese")
PG_QUERY = " || ".join(f"to_tsquery('{c}', :q)" for c in PG_CONFIGS)
# Facts hold the plain words only: the plain query finds them, and the six stemmed ones only made the
# index collect more posting lists (a stem prefix like 'minist:*' also matched 'ministry').
PG_PLAIN_QUERY = "to_tsquery('liaison_simple', :q)"
_EVIDENCE = ("coalesce((SELECT string_agg(e->>'text', ' … ') "
             "FROM json_array_elements(payload->'evidence') e), '')")
PG_TABLES = {   # kind -> (table, title expression, snippet body expression)
    "document": ("documents", "coalesce(title, '')", "text"),
    "entity": ("entities", "name", "name || ' ' || coalesce(payload->>'aliases', '')"),
    "event": ("events", "coalesce(summary, type)", f"coalesce(summary, '') || ' ' || {_EVIDENCE}"),
    "commitment": ("commitments", "coalesce(action, '')", f"coalesce(action, '') || ' ' || {_EVIDENCE}"),
    "figure": ("figures", "coalesce(subject, '')", _EVIDENCE),
    "quote": ("quotes", "coalesce(speaker, '')", "coalesce(text, '')"),
}
RANK_CAP = 1000     # hits ranked per kind; past it the total is "more than"
# The query is written out in each branch, not shared through a CTE: the planner must see the words
# to estimate how many rows match (a common word: read rows in order until the cap; a rare one: the
# GIN index). Behind a CTE it always built the index's bitmap of every hit (0.8 s at 350k events).
_PG_HITS = " UNION ALL ".join(
    f"(SELECT '{kind}' AS kind, id, {title} AS title, ts_rank(search_tsv, {query}) AS rank "
    f"FROM {table} WHERE search_tsv @@ ({query}) LIMIT :cap)"
    for kind, (table, title, _) in PG_TABLES.items()
    for query in [PG_QUERY if kind == "document" else PG_PLAIN_QUERY])


def _search_postgres(store, q: str, limit: int, offset: int, marks: tuple[str, str]
                     ) -> tuple[list[dict], int, bool]:
    words = re.findall(r"\w+", q, flags=re.UNICODE)
    if not words:
        return [], 0, True
    params = {"q": " & ".join(f"{w}:*" for w in words), "cap": RANK_CAP + 1}
    hits = _pg_hits(store, params)
    with store.engine.connect() as conn:
        per_kind = Counter(h["kind"] for h in hits)
        exact = all(n <= RANK_CAP for n in per_kind.values())
        ranked = sorted(_within_cap(hits), key=lambda h: (-h["rank"], h["kind"], h["id"]))
        rows = ranked[offset:offset + limit]
        snippets = _pg_snippets(conn, rows, params, marks)
    total = sum(min(n, RANK_CAP) for n in per_kind.values())
    return [{**dict(r), "snippet": snippets.get((r["kind"], r["id"]), ""), "rank": float(r["rank"])}
            for r in rows], total, exact


SCAN_FIRST_MS = 250     # how long reading rows in order may look for the first hits


def _pg_hits(store, params: dict) -> list:
    """Every kind's first hits (up to the cap + 1), with their rank. The planner cannot tell how
    many rows a prefix query matches, and either plan is wrong half the time: reading rows in order
    finds a common word's first thousand at once but reads the whole table for a rare one; the GIN
    index finds a rare word at once but first collects every hit of a common one (0.8 s for "minister"
    in a million events). So: rows in order, for at most SCAN_FIRST_MS; past that the word is rare
    enough that the index's list of hits is short."""
    try:
        with store.engine.begin() as conn:
            conn.execute(text(f"SET LOCAL statement_timeout = {SCAN_FIRST_MS}"))
            conn.execute(text("SET LOCAL enable_bitmapscan = off"))
            return conn.execute(text(_PG_HITS), params).mappings().all()
    except OperationalError as error:
        if getattr(error.orig, "sqlstate", None) != "57014":        # not query_canceled: a real failure
            raise
    with store.engine.begin() as conn:
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        return conn.execute(text(_PG_HITS), params).mappings().all()


def _within_cap(hits) -> list:
    """At most RANK_CAP hits of each kind: the probe row past the cap only says "more than"."""
    seen: Counter = Counter()
    kept = []
    for hit in hits:
        seen[hit["kind"]] += 1
        if seen[hit["kind"]] <= RANK_CAP:
            kept.append(hit)
    return kept


def _pg_snippets(conn, rows, params: dict, marks: tuple[str, str]) -> dict[tuple[str, str], str]:
    """Highlighted snippets for one page of hits only (ts_headline re-parses the whole text)."""
    out = {}
    for kind in {r["kind"] for r in rows}:
        table, _, body = PG_TABLES[kind]
        ids = [r["id"] for r in rows if r["kind"] == kind]
        found = conn.execute(text(
            f"WITH q AS (SELECT {PG_QUERY} AS query) SELECT id, ts_headline('liaison_simple', {body}, query, "
            "'StartSel=' || :open || ', StopSel=' || :close || ', MaxWords=24, MinWords=8') "
            f"FROM {table}, q WHERE id = ANY(:ids)"),
            {**params, "ids": ids, "open": marks[0], "close": marks[1]})
        out.update(((kind, i), snippet) for i, snippet in found)
    return out
