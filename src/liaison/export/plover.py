"""PLOVER JSON: one record per event with POLECAT-compatible field names (plover.jsonl)."""
from __future__ import annotations

import json
from pathlib import Path

from liaison import plover
from liaison.records import LinkedActor, LinkedEvent


def _actor_block(a: LinkedActor, countries: dict[str, str]) -> dict:
    # linked actors carry no Q-id yet: wikidata_id stays null
    return {"raw_text": a.name, "entity_name": a.name, "entity_id": a.entity_id, "wikidata_id": None,
            "wiki_description": a.role, "country": a.country,
            "country_name": countries.get(a.country or "", None)}


def plover_record(e: LinkedEvent, docs: dict[str, dict], countries: dict[str, str]) -> dict:
    recipients = [a for a in e.actors if a.side == "target"]
    doers = [a for a in e.actors if a not in recipients]
    date, loc = e.date.to_json() if e.date else {}, e.location
    sources = [docs[s] for s in e.sources if s in docs]
    quad, quad_class = plover.quad(e.type)
    return {"event_id": e.id, "event_date": date.get("start"), "event_date_end": date.get("end"),
            "date_precision": date.get("precision"), "event_type": e.type, "event_mode": e.mode,
            "event_intensity": plover.score(e.type, e.mode), "quad_code": quad,
            "quad_class": quad_class,
            "contexts": list(e.contexts),
            "actor": [_actor_block(a, countries) for a in doers],
            "recipient": [_actor_block(a, countries) for a in recipients],
            "countries": list(e.countries),
            "location": {"placename": loc.name, "country": loc.country,
                         "latitude": loc.lat, "longitude": loc.lon} if loc else None,
            "source_ids": list(e.sources),
            "source_urls": [d.get("url") or d.get("source") for d in sources],
            "headlines": [d.get("title") for d in sources],
            "languages": sorted({d.get("lang") or "" for d in sources}),
            "publication_dates": [d.get("published") for d in sources],
            "sentences": [sp.text for sp in e.evidence], "summary": e.summary,
            "confidence": e.confidence, "explanation": e.explanation,
            "coder": "liaison", "plover_version": "2.0"}


def _country_names() -> dict[str, str]:
    import pycountry
    return {c.alpha_3: c.name for c in pycountry.countries}


def write_plover(store, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    docs = {d["id"]: d for d in store.iter_documents()}
    countries = _country_names()
    n = 0
    with (out / "plover.jsonl").open("w", encoding="utf-8") as fh:
        for e in store.records("event"):
            fh.write(json.dumps(plover_record(e, docs, countries), ensure_ascii=False) + "\n")
            n += 1
    return {"events": n}
