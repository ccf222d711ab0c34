"""Read-only queries for the API, web UI and exports: filtered, paginated views of the store.

Every function takes a Store and returns plain dicts (payloads are the SCHEMA.md records). Filters
that both backends index (type, dates, countries as " FRA DZA ") run in SQL; the rest run on the
payloads, which stay small per corpus page.
"""
from __future__ import annotations

import json
import re

from sqlalchemy import String, Text, cast, func, or_, select

from liaison.folding import fold
from liaison.store import dyads as D
from liaison.store import listing as L
from liaison.store import schema as s
from liaison.store.browse import reported_in
from liaison.store.listing import Page
from liaison.store.totals import EVENT_SPAN
from liaison.store.totals import read as read_total

DOC_LIST_COLUMNS = ("id", "source", "url", "title", "lang", "published", "outlet", "duplicate_of")


def _page(conn, query, limit: int, offset: int) -> tuple[list, int]:
    total = conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()
    rows = conn.execute(query.limit(limit).offset(offset)).mappings().all()
    return rows, total


def _like_country(column, code: str):
    return column.like(f"% {code.upper()} %")


def _contains(column, needle: str):
    """Case-insensitive substring test in which % and _ in the needle are literal, not wildcards."""
    literal = needle.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{literal}%", escape="\\")


def _payload_contains(table, needle: str):
    # JSON columns are serialised with ASCII escapes ("Nu\\u00f1ez"): match either spelling.
    text = cast(table.c.payload, Text)
    return or_(_contains(text, needle), _contains(text, json.dumps(needle)[1:-1]))


# ---------------------------------------------------------------- documents
def list_documents(store, limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    page = documents_page(store, limit, offset)
    return page.items, page.total


def documents_page(store, limit: int = 50, offset: int = 0, after: str | None = None,
                   lang: str | None = None, outlet: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, ascending: bool = False, country: str | None = None,
                   person: str | None = None) -> Page:
    """Documents, newest first (undated last; oldest first when `ascending`), without their texts;
    `country`: those reporting an event of that state; `person`: those naming that person or body
    (an entity id, or words of its name)."""
    c = s.documents.c
    where = []
    rd = s.record_documents.c
    if country:
        ec = s.event_countries.c
        where.append(c.id.in_(select(rd.doc_id).join(s.event_countries, ec.event_id == rd.record_id)
                              .where(rd.kind == "event", ec.country == country.upper())))
    if person:
        e = s.entities.c
        named = e.id == person if ENTITY_ID.match(person) else or_(    # its name or a spelling of it
            _contains(e.name, person), _contains(cast(e.listed, Text), person))
        named_ids = select(e.id).where(e.kind.in_(("person", "organization")), named)
        where.append(c.id.in_(select(rd.doc_id).where(rd.kind == "entity", rd.record_id.in_(named_ids))))
    if lang:
        where.append(c.lang == lang.lower())
    if outlet:
        where.append(_contains(c.outlet, outlet))
    if date_from:
        where.append(c.published >= date_from)
    if date_to:
        where.append(c.published <= date_to)
    query, count, key = L.document_listing([c[name] for name in DOC_LIST_COLUMNS], where)
    return L.keyset_page(store, query, count, key, limit, offset, after, descending=not ascending,
                         item=lambda row: {name: row[i] for i, name in enumerate(DOC_LIST_COLUMNS)})


def document_titles(store, doc_ids) -> dict[str, dict]:
    """id -> {title, published, lang, url} for the given documents, without their texts."""
    c = s.documents.c
    ids = list(dict.fromkeys(doc_ids))
    out: dict[str, dict] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            q = select(c.id, c.title, c.published, c.lang, c.url, c.source).where(c.id.in_(ids[i:i + 500]))
            out.update({r["id"]: dict(r) for r in conn.execute(q).mappings()})
    return out


def get_document(store, doc_id: str) -> dict | None:
    c = s.documents.c
    cols = [c[name] for name in (*DOC_LIST_COLUMNS, "authors", "text", "meta", "analysed_version")]
    with store.engine.connect() as conn:
        row = conn.execute(select(*cols).where(c.id == doc_id)).mappings().first()
    return dict(row) if row else None


def document_facts(store, doc_id: str) -> list[dict]:
    """The per-document machine output: every fact found in the document, with its stage."""
    c = s.facts.c
    q = select(c.id, c.kind, c.stage, c.payload).where(c.doc_id == doc_id).order_by(c.kind, c.id)
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def linked_for_document(store, kind: str, doc_id: str) -> list[dict]:
    """Linked records (events, quotes, ...) with evidence or sources in this document."""
    table, rd = s.LINKED_TABLES[kind], s.record_documents.c
    q = (select(table.c.payload).join(s.record_documents, rd.record_id == table.c.id)
         .where(rd.doc_id == doc_id, rd.kind == kind).order_by(table.c.id))
    with store.engine.connect() as conn:
        payloads = [r[0] for r in conn.execute(q)]
    return [p for p in payloads if _mentions_doc(p, doc_id)]


def _mentions_doc(payload: dict, doc_id: str) -> bool:
    if doc_id in (payload.get("sources") or []) or doc_id in (payload.get("documents") or []):
        return True
    spans = (payload.get("evidence") or []) + (payload.get("mentions") or [])
    return any(sp.get("doc_id") == doc_id for sp in spans)


# ---------------------------------------------------------------- linked records
def list_entities(store, kind: str | None = None, q: str | None = None, country: str | None = None,
                  limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    page = entities_page(store, kind, q, country, limit, offset)
    return page.items, page.total


def entities_page(store, kind: str | None = None, q: str | None = None, country: str | None = None,
                  limit: int = 50, offset: int = 0, after: str | None = None,
                  most_named: bool = False) -> Page:
    """Entities by kind and name, or (`most_named`) the most often named first."""
    c = s.entities.c
    where = [or_(_contains(c.name, q), _payload_contains(s.entities, q))] if q else []
    query, count, key = L.entity_listing(kind, country, where, most_named)
    return L.keyset_page(store, query, count, key, limit, offset, after, descending=most_named)


def get_linked(store, kind: str, record_id: str) -> dict | None:
    table = s.LINKED_TABLES[kind]
    with store.engine.connect() as conn:
        row = conn.execute(select(table.c.payload).where(table.c.id == record_id)).first()
    return row[0] if row else None


def list_events(store, type: str | None = None, context: str | None = None, country: str | None = None,
                actor: str | None = None, date_from: str | None = None, date_to: str | None = None,
                q: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    page = events_page(store, type, context, country, actor, date_from, date_to, q, limit, offset)
    return page.items, page.total


def events_page(store, type: str | None = None, context: str | None = None, country: str | None = None,
                actor: str | None = None, date_from: str | None = None, date_to: str | None = None,
                q: str | None = None, limit: int = 50, offset: int = 0, after: str | None = None,
                lang: str | None = None, outlet: str | None = None, ascending: bool = False,
                partner: str | None = None, full: bool = False) -> Page:
    """Events newest first (oldest first when `ascending`). Type, country and dates run on indexes;
    context and actor narrow in SQL, then has_context() / has_actor() decide on each payload; language
    and outlet are those of the reporting articles; `partner`, a second state the event names (the
    events of a pair of states, with `country`). Items are list projections (listed.listed_event),
    whole records when `full`."""
    t = s.events
    where = reported_in("event", t, lang, outlet)
    pair = _pair_walk(store, country, partner)
    if pair:            # walk the index of the state with fewer events, test the other on each
        country, partner = pair
        where.append(t.c.countries.like(f"% {partner} %"))
    if context:         # coarse: the quoted word anywhere; has_context() decides
        where.append(_payload_contains(t, f'"{context}"'))
    if actor and ENTITY_ID.match(actor):
        where.append(_payload_contains(t, actor))
    if q:
        where.append(or_(_contains(t.c.summary, q), _payload_contains(t, q)))
    span = read_total(store, EVENT_SPAN) if date_from else None
    query, count, key = L.event_listing(type, country, date_from, date_to, where, span, full)
    if pair and len(where) == 1 and not (type or date_from or date_to or q):
        count = D.pair_count_query(*pair)      # the pair's events, as the writer counted them
    keep = None
    if context or actor:
        keep = lambda p: ((not context or has_context(p, context))  # noqa: E731
                          and (not actor or has_actor(p, actor)))
    return L.keyset_page(store, query, count, key, limit, offset, after, descending=not ascending, keep=keep)


ENTITY_ID = re.compile(r"^[0-9a-f]{16,64}$")


def _pair_walk(store, country: str | None, partner: str | None) -> tuple[str, str] | None:
    """(state whose index to walk, state to test) for the events naming both, the rarer walked."""
    if not partner:
        return None
    if not country:
        raise ValueError("a partner state needs a country")
    pair = (country.upper(), partner.upper())
    alone = D.events_of_states(store, pair)
    return tuple(sorted(pair, key=lambda code: (alone.get(code, 0), code)))


def has_context(event: dict, context: str) -> bool:
    return context.lower() in [str(x).lower() for x in event.get("contexts") or []]


def has_actor(event: dict, actor: str) -> bool:
    """An actor is named by its entity id, or by its name or a run of whole words of it, folded
    (case, accents, punctuation): "nunez" finds "Laurent Nuñez"; "Tebb" finds nobody. Text elsewhere
    in the event (evidence, summary) never counts."""
    wanted = fold(actor)
    for a in event.get("actors") or []:
        if a.get("entity_id") == actor:
            return True
        if wanted and f" {wanted} " in f" {fold(a.get('name'))} ":
            return True
    return False


def located_events(store, limit: int) -> list[dict]:
    """The newest events with coordinates (dated first, newest first)."""
    e = s.events.c
    query = (select(e.payload).where(e.latitude.is_not(None), e.longitude.is_not(None))
             .order_by(e.date_key.desc(), e.id.desc()).limit(limit))
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(query)
                if (r[0].get("location") or {}).get("lat") is not None
                and (r[0].get("location") or {}).get("lon") is not None]


def all_events(store) -> list[dict]:
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(select(s.events.c.payload).order_by(s.events.c.date_start))]


def _naming(kind: str, entity_id: str, *order):
    table, re_ = s.LINKED_TABLES[kind], s.record_entities.c
    return (select(table.c.payload).join(s.record_entities, re_.record_id == table.c.id)
            .where(re_.entity_id == entity_id, re_.kind == kind).order_by(*order))


def events_with_actor(store, entity_id: str) -> list[dict]:
    """Events with this entity among their actors, oldest first (undated first)."""
    query = _naming("event", entity_id, s.events.c.date_key, s.events.c.id)
    with store.engine.connect() as conn:
        payloads = [r[0] for r in conn.execute(query)]
    return [p for p in payloads if any(a.get("entity_id") == entity_id for a in p.get("actors") or [])]


def quotes_by_speaker(store, entity_id: str) -> list[dict]:
    with store.engine.connect() as conn:
        payloads = [r[0] for r in conn.execute(_naming("quote", entity_id, s.quotes.c.id))]
    return [p for p in payloads if (p.get("speaker") or {}).get("entity_id") == entity_id]


def list_commitments(store, status: str | None = None, country: str | None = None,
                     due_before: str | None = None, limit: int = 50,
                     offset: int = 0) -> tuple[list[dict], int]:
    c = s.commitments.c
    query = select(c.payload).order_by(c.due_end.is_(None), c.due_end, c.id)
    if status:
        query = query.where(c.status == status)
    if country:
        query = query.where(_like_country(c.countries, country))
    if due_before:
        query = query.where(c.due_end <= due_before)
    with store.engine.connect() as conn:
        rows, total = _page(conn, query, limit, offset)
    return [r["payload"] for r in rows], total


def list_simple(store, kind: str, q: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[list[dict], int]:
    """Figures or quotes, optionally filtered by a word anywhere in the record."""
    table = s.LINKED_TABLES[kind]
    query = select(table.c.payload).order_by(table.c.id)
    if q:
        query = query.where(_payload_contains(table, q))
    with store.engine.connect() as conn:
        rows, total = _page(conn, query, limit, offset)
    return [r["payload"] for r in rows], total


def latest_issues(store, limit: int = 10) -> list[dict]:
    c = s.issues.c
    q = select(c.id, c.source, c.doc_id, c.stage, c.message).order_by(c.id.desc()).limit(limit)
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def decisions_for(store, entity_id: str) -> list[dict]:
    c = s.decisions.c
    q = (select(c.id, c.action, c.entity_a, c.entity_b, c.note,
                cast(c.created_at, String).label("created_at"))
         .where(or_(c.entity_a == entity_id, c.entity_b == entity_id)).order_by(c.id))
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def entities_sharing_a_word(store, kind: str, words: list[str], exclude: str, limit: int = 300) -> list[dict]:
    """Entities of a kind whose name contains one of `words` (the candidates for "possible duplicate"
    hints: a name one letter off still shares its other words)."""
    c = s.entities.c
    words = sorted({w.lower() for w in words if len(w) >= 3})
    if not words:
        return []
    q = (select(c.payload).where(c.kind == kind, c.id != exclude, or_(*(_contains(c.name, w) for w in words)))
         .order_by(c.name, c.id).limit(limit))
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(q)]
