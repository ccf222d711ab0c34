"""View models of office holders: who held which office of a state on a date, bare mentions
resolved, and a person's role timeline (link/offices.py has the rules)."""
from __future__ import annotations

from pathlib import Path

from liaison.folding import fold
from liaison.link.offices import Term, holders, learned_terms, resolve, timeline
from liaison.store import offices as O


def _curated(store, settings=None) -> list[Term]:
    rows = O.curated_terms(store)
    path = getattr(settings, "offices_tsv", None)
    if path:
        rows += O.read_terms_tsv(Path(path))
    return [Term(r["office"], r["country"], r["person"], None, r["start"], r["end"], "curated",
                 [], r.get("source")) for r in rows]


def _learned(store, people: list[dict]) -> list[Term]:
    doc_ids = {sp["doc_id"] for e in people for r in e.get("roles") or [] for sp in r.get("evidence") or []}
    return learned_terms(people, O.document_dates(store, doc_ids))


def all_terms(store, settings=None, country: str | None = None) -> list[Term]:
    """Curated and learned terms; with `country`, learned from the people of that state (or of
    none) only."""
    people = O.persons(store, country)
    curated = _curated(store, settings)
    _attach_entities(curated, people)
    return curated + _learned(store, people)


def _attach_entities(curated: list[Term], people: list[dict]) -> None:
    """A curated person named like a person entity (any alias, same state) links to that entity."""
    by_name: dict[tuple, str] = {}
    for e in people:
        for name in [e["name"], *(e.get("aliases") or [])]:
            by_name.setdefault((fold(name), e.get("country")), e["id"])
    for t in curated:
        t.entity_id = by_name.get((fold(t.person), t.country))


def offices_on(store, country: str, day: str, settings=None) -> dict:
    items = holders(all_terms(store, settings, country), country, day)
    return {"country": country.upper(), "date": day, "items": items, "total": len(items)}


def resolve_mention(store, phrase: str, lang: str, country: str | None, day: str, settings=None) -> dict:
    return resolve(phrase, lang, country, day, all_terms(store, settings, country))


def person_timeline(store, entity: dict, settings=None) -> list[dict]:
    """The offices of one person: learned from their mentions, plus curated terms naming them."""
    if entity.get("kind") != "person":
        return []
    curated = _curated(store, settings)
    _attach_entities(curated, [entity])
    return timeline(curated + _learned(store, [entity]), entity["id"])
