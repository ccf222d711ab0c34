"""REST endpoints under /api: read-only lists and records, and two token-protected writes."""
from __future__ import annotations

import hmac
import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from liaison.api import views as V
from liaison.api.errors import ApiError, invalid, not_found
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
from liaison.store import queries as Q
from liaison.store.search import search as full_text

router = APIRouter(prefix="/api", tags=["api"])


def get_store(request: Request):
    return request.app.state.store


def page(items: list, total: int, limit: int, offset: int) -> dict:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


After = Query(None, max_length=400, description="Keyset pagination: the `next` cursor of the previous page "
                                                "(faster than offset on large stores).")


def keyset(fetch, limit: int, offset: int, after: str | None) -> dict:
    """A page from a store `*_page` query; `next` is the cursor of the following page (null at the end)."""
    try:
        found = fetch(after)
    except ValueError as exc:
        raise invalid("after", str(exc)) from None
    return {**page(found.items, found.total, limit, 0 if after else offset), "next": found.next}


def require_token(request: Request, token: str | None = None) -> None:
    """Writes need the configured token (Authorization: Bearer, X-Liaison-Token or a form field)."""
    expected = request.app.state.settings.api_token
    if not expected:
        raise ApiError(403, "writes_disabled", "writes are disabled: set LIAISON_API_TOKEN to enable them")
    given = token or request.headers.get("x-liaison-token") or ""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(401, "unauthorized", "a valid API token is required for this request")


# ---------------------------------------------------------------- documents
@router.get("/documents")
def documents(limit: int = Limit, offset: int = Offset, after: str | None = After, store=Depends(get_store)):
    return keyset(lambda a: Q.documents_page(store, limit, offset, a), limit, offset, after)


@router.get("/documents/{doc_id}")
def document(doc_id: str, store=Depends(get_store)):
    found = V.document_detail(store, doc_id)
    if found is None:
        raise not_found("document", doc_id)
    return found


# ---------------------------------------------------------------- entities
@router.get("/entities")
def entities(kind: EntityKind | None = None, q: str | None = Query(None, min_length=1),
             country: str | None = Country, limit: int = Limit, offset: int = Offset,
             after: str | None = After, store=Depends(get_store)):
    return keyset(lambda a: Q.entities_page(store, kind, q, country, limit, offset, a), limit, offset, after)


@router.get("/entities/{entity_id}")
def entity(entity_id: str, store=Depends(get_store)):
    found = V.entity_detail(store, entity_id)
    if found is None:
        raise not_found("entity", entity_id)
    return found


class Decision(BaseModel):
    action: Literal["merge", "split"]
    other: str | None = Field(None, description="For merge: the id of the entity to merge into this one.")
    note: str = ""


@router.post("/entities/{entity_id}/decisions", status_code=201)
def decide(entity_id: str, decision: Decision, request: Request, store=Depends(get_store)):
    """Record an analyst merge/split decision (kept apart from machine output) and re-link."""
    require_token(request)
    return apply_decision(store, entity_id, decision.action, decision.other, decision.note)


def apply_decision(store, entity_id: str, action: str, other: str | None, note: str) -> dict:
    from liaison.scale import link_corpus
    if Q.get_linked(store, "entity", entity_id) is None:
        raise not_found("entity", entity_id)
    if action == "merge" and (not other or Q.get_linked(store, "entity", other) is None):
        raise ApiError(422, "invalid_parameter", "other: merge needs the id of an existing entity", "other")
    store.add_decision(action, entity_id, other if action == "merge" else None, note)
    return {"decision": {"action": action, "entity_a": entity_id, "entity_b": other, "note": note},
            "linked": link_corpus(store)}


# ---------------------------------------------------------------- events
@router.get("/events")
def events(type: str | None = None, context: str | None = None, country: str | None = Country,
           actor: str | None = Query(None, min_length=1),
           date_from: date | None = Query(None, alias="from"), date_to: date | None = Query(None, alias="to"),
           q: str | None = Query(None, min_length=1), limit: int = Limit, offset: int = Offset,
           after: str | None = After, store=Depends(get_store)):
    start, end = date_window(date_from, date_to)
    return keyset(lambda a: Q.events_page(store, event_type(type), event_context(context), country, actor,
                                          start, end, q, limit, offset, a), limit, offset, after)


@router.get("/events/{event_id}")
def event(event_id: str, store=Depends(get_store)):
    found = V.event_detail(store, event_id)
    if found is None:
        raise not_found("event", event_id)
    return found


@router.get("/dyads")
def dyads(country: str | None = Country, store=Depends(get_store)):
    items = V.dyads(store, country)
    return page(items, len(items), len(items), 0)


# ---------------------------------------------------------------- commitments, figures, quotes
@router.get("/commitments")
def commitments(status: Status | None = None, country: str | None = Country,
                due_before: date | None = None, limit: int = Limit, offset: int = Offset,
                store=Depends(get_store)):
    items, total = Q.list_commitments(store, status, country, iso(due_before), limit, offset)
    return page(items, total, limit, offset)


@router.get("/figures")
def figures(q: str | None = Query(None, min_length=1), limit: int = Limit, offset: int = Offset,
            store=Depends(get_store)):
    return page(*Q.list_simple(store, "figure", q, limit, offset), limit, offset)


@router.get("/quotes")
def quotes(q: str | None = Query(None, min_length=1), limit: int = Limit, offset: int = Offset,
           store=Depends(get_store)):
    return page(*Q.list_simple(store, "quote", q, limit, offset), limit, offset)


@router.get("/search")
def search(q: str = Query(..., min_length=1, max_length=200), limit: int = Limit, offset: int = Offset,
           store=Depends(get_store)):
    items, total = full_text(store, q, limit, offset)
    return page(items, total, limit, offset)


# ---------------------------------------------------------------- ingest (write)
class Article(BaseModel):
    text: str = Field(..., min_length=1)
    url: str | None = None
    title: str | None = None
    published: str | None = None
    lang: str | None = None


class IngestRequest(BaseModel):
    articles: list[Article] = Field(..., min_length=1, max_length=1000)


@router.post("/ingest", status_code=201)
def ingest(body: IngestRequest, request: Request, store=Depends(get_store)):
    """Store and analyse articles given as JSON (the same fields as a .jsonl input line)."""
    require_token(request)
    from liaison.scale import process as run_ingest
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "api.jsonl"
        path.write_text("".join(json.dumps(a.model_dump(exclude_none=True), ensure_ascii=False) + "\n"
                                for a in body.articles), encoding="utf-8")
        summary = run_ingest([str(path)], store)
    return {"new": sum(summary.new.values()), "near_duplicate": sum(summary.duplicate.values()),
            "unchanged": summary.unchanged, "failed": summary.failed, "analysed": summary.analysed}
