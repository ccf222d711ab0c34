"""Full-text search over documents and linked facts: SQLite FTS5, or PostgreSQL text search.

Both backends return the same contract: a list of
`{"kind", "id", "title", "snippet", "rank"}` (best first) and the total number of hits, where kind
is document | entity | event | commitment | figure | quote. Snippets mark hits with « » so the UI
can show them without trusting any HTML.
"""
from __future__ import annotations

import re

from sqlalchemy import func, select, text

from liaison.store import schema as s

FTS_TABLE = "search_fts"
_built: dict[int, tuple] = {}       # id(engine) -> fingerprint of the content the index holds


def search(store, q: str, limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
    if store.engine.dialect.name == "postgresql":
        return _search_postgres(store, q, limit, offset)
    return _search_sqlite(store, q, limit, offset)


def searchable_rows(store):
    """(kind, id, title, body) for every document and linked fact."""
    d = s.documents.c
    with store.engine.connect() as conn:
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
def _fingerprint(conn) -> tuple:
    parts = []
    for table in (s.documents, *s.LINKED_TABLES.values()):
        parts.append(tuple(conn.execute(select(func.count(), func.max(table.c.id))).one()))
    parts.append(conn.execute(select(func.count()).select_from(s.facts)).scalar_one())
    return tuple(parts)


def _ensure_index(store) -> None:
    """(Re)build the FTS5 index when documents or the linked view changed since the last build."""
    with store.engine.begin() as conn:
        conn.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                          "kind UNINDEXED, id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"))
        stamp = _fingerprint(conn)
        if _built.get(id(store.engine)) == stamp:
            return
        conn.execute(text(f"DELETE FROM {FTS_TABLE}"))
        rows = [{"kind": k, "id": i, "title": t, "body": b} for k, i, t, b in searchable_rows(store)]
        if rows:
            conn.execute(text(f"INSERT INTO {FTS_TABLE} (kind, id, title, body) "
                              "VALUES (:kind, :id, :title, :body)"), rows)
    _built[id(store.engine)] = stamp


def fts5_query(q: str) -> str:
    """User words as an FTS5 query: every word must appear (prefix match); syntax is inert."""
    words = re.findall(r"\w+", q, flags=re.UNICODE)
    return " ".join(f'"{w}"*' for w in words)


def _search_sqlite(store, q: str, limit: int, offset: int) -> tuple[list[dict], int]:
    match = fts5_query(q)
    if not match:
        return [], 0
    _ensure_index(store)
    where = f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"
    with store.engine.connect() as conn:
        total = conn.execute(text(f"SELECT count(*) {where}"), {"q": match}).scalar_one()
        rows = conn.execute(text(
            f"SELECT kind, id, title, snippet({FTS_TABLE}, 3, '«', '»', ' … ', 16) AS snippet, "
            f"bm25({FTS_TABLE}) AS rank {where} ORDER BY rank LIMIT :limit OFFSET :offset"),
            {"q": match, "limit": limit, "offset": offset}).mappings().all()
    return [{**dict(r), "rank": -float(r["rank"])} for r in rows], total


# ---------------------------------------------------------------- PostgreSQL
_PG_SOURCES = """
    SELECT 'document' AS kind, id, coalesce(title, '') AS title, text AS body FROM documents
    UNION ALL SELECT 'entity', id, name, name || ' ' || (payload->>'aliases') FROM entities
    UNION ALL SELECT 'event', id, coalesce(summary, type), coalesce(summary, '') || ' ' || (payload->>'evidence') FROM events
    UNION ALL SELECT 'commitment', id, coalesce(action, ''), coalesce(action, '') || ' ' || (payload->>'evidence') FROM commitments
    UNION ALL SELECT 'figure', id, coalesce(subject, ''), payload->>'evidence' FROM figures
    UNION ALL SELECT 'quote', id, coalesce(speaker, ''), coalesce(text, '') FROM quotes
"""


def _search_postgres(store, q: str, limit: int, offset: int) -> tuple[list[dict], int]:
    words = re.findall(r"\w+", q, flags=re.UNICODE)
    if not words:
        return [], 0
    # 'simple' config: no language stemming, so a French and an English article match alike.
    tsq = " & ".join(f"{w}:*" for w in words)
    base = (f"WITH src AS ({_PG_SOURCES}), hits AS (SELECT kind, id, title, body, "
            "ts_rank(to_tsvector('simple', title || ' ' || coalesce(body, '')), to_tsquery('simple', :q)) AS rank "
            "FROM src WHERE to_tsvector('simple', title || ' ' || coalesce(body, '')) @@ to_tsquery('simple', :q))")
    with store.engine.connect() as conn:
        total = conn.execute(text(f"{base} SELECT count(*) FROM hits"), {"q": tsq}).scalar_one()
        rows = conn.execute(text(
            f"{base} SELECT kind, id, title, ts_headline('simple', coalesce(body, ''), to_tsquery('simple', :q), "
            "'StartSel=«, StopSel=», MaxWords=24, MinWords=8') AS snippet, rank "
            "FROM hits ORDER BY rank DESC LIMIT :limit OFFSET :offset"),
            {"q": tsq, "limit": limit, "offset": offset}).mappings().all()
    return [{**dict(r), "rank": float(r["rank"])} for r in rows], total
