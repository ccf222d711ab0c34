"""CSV: one flat table per kind of record (events.csv ACLED/GDELT style, entities, commitments,
figures, quotes, documents). The web UI's `.csv` twins use the same row builders.

Every date column comes with its precision and its doubts: `*_year_unstated` (the text gave no
year) and `*_basis` ("inferred" when the sentence states no date), and `*_label` in words.
"""
from __future__ import annotations

import csv
from pathlib import Path

from liaison.wording import date_doubts, date_label, event_sentence

COLUMNS = ("event_id", "date_start", "date_end", "date_precision", "date_year_unstated", "date_basis",
           "date_label", "event_type", "mode", "contexts",
           "actor1", "actor1_country", "actor2", "actor2_country", "countries", "location",
           "location_country", "latitude", "longitude", "sentence", "summary", "confidence", "source_count",
           "source_urls", "evidence")


def _sides(actors: list[dict]) -> tuple[dict, dict]:
    """actor1 = the source side (else the first actor), actor2 = the target (else the next one)."""
    source = [a for a in actors if a.get("side") == "source"]
    target = [a for a in actors if a.get("side") == "target"]
    rest = [a for a in actors if a not in source and a not in target]
    first = (source or rest or target or [{}])[0]
    second = next((a for a in (target + rest + source) if a is not first), {})
    return first, second


def date_columns(prefix: str, d: dict | None) -> dict:
    d = d or {}
    return {f"{prefix}_start": d.get("start"), f"{prefix}_end": d.get("end"),
            f"{prefix}_precision": d.get("precision"),
            f"{prefix}_year_unstated": bool(d.get("year_unstated")) if d else None,
            f"{prefix}_basis": d.get("basis"), f"{prefix}_label": date_label(d) if d else None}


def _evidence(r: dict) -> str:
    return " | ".join(sp.get("text", "") for sp in r.get("evidence") or [])


def _urls(r: dict, urls: dict[str, str] | None) -> str:
    return ";".join((urls or {}).get(s) or s for s in r.get("sources") or [])


def event_row(e: dict, urls: dict[str, str] | None = None) -> dict:
    loc = e.get("location") or {}
    a1, a2 = _sides(e.get("actors") or [])
    return {"event_id": e["id"], **date_columns("date", e.get("date")), "event_type": e.get("type"),
            "mode": e.get("mode"), "contexts": ";".join(e.get("contexts") or []),
            "actor1": a1.get("name"), "actor1_country": a1.get("country"),
            "actor2": a2.get("name"), "actor2_country": a2.get("country"),
            "countries": ";".join(e.get("countries") or []), "location": loc.get("name"),
            "location_country": loc.get("country"), "latitude": loc.get("lat"), "longitude": loc.get("lon"),
            "sentence": event_sentence(e), "summary": e.get("summary"), "confidence": e.get("confidence"),
            "source_count": len(e.get("sources") or []), "source_urls": _urls(e, urls),
            "evidence": _evidence(e)}


def entity_row(e: dict) -> dict:
    roles = list(dict.fromkeys(r.get("title") for r in e.get("roles") or [] if r.get("title")))
    return {"entity_id": e["id"], "kind": e.get("kind"), "name": e.get("name"), "country": e.get("country"),
            "aliases": ";".join(e.get("aliases") or []), "roles": ";".join(roles),
            "lat": e.get("lat"), "lon": e.get("lon"), "wikidata": e.get("wikidata"),
            "document_count": len(e.get("documents") or []), "mention_count": len(e.get("mentions") or [])}


def commitment_row(c: dict, urls: dict[str, str] | None = None) -> dict:
    due = c.get("due")
    return {"commitment_id": c["id"], "actor": (c.get("actor") or {}).get("name"),
            "countries": ";".join(c.get("countries") or []), "action": c.get("action"),
            **date_columns("due", due), "status": c.get("status"),
            "status_note": status_note(c), "fulfilled_by": ";".join(c.get("fulfilled_by") or []),
            "source_urls": _urls(c, urls), "evidence": _evidence(c)}


def status_note(c: dict) -> str:
    """Why a status may not be read at face value: the deadline it rests on is uncertain."""
    doubts = date_doubts(c.get("due"))
    return f"deadline {' and '.join(doubts)}" if doubts else (c.get("note") or "")


def figure_row(f: dict, urls: dict[str, str] | None = None) -> dict:
    return {"figure_id": f["id"], "value": f.get("value"), "unit": f.get("unit"), "subject": f.get("subject"),
            **date_columns("period", f.get("period")), "speaker": (f.get("speaker") or {}).get("name"),
            "source_urls": _urls(f, urls), "evidence": _evidence(f)}


def quote_row(q: dict, urls: dict[str, str] | None = None) -> dict:
    return {"quote_id": q["id"], "speaker": (q.get("speaker") or {}).get("name"),
            "speaker_country": (q.get("speaker") or {}).get("country"), "lang": q.get("lang"),
            "text": q.get("text"), "source_urls": _urls(q, urls)}


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
    tables = {"events": ([event_row(e, urls) for e in store.linked("event")], COLUMNS),
              "entities": ([entity_row(e) for e in store.linked("entity")], None),
              "commitments": ([commitment_row(c, urls) for c in store.linked("commitment")], None),
              "figures": ([figure_row(f, urls) for f in store.linked("figure")], None),
              "quotes": ([quote_row(q, urls) for q in store.linked("quote")], None),
              "documents": ([document_row(d) for d in store.iter_documents()], None)}
    return {name: write_table(out / f"{name}.csv", rows, columns, excel)
            for name, (rows, columns) in tables.items()}
