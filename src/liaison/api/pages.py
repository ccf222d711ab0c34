"""HTML pages. Each has a JSON twin (`.json` suffix or Accept: application/json); lists also CSV."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse

from liaison.api import views as V
from liaison.api.errors import ApiError, not_found
from liaison.api.render import HIT_MARKS, respond, split_suffix, wanted_format
from liaison.api.writes import apply_decision, get_store, require_token
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


# ---------------------------------------------------------------- home, documents
@router.get("/")
@router.get("/index.json")
def home(request: Request, store=Depends(get_store)):
    return respond(request, "home.html", V.home(store), _fmt(request))


@router.get("/documents/{ident}")
def document(request: Request, ident: str, store=Depends(get_store)):
    doc_id, fmt = _record_id(request, ident)
    ctx = V.document_detail(store, doc_id)
    if ctx is None:
        raise not_found("document", doc_id)
    spans = [{**sp, "label": V.fact_label(kind, rec)}
             for kind in ("event", "commitment", "figure", "quote") for rec in ctx[f"{kind}s"]
             for sp in rec.get("evidence") or [] if sp.get("doc_id") == doc_id]
    if fmt == "html":
        ctx = {**ctx, "segments": V.highlight(ctx["document"]["text"], spans)}
    return respond(request, "document.html", ctx, fmt)


# ---------------------------------------------------------------- events
@router.get("/events/{ident}")
def event(request: Request, ident: str, store=Depends(get_store)):
    event_id, fmt = _record_id(request, ident)
    ctx = V.event_detail(store, event_id)
    if ctx is None:
        raise not_found("event", event_id)
    if fmt == "json":       # the twin carries evidence spans, not the cut-up article text
        ctx = {**ctx, "sources": [{k: v for k, v in s.items() if k not in ("segments", "passages")}
                                  for s in ctx["sources"]]}
    return respond(request, "event.html", ctx, fmt)


# ---------------------------------------------------------------- relations
def relations(request: Request, store=Depends(get_store)):
    events = Q.all_events(store)
    ctx = {"network": V.network(events), "map": V.map_data(events), "dyads": V.dyads(store)}
    return respond(request, "relations.html", ctx, _fmt(request), ctx["dyads"])


@router.get("/dyads/{ident}")
def dyad(request: Request, ident: str, store=Depends(get_store)):
    pair, fmt = _record_id(request, ident)
    parts = pair.upper().split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise ApiError(422, "invalid_parameter", "pair: expected two alpha-3 codes like FRA-DZA", "pair")
    return respond(request, "dyad.html", V.dyad_detail(store, *parts), fmt)


# ---------------------------------------------------------------- entities
@router.get("/entities/{ident}")
def entity(request: Request, ident: str, store=Depends(get_store)):
    entity_id, fmt = _record_id(request, ident)
    ctx = V.entity_detail(store, entity_id)
    if ctx is None:
        raise not_found("entity", entity_id)
    return respond(request, "entity.html", ctx, fmt)


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
    items, total = full_text(store, q, SEARCH_LIMIT, 0, marks) if q.strip() else ([], 0)
    if fmt == "html":
        items = [{**item, **_result_link(store, item)} for item in items]
    template = "search_results.html" if request.headers.get("hx-request") else "search.html"
    return respond(request, template, {"q": q, "items": items, "total": total, "limit": SEARCH_LIMIT},
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
