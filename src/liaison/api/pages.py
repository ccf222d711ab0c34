"""HTML pages. Each has a JSON twin (`.json` suffix or Accept: application/json); lists also CSV."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse

from liaison.api import language as L
from liaison.api import views as V
from liaison.api.errors import ApiError, not_found
from liaison.api.params import MAX_OFFSET
from liaison.api.render import HIT_MARKS, respond, split_suffix, wanted_format
from liaison.api.writes import apply_decision, get_store, require_token
from liaison.export import table as T
from liaison.listed import listed_entity
from liaison.records import LINKED
from liaison.store import queries as Q
from liaison.store.search import HIT_MARKS as HIT_MARKS_API
from liaison.store.search import search as full_text

router = APIRouter(include_in_schema=False)
# List pages show a page of rows (?limit=, up to 500, and ?offset=); the JSON and CSV twins the same.
PageLimit = Query(100, ge=1, le=500, description="Rows per page (1..500).")
SEARCH_LIMIT = 50


def _twins(path: str, csv: bool = False) -> list[str]:
    return [path, f"{path}.json"] + ([f"{path}.csv"] if csv else [])


def _suffix(request: Request) -> str | None:
    last = request.url.path.rsplit("/", 1)[-1]
    return split_suffix(last)[1]


def _fmt(request: Request) -> str:
    return wanted_format(request, _suffix(request))


def _record_id(request: Request, ident: str) -> tuple[str, str]:
    ident, suffix = split_suffix(ident)
    return ident, wanted_format(request, suffix)


def _lang(request: Request, fmt: str) -> str:
    """The language a page's sentences are worded in: the interface's for HTML, English for the
    twins unless ?lang= asks (language.py)."""
    return L.for_page(request) if fmt == "html" else L.for_json(request)


@router.get("/language/{code}")
async def choose_language(request: Request, code: str, next: str = Query("/", max_length=2000)):
    """The navigation's language switch: remember `code` and go back to the page (a path of this
    site only: never a redirect elsewhere)."""
    target = next if next.startswith("/") and not next.startswith(("//", "/\\")) else "/"
    response = RedirectResponse(target, status_code=303)
    code = code.strip().lower()
    return L.remember(response, code, request.url.scheme == "https") if L.readable(code) else response


# ---------------------------------------------------------------- home, documents
@router.get("/")
@router.get("/index.json")
async def home(request: Request, store=Depends(get_store)):
    return respond(request, "home.html", V.home(store), _fmt(request))


@router.get("/documents/{ident}")
async def document(request: Request, ident: str, store=Depends(get_store)):
    doc_id, fmt = _record_id(request, ident)
    ctx = V.document_detail(store, doc_id)
    if ctx is None:
        raise not_found("document", doc_id)
    spans = [{**sp, "kind": kind, "record_id": rec.get("id"), "label": V.fact_label(kind, rec)}
             for kind in ("event", "commitment", "figure", "quote") for rec in ctx[f"{kind}s"]
             for sp in rec.get("evidence") or [] if sp.get("doc_id") == doc_id]
    if fmt == "html":
        ctx = {**ctx, "segments": V.highlight(ctx["document"]["text"], spans)}
    return respond(request, "document.html", ctx, fmt, lambda: [   # its facts, one per evidence span
        {k: sp.get(k) for k in ("kind", "record_id", "label", "start", "end", "text")} for sp in spans])


# ---------------------------------------------------------------- events
@router.get("/events/{ident}")
async def event(request: Request, ident: str, store=Depends(get_store)):
    event_id, fmt = _record_id(request, ident)
    ctx = V.event_detail(store, event_id, _lang(request, fmt))
    if ctx is None:
        raise not_found("event", event_id)
    if fmt == "json":       # the twin carries evidence spans, not the cut-up article text
        ctx = {**ctx, "sources": [{k: v for k, v in s.items() if k not in ("segments", "passages")}
                                  for s in ctx["sources"]]}
    return respond(request, "event.html", ctx, fmt,
                   lambda: [T.event_row(LINKED["event"].from_json(ctx["event"]))])   # as a list's row


# ---------------------------------------------------------------- relations
async def relations(request: Request, store=Depends(get_store)):
    fmt = _fmt(request)
    shown, total = V.dyads(store, limit=None if fmt == "csv" else V.RELATION_ROWS)
    ctx = {"network": V.network(store), "map": V.map_data(store), "dyads": shown, "dyads_total": total}
    return respond(request, "relations.html", ctx, fmt, shown)


@router.get("/dyads/{ident}")
async def dyad(request: Request, ident: str, store=Depends(get_store)):
    pair, fmt = _record_id(request, ident)
    parts = pair.upper().split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise ApiError(422, "invalid_parameter", "pair: expected two alpha-3 codes like FRA-DZA", "pair")
    ctx = V.dyad_detail(store, *parts, lang=_lang(request, fmt))
    return respond(request, "dyad.html", ctx, fmt, lambda: [      # the barometer, month by month
        {"month": r["month"], "score": r["score"], "events": r["n"], "year_unstated": r["year_unstated"],
         "link": r["link"]} for r in ctx["series"]])


# ---------------------------------------------------------------- entities
@router.get("/entities/{ident}")
async def entity(request: Request, ident: str, store=Depends(get_store)):
    entity_id, fmt = _record_id(request, ident)
    ctx = V.entity_detail(store, entity_id, _lang(request, fmt))
    if ctx is None:
        raise not_found("entity", entity_id)
    return respond(request, "entity.html", ctx, fmt, lambda: [T.entity_row(listed_entity(ctx["entity"]))])


@router.post("/entities/{entity_id}/decision")
def entity_decision(request: Request, entity_id: str, action: str = Form(...), other: str = Form(""),
                    note: str = Form(""), token: str = Form(""), store=Depends(get_store)):
    require_token(request, token)
    if action not in ("merge", "split"):
        raise ApiError(422, "invalid_parameter", "action: expected merge or split", "action")
    apply_decision(store, entity_id, action, other.strip() or None, note)
    return RedirectResponse("/entities", status_code=303)


# ---------------------------------------------------------------- search
def search(request: Request, q: str = Query("", max_length=200), store=Depends(get_store)):
    fmt = _fmt(request)
    marks = HIT_MARKS if fmt == "html" else HIT_MARKS_API
    items, total, exact = full_text(store, q, SEARCH_LIMIT, 0, marks) if q.strip() else ([], 0, True)
    if fmt == "html":
        items = [{**item, **_result_link(store, item)} for item in items]
    template = "search_results.html" if request.headers.get("hx-request") else "search.html"
    return respond(request, template, {"q": q, "items": items, "total": total, "total_exact": exact,
                                "limit": SEARCH_LIMIT},
                   fmt, items)


def _result_link(store, item: dict) -> dict:
    """Where a hit leads: its own page, or for commitments, figures and quotes (no page of their
    own) the article holding their evidence; and a title when the record has none."""
    own = {"document": "documents", "entity": "entities", "event": "events"}
    if item["kind"] in own:
        return {"href": f"/{own[item['kind']]}/{item['id']}"}
    record = Q.get_linked(store, item["kind"], item["id"]) or {}
    evidence = record.get("evidence") or []
    title = item.get("title") or (f"{item['kind']} (unattributed)" if item["kind"] == "quote"
                                  else item["kind"])
    return {"href": f"/documents/{evidence[0]['doc_id']}" if evidence else None, "title": title}


for _path, _handler, _csv in [("/relations", relations, True), ("/search", search, True)]:
    for _p in _twins(_path, _csv):
        router.add_api_route(_p, _handler, methods=["GET"])


# ---------------------------------------------------------------- watchlists (issue 11)
def _seen_cookies(request: Request) -> dict[int, str]:
    from liaison.api.watchviews import COOKIE
    prefix = COOKIE.format("")
    return {int(k[len(prefix):]): v for k, v in request.cookies.items()
            if k.startswith(prefix) and k[len(prefix):].isdigit()}


@router.get("/watchlists")
@router.get("/watchlists.json")
@router.get("/watchlists.csv")
async def watchlists(request: Request, store=Depends(get_store)):
    from liaison.api.watchviews import watchlists as view
    ctx = view(store, _seen_cookies(request))
    return respond(request, "watchlists.html", ctx, _fmt(request), ctx["items"])


@router.get("/watchlists/{ident}")
async def watchlist(request: Request, ident: str, since: str | None = Query(None, max_length=40),
              store=Depends(get_store)):
    from fastapi.responses import Response

    from liaison.api import watchviews as WV
    if ident.endswith(".atom"):
        body = WV.atom(store, ident[:-5], str(request.base_url).rstrip("/"))
        if body is None:
            raise not_found("watchlist", ident[:-5])
        return Response(body, media_type="application/atom+xml; charset=utf-8")
    ident, fmt = _record_id(request, ident)
    found = WV.watchlist_detail(store, ident, since, _seen_cookies(request))
    if found is None:
        raise not_found("watchlist", ident)
    response = respond(request, "watchlist.html", found, fmt)
    if fmt == "html":       # this visit is the next one's "last visit"
        response.set_cookie(WV.COOKIE.format(found["watchlist"]["id"]), WV.now_stamp(),
                            max_age=400 * 86400, httponly=True, samesite="lax")
    return response


# ---------------------------------------------------------------- dyad barometer list (issue 11)
@router.get("/dyads")
@router.get("/dyads.json")
@router.get("/dyads.csv")
async def dyads(request: Request, country: str | None = Query(None, max_length=60,
          description="A country by name in any language or ISO code"),
          limit: int = Query(100, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET),
          store=Depends(get_store)):
    from liaison.api.filters import page_link, resolve_country
    items, total = V.dyads(store, resolve_country(country), limit, offset)
    ctx = {"items": items, "total": total, "offset": offset,
           "next": page_link(request, offset=offset + limit) if offset + limit < total else None,
           "previous": page_link(request, offset=max(0, offset - limit) or None) if offset else None}
    return respond(request, "dyads.html", ctx, _fmt(request), items)
