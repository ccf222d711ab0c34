"""List rows: what a list shows of a record, not the record. Evidence, mentions, role evidence and
explanations stay on the detail route (`/api/entities/{id}`, `/api/events/{id}`); an entity named
in 3,000 articles is one short row here, not half a megabyte.
"""
from __future__ import annotations

ROW_ALIASES = 10


def entity_row(entity: dict) -> dict:
    roles = list(dict.fromkeys(r.get("title") for r in entity.get("roles") or [] if r.get("title")))
    return {"id": entity["id"], "kind": entity.get("kind"), "name": entity.get("name"),
            "country": entity.get("country"), "aliases": (entity.get("aliases") or [])[:ROW_ALIASES],
            "roles": roles[:ROW_ALIASES], "lat": entity.get("lat"), "lon": entity.get("lon"),
            "wikidata": entity.get("wikidata"), "document_count": len(entity.get("documents") or []),
            "mention_count": len(entity.get("mentions") or []), "url": f"/api/entities/{entity['id']}"}


def event_row(event: dict) -> dict:
    actors = [{k: a.get(k) for k in ("entity_id", "name", "role", "country", "side")}
              for a in event.get("actors") or []]
    return {"id": event["id"], "type": event.get("type"), "mode": event.get("mode"),
            "contexts": event.get("contexts") or [], "date": event.get("date"),
            "location": event.get("location"), "countries": event.get("countries") or [],
            "actors": actors, "summary": event.get("summary"), "confidence": event.get("confidence"),
            "salience": event.get("salience"), "source_count": len(event.get("sources") or []),
            "evidence_count": len(event.get("evidence") or []), "url": f"/api/events/{event['id']}"}
