"""Cross-document event merging: one event per real event, with every source and its evidence.

Two event reports from different documents are the same event when (all must hold):
- the same PLOVER type;
- compatible dates: overlapping (one day of slack), or one of them undated — then the two must
  name the same states and, when both give a place, the same place;
- overlapping states (Jaccard >= 0.5), and
- a shared participant (same linked entity) or the same location.
A second pass joins reports that each document gives once (same type, overlapping dates, same
states) when the two documents already share a merged event: the same occasion told by both
(a meeting and the signature that closed it). Text similarity alone never merges. Reports inside
one document are kept apart: the extractor already decided they differ. A near-duplicate document
adds its id to the sources of what it reports, never a second record.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict

from liaison.records import PRECISIONS, parse_day


def dates_compatible(a: dict | None, b: dict | None, slack: int = 1) -> bool:
    if not a or not b:
        return True
    a0, a1 = parse_day(a.get("start")), parse_day(a.get("end"))
    b0, b1 = parse_day(b.get("start")), parse_day(b.get("end"))
    if None in (a0, a1, b0, b1):
        return True
    if a.get("year_unstated") or b.get("year_unstated"):
        return (a0.month, a0.day) == (b0.month, b0.day)
    gap = dt.timedelta(days=slack)
    return a0 <= b1 + gap and b0 <= a1 + gap


def countries_overlap(a: list, b: list) -> bool:
    sa, sb = set(a or []), set(b or [])
    if not sa or not sb:
        return not sa and not sb
    return len(sa & sb) / len(sa | sb) >= 0.5


def _participants(event: dict) -> set[str]:
    return {a["entity_id"] for a in event.get("actors", []) if a.get("entity_id")}


def same_event(a: dict, b: dict) -> str | None:
    """The reason two reports are one event, or None."""
    if a["type"] != b["type"] or not dates_compatible(a.get("date"), b.get("date")):
        return None
    if not countries_overlap(a.get("countries"), b.get("countries")):
        return None
    la, lb = (a.get("location") or {}).get("name"), (b.get("location") or {}).get("name")
    # an undated report could be any meeting of the same people: it must name the same states
    # and, when both say where, the same place
    if not (a.get("date") and b.get("date")) and (
            set(a.get("countries") or []) != set(b.get("countries") or []) or (la and lb and la != lb)):
        return None
    shared = _participants(a) & _participants(b)
    if shared:
        return f"same type {a['type']}, compatible dates, same states, shared participants"
    if la and la == lb and (a.get("date") or b.get("date")):
        return f"same type {a['type']}, compatible dates, same states, same place {la}"
    return None


def _localise(row: dict, key_to_id: dict, names: dict[str, str]) -> dict:
    """Document-local actor keys -> corpus entity ids and their canonical names."""
    p = dict(row["payload"])
    actors = []
    for a in p.get("actors", []):
        entity_id = key_to_id.get((row["doc_id"], a.get("entity_id")), a.get("entity_id"))
        actors.append({**a, "entity_id": entity_id, "name": names.get(entity_id, a.get("name"))})
    p["actors"] = actors
    p["sources"] = [row["doc_id"]]
    p["fact_ids"] = [row["id"]]
    return p


def merge_events(rows: list[dict], key_to_id: dict, duplicates: dict[str, str],
                 labels: dict[str, str] | None = None, names: dict[str, str] | None = None) -> list[dict]:
    merged: list[dict] = []
    by_type: dict[str, list[dict]] = defaultdict(list)     # only same-type reports can merge
    for row in sorted(rows, key=lambda r: (r["doc_id"] in duplicates, r["doc_id"], r["id"])):
        event = _localise(row, key_to_id, names or {})
        doc = row["doc_id"]
        target = None
        for cand in by_type[event["type"]]:
            if doc in cand["sources"]:
                continue
            if duplicates.get(doc) in cand["sources"] or (reason := same_event(cand, event)):
                target = cand
                break
        if target is None:
            if doc in duplicates:
                continue            # a near-copy reports nothing its original did not
            merged.append(event)
            by_type[event["type"]].append(event)
            continue
        _absorb(target, event, "near-duplicate of a source" if duplicates.get(doc) in target["sources"]
                else reason, (labels or {}).get(doc, doc))
    merged = _join_same_occasion(merged, labels or {})
    for e in merged:
        e["id"] = hashlib.sha256("|".join(sorted(e["fact_ids"])).encode()).hexdigest()[:16]
        e.pop("fact_ids", None)
        e.pop("published", None)
    return merged


def _finer(new: dict | None, old: dict | None) -> bool:
    """Is `new` a better date than `old`: present, with a stated year, then a finer precision?"""
    if not new:
        return False
    if not old:
        return True
    def rank(d: dict) -> tuple[bool, int]:
        p = d.get("precision")
        return (bool(d.get("year_unstated")), PRECISIONS.index(p) if p in PRECISIONS else 9)
    return rank(new) < rank(old)


def _absorb(target: dict, event: dict, reason: str, label: str) -> None:
    target["sources"].append(event["sources"][0])
    target["fact_ids"].extend(event["fact_ids"])
    target["evidence"] = target["evidence"] + event["evidence"]
    if _finer(event.get("date"), target.get("date")):
        target["date"] = event["date"]      # a missing or vaguer date is filled from the other report
    if not target.get("location") and event.get("location"):
        target["location"] = event["location"]
    known = {a.get("entity_id") for a in target["actors"]}
    target["actors"] += [a for a in event["actors"] if a.get("entity_id") not in known]
    target["contexts"] = sorted(set(target.get("contexts", [])) | set(event.get("contexts", [])))
    target["confidence"] = round(min(1.0, max(target["confidence"], event["confidence"]) + 0.05), 3)
    target["explanation"] = (f"{target['explanation']} | merged with the report of {label} "
                             f"[{event['sources'][0][:8]}]: {reason}")


def _join_same_occasion(merged: list[dict], labels: dict[str, str]) -> list[dict]:
    shared = sorted({tuple(sorted((a, b))) for e in merged for a in e["sources"] for b in e["sources"]
                     if a != b})
    # doc -> type -> reports
    singles: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for e in merged:
        if len(e["sources"]) == 1:
            singles[e["sources"][0]][e["type"]].append(e)
    absorbed: set[int] = set()
    for doc_a, doc_b in shared:
        for type_, group in singles[doc_a].items():
            for a in group:
                for b in singles[doc_b].get(type_, []):
                    if id(a) in absorbed or id(b) in absorbed or not _same_occasion(a, b, singles):
                        continue
                    _absorb(a, b, f"same type {type_}, same dates and states, the only such report of two "
                                  "documents that tell the same occasion", labels.get(doc_b, doc_b))
                    absorbed.add(id(b))
    return [e for e in merged if id(e) not in absorbed]


def _same_occasion(a: dict, b: dict, singles) -> bool:
    def unique_in_doc(e: dict) -> bool:
        return sum(1 for o in singles[e["sources"][0]][e["type"]]
                   if countries_overlap(o.get("countries"), e.get("countries"))) == 1
    return bool(a.get("date") and b.get("date") and dates_compatible(a["date"], b["date"])
                and countries_overlap(a.get("countries"), b.get("countries"))
                and unique_in_doc(a) and unique_in_doc(b))
