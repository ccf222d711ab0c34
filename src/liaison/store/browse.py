"""Keyset pages for the lists the API and UI browse besides events, entities and documents
(listing.py): commitments, figures and quotes, with the filters every list shares (language and
outlet of the reporting articles, a person named as actor or speaker, a word anywhere).
"""
from __future__ import annotations

from sqlalchemy import func, select

from liaison.folding import fold
from liaison.store import listing as L
from liaison.store import schema as s
from liaison.store.listing import Page
from liaison.store.totals import total_query

UNDATED_LAST = "9999-12-31"


def reported_in(kind: str, table, lang: str | None = None, outlet: str | None = None,
                published_from: str | None = None, published_to: str | None = None) -> list:
    """Conditions: the record has a source article in this language / from this outlet / published
    in this window (a figure or a quote is dated by the article that reports it)."""
    if not (lang or outlet or published_from or published_to):
        return []
    rd, d = s.record_documents.c, s.documents.c
    docs = select(rd.record_id).join(s.documents, d.id == rd.doc_id).where(rd.kind == kind)
    if lang:
        docs = docs.where(d.lang == lang.lower())
    if outlet:
        docs = docs.where(_like(d.outlet, outlet))
    if published_from:
        docs = docs.where(d.published >= published_from)
    if published_to:
        docs = docs.where(d.published <= published_to)
    return [table.c.id.in_(docs)]


def _like(column, needle: str):
    literal = needle.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{literal}%", escape="\\")


def named(record: dict, person: str, roles=("actor", "speaker")) -> bool:
    """Whether a person (entity id, or whole words of the name, folded) is the record's actor or speaker."""
    wanted = fold(person)
    for role in roles:
        who = record.get(role) or {}
        if who.get("entity_id") == person or (wanted and f" {wanted} " in f" {fold(who.get('name'))} "):
            return True
    return False


def _page(store, kind: str, key: list, where: list, limit: int, offset: int, after: str | None,
          descending: bool, person: str | None, speaker_state: str | None = None) -> Page:
    table = s.LINKED_TABLES[kind]
    query = select(table.c.payload).where(*where) if where else select(table.c.payload)
    count = select(func.count()).select_from(table).where(*where) if where else total_query(kind)
    keep = None
    if person or speaker_state:
        keep = lambda p: ((not person or named(p, person))  # noqa: E731
                          and (not speaker_state or (p.get("speaker") or {}).get("country") == speaker_state))
    return L.keyset_page(store, query, count, key, limit, offset, after, descending=descending, keep=keep)


def commitments_page(store, status: str | None = None, country: str | None = None,
                     due_from: str | None = None, due_to: str | None = None, person: str | None = None,
                     q: str | None = None, lang: str | None = None, outlet: str | None = None,
                     limit: int = 50, offset: int = 0, after: str | None = None,
                     descending: bool = False) -> Page:
    """Commitments by deadline (soonest first; no deadline last), then id."""
    c = s.commitments.c
    where = reported_in("commitment", s.commitments, lang, outlet)
    if status:
        where.append(c.status == status)
    if country:
        where.append(c.countries.like(f"% {country.upper()} %"))
    if due_from:
        where.append(c.due_end >= due_from)
    if due_to:
        where.append(c.due_end <= due_to)
    if q:
        where.append(_like(c.action, q))
    key = [func.coalesce(c.due_end, UNDATED_LAST), c.id]
    return _page(store, "commitment", key, where, limit, offset, after, descending, person)


def figures_page(store, q: str | None = None, person: str | None = None, lang: str | None = None,
                 outlet: str | None = None, limit: int = 50, offset: int = 0, after: str | None = None,
                 descending: bool = False, published_from: str | None = None, published_to: str | None = None,
                 country: str | None = None) -> Page:
    """Figures by what they count (subject), then id; `country`: the state of who gives it."""
    c = s.figures.c
    where = reported_in("figure", s.figures, lang, outlet, published_from, published_to)
    if q:
        where.append(_like(func.coalesce(c.subject, "") + " " + func.coalesce(c.unit, ""), q))
    key = [func.coalesce(c.subject, ""), c.id]
    return _page(store, "figure", key, where, limit, offset, after, descending, person, country)


def quotes_page(store, q: str | None = None, person: str | None = None, lang: str | None = None,
                outlet: str | None = None, limit: int = 50, offset: int = 0, after: str | None = None,
                descending: bool = False, published_from: str | None = None, published_to: str | None = None,
                country: str | None = None) -> Page:
    """Quotes by speaker's name (unattributed first), then id; `country`: the speaker's state."""
    c = s.quotes.c
    where = reported_in("quote", s.quotes, lang, outlet, published_from, published_to)
    if q:
        where.append(_like(c.text, q))
    key = [func.coalesce(c.speaker, ""), c.id]
    return _page(store, "quote", key, where, limit, offset, after, descending, person, country)
