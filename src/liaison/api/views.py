"""View models shared by the REST API and the HTML pages: one function per page, plain dicts out.

A page's JSON twin is exactly what these return, so the HTML and the JSON never disagree.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from liaison.datafiles import read_json
from liaison.folding import fold
from liaison.store import queries as Q

SCORES_FILE = Path(__file__).with_name("plover_scores.json")
DUE_SOON_DAYS = 60


@lru_cache(maxsize=1)
def plover_scores() -> dict:
    return read_json(SCORES_FILE)


def event_score(event: dict) -> float | None:
    """PLOVER cooperation–conflict score of one event: the mode's score, else the type's base."""
    scores = plover_scores()
    by_mode = scores["modes"].get(event.get("type"), {})
    if event.get("mode") in by_mode:
        return float(by_mode[event["mode"]])
    base = scores["base"].get(event.get("type"))
    return None if base is None else float(base)


def _today() -> str:
    return date.today().isoformat()


# ---------------------------------------------------------------- home
def home(store) -> dict:
    counts = store.counts()
    events, _ = Q.list_events(store, limit=10)
    soon = (date.today() + timedelta(days=DUE_SOON_DAYS)).isoformat()
    due, _ = Q.list_commitments(store, status="open", due_before=soon, limit=10)
    return {"counts": counts, "latest_events": events, "due_soon": due,
            "issues": Q.latest_issues(store, 10)}


# ---------------------------------------------------------------- documents
def document_detail(store, doc_id: str) -> dict | None:
    doc = Q.get_document(store, doc_id)
    if doc is None:
        return None
    linked = {kind: Q.linked_for_document(store, kind, doc_id)
              for kind in ("event", "commitment", "figure", "quote")}
    entities = list(Q.linked_for_document(store, "entity", doc_id))
    return {"document": doc, "facts": Q.document_facts(store, doc_id), "entities": entities,
            "events": linked["event"], "commitments": linked["commitment"],
            "figures": linked["figure"], "quotes": linked["quote"]}


def highlight(text: str, spans: list[dict]) -> list[dict]:
    """Cut a text into segments, marking the evidence spans: [{"text", "mark", "labels"}, ...].

    Overlapping spans are all kept (a segment lists the labels of every span covering it); a mark
    never runs across a line break, so blank lines between paragraphs stay unmarked. Joined, the
    segments are the text. The template escapes each segment, so article content never becomes markup.
    """
    valid = [sp for sp in spans if 0 <= sp["start"] < sp["end"] <= len(text)]
    cuts = {0, len(text), *(sp["start"] for sp in valid), *(sp["end"] for sp in valid)}
    cuts.update(i for i, ch in enumerate(text) if ch == "\n")
    cuts.update(i + 1 for i, ch in enumerate(text) if ch == "\n")
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[dict] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = text[a:b]
        covering = [sp for sp in valid if sp["start"] <= a and b <= sp["end"]] if piece.strip() else []
        labels = list(dict.fromkeys(sp["label"] for sp in covering if sp.get("label")))
        seg = {"text": piece, "mark": bool(covering), "labels": labels}
        if out and (out[-1]["mark"], out[-1]["labels"]) == (seg["mark"], seg["labels"]):
            out[-1]["text"] += piece
        else:
            out.append(seg)
    return out


def fact_label(kind: str, rec: dict) -> str:
    """A one-line name for a fact, shown when hovering its evidence in an article."""
    if kind == "event":
        return f"event {rec.get('type')}: {rec.get('summary') or ''}".strip()
    if kind == "commitment":
        return f"commitment: {rec.get('action') or ''}"
    if kind == "figure":
        return (f"figure: {number(rec.get('value'))} {rec.get('unit') or ''} "
                f"{rec.get('subject') or ''}").strip()
    return f"quote: {(rec.get('speaker') or {}).get('name') or 'unattributed'}"


def number(value) -> str:
    """1400.0 -> "1,400"; 2.5 -> "2.5"; None -> "?"."""
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def passages(text: str, spans: list[dict]) -> list[dict]:
    """The paragraphs (lines) that hold evidence, each cut into marked segments: what an analyst
    reads first, before the whole article."""
    ranges = []
    for sp in sorted(spans, key=lambda sp: sp["start"]):
        if not 0 <= sp["start"] < sp["end"] <= len(text):
            continue
        a = text.rfind("\n", 0, sp["start"]) + 1
        b = text.find("\n", sp["end"])
        b = len(text) if b < 0 else b
        if ranges and a <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], b)
        else:
            ranges.append([a, b])
    return [{"start": a,
             "segments": highlight(text[a:b], [{**sp, "start": max(sp["start"], a) - a,
                                                "end": min(sp["end"], b) - a}
                                               for sp in spans if sp["start"] < b and sp["end"] > a])}
            for a, b in ranges]


# ---------------------------------------------------------------- events
def event_detail(store, event_id: str) -> dict | None:
    event = Q.get_linked(store, "event", event_id)
    if event is None:
        return None
    sources = []
    by_doc = defaultdict(list)
    for sp in event.get("evidence") or []:
        by_doc[sp["doc_id"]].append(sp)
    for doc_id in dict.fromkeys([*(event.get("sources") or []), *by_doc]):
        doc = Q.get_document(store, doc_id)
        if doc is None:
            continue
        sources.append({"doc_id": doc_id, "title": doc["title"], "url": doc["url"],
                        "published": doc["published"], "lang": doc["lang"],
                        "evidence": by_doc.get(doc_id, []),
                        "passages": passages(doc["text"], by_doc.get(doc_id, [])),
                        "segments": highlight(doc["text"], by_doc.get(doc_id, []))})
    return {"event": event, "score": event_score(event), "sources": sources,
            "explanation": event.get("explanation")}


def timeline_items(events: list[dict]) -> list[dict]:
    items = []
    for e in events:
        d = e.get("date") or {}
        if not d.get("start"):
            continue
        items.append({"id": e["id"], "start": d["start"], "end": d.get("end"),
                      "content": f"{e['type']}: {e.get('summary') or ', '.join(e.get('countries') or [])}",
                      "type": e["type"]})
    return items


# ---------------------------------------------------------------- entities
def entity_detail(store, entity_id: str) -> dict | None:
    entity = Q.get_linked(store, "entity", entity_id)
    if entity is None:
        return None
    roles = sorted(entity.get("roles") or [], key=lambda r: (r.get("start") or "", r.get("end") or ""))
    return {"entity": entity, "aliases": entity.get("aliases") or [], "roles": roles,
            "events": Q.events_with_actor(store, entity_id),
            "quotes": Q.quotes_by_speaker(store, entity_id),
            "mentioned_in": mentioned_in(store, entity),
            "decisions": Q.decisions_for(store, entity_id),
            "offices": _office_timeline(store, entity),
            "possible_duplicates": possible_duplicates(store, entity)}


def possible_duplicates(store, entity: dict) -> list[dict]:
    """Entities with a similar name kept apart, each with why (link/variants.py)."""
    from liaison.link.variants import possible_duplicates as hints
    names = [entity.get("name") or "", *(entity.get("aliases") or [])]
    words = {w for n in names for w in [*re.findall(r"\w+", n), *fold(n).split()]}
    others = Q.entities_sharing_a_word(store, entity.get("kind") or "", sorted(words), entity["id"])
    return hints(entity, others)


def _office_timeline(store, entity: dict) -> list[dict]:
    from liaison.api.officeviews import person_timeline
    return person_timeline(store, entity)


def mentioned_in(store, entity: dict) -> list[dict]:
    """The articles naming an entity, newest first, with how often and under which spellings."""
    by_doc: dict[str, list[str]] = defaultdict(list)
    for m in entity.get("mentions") or []:
        by_doc[m["doc_id"]].append(m.get("text") or "")
    for doc_id in entity.get("documents") or []:
        by_doc.setdefault(doc_id, [])
    docs = Q.document_titles(store, by_doc)
    rows = [{"doc_id": d, "title": (docs.get(d) or {}).get("title") or (docs.get(d) or {}).get("source") or d,
             "published": (docs.get(d) or {}).get("published"), "mentions": len(texts),
             "spellings": sorted(set(texts))} for d, texts in by_doc.items()]
    return sorted(rows, key=lambda r: (r["published"] or "", r["doc_id"]), reverse=True)


# ---------------------------------------------------------------- relations
def _pairs(event: dict):
    codes = sorted(set(event.get("countries") or []))
    return combinations(codes, 2)


def dyads(store, country: str | None = None) -> list[dict]:
    """Country pairs with event counts per month and the mean PLOVER score of their events."""
    acc: dict[tuple, dict] = {}
    for event in Q.all_events(store):
        for a, b in _pairs(event):
            if country and country.upper() not in (a, b):
                continue
            d = acc.setdefault((a, b), {"events": 0, "by_month": Counter(), "by_type": Counter(),
                                        "scores": []})
            d["events"] += 1
            d["by_type"][event["type"]] += 1
            month = ((event.get("date") or {}).get("start") or "")[:7] or "undated"
            d["by_month"][month] += 1
            if (score := event_score(event)) is not None:
                d["scores"].append(score)
    out = [{"a": a, "b": b, "id": f"{a}-{b}", "events": d["events"],
            "score": round(sum(d["scores"]) / len(d["scores"]), 2) if d["scores"] else None,
            "by_month": dict(sorted(d["by_month"].items())), "by_type": dict(d["by_type"])}
           for (a, b), d in acc.items()]
    return sorted(out, key=lambda r: (-r["events"], r["id"]))


def dyad_detail(store, a: str, b: str) -> dict:
    a, b = sorted((a.upper(), b.upper()))
    events = [e for e in Q.all_events(store) if {a, b} <= set(e.get("countries") or [])]
    found = next((d for d in dyads(store, a) if d["id"] == f"{a}-{b}"), None)
    scores = [{"event_id": e["id"], "type": e["type"], "date": (e.get("date") or {}).get("start"),
               "score": event_score(e), "summary": e.get("summary")} for e in events]
    from liaison.api.barometer import change_points, monthly_series, trend
    series = monthly_series(events, event_score)
    return {"a": a, "b": b, "dyad": found, "events": events, "series": series,
            "change_points": change_points(series), "trend": trend(series), "scores": scores}


def network(store) -> dict:
    """Nodes (countries, people, organisations) and edges (co-occurrence in events, typed)."""
    nodes: dict[str, dict] = {}
    edges: Counter = Counter()
    for event in Q.all_events(store):
        ids = []
        for code in event.get("countries") or []:
            nodes.setdefault(f"country:{code}", {"id": f"country:{code}", "label": code, "kind": "country"})
            ids.append(f"country:{code}")
        for actor in event.get("actors") or []:
            if actor.get("entity_id"):
                nodes.setdefault(actor["entity_id"], {"id": actor["entity_id"],
                                                      "label": actor.get("name") or "?", "kind": "actor"})
                ids.append(actor["entity_id"])
        for x, y in combinations(sorted(set(ids)), 2):
            edges[(x, y, event["type"])] += 1
    return {"nodes": list(nodes.values()),
            "edges": [{"id": f"{x}|{y}|{t}", "source": x, "target": y, "type": t, "weight": n}
                      for (x, y, t), n in edges.items()]}


def map_data(store) -> dict:
    """Per-country event counts and located events, for the offline map."""
    per_country: Counter = Counter()
    points = []
    for event in Q.all_events(store):
        per_country.update(set(event.get("countries") or []))
        loc = event.get("location") or {}
        if loc.get("lat") is not None and loc.get("lon") is not None:
            points.append({"id": event["id"], "lat": loc["lat"], "lon": loc["lon"], "type": event["type"],
                           "name": loc.get("name"), "summary": event.get("summary")})
    return {"countries": dict(per_country), "events": points, "numeric": _numeric_codes(per_country)}


def _numeric_codes(codes) -> dict[str, str]:
    """ISO numeric -> alpha-3 for the countries shown: world-atlas shapes are keyed by numeric code."""
    import pycountry
    out = {}
    for code in codes:
        found = pycountry.countries.get(alpha_3=code)
        if found is not None:
            out[found.numeric] = code
    return out


def commitments_board(store) -> dict:
    """Commitments grouped as the tracker shows them: open, due soon, overdue, fulfilled."""
    items, _ = Q.list_commitments(store, limit=10_000)
    soon = (date.today() + timedelta(days=DUE_SOON_DAYS)).isoformat()
    today = _today()
    board = {"open": [], "due_soon": [], "overdue": [], "fulfilled": [], "unknown": []}
    for c in items:
        due_end = (c.get("due") or {}).get("end")
        status = c.get("status") or "unknown"
        if status == "open" and due_end and today <= due_end <= soon:
            board["due_soon"].append(c)
        elif status == "open" and due_end and due_end < today:
            board["overdue"].append(c)
        else:
            board.setdefault(status, []).append(c)
    return board
