"""Per-document facts as stored rows: (kind, stage, payload) in SCHEMA.md shapes.

Entity ids inside a payload are the document-local keys; the link stage maps them to corpus ids.
"""
from __future__ import annotations

from liaison.records import Actor, DateValue, Document, Span


def _ev(doc: Document, spans: tuple[Span, ...]) -> list[dict]:
    return [s.evidence(doc.id) for s in spans]


def _date(d: DateValue | None) -> dict | None:
    return d.to_json() if d else None


def _actor(a: Actor | None) -> dict | None:
    return a.to_json() if a else None


def document_facts(doc: Document) -> list[tuple[str, str, dict]]:
    rows: list[tuple[str, str, dict]] = []
    for e in doc.entities:
        rows.append(("entity", "actors", {
            "key": e.key, "kind": e.kind, "name": e.name, "aliases": list(e.aliases),
            "country": e.country, "roles": [r.to_json(doc.id) for r in e.roles],
            "mentions": _ev(doc, e.mentions), "lat": e.lat, "lon": e.lon,
            "wikidata": e.wikidata, "explanation": e.explanation,
            # only when so: a new key would change every fact id, hence the link order
            **({"country_inferred": True} if e.country_inferred else {})}))
    for ev in doc.events:
        if ev.hypothetical:
            continue            # flagged, not counted: kept out of the record
        rows.append(("event", "extract", {
            "type": ev.type, "mode": ev.mode, "contexts": list(ev.contexts), "date": _date(ev.date),
            "location": ev.location.to_json() if ev.location else None,
            "actors": [a.to_json() for a in ev.actors], "countries": list(ev.countries),
            "summary": ev.summary, "evidence": _ev(doc, ev.evidence), "confidence": ev.confidence,
            "explanation": ev.explanation, "salience": ev.salience, "published": doc.published,
            "vector": ev.vector, "article_date": ev.article_date,
            # only when there are some: a new key would change every fact id, hence the link order
            **({"offices": [o.to_json(doc.id) for o in ev.offices]} if ev.offices else {}),
            **({"also_modes": list(ev.also_modes)} if ev.also_modes else {})}))
    for c in doc.commitments:
        rows.append(("commitment", "extract", {
            "actor": _actor(c.actor), "countries": list(c.countries), "action": c.action,
            "due": _date(c.due), "status": c.status, "evidence": _ev(doc, c.evidence),
            "explanation": c.explanation, "published": doc.published}))
    for f in doc.figures:
        rows.append(("figure", "extract", {
            "value": f.value, "unit": f.unit, "subject": f.subject, "period": _date(f.period),
            "speaker": _actor(f.speaker), "evidence": _ev(doc, f.evidence),
            "explanation": f.explanation}))
    for q in doc.quotes:
        rows.append(("quote", "extract", {
            "speaker": _actor(q.speaker), "text": q.text, "lang": q.lang or doc.lang,
            "evidence": _ev(doc, q.evidence)}))
    return rows
