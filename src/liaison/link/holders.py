"""Actors named by their office only, resolved to the holder on the article's date.

An event report may carry office mentions ("the Home Secretary", extract/offices.py). Once the corpus
is linked, the people's titled roles and their articles' dates say who held which office when
(link/offices.py, the rules `/api/offices/resolve` follows), plus the curated terms. A mention
becomes an actor only when that gives one holder; the actor and the event's explanation say where
it came from. It abstains (and says why in the explanation) when two holders are possible, nobody
was attested near the date, the article has no date or the event's year is not stated. A named
actor is never replaced: a holder already among the actors is left as named.
"""
from __future__ import annotations

from collections import defaultdict

from liaison.link.offices import (
    Term,
    attach_entities,
    attestations,
    days_between,
    holder_of,
    terms_from_attestations,
)

NEAR_DAYS = 90      # "latest" holder: last attested at most this long before (a term may end unseen)


def day_of_report(payload: dict) -> tuple[str | None, str]:
    """The day an office mention of one report is read on: the act's day when the text states it
    ('the Interior Minister signed it on 3 May 2019', in an article of 2025, names the holder of
    2019), else the article's date; None with the reason when there is none or the event's own date
    leaves its year open."""
    date = payload.get("date") or {}
    if date.get("year_unstated"):
        return None, "the event's year is not stated"
    if date.get("basis") == "stated" and date.get("precision") == "day" and date.get("start"):
        return date["start"][:10], ""
    published = (payload.get("published") or "")[:10]
    return (published, "") if published else (None, "the article has no date")


def dated_offices(rows: list[dict]) -> list[dict]:
    """Event fact rows whose office mentions know the day they are read on (merging mixes reports)."""
    out = []
    for row in rows:
        offices = row["payload"].get("offices")
        if offices:
            day, why = day_of_report(row["payload"])
            dated = [{**o, "doc_id": o.get("doc_id") or row["doc_id"], "day": day, "why": why}
                     for o in offices]
            row = {**row, "payload": {**row["payload"], "offices": dated}}
        out.append(row)
    return out


def office_terms(entities: list[dict], published: dict[str, str | None], curated: list[dict]) -> list[Term]:
    """Curated terms and the terms learned from the linked people's roles (per person and office)."""
    documents = {d: {"published": p} for d, p in published.items()}
    rows = [r for r in attestations(entities, documents)
            if r["entity_country"] in (None, r["country"])]      # as the store's learned_of_state
    terms = [Term(r["office"], r["country"], r["person"], None, r.get("start"),
                  r.get("end"), "curated", [], r.get("source")) for r in curated]
    attach_entities(terms, entities)
    return terms + terms_from_attestations(rows)


def resolve_offices(events: list[dict], terms: list[Term]) -> None:
    """Each event's office mentions -> actors (one holder) or a stated abstention; the mentions go."""
    by_office: dict[tuple[str, str], list[Term]] = defaultdict(list)
    for t in terms:
        by_office[(t.office, t.country or "")].append(t)
    for event in events:
        notes = [_resolve_one(event, o, by_office) for o in event.pop("offices", None) or []]
        notes = list(dict.fromkeys(n for n in notes if n))
        if notes:
            event["explanation"] = f"{event.get('explanation') or ''}; {'; '.join(notes)}"


def _resolve_one(event: dict, office: dict, by_office: dict[tuple[str, str], list[Term]]) -> str:
    what = f"{office['title']} ({office['country']})"
    if not office.get("day"):
        return f"office {what} not resolved: {office.get('why')}"
    day = office["day"]
    key = (office["title"], office["country"])
    row = holder_of(*key, day, by_office.get(key, []))
    if row["status"] != "held":
        return f"office {what} not resolved on {day}: {row['reason']}"
    if row["basis"] == "latest" and days_between(row["term"]["end"], day) > NEAR_DAYS:
        return f"office {what} not resolved on {day}: last attested {row['term']['end']}, abstained"
    if not row["entity_id"]:
        return f"office {what} not resolved on {day}: {row['holder']} is no person of the corpus"
    if any(a.get("entity_id") == row["entity_id"] for a in event.get("actors", [])):
        return ""                   # already named: the named actor stands
    n = len(row["evidence"])
    how = f"from {n} attestation{'s' * (n != 1)}" if row["basis"] != "curated" else "from a curated term"
    note = f"resolved from office: {what} held by {row['holder']} on {day}, {how}"
    event.setdefault("actors", []).append(
        {"entity_id": row["entity_id"], "name": row["holder"], "role": office["title"],
         "country": office["country"], "side": office.get("side") or "participant", "resolved_from": note})
    return note
