"""Who held which office when, learned from the corpus itself, plus curated terms.

An attestation is one article calling a person by an office of a state ("Home Secretary Yvette
Cooper", "le ministre de l'Intérieur Laurent Nuñez"): the person entity's role (canonical English
title, the state) and the article's publication date. A learned term is a person's attestations of
one office, from the first to the last date seen. Curated terms (a TSV: office, country, person,
start, end, source) are stated, not inferred, and win where they cover the date.

Only offices one person holds at a time are learned: titles a lexicon marks `generic` ("Minister",
"President", "Advisor": no office in particular) or not an office ("Journalist") are left out.

Holder on a date (per office and state), in this order:
1. curated terms covering the date: one person -> that holder; several -> ambiguous;
2. learned terms whose [first, last] span covers the date: one person -> holder; several -> ambiguous;
3. otherwise the person last attested before the date, when nobody else was attested for that
   office after them and before the date, and not more than STALE_DAYS before it ("latest").
Anything else abstains: no holder is better than a guessed one.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from typing import TYPE_CHECKING

from liaison.attestations import attestations

if TYPE_CHECKING:
    from liaison.understand.titles import TitleMatch

STALE_DAYS = 365


@dataclass
class Term:
    office: str
    country: str | None
    person: str                     # display name
    entity_id: str | None
    start: str | None
    end: str | None
    basis: str                      # "curated" | "learned"
    evidence: list[dict] = field(default_factory=list)      # {doc_id, published, text, sentence}
    source: str | None = None
    ended: bool = False             # an end was stated ("former", "until"): not carried past it

    def covers(self, day: str) -> bool:
        return (self.start or "0000") <= day <= (self.end or "9999")

    def to_json(self) -> dict:
        return {"office": self.office, "country": self.country, "person": self.person,
                "entity_id": self.entity_id, "start": self.start, "end": self.end, "basis": self.basis,
                "source": self.source, "evidence": self.evidence}


@lru_cache(maxsize=1)
def not_single_offices() -> frozenset[str]:
    """Titles naming no one office, across every language's titles lexicon."""
    from liaison import lexicon as lexicons
    from liaison.understand.titles import not_single_office_titles
    out: set[str] = set()
    for lang in lexicons.languages():
        out |= not_single_office_titles(lang)
    return frozenset(out)


def learned_terms(entities: list[dict], documents: dict[str, dict]) -> list[Term]:
    """One term per (person, office, state) from the people's roles and their articles' dates.

    `documents`: doc_id -> {"published", "text"} (text optional: the sentence is then left out)."""
    return terms_from_attestations(attestations(entities, documents))


def terms_from_attestations(rows) -> list[Term]:
    """The learned terms of attestation rows (in person order): from the first to the last day
    attested, ended when that last day is a stated end of the role."""
    skip = not_single_offices()
    terms: dict[tuple, Term] = {}
    ends: dict[tuple, set] = defaultdict(set)
    for row in rows:
        if row["office"] in skip:
            continue
        key = (row["entity_id"], row["office"], row["country"])
        term = terms.get(key)
        if term is None:
            term = terms[key] = Term(row["office"], row["country"], row["person"], row["entity_id"],
                                     row["first_day"], row["last_day"], "learned")
        term.start, term.end = min(term.start, row["first_day"]), max(term.end, row["last_day"])
        ends[key].add(row["ended_on"])
        term.evidence.append({"doc_id": row["doc_id"], "published": row["published"], "text": row["text"],
                              "sentence": row["sentence"]})
    for key, term in terms.items():
        term.ended = term.end in ends[key]
        term.evidence.sort(key=lambda e: (e["published"], e["doc_id"]))
    return list(terms.values())


def terms_of_summaries(rows) -> list[Term]:
    """Learned terms from per-(person, office) summaries (first and last day, latest stated end),
    their evidence left to be fetched for the holders only."""
    skip = not_single_offices()
    return [Term(r["office"], r["country"], r["person"], r["entity_id"], r["start"], r["end"], "learned",
                 ended=r["ended_on"] == r["end"]) for r in rows if r["office"] not in skip]


def attach_entities(curated: list[Term], people: list[dict]) -> None:
    """A curated person named like a person entity (any alias) links to it: one of the term's state
    first, else one whose state no article gave. The one rule of the office pages and of linking."""
    from liaison.folding import fold
    index: dict[tuple, str] = {}
    for e in people:
        if e.get("kind", "person") == "person":
            for name in [e["name"], *(e.get("aliases") or [])]:
                index.setdefault((fold(name), e.get("country")), e["id"])
    for t in curated:
        t.entity_id = index.get((fold(t.person), t.country)) or index.get((fold(t.person), None))


def holders(terms: list[Term], country: str, day: str) -> list[dict]:
    """Who held each office of `country` on `day` (ISO): one row per office, holder or abstention."""
    by_office: dict[str, list[Term]] = defaultdict(list)
    for t in terms:
        if (t.country or "").upper() == country.upper():
            by_office[t.office].append(t)
    rows = [holder_of(office, country.upper(), day, found) for office, found in sorted(by_office.items())]
    return [r for r in rows if r["status"] != "none"]


def holder_of(office: str, country: str, day: str, terms: list[Term]) -> dict:
    """The holder of one office on `day` with the reason, or an abstention saying why."""
    row = {"office": office, "country": country, "date": day, "holder": None, "entity_id": None,
           "status": "none", "basis": None, "reason": "", "candidates": [], "evidence": []}
    for basis in ("curated", "learned"):
        covering = [t for t in terms if t.basis == basis and t.covers(day)]
        people = {_who(t) for t in covering}
        if len(people) == 1 and basis == "curated":       # the articles that agree, as evidence
            seen = [t for t in terms if t.basis == "learned" and _who(t) == _who(covering[0])]
            covering[0].evidence = covering[0].evidence or [e for t in seen for e in t.evidence]
        if len(people) == 1:
            return _held(row, covering[0], basis, f"{basis} term {covering[0].start or '?'} – "
                                                  f"{covering[0].end or '…'} covers {day}")
        if len(people) > 1:
            return {**row, "status": "ambiguous", "candidates": sorted(t.person for t in covering),
                    "reason": f"{len(people)} people's {basis} terms cover {day}: abstained"}
    before = sorted((t for t in terms if t.basis == "learned" and t.end and t.end < day), key=lambda t: t.end)
    if before and before[-1].ended:
        last = before[-1]
        return {**row, "status": "unknown", "candidates": [last.person],
                "reason": f"{last.person}'s term ended {last.end}; no later holder known: abstained"}
    if not before:
        return {**row, "reason": f"nobody attested in this office on or before {day}: abstained"}
    last = before[-1]
    if days_between(last.end, day) > STALE_DAYS:
        return {**row, "status": "unknown", "candidates": [last.person],
                "reason": f"last attested {last.end}, more than {STALE_DAYS} days before {day}: abstained"}
    return _held(row, last, "latest", f"last attested {last.end}; nobody else attested since")


def _held(row: dict, term: Term, basis: str, reason: str) -> dict:
    return {**row, "holder": term.person, "entity_id": term.entity_id, "status": "held", "basis": basis,
            "reason": reason, "term": {"start": term.start, "end": term.end, "source": term.source},
            "evidence": term.evidence}


def _who(term: Term) -> str:
    from liaison.folding import fold
    return term.entity_id or fold(term.person)


def days_between(a: str, b: str) -> int:
    return (Date.fromisoformat(b[:10]) - Date.fromisoformat(a[:10])).days


def timeline(terms: list[Term], entity_id: str) -> list[dict]:
    """A person's offices in time order, for the role timeline on their page."""
    mine = [t for t in terms if t.entity_id == entity_id]
    return [t.to_json() for t in sorted(mine, key=lambda t: (t.start or "", t.office))]


def office_state(phrase: str, lang: str, country: str | None) -> tuple[TitleMatch | None, str | None]:
    """(the office title a bare mention names, its state): the title's own state (only the UK has
    a Home Secretary), else `country` (the article's state, given by the caller)."""
    from liaison.understand.titles import find_titles
    found = find_titles(phrase, lang)
    if not found:
        return None, None
    return found[0], found[0].country or (country or "").upper() or None


def resolve(phrase: str, lang: str, country: str | None, day: str, terms: list[Term]) -> dict:
    """A bare office mention ("the Home Secretary", "le ministre de l'Intérieur") -> its holder on
    `day`, or an abstention with the reason; the state as office_state says."""
    title, state = office_state(phrase, lang, country)
    if title is None:
        return {"phrase": phrase, "status": "none", "holder": None, "reason": "no office title in the phrase"}
    if title.title in not_single_offices():
        return {"phrase": phrase, "office": title.title, "status": "none", "holder": None,
                "reason": f"{title.title!r} names no one office: abstained"}
    if not state:
        return {"phrase": phrase, "office": title.title, "status": "none", "holder": None,
                "reason": "the state of the office is not known: abstained"}
    mine = [t for t in terms if t.office == title.title and (t.country or "") == state]
    return {"phrase": phrase, **holder_of(title.title, state, day, mine)}
