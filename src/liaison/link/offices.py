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

STALE_DAYS = 365
SENTENCE_ENDS = ".!?\n"


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
    from liaison.understand.titles import lexicon
    out: set[str] = set()
    for lang in lexicons.languages():
        lex = lexicon(lang)
        out |= lex.generic | lex.not_offices
    return frozenset(out)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (cut at . ! ? or a line break)."""
    a = max(text.rfind(c, 0, start) for c in SENTENCE_ENDS) + 1
    ends = [i for i in (text.find(c, end) for c in SENTENCE_ENDS) if i >= 0]
    b = min(ends) + 1 if ends else len(text)
    return text[a:b].strip()


def learned_terms(entities: list[dict], documents: dict[str, dict]) -> list[Term]:
    """One term per (person, office, state) from the people's roles and their articles' dates.

    `documents`: doc_id -> {"published", "text"} (text optional: the sentence is then left out)."""
    skip = not_single_offices()
    terms: dict[tuple, Term] = {}
    for entity in entities:
        if entity.get("kind") != "person":
            continue
        for role in entity.get("roles") or []:
            title, country = role.get("title"), role.get("country") or entity.get("country")
            if not title or title in skip or not country:
                continue
            for sp in role.get("evidence") or []:
                doc = documents.get(sp.get("doc_id")) or {}
                days = _attested_days(role, doc.get("published"))
                if not days:
                    continue            # an undated article with no stated term dates nothing
                day = doc.get("published") or days[0]
                key = (entity["id"], title, country)
                term = terms.setdefault(key, Term(title, country, entity["name"], entity["id"], days[0],
                                                  days[-1], "learned"))
                term.start, term.end = min(term.start, days[0]), max(term.end, days[-1])
                term.ended = bool(role.get("end")) and term.end == role["end"][:10]
                text = doc.get("text") or ""
                said = sentence_around(text, sp["start"], sp["end"]) if text else None
                term.evidence.append({"doc_id": sp["doc_id"], "published": day, "text": sp.get("text"),
                                      "sentence": said})
    for term in terms.values():
        term.evidence.sort(key=lambda e: (e["published"], e["doc_id"]))
    return list(terms.values())


def _attested_days(role: dict, published: str | None) -> list[str]:
    """The days a role is evidence for: its stated start and end ("appointed on 1 October 2025"),
    and the article's date unless the role had ended by then (a former office)."""
    days = [d for d in (role.get("start"), role.get("end")) if d]
    if published and not role.get("end"):
        days.append(published)
    return sorted(d[:10] for d in days)


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
    if _days(last.end, day) > STALE_DAYS:
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


def _days(a: str, b: str) -> int:
    return (Date.fromisoformat(b[:10]) - Date.fromisoformat(a[:10])).days


def timeline(terms: list[Term], entity_id: str) -> list[dict]:
    """A person's offices in time order, for the role timeline on their page."""
    mine = [t for t in terms if t.entity_id == entity_id]
    return [t.to_json() for t in sorted(mine, key=lambda t: (t.start or "", t.office))]


def resolve(phrase: str, lang: str, country: str | None, day: str, terms: list[Term]) -> dict:
    """A bare office mention ("the Home Secretary", "le ministre de l'Intérieur") -> its holder on
    `day`, or an abstention with the reason. The state is the title's own (only the UK has a Home
    Secretary), else `country` (the article's state, given by the caller)."""
    from liaison.understand.titles import find_titles
    found = find_titles(phrase, lang)
    if not found:
        return {"phrase": phrase, "status": "none", "holder": None, "reason": "no office title in the phrase"}
    title = found[0]
    state = title.country or (country or "").upper() or None
    if title.title in not_single_offices():
        return {"phrase": phrase, "office": title.title, "status": "none", "holder": None,
                "reason": f"{title.title!r} names no one office: abstained"}
    if not state:
        return {"phrase": phrase, "office": title.title, "status": "none", "holder": None,
                "reason": "the state of the office is not known: abstained"}
    mine = [t for t in terms if t.office == title.title and (t.country or "") == state]
    return {"phrase": phrase, **holder_of(title.title, state, day, mine)}
