"""Link the corpus: per-document facts in, linked records out (pure; the runner reads and writes).

`link_records` is the one call the runner makes; it sees the whole corpus each time. An
incremental linker would take the stored linked view plus the facts of the new documents and
return the records to replace (see the runner's `link_corpus`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from liaison.link.commitments import link_commitments, simple_records
from liaison.link.entities import resolve_entities
from liaison.link.events import merge_events
from liaison.link.holders import dated_offices, office_terms, resolve_offices

KINDS = ("entity", "event", "commitment", "figure", "quote")


@dataclass(frozen=True)
class LinkInput:
    """Everything linking reads: fact rows by kind (dicts with doc_id and payload, in doc_id then
    id order), near-duplicate map, analyst decisions, and how explanations name a document."""
    facts: dict[str, list[dict]]
    duplicates: dict[str, str] = field(default_factory=dict)
    decisions: list[dict] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    published: dict[str, str | None] = field(default_factory=dict)    # doc_id -> day, for office terms
    curated_offices: list[dict] = field(default_factory=list)          # office_terms rows (TSV shape)


def link_records(given: LinkInput) -> dict[str, list[dict]]:
    """Linked records by kind (SCHEMA.md shapes): one entity per real person or body, one event per
    real event, commitments with their status, figures and quotes with corpus entity ids."""
    facts = {kind: given.facts.get(kind, []) for kind in KINDS}
    entities, key_to_id = resolve_entities(facts["entity"], given.decisions)
    names = {e["id"]: e["name"] for e in entities}
    states = {e["id"]: e["country"] for e in entities if e.get("kind") == "person" and e.get("country")}
    guessed = frozenset((r["doc_id"], r["payload"]["key"]) for r in facts["entity"]
                        if r["payload"].get("country_inferred"))
    events = merge_events(dated_offices(facts["event"]), key_to_id, given.duplicates, given.labels, names,
                          states, guessed)
    resolve_offices(events, office_terms(entities, _published(given), given.curated_offices))
    commitments = link_commitments(simple_records(facts["commitment"], key_to_id, given.duplicates, names),
                                   events)
    return {"entity": entities, "event": events, "commitment": commitments,
            "figure": simple_records(facts["figure"], key_to_id, given.duplicates, names),
            "quote": simple_records(facts["quote"], key_to_id, given.duplicates, names)}


def _published(given: LinkInput) -> dict[str, str | None]:
    """Each document's day: as the runner gives it, else as its event reports say (hand-built input)."""
    days = {r["doc_id"]: r["payload"].get("published") for r in given.facts.get("event", [])}
    return {**days, **given.published}
