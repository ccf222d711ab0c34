"""View models shared by the REST API and the HTML pages: one function per page, plain dicts out.

A page's JSON twin is exactly what these return, so the HTML and the JSON never disagree.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta

from liaison import plover
from liaison.barometer import change_points, series_from_months, trend
from liaison.export.table import status_note
from liaison.folding import fold
from liaison.records import LinkedCommitment
from liaison.store import dyads as D
from liaison.store import queries as Q
from liaison.wording import EN, date_doubts, event_sentence, is_uncertain, reasons

DUE_SOON_DAYS = 60


def event_score(event: dict) -> float | None:
    """PLOVER cooperation–conflict score of one event: the mode's score, else the type's base."""
    return plover.score(event.get("type"), event.get("mode"))


def commitment_item(c: dict, today: str | None = None) -> dict:
    """A commitment as the tracker shows it: its group (due soon, overdue, ...) computed only from a
    deadline the text states with its year; otherwise the stored status and a note saying why."""
    today = today or date.today().isoformat()
    soon = (date.fromisoformat(today) + timedelta(days=DUE_SOON_DAYS)).isoformat()
    due_end, status = (c.get("due") or {}).get("end"), c.get("status") or "unknown"
    group = status
    if status == "open" and due_end and not is_uncertain(c.get("due")):
        group = "overdue" if due_end < today else "due_soon" if due_end <= soon else "open"
    return {**c, "group": group, "status_note": status_note(LinkedCommitment.from_json(c))}



# ---------------------------------------------------------------- home
def home(store) -> dict:
    counts = store.counts()
    events, _ = Q.list_events(store, limit=10)
    soon = (date.today() + timedelta(days=DUE_SOON_DAYS)).isoformat()
    due, _ = Q.list_commitments(store, status="open", due_before=soon, limit=10)
    return {"counts": counts, "latest_events": events, "due_soon": [commitment_item(c) for c in due],
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
def event_detail(store, event_id: str, lang: str = EN) -> dict | None:
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
    return {"event": event, "sentence": event_sentence(event, lang), "score": event_score(event),
            "sources": sources, "explanation": event.get("explanation")}


def row_sentence(event: dict, lang: str = EN) -> str:
    """A list row's event as a sentence: the row's own in English (stored with it), else worded."""
    return event["sentence"] if lang == EN and event.get("sentence") else event_sentence(event, lang)


def timeline_items(events: list[dict], lang: str = EN) -> list[dict]:
    """The dated events of a page (list rows, listed.listed_event) for the timeline: the row's
    sentence as label (in `lang`), the type for the colour."""
    items = []
    for e in events:
        d = e.get("date") or {}
        if not d.get("start"):
            continue
        items.append({"id": e["id"], "start": d["start"], "end": d.get("end"), "type": e["type"],
                      "content": row_sentence(e, lang), "doubts": date_doubts(d, lang)})
    return items


# ---------------------------------------------------------------- entities
def entity_detail(store, entity_id: str, lang: str = EN) -> dict | None:
    entity = Q.get_linked(store, "entity", entity_id)
    if entity is None:
        return None
    roles = sorted(entity.get("roles") or [], key=lambda r: (r.get("start") or "", r.get("end") or ""))
    return {"entity": entity, "aliases": entity.get("aliases") or [], "roles": roles,
            "events": Q.events_with_actor(store, entity_id),
            "quotes": Q.quotes_by_speaker(store, entity_id),
            "mentioned_in": mentioned_in(store, entity),
            "decisions": Q.decisions_for(store, entity_id),
            "offices": _office_timeline(store, entity), "why": why_one(store, entity, lang),
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
MAX_WHY_SENTENCES = 4


ROLE_REASON = re.compile(r"^role '([^']+)' by ")


def why_one(store, entity: dict, lang: str = EN) -> list[dict]:
    """The linker's explanation in plain words (in `lang`), each reason beside the sentences it
    rests on: a role beside the sentences naming it, the merge beside a sentence from each article
    merged. Which is which is read from the linker's own words, whatever the language shown."""
    out = []
    roles = entity.get("roles") or []
    for raw, reason in reasons(entity.get("explanation"), lang):
        title = m.group(1) if (m := ROLE_REASON.match(raw)) else None
        spans = [sp for r in roles if title and r.get("title") == title for sp in r.get("evidence") or []]
        if not spans and raw.startswith("merged "):
            firsts = {}
            for m in entity.get("mentions") or []:
                firsts.setdefault(m["doc_id"], m)
            spans = list(firsts.values())
        out.append({"reason": reason, "evidence": _sentences(store, spans[:MAX_WHY_SENTENCES])})
    return out


def _sentences(store, spans: list[dict]) -> list[dict]:
    """Each span widened to its sentence (or line), with the span's place in it for highlighting."""
    out = []
    for sp in spans:
        doc = Q.get_document(store, sp["doc_id"]) or {}
        text = doc.get("text") or ""
        if not 0 <= sp["start"] < sp["end"] <= len(text):
            continue
        a = max(text.rfind(". ", 0, sp["start"]) + 2, text.rfind("\n", 0, sp["start"]) + 1, 0)
        ends = [i for i in (text.find(". ", sp["end"]), text.find("\n", sp["end"])) if i >= 0]
        b = min(ends) + 1 if ends else len(text)
        out.append({"doc_id": sp["doc_id"], "title": doc.get("title"), "before": text[a:sp["start"]],
                    "mark": text[sp["start"]:sp["end"]], "after": text[sp["end"]:b]})
    return out


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
# The relations page and the dyad pages read the pairs-of-states summary the event writer keeps
# (store/dyads.py): a few thousand rows however many events, never every event.
GRAPH_EDGES = 200           # the heaviest pairs drawn (the page's slider shows up to 100)
RELATION_ROWS = 200         # pairs listed on the relations page; /dyads pages through all
MAP_POINTS = 2000           # located events on the map, newest first
DYAD_EVENTS = 200           # events listed on a pair's page, newest first; the rest one link away
MONTH_IDS = 25              # a barometer month names its events when it has at most this many


def dyads(store, country: str | None = None, limit: int | None = None, offset: int = 0,
          with_months: bool = False) -> tuple[list[dict], int]:
    """(pairs of states with their events, mean PLOVER score, types, trend and latest change point,
    most events first; how many pairs in all)."""
    return D.pairs(store, country.upper() if country else None, limit, offset, with_months)


def dyad_detail(store, a: str, b: str, lang: str = EN) -> dict:
    """A pair's barometer: the monthly series over all its events (each linked event once), change
    points, trend, and its newest events; each month links to the list of that month's events, and
    names them (exactly) when it has at most MONTH_IDS; any month's ids are one call away
    (`events_url`, /api/dyads/{pair}/{month})."""
    a, b = sorted((a.upper(), b.upper()))
    found = D.pair(store, a, b)
    page = Q.events_page(store, country=a, partner=b, limit=DYAD_EVENTS)
    events = page.items
    series = series_from_months(found["monthly"]) if found else []
    ids = month_ids(store, a, b, series, events)
    for point in series:
        point["events"] = ids.get(point["month"])
        point["events_url"] = f"/api/dyads/{a}-{b}/{point['month']}"
        point["link"] = month_link(a, b, point["month"])
    scores = [{"event_id": e["id"], "type": e["type"], "date": (e.get("date") or {}).get("start"),
               "date_full": e.get("date"), "score": event_score(e), "summary": e.get("summary"),
               "sentence": row_sentence(e, lang)} for e in events]
    return {"a": a, "b": b, "dyad": found, "events": events, "series": series,
            "change_points": change_points(series), "trend": trend(series), "scores": scores,
            "events_shown": len(events), "events_total": found["events"] if found else 0,
            "events_link": f"/events?country={a}&with={b}"}


def month_ids(store, a: str, b: str, series: list[dict], newest: list[dict]) -> dict[str, list[str]]:
    """month -> the ids of its events, for the months of at most MONTH_IDS events: from the newest
    events already listed where they hold the whole month (the tally says how many it has), else
    from the store, those months only (a big pair's thousands of ids stay one link away)."""
    listed: dict[str, list[str]] = defaultdict(list)
    for e in newest:
        if month := ((e.get("date") or {}).get("start") or "")[:7]:
            listed[month].append(e["id"])
    small = {p["month"]: p["n"] for p in series if p["n"] <= MONTH_IDS}
    out = {m: sorted(listed[m]) for m, n in small.items() if len(listed.get(m, ())) == n}
    missing = [m for m in small if m not in out]
    return {**out, **(D.month_event_ids(store, a, b, missing) if missing else {})}


def month_link(a: str, b: str, month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    last = (date(year + number // 12, number % 12 + 1, 1) - timedelta(days=1)).day
    return f"/events?country={a}&with={b}&from={month}-01&to={month}-{last:02d}"


def network(store) -> dict:
    """States as nodes (sized by their events), pairs of states as edges weighted by the number of
    events between them, heaviest first: the page shows the top N with a slider."""
    from liaison.gazetteer import country_name
    edges, _ = D.pairs(store, limit=GRAPH_EDGES)
    return {"nodes": [{"id": code, "label": country_name(code) or code, "kind": "country", "events": n}
                      for code, n in D.states(store)],
            "edges": [{"id": d["id"], "source": d["a"], "target": d["b"], "weight": d["events"]}
                      for d in edges]}


EGO_NODES = 40              # the people, bodies and states most often beside the person


def ego_network(store, entity_id: str) -> dict | None:
    """A person's (or a body's) ego network, for the page's "show network" button: the entity in
    the centre, the actors it shares events with and the states of its events around it; an edge's
    weight is the number of events they share, heaviest first, at most EGO_NODES neighbours."""
    from liaison.gazetteer import country_name
    entity = Q.get_linked(store, "entity", entity_id)
    if entity is None:
        return None
    events = Q.events_with_actor(store, entity_id)
    people: Counter = Counter()
    states: Counter = Counter()
    labels: dict[str, str] = {}
    for e in events:
        others = {a["entity_id"]: a for a in e.get("actors") or []
                  if a.get("entity_id") not in (None, entity_id)}
        for other_id, a in others.items():
            people[other_id] += 1
            labels[other_id] = a.get("name") + (f" ({a['country']})" if a.get("country") else "")
        states.update(set(e.get("countries") or []))
    around = sorted([(n, "actor", k) for k, n in people.items()] +
                    [(n, "country", c) for c, n in states.items()], key=lambda x: (-x[0], x[2]))[:EGO_NODES]
    nodes = [{"id": entity_id, "label": entity["name"], "kind": entity["kind"], "events": len(events)}]
    nodes += [{"id": key, "label": labels.get(key) or country_name(key) or key, "kind": kind, "events": n}
              for n, kind, key in around]
    edges = [{"id": f"{entity_id}-{key}", "source": entity_id, "target": key, "weight": n}
             for n, _, key in around]
    return {"nodes": nodes, "edges": edges, "events": len(events)}


def map_data(store) -> dict:
    """Per-country event counts and the newest located events, for the offline map."""
    per_country = dict(D.states(store))
    points = [{"id": e["id"], "lat": e["location"]["lat"], "lon": e["location"]["lon"], "type": e["type"],
               "name": e["location"].get("name"), "summary": e.get("summary")}
              for e in Q.located_events(store, MAP_POINTS)]
    return {"countries": per_country, "events": points, "numeric": _numeric_codes(per_country)}


def _numeric_codes(codes) -> dict[str, str]:
    """ISO numeric -> alpha-3 for the countries shown: world-atlas shapes are keyed by numeric code."""
    import pycountry
    out = {}
    for code in codes:
        found = pycountry.countries.get(alpha_3=code)
        if found is not None:
            out[found.numeric] = code
    return out
