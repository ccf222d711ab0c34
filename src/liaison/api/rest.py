"""REST endpoints under /api: read-only lists and records (the writes are in writes.py).

Lists answer rows (rows.py), not whole records: the detail route has the evidence.
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from liaison.api import language as L
from liaison.api import views as V
from liaison.api.errors import invalid, not_found
from liaison.api.params import (
    Country,
    EntityKind,
    Limit,
    Offset,
    Status,
    date_window,
    event_context,
    event_type,
    iso,
)
from liaison.api.rows import entity_row, event_row
from liaison.api.writes import get_store
from liaison.store import browse as B
from liaison.store import dyads as D
from liaison.store import queries as Q
from liaison.store.search import search as full_text

router = APIRouter(prefix="/api", tags=["api"])


def page(items: list, total: int, limit: int, offset: int, **extra) -> JSONResponse:
    # Rows are plain JSON already: answering them directly skips FastAPI's jsonable_encoder walk.
    return JSONResponse({"items": items, "total": total, "limit": limit, "offset": offset, **extra})


After = Query(None, max_length=400, description="Keyset pagination: the `next` cursor of the previous page "
                                                "(faster than offset on large stores).")


def keyset(request: Request, fetch, limit: int, offset: int, after: str | None, row=lambda r: r
           ) -> JSONResponse:
    """A page from a store `*_page` query; `next` is the cursor of the following page and `next_url`
    the address of that page, this request's with `after` set (both null at the end)."""
    try:
        found = fetch(after)
    except ValueError as exc:
        raise invalid("after", str(exc)) from None
    following = None
    if found.next:
        query = {**request.query_params, "after": found.next}
        query.pop("offset", None)
        following = f"{request.url.path}?{urlencode(query)}"
    return page([row(r) for r in found.items], found.total, limit, 0 if after else offset, next=found.next,
                next_url=following)


# ---------------------------------------------------------------- documents
@router.get("/documents")
async def documents(request: Request, limit: int = Limit, offset: int = Offset, after: str | None = After,
              store=Depends(get_store)):
    return keyset(request, lambda a: Q.documents_page(store, limit, offset, a), limit, offset, after)


@router.get("/documents/{doc_id}")
async def document(doc_id: str, store=Depends(get_store)):
    found = V.document_detail(store, doc_id)
    if found is None:
        raise not_found("document", doc_id)
    return found


# ---------------------------------------------------------------- entities
@router.get("/entities")
async def entities(request: Request, kind: EntityKind | None = None,
                   q: str | None = Query(None, min_length=1), country: str | None = Country,
                   limit: int = Limit, offset: int = Offset, after: str | None = After,
                   store=Depends(get_store)):
    return keyset(request, lambda a: Q.entities_page(store, kind, q, country, limit, offset, a),
                  limit, offset, after, entity_row)


# Sentences, dates and merge reasons are English unless `lang` asks for one the interface reads
# (en, fr, es, de, it, pt); another code answers English (language.py).
Lang = Query(None, max_length=8, description="Language of the sentences and reasons (default en).")


@router.get("/entities/{entity_id}")
async def entity(request: Request, entity_id: str, lang: str | None = Lang, store=Depends(get_store)):
    found = V.entity_detail(store, entity_id, L.for_json(request))
    if found is None:
        raise not_found("entity", entity_id)
    return found


@router.get("/entities/{entity_id}/network")
async def entity_network(entity_id: str, store=Depends(get_store)):
    """The entity's ego network: the actors it shares events with and the states of its events,
    weighted by shared events (the person page draws it on demand)."""
    found = V.ego_network(store, entity_id)
    if found is None:
        raise not_found("entity", entity_id)
    return found


# ---------------------------------------------------------------- events
@router.get("/events")
async def events(request: Request, type: str | None = None, context: str | None = None,
           country: str | None = Country,
           actor: str | None = Query(None, min_length=1),
           date_from: date | None = Query(None, alias="from"), date_to: date | None = Query(None, alias="to"),
           q: str | None = Query(None, min_length=1), limit: int = Limit, offset: int = Offset,
           after: str | None = After, lang: str | None = Lang, store=Depends(get_store)):
    start, end = date_window(date_from, date_to)
    worded = L.for_json(request)
    return keyset(request, lambda a: Q.events_page(store, event_type(type), event_context(context), country,
                                                   actor, start, end, q, limit, offset, a),
                  limit, offset, after, lambda r: event_row({**r, "sentence": V.row_sentence(r, worded)}))


@router.get("/events/{event_id}")
async def event(request: Request, event_id: str, lang: str | None = Lang, store=Depends(get_store)):
    found = V.event_detail(store, event_id, L.for_json(request))
    if found is None:
        raise not_found("event", event_id)
    return found


@router.get("/dyads")
async def dyads(country: str | None = Country, limit: int = Limit, offset: int = Offset,
          store=Depends(get_store)):
    """Pairs of states, most events first, with events by month and type, mean score and trend."""
    items, total = V.dyads(store, country, limit, offset, with_months=True)
    return page(items, total, limit, offset)


@router.get("/dyads/{pair}/{month}")
async def dyad_month(pair: str, month: str, store=Depends(get_store)):
    """The ids of a pair's events in one month of its barometer (YYYY-MM), every one of them."""
    if not re.fullmatch(r"[A-Za-z]{3}-[A-Za-z]{3}", pair):
        raise invalid("pair", "expected two alpha-3 codes like FRA-DZA")
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise invalid("month", "expected a month as YYYY-MM, e.g. 2025-11")
    a, b = sorted(pair.upper().split("-"))
    if a == b:
        raise invalid("pair", "a pair is two different states")
    ids = D.month_event_ids(store, a, b, [month])[month]
    return {"a": a, "b": b, "month": month, "events": ids, "total": len(ids),
            "link": V.month_link(a, b, month)}


# ---------------------------------------------------------------- commitments, figures, quotes
@router.get("/commitments")
async def commitments(request: Request, status: Status | None = None, country: str | None = Country,
                due_before: date | None = None, limit: int = Limit, offset: int = Offset,
                after: str | None = After, store=Depends(get_store)):
    return keyset(request, lambda a: B.commitments_page(store, status, country, None, iso(due_before),
                                               limit=limit, offset=offset, after=a), limit, offset, after)


@router.get("/figures")
async def figures(request: Request, q: str | None = Query(None, min_length=1), limit: int = Limit,
            offset: int = Offset, after: str | None = After, store=Depends(get_store)):
    return keyset(request, lambda a: B.figures_page(store, q, limit=limit, offset=offset, after=a),
                  limit, offset, after)


@router.get("/quotes")
async def quotes(request: Request, q: str | None = Query(None, min_length=1), limit: int = Limit,
           offset: int = Offset, after: str | None = After, store=Depends(get_store)):
    return keyset(request, lambda a: B.quotes_page(store, q, limit=limit, offset=offset, after=a),
                  limit, offset, after)


@router.get("/search")
def search(q: str = Query(..., min_length=1, max_length=200), limit: int = Limit, offset: int = Offset,
           store=Depends(get_store)):
    items, total, exact = full_text(store, q, limit, offset)
    return page(items, total, limit, offset, total_exact=exact)


# ---------------------------------------------------------------- watchlists (issue 11)
@router.get("/watchlists")
async def watchlists(store=Depends(get_store)):
    from liaison.store import watch as W
    items = W.list_watchlists(store)
    return page(items, len(items), len(items), 0)


@router.get("/watchlists/{ident}")
async def watchlist(ident: str, since: str | None = Query(None, max_length=40), store=Depends(get_store)):
    from liaison.api.watchviews import watchlist_detail
    found = watchlist_detail(store, ident, since, {})
    if found is None:
        raise not_found("watchlist", ident)
    return found


# ---------------------------------------------------------------- office holders (issue 11)
@router.get("/offices")
async def offices(request: Request, country: str = Query(..., min_length=2, max_length=60),
            on: date = Query(..., alias="date"), store=Depends(get_store)):
    """Who held which office of `country` on `date`, each with the reason and the evidence
    (articles and sentences), or an abstention saying why."""
    from liaison.api.officeviews import offices_on
    return offices_on(store, _country_code(country), on.isoformat(), request.app.state.settings)


@router.get("/offices/resolve")
async def office_resolve(request: Request, phrase: str = Query(..., min_length=2, max_length=200),
                   lang: str = Query("en", max_length=8), country: str | None = Query(None, max_length=60),
                   on: date = Query(..., alias="date"), store=Depends(get_store)):
    """A bare office mention ("the Home Secretary", "le ministre de l'Intérieur") resolved to its
    holder on `date`, or an abstention with the reason."""
    from liaison.api.officeviews import resolve_mention
    from liaison.errors import LanguageNotSupported
    try:
        return resolve_mention(store, phrase, lang, _country_code(country) if country else None,
                               on.isoformat(), request.app.state.settings)
    except LanguageNotSupported as exc:
        raise invalid("lang", str(exc)) from None


def _country_code(text: str) -> str:
    from liaison.gazetteer import lookup_country
    code = lookup_country(text)
    if code is None:
        raise invalid("country", f"{text!r} is not a country name or ISO alpha-3 code")
    return code
