"""List queries that stay fast on a large store: each walks an index in the order it returns, and
pages by keyset (`after`: the cursor of the last row seen) as well as by offset.

Orders, the same on SQLite and PostgreSQL:
- events: newest first (date_start, undated last), then id descending; with a country, through
  `event_countries` (country, date_key, event_id, end_key), so "FRA in 2025" is one index range;
- entities: kind, name, id;
- documents: newest first (published, undated last), then id descending.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import and_, func, select, tuple_

from liaison.records import parse_day
from liaison.store import schema as s
from liaison.store.totals import total_query


@dataclass(frozen=True)
class Page:
    items: list[dict]
    total: int
    next: str | None = None          # cursor of the page after this one; None on the last page


def encode_cursor(values: tuple) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


def _typed_like(values: tuple, key: list) -> tuple:
    """The cursor's values, each of its key column's type (text or a count): a cursor mixing them
    up is refused here, not by the database."""
    for value, column in zip(values, key, strict=True):
        try:
            expected = column.type.python_type
        except NotImplementedError:
            continue
        if not isinstance(value, expected):
            raise ValueError("not a cursor returned by this list")
    return values


def decode_cursor(cursor: str, size: int) -> tuple:
    """The key values a cursor holds; ValueError when it is not a cursor of this list."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError):
        raise ValueError("not a cursor returned by this list") from None
    if not isinstance(values, list) or len(values) != size or not all(
            isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)) for v in values):
        raise ValueError("not a cursor returned by this list")      # keys are text, or a count
    return tuple(values)


def keyset_page(store, query, count_query, key: list, limit: int, offset: int = 0, after: str | None = None,
                descending: bool = False, keep: Callable[[dict], bool] | None = None,
                item: Callable = lambda row: row[0]) -> Page:
    """Run a list query ordered by `key` (columns, all ascending or all descending): the items after
    the cursor (or offset), the total, and the next cursor. `keep` refines items in Python (filters
    SQL can only narrow); then the total counts kept items. `item` turns a row into an item."""
    order = [k.desc() for k in key] if descending else list(key)
    query = query.add_columns(*key).order_by(*order)
    if after:
        values = _typed_like(decode_cursor(after, len(key)), key)
        cursor = tuple_(*key) < tuple_(*values) if descending else tuple_(*key) > tuple_(*values)
        query, offset = query.where(cursor), 0
    with store.engine.connect() as conn:
        if keep is None:
            total = conn.execute(count_query).scalar_one()
            rows = conn.execute(query.limit(limit + 1).offset(offset)).all()
        else:
            kept = [r for r in conn.execute(query) if keep(item(r))]
            total, rows = len(kept), kept[offset:offset + limit + 1]
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(tuple(rows[-1][-len(key):])) if more and rows else None
    return Page([item(r) for r in rows], total, next_cursor)


# ---------------------------------------------------------------- events
def event_listing(type: str | None = None, country: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, where: list | None = None, longest_span: int | None = None,
                  full: bool = False) -> tuple:
    """(query of list projections, or of payloads when `full`; count query; key columns) for the
    SQL-indexed event filters. An event counts in a date window when it overlaps it; undated events
    never do. `longest_span` (days, the longest event in the store) lets the window's start bound
    the index range too."""
    e = s.events.c
    conditions = list(where or [])
    if country:
        ec = s.event_countries.c
        source = s.event_countries.join(s.events, e.id == ec.event_id)
        # counted on event_countries alone unless a filter reads the events table itself
        counted = source if conditions else s.event_countries
        key, end, kind = [ec.date_key, ec.event_id], ec.end_key, ec.type
        conditions.append(ec.country == country.upper())
    else:
        source = counted = s.events
        key, end, kind = [e.date_key, e.id], func.coalesce(e.date_end, e.date_key), e.type
    if type:
        conditions.append(kind == type.upper())
    if date_from:
        conditions.append(end >= date_from)
        earliest = _days_before(date_from, longest_span)
        if earliest:
            conditions.append(key[0] >= earliest)
    if date_to:
        conditions += [key[0] > "", key[0] <= date_to]
    query = select(e.payload if full else e.listed).select_from(source).where(and_(True, *conditions))
    count = select(func.count()).select_from(counted).where(and_(True, *conditions))
    return query, count if conditions else total_query("event"), key


def _days_before(day: str, days: int | None) -> str | None:
    start = parse_day(day)
    if start is None or days is None:
        return None
    try:
        return (start - dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return None


# ---------------------------------------------------------------- entities, documents
def entity_listing(kind: str | None = None, country: str | None = None, where: list | None = None,
                   by_articles: bool = False) -> tuple:
    """(query of list projections, count query, key): by kind and name, or (`by_articles`) by the
    number of articles naming the entity (walked newest-key first for "most named first")."""
    c = s.entities.c
    conditions = list(where or [])
    if kind:
        conditions.append(c.kind == kind)
    if country:
        conditions.append(c.country == country.upper())
    # the list projection, not the payload: decoding a country's thousands of mentions per row was
    # most of a list page's time
    query = select(c.listed).where(and_(True, *conditions))
    count = select(func.count()).select_from(s.entities).where(and_(True, *conditions))
    key = [c.articles, c.id] if by_articles else [c.kind, c.name, c.id]
    return query, count if conditions else total_query("entity"), key


def document_listing(columns: list, where: list | None = None) -> tuple:
    c = s.documents.c
    key = [func.coalesce(c.published, ""), c.id]
    if where:
        return (select(*columns).where(and_(*where)),
                select(func.count()).select_from(s.documents).where(and_(*where)), key)
    return select(*columns), total_query("documents"), key
