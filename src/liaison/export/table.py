"""CSV: one flat row per event, ACLED/GDELT style (events.csv)."""
from __future__ import annotations

import csv
from pathlib import Path

COLUMNS = ("event_id", "date_start", "date_end", "date_precision", "event_type", "mode", "contexts",
           "actor1", "actor1_country", "actor2", "actor2_country", "countries", "location",
           "location_country", "latitude", "longitude", "summary", "confidence", "source_count",
           "source_urls", "evidence")


def _sides(actors: list[dict]) -> tuple[dict, dict]:
    """actor1 = the source side (else the first actor), actor2 = the target (else the next one)."""
    source = [a for a in actors if a.get("side") == "source"]
    target = [a for a in actors if a.get("side") == "target"]
    rest = [a for a in actors if a not in source and a not in target]
    first = (source or rest or target or [{}])[0]
    second = next((a for a in (target + rest + source) if a is not first), {})
    return first, second


def event_row(e: dict, urls: dict[str, str] | None = None) -> dict:
    date, loc = e.get("date") or {}, e.get("location") or {}
    a1, a2 = _sides(e.get("actors") or [])
    sources = e.get("sources") or []
    return {"event_id": e["id"], "date_start": date.get("start"), "date_end": date.get("end"),
            "date_precision": date.get("precision"), "event_type": e.get("type"), "mode": e.get("mode"),
            "contexts": ";".join(e.get("contexts") or []),
            "actor1": a1.get("name"), "actor1_country": a1.get("country"),
            "actor2": a2.get("name"), "actor2_country": a2.get("country"),
            "countries": ";".join(e.get("countries") or []), "location": loc.get("name"),
            "location_country": loc.get("country"), "latitude": loc.get("lat"), "longitude": loc.get("lon"),
            "summary": e.get("summary"), "confidence": e.get("confidence"), "source_count": len(sources),
            "source_urls": ";".join((urls or {}).get(s) or s for s in sources),
            "evidence": " | ".join(sp.get("text", "") for sp in e.get("evidence") or [])}


def source_urls(store) -> dict[str, str]:
    return {d["id"]: d.get("url") or d.get("source") for d in store.iter_documents()}


def write_csv(store, out: Path, excel: bool = False) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    urls = source_urls(store)
    rows = [event_row(e, urls) for e in store.linked("event")]
    # utf-8-sig writes the byte-order mark Excel needs to read UTF-8.
    with (out / "events.csv").open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return {"events": len(rows)}
