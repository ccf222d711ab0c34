"""Row builders: linked records (SCHEMA.md shapes) -> rows of their tables, with the columns the
API filters and orders on. The record itself is kept whole as the row's payload."""
from __future__ import annotations

from liaison.listed import listed_entity, listed_event
from liaison.records import parse_day


def _spaced(codes) -> str:
    # " FRA DZA ": a LIKE '% FRA %' filter works on both backends without JSON operators
    return " " + " ".join(codes or []) + " "


def entity_row(e: dict) -> dict:
    return {"id": e["id"], "kind": e["kind"], "name": e["name"], "country": e.get("country"),
            "lat": e.get("lat"), "lon": e.get("lon"), "listed": listed_entity(e),
            "articles": len(e.get("documents") or []), "payload": e}


def event_row(e: dict) -> dict:
    date, loc = e.get("date") or {}, e.get("location") or {}
    return {"id": e["id"], "type": e["type"], "mode": e.get("mode"), "date_start": date.get("start"),
            "date_end": date.get("end"), "date_key": date.get("start") or "",
            "countries": _spaced(e.get("countries")), "location": loc.get("name"),
            "latitude": loc.get("lat"), "longitude": loc.get("lon"), "summary": e.get("summary"),
            "listed": listed_event(e), "payload": e}


def commitment_row(c: dict) -> dict:
    return {"id": c["id"], "status": c["status"], "due_end": (c.get("due") or {}).get("end"),
            "countries": _spaced(c.get("countries")), "action": c.get("action"), "payload": c}


def figure_row(f: dict) -> dict:
    return {"id": f["id"], "value": f.get("value"), "unit": f.get("unit"), "subject": f.get("subject"),
            "payload": f}


def quote_row(q: dict) -> dict:
    return {"id": q["id"], "speaker": (q.get("speaker") or {}).get("name"), "text": q.get("text"),
            "payload": q}


ROW_BUILDERS = {"entity": entity_row, "event": event_row, "commitment": commitment_row,
                "figure": figure_row, "quote": quote_row}


def table_rows(kind: str, records: list[dict]) -> list[dict]:
    return [ROW_BUILDERS[kind](r) for r in records]


def record_links(kind: str, records: list[dict]) -> tuple[list[dict], list[dict]]:
    """(record_entities rows, record_documents rows) for linked records of one kind."""
    entities, documents = [], []
    for r in records:
        for entity_id in dict.fromkeys(_named_entities(kind, r)):
            entities.append({"entity_id": entity_id, "kind": kind, "record_id": r["id"]})
        for doc_id in dict.fromkeys(_documents(r)):
            documents.append({"doc_id": doc_id, "kind": kind, "record_id": r["id"]})
    return entities, documents


def _named_entities(kind: str, r: dict):
    if kind == "event":
        yield from (a["entity_id"] for a in r.get("actors") or [] if a.get("entity_id"))
    for role in ("actor", "speaker"):
        if kind != "entity" and (r.get(role) or {}).get("entity_id"):
            yield r[role]["entity_id"]


def _documents(r: dict):
    yield from r.get("sources") or []
    yield from r.get("documents") or []
    for span in (r.get("evidence") or []) + (r.get("mentions") or []):
        if span.get("doc_id"):
            yield span["doc_id"]


def longest_span_days(event_rows: list[dict]) -> int:
    """The longest date_start..date_end of these events, in days (0 when none is dated)."""
    longest = 0
    for row in event_rows:
        start, end = parse_day(row["date_start"]), parse_day(row["date_end"])
        if start and end:
            longest = max(longest, (end - start).days)
    return longest


def event_country_rows(event_rows: list[dict]) -> list[dict]:
    """One row per (event, country) for the indexed country filter."""
    return [{"country": code, "date_key": row["date_key"], "event_id": row["id"],
             "end_key": row["date_end"] or row["date_key"], "type": row["type"]}
            for row in event_rows for code in sorted(set(row["countries"].split()))]
