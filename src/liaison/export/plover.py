"""PLOVER JSON: one record per event with POLECAT-compatible field names (plover.jsonl)."""
from __future__ import annotations

import json
from pathlib import Path

from liaison import plover


def _actor_block(a: dict, countries: dict[str, str]) -> dict:
    return {"raw_text": a.get("name"), "entity_name": a.get("name"), "entity_id": a.get("entity_id"),
            "wikidata_id": a.get("wikidata"), "wiki_description": a.get("role"),
            "country": a.get("country"), "country_name": countries.get(a.get("country") or "", None)}


def plover_record(e: dict, docs: dict[str, dict], countries: dict[str, str]) -> dict:
    actors = e.get("actors") or []
    recipients = [a for a in actors if a.get("side") == "target"]
    doers = [a for a in actors if a not in recipients]
    date, loc = e.get("date") or {}, e.get("location") or {}
    sources = [docs[s] for s in e.get("sources") or [] if s in docs]
    quad, quad_class = plover.quad(e.get("type"))
    return {"event_id": e["id"], "event_date": date.get("start"), "event_date_end": date.get("end"),
            "date_precision": date.get("precision"), "event_type": e.get("type"), "event_mode": e.get("mode"),
            "event_intensity": plover.score(e.get("type"), e.get("mode")), "quad_code": quad,
            "quad_class": quad_class,
            "contexts": e.get("contexts") or [],
            "actor": [_actor_block(a, countries) for a in doers],
            "recipient": [_actor_block(a, countries) for a in recipients],
            "countries": e.get("countries") or [],
            "location": {"placename": loc.get("name"), "country": loc.get("country"),
                         "latitude": loc.get("lat"), "longitude": loc.get("lon")} if loc else None,
            "source_ids": e.get("sources") or [],
            "source_urls": [d.get("url") or d.get("source") for d in sources],
            "headlines": [d.get("title") for d in sources],
            "languages": sorted({d.get("lang") or "" for d in sources}),
            "publication_dates": [d.get("published") for d in sources],
            "sentences": [sp.get("text") for sp in e.get("evidence") or []], "summary": e.get("summary"),
            "confidence": e.get("confidence"), "explanation": e.get("explanation"),
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
        for e in store.linked("event"):
            fh.write(json.dumps(plover_record(e, docs, countries), ensure_ascii=False) + "\n")
            n += 1
    return {"events": n}
