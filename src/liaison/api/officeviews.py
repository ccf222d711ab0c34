"""View models of office holders: who held which office of a state on a date, bare mentions
resolved, and a person's role timeline (link/offices.py has the rules)."""
from __future__ import annotations

from liaison.link.offices import (
    Term,
    attach_entities,
    holders,
    office_state,
    resolve,
    terms_from_attestations,
    terms_of_summaries,
    timeline,
)
from liaison.store import offices as O


def _curated(store, settings=None) -> list[Term]:
    rows = O.curated_rows(store, getattr(settings, "offices_tsv", None))
    return [Term(r["office"], r["country"], r["person"], None, r["start"], r["end"], "curated",
                 [], r.get("source")) for r in rows]


def state_terms(store, country: str, settings=None) -> list[Term]:
    """Curated and learned terms of one state's offices: the learned ones summed up from the
    attestations the store keeps (office_attestations), of people of that state or of none, without
    their evidence (with_evidence adds it to the holders)."""
    curated = [t for t in _curated(store, settings) if (t.country or "") == country.upper()]
    if curated:         # only then are the people's names needed
        attach_entities(curated, O.person_names(store, country))
    return curated + terms_of_summaries(O.learned_of_state(store, country))


def with_evidence(store, row: dict) -> dict:
    """A holder's row with the articles attesting them in that office (a curated holder: those of
    the entity it links to), as link/offices.holder_of gives it when terms carry their evidence."""
    if row.get("status") != "held" or row.get("evidence") or not row.get("entity_id"):
        return row
    return {**row, "evidence": O.evidence_of(store, row["entity_id"], row["office"], row["country"])}


def offices_on(store, country: str, day: str, settings=None) -> dict:
    items = [with_evidence(store, r) for r in holders(state_terms(store, country, settings), country, day)]
    return {"country": country.upper(), "date": day, "items": items, "total": len(items)}


def resolve_mention(store, phrase: str, lang: str, country: str | None, day: str, settings=None) -> dict:
    _, state = office_state(phrase, lang, country)
    return with_evidence(store, resolve(phrase, lang, country, day,
                                        state_terms(store, state, settings) if state else []))


def person_timeline(store, entity: dict, settings=None) -> list[dict]:
    """The offices of one person: learned from the articles calling them so, plus curated terms
    naming them."""
    if entity.get("kind") != "person":
        return []
    curated = _curated(store, settings)
    attach_entities(curated, [entity])
    learned = terms_from_attestations(O.attestations_of_person(store, entity["id"]))
    return timeline(curated + learned, entity["id"])
