"""CSV: one flat table per kind of record (events.csv ACLED/GDELT style, entities, commitments,
figures, quotes, documents). The web UI's `.csv` twins use the same row builders.

Every date column comes with its precision and its doubts: `*_year_unstated` (the text gave no
year) and `*_basis` ("inferred" when the sentence states no date), and `*_label` in words.
"""
from __future__ import annotations

import csv
from pathlib import Path

from liaison.listed import listed_entity
from liaison.records import (
    DateValue,
    Evidence,
    LinkedActor,
    LinkedCommitment,
    LinkedEntity,
    LinkedEvent,
    LinkedFigure,
    LinkedQuote,
    Location,
)
from liaison.wording import date_doubts, date_label, event_sentence

COLUMNS = ("event_id", "date_start", "date_end", "date_precision", "date_year_unstated", "date_basis",
           "date_label", "event_type", "mode", "contexts",
           "actor1", "actor1_country", "actor2", "actor2_country", "countries", "location",
           "location_country", "latitude", "longitude", "sentence", "summary", "confidence", "source_count",
           "source_urls", "evidence")


def _sides(actors: tuple[LinkedActor, ...]) -> tuple[LinkedActor | None, LinkedActor | None]:
    """actor1 = the source side (else the first actor), actor2 = the target (else the next one)."""
    source = [a for a in actors if a.side == "source"]
    target = [a for a in actors if a.side == "target"]
    rest = [a for a in actors if a not in source and a not in target]
    first = (source or rest or target or [None])[0]
    second = next((a for a in (target + rest + source) if a is not first), None)
    return first, second


def _name(actor: LinkedActor | None) -> str | None:
    return actor.name if actor else None


def _country(actor: LinkedActor | None) -> str | None:
    return actor.country if actor else None


def date_columns(prefix: str, date: DateValue | None) -> dict:
    d = date.to_json() if date else {}
    return {f"{prefix}_start": d.get("start"), f"{prefix}_end": d.get("end"),
            f"{prefix}_precision": d.get("precision"),
            f"{prefix}_year_unstated": bool(d.get("year_unstated")) if d else None,
            f"{prefix}_basis": d.get("basis"), f"{prefix}_label": date_label(d) if d else None}


def _evidence(evidence: tuple[Evidence, ...]) -> str:
    return " | ".join(sp.text for sp in evidence)


def _urls(sources: tuple[str, ...], urls: dict[str, str] | None) -> str:
    return ";".join((urls or {}).get(s) or s for s in sources)


def event_row(e: LinkedEvent, urls: dict[str, str] | None = None) -> dict:
    loc = e.location or Location(None, None)
    a1, a2 = _sides(e.actors)
    return {"event_id": e.id, **date_columns("date", e.date), "event_type": e.type,
            "mode": e.mode, "contexts": ";".join(e.contexts),
            "actor1": _name(a1), "actor1_country": _country(a1),
            "actor2": _name(a2), "actor2_country": _country(a2),
            "countries": ";".join(e.countries), "location": loc.name,
            "location_country": loc.country, "latitude": loc.lat, "longitude": loc.lon,
            "sentence": event_sentence(e.to_json()), "summary": e.summary, "confidence": e.confidence,
            "source_count": len(e.sources), "source_urls": _urls(e.sources, urls),
            "evidence": _evidence(e.evidence)}


def entity_row(e: LinkedEntity | dict) -> dict:
    """A CSV row from a linked entity or from its list projection (listed.listed_entity)."""
    listed = e if isinstance(e, dict) else listed_entity(e.to_json())
    return {"entity_id": listed["id"], "kind": listed["kind"], "name": listed["name"],
            "country": listed["country"], "aliases": ";".join(listed["aliases"]),
            "roles": ";".join(listed["roles"]), "lat": listed["lat"], "lon": listed["lon"],
            "wikidata": listed["wikidata"], "document_count": listed["document_count"],
            "mention_count": listed["mention_count"]}


def commitment_row(c: LinkedCommitment, urls: dict[str, str] | None = None) -> dict:
    return {"commitment_id": c.id, "actor": _name(c.actor), "countries": ";".join(c.countries),
            "action": c.action, **date_columns("due", c.due), "status": c.status,
            "status_note": status_note(c), "fulfilled_by": c.fulfilled_by or "",
            "source_urls": _urls(c.sources, urls), "evidence": _evidence(c.evidence)}


def status_note(c: LinkedCommitment) -> str:
    """Why a status may not be read at face value: the deadline it rests on is uncertain."""
    doubts = date_doubts(c.due.to_json() if c.due else None)
    return f"deadline {' and '.join(doubts)}" if doubts else ""


def figure_row(f: LinkedFigure, urls: dict[str, str] | None = None) -> dict:
    return {"figure_id": f.id, "value": f.value, "unit": f.unit, "subject": f.subject,
            **date_columns("period", f.period), "speaker": _name(f.speaker),
            "source_urls": _urls(f.sources, urls), "evidence": _evidence(f.evidence)}


def quote_row(q: LinkedQuote, urls: dict[str, str] | None = None) -> dict:
    return {"quote_id": q.id, "speaker": _name(q.speaker), "speaker_country": _country(q.speaker),
            "lang": q.lang, "text": q.text, "source_urls": _urls(q.sources, urls)}


def document_row(d: dict) -> dict:
    return {"document_id": d["id"], "published": d.get("published"),
            "published_precision": "day" if d.get("published") else None, "title": d.get("title"),
            "lang": d.get("lang"), "outlet": d.get("outlet"), "url": d.get("url"), "source": d.get("source"),
            "duplicate_of": d.get("duplicate_of")}


def source_urls(store) -> dict[str, str]:
    return {d["id"]: d.get("url") or d.get("source") for d in store.iter_documents()}


def write_table(path: Path, rows: list[dict], columns=None, excel: bool = False) -> int:
    fields = list(columns or dict.fromkeys(k for row in rows for k in row)) or ["id"]
    # utf-8-sig writes the byte-order mark Excel needs to read UTF-8.
    with path.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def write_csv(store, out: Path, excel: bool = False) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    urls = source_urls(store)
    tables = {"events": ([event_row(e, urls) for e in store.records("event")], COLUMNS),
              "entities": ([entity_row(e) for e in store.records("entity")], None),
              "commitments": ([commitment_row(c, urls) for c in store.records("commitment")], None),
              "figures": ([figure_row(f, urls) for f in store.records("figure")], None),
              "quotes": ([quote_row(q, urls) for q in store.records("quote")], None),
              "documents": ([document_row(d) for d in store.iter_documents()], None)}
    return {name: write_table(out / f"{name}.csv", rows, columns, excel)
            for name, (rows, columns) in tables.items()}
