"""Rebuild the linked view of the whole corpus from per-document facts (idempotent)."""
from __future__ import annotations

from collections import defaultdict

from liaison.link.commitments import link_commitments, simple_records
from liaison.link.decisions import report_refused
from liaison.link.entities import resolve_entities
from liaison.link.events import merge_events


def link_corpus(store) -> dict[str, int]:
    facts = defaultdict(list)
    for row in store.iter_facts():
        facts[row["kind"]].append(row)
    duplicates = store.duplicate_map()
    decisions = store.decisions()
    entities, key_to_id = resolve_entities(facts["entity"], decisions)
    report_refused(store, decisions)        # a decision that no longer fits is reported, not fatal
    names = {e["id"]: e["name"] for e in entities}
    events = merge_events(facts["event"], key_to_id, duplicates, store.document_labels(), names)
    commitments = link_commitments(simple_records(facts["commitment"], key_to_id, duplicates, names), events)
    figures = simple_records(facts["figure"], key_to_id, duplicates, names)
    quotes = simple_records(facts["quote"], key_to_id, duplicates, names)
    records = {"entity": entities, "event": events, "commitment": commitments, "figure": figures,
               "quote": quotes}
    tables = {kind: table_rows(kind, recs) for kind, recs in records.items()}
    store.replace_linked(tables)
    return {k: len(v) for k, v in tables.items()}


def table_rows(kind: str, records: list[dict]) -> list[dict]:
    """Linked records -> rows of their table: the record as payload plus the filter columns."""
    return [ROW_BUILDERS[kind](r) for r in records]


def _spaced(codes) -> str:
    return " " + " ".join(codes or []) + " "


def _entity_row(e: dict) -> dict:
    return {"id": e["id"], "kind": e["kind"], "name": e["name"], "country": e.get("country"),
            "lat": e.get("lat"), "lon": e.get("lon"), "payload": e}


def _event_row(e: dict) -> dict:
    date, loc = e.get("date") or {}, e.get("location") or {}
    return {"id": e["id"], "type": e["type"], "mode": e.get("mode"), "date_start": date.get("start"),
            "date_end": date.get("end"), "countries": _spaced(e.get("countries")),
            "location": loc.get("name"), "latitude": loc.get("lat"), "longitude": loc.get("lon"),
            "summary": e.get("summary"), "payload": e}


def _commitment_row(c: dict) -> dict:
    return {"id": c["id"], "status": c["status"], "due_end": (c.get("due") or {}).get("end"),
            "countries": _spaced(c.get("countries")), "action": c.get("action"), "payload": c}


def _figure_row(f: dict) -> dict:
    return {"id": f["id"], "value": f.get("value"), "unit": f.get("unit"), "subject": f.get("subject"),
            "payload": f}


def _quote_row(q: dict) -> dict:
    return {"id": q["id"], "speaker": (q.get("speaker") or {}).get("name"), "text": q.get("text"),
            "payload": q}


ROW_BUILDERS = {"entity": _entity_row, "event": _event_row, "commitment": _commitment_row,
                "figure": _figure_row, "quote": _quote_row}
