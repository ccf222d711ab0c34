"""What a list shows of a record: the store keeps it beside the record (`entities.listed`,
`events.listed`), so a list page reads a few hundred bytes per row, never the evidence and mentions
of the whole record (a country named in 3,000 articles is half a megabyte), and never words its
sentences again on each request. Detail routes read the record itself."""
from __future__ import annotations

from liaison.wording import event_sentence

ACTOR_FIELDS = ("entity_id", "name", "role", "country", "side")


def listed_entity(data: dict) -> dict:
    """Names, state, role titles and how often it is named."""
    roles = list(dict.fromkeys(r.get("title") for r in data.get("roles") or [] if r.get("title")))
    return {"id": data["id"], "kind": data.get("kind"), "name": data.get("name"),
            "country": data.get("country"), "aliases": list(data.get("aliases") or []), "roles": roles,
            "lat": data.get("lat"), "lon": data.get("lon"), "wikidata": data.get("wikidata"),
            "document_count": len(data.get("documents") or []),
            "mention_count": len(data.get("mentions") or [])}


def listed_event(data: dict) -> dict:
    """Type, mode, date, place, states, actors and the event as a sentence; counts of its sources
    and evidence instead of them."""
    actors = [{k: a.get(k) for k in ACTOR_FIELDS} for a in data.get("actors") or []]
    return {"id": data["id"], "type": data.get("type"), "mode": data.get("mode"),
            "contexts": data.get("contexts") or [], "date": data.get("date"),
            "location": data.get("location"), "countries": data.get("countries") or [],
            "actors": actors, "summary": data.get("summary"), "confidence": data.get("confidence"),
            "salience": data.get("salience"), "source_count": len(data.get("sources") or []),
            "evidence_count": len(data.get("evidence") or []), "sentence": event_sentence(data)}
