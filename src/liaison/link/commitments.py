"""Commitments, figures and quotes across the corpus; commitment status from later events.

status: `fulfilled` when a later event in the store carries the promise out (same states, an
event type that realises the promised act, dated after the promise and by the deadline);
`overdue` when the deadline has passed and nothing fulfils it — unless the deadline's year is not
stated in the text or the deadline was inferred, then `unknown` with a note saying why; else `open`
(or `unknown` without a deadline and without a date to reckon from).
"""
from __future__ import annotations

import datetime as dt

from liaison import plover
from liaison.folding import fold
from liaison.records import parse_day


def simple_records(rows: list[dict], key_to_id: dict, duplicates: dict[str, str],
                   names: dict[str, str] | None = None) -> list[dict]:
    """One record per fact; a near-copy's fact with the same evidence text joins the original's."""
    out, by_text = [], {}
    for row in sorted(rows, key=lambda r: (r["doc_id"] in duplicates, r["doc_id"], r["id"])):
        p = dict(row["payload"])
        for field in ("actor", "speaker"):
            if p.get(field):
                entity_id = key_to_id.get((row["doc_id"], p[field].get("entity_id")),
                                          p[field].get("entity_id"))
                p[field] = {**p[field], "entity_id": entity_id,
                            "name": (names or {}).get(entity_id, p[field].get("name"))}
        text = " ".join(e["text"] for e in p.get("evidence", []))
        orig = duplicates.get(row["doc_id"])
        if orig and (orig, text) in by_text:
            by_text[(orig, text)]["sources"].append(row["doc_id"])
            continue
        p["id"] = row["id"][:16]
        p["sources"] = [row["doc_id"]]
        by_text[(row["doc_id"], text)] = p
        out.append(p)
    return out


def link_commitments(commitments: list[dict], events: list[dict], today: dt.date | None = None) -> list[dict]:
    today = today or dt.date.today()
    for c in commitments:
        fulfilling = _fulfilling_event(c, events)
        due = c.get("due") or {}
        due_end = parse_day(due.get("end"))
        if fulfilling:
            c["status"], c["fulfilled_by"] = "fulfilled", fulfilling["id"]
        elif due_end and due_end < today and not _uncertain(due):
            c["status"] = "overdue"
        elif due_end and due_end < today:
            # a deadline whose year the text does not give, or that was inferred, cannot be overdue
            c["status"] = "unknown"
            c["status_note"] = "deadline passed only if its guessed year is right: year not stated"
        elif due_end:
            c["status"] = "open"
        else:
            c["status"] = "open" if c.get("published") else "unknown"
        c.pop("published", None)
    return commitments


def _uncertain(due: dict) -> bool:
    return bool(due.get("year_unstated")) or due.get("basis") == "inferred"


def _content_words(texts) -> set[str]:
    """Folded words that say what is done ("liaison", "officer", "repatriation"): long enough to carry
    meaning, and not state names, which every event between the same states shares."""
    from liaison.gazetteer import lookup_country
    return {w for t in texts for w in fold(t).split() if len(w) > 4 and not lookup_country(w)}


def _fulfilling_event(c: dict, events: list[dict]) -> dict | None:
    """A later realising event between the promised states whose evidence shares the promise's words."""
    made = parse_day(c.get("published"))
    due = parse_day((c.get("due") or {}).get("end"))
    want = set(c.get("countries") or [])
    if not made or not want:
        return None
    promised = _content_words([c.get("action") or " ".join(e.get("text", "") for e in c.get("evidence", []))])
    for e in events:
        start = parse_day((e.get("date") or {}).get("start"))
        if not plover.realises_commitments(e["type"]) or not start or start <= made or (due and start > due):
            continue
        if not want <= set(e.get("countries") or []):
            continue
        done = _content_words([e.get("summary", "")] + [ev.get("text", "") for ev in e.get("evidence", [])])
        if len(promised & done) >= 2:
            return e
    return None
