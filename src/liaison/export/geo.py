"""GeoJSON: events and places with coordinates (events.geojson, places.geojson) for QGIS / Kepler.gl."""
from __future__ import annotations

import json
from pathlib import Path

from liaison.export.table import event_row, source_urls


def _point(lon: float, lat: float, properties: dict) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def write_geojson(store, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    urls = source_urls(store)
    events = []
    for e in store.records("event"):
        loc = e.location
        if loc is None or loc.lat is None or loc.lon is None:
            continue
        props = {k: v for k, v in event_row(e, urls).items() if k not in ("latitude", "longitude")}
        events.append(_point(float(loc.lon), float(loc.lat), props))
    places = [_point(float(p.lon), float(p.lat),
                     {"entity_id": p.id, "name": p.name, "country": p.country, "mentions": len(p.mentions)})
              for p in store.records("entity")
              if p.kind == "place" and p.lat is not None and p.lon is not None]
    for name, feats in (("events", events), ("places", places)):
        (out / f"{name}.geojson").write_text(json.dumps(_collection(feats), ensure_ascii=False),
                                             encoding="utf-8")
    return {"events": len(events), "places": len(places)}
