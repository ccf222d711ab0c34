"""The API's writes, all behind the token: analyst decisions and ingest jobs.

A decision is validated before it is stored (no self-merge, no unknown entity, no split of a
one-document entity) and recording the same decision twice stores it once. Ingest answers 202
with a job; the job's page (`GET /api/jobs/{id}`) gives its progress and one result per article.
"""
from __future__ import annotations

import hmac
from typing import Literal

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from liaison.api.errors import ApiError, from_liaison, not_found
from liaison.errors import DecisionError, UnknownEntity
from liaison.store import queries as Q

router = APIRouter(prefix="/api", tags=["api"])
ID_PATTERN = r"^[0-9a-f]{8,64}$"


async def get_store(request: Request):
    # async: FastAPI runs a plain `def` dependency on a worker thread, a thread hop per request
    return request.app.state.store


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


# ---------------------------------------------------------------- decisions
class Decision(BaseModel):
    action: Literal["merge", "split"]
    other: str | None = Field(None, max_length=64,
                              description="For merge: the id of the entity to merge into this one.")
    note: str = Field("", max_length=2000)


@router.post("/entities/{entity_id}/decisions", status_code=201)
def decide(entity_id: str, decision: Decision, request: Request, response: Response,
           store=Depends(get_store)):
    """Record an analyst merge/split decision (kept apart from machine output) and re-link.
    201 when recorded, 200 when the same decision was already recorded."""
    require_token(request)
    result = apply_decision(store, entity_id, decision.action, decision.other, decision.note)
    if not result["recorded"]:
        response.status_code = 200
    return result


def apply_decision(store, entity_id: str, action: str, other: str | None, note: str) -> dict:
    from liaison.scale import link_corpus
    other = other if action == "merge" else None
    # the same decision again is a no-op, even though its entities may have been merged away since
    recorded = not any((d["action"], d["entity_a"], d["entity_b"]) == (action, entity_id, other)
                       for d in store.decisions())
    if recorded:
        _validate(store, action, entity_id, other)
        store.add_decision(action, entity_id, other, note)
    return {"decision": {"action": action, "entity_a": entity_id, "entity_b": other, "note": note},
            "recorded": recorded, "linked": link_corpus(store)}


def _validate(store, action: str, entity_id: str, other: str | None) -> None:
    from liaison.link.decisions import validate
    try:
        validate(action, entity_id, other, lambda ident: Q.get_linked(store, "entity", ident))
    except UnknownEntity as exc:
        if exc.message.endswith(repr(entity_id)):
            raise from_liaison(exc, 404) from exc
        raise from_liaison(exc, 422, "other") from exc
    except DecisionError as exc:
        raise from_liaison(exc, 422, "other" if action == "merge" else "action") from exc


# ---------------------------------------------------------------- ingest jobs
class Article(BaseModel):
    text: str = Field(..., min_length=1)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=100)
    lang: str | None = Field(None, max_length=16)


class IngestRequest(BaseModel):
    articles: list[Article] = Field(..., min_length=1, max_length=1000)


@router.post("/ingest", status_code=202)
def ingest(body: IngestRequest, request: Request, response: Response):
    """Store and analyse articles given as JSON (the same fields as a .jsonl input line), in the
    background: the answer names the job; `GET /api/jobs/{id}` tells how each article fared."""
    require_token(request)
    import uuid

    from liaison.ingest.sources import json_record
    job_id = uuid.uuid4().hex
    # each article is named by its URL, else by its job and place: issues and results say which
    articles = [json_record(a.model_dump(exclude_none=True), f"api:{job_id[:12]}#{n}")
                for n, a in enumerate(body.articles, 1)]
    job = request.app.state.jobs.submit(job_id, articles)
    response.headers["Location"] = job["url"]
    return {"job": job}


@router.get("/jobs/{job_id}")
def job_status(job_id: str, request: Request):
    """An ingest job: queued, running, done or failed, with one result per article when done."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise not_found("ingest job", job_id)
    return job
