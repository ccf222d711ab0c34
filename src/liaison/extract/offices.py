"""Actors named by their office only: "the Home Secretary met his French counterpart", "le ministre
français de l'Intérieur s'est rendu à Rabat".

Such a title stands for a person the article never names, so no entity carries it and the event has
no actor for it. It is kept on the event as an office mention, for the link stage to resolve to the
holder of that office on the article's date (link/holders.py), only when:
- no named person of the article holds it here (title before or after a name, or a definite title
  standing for a person named just before: understand/roles.py and anaphora.py took those);
- it is introduced like a known single person: a definite article ("the", "le") or a state's
  possessive ("Britain's Home Secretary"), so "a minister" or "ministers" are left out;
- it names one office (not "Minister", "President": lexicon `generic`) and is a public office;
- its state is stated: a title only one state has ("Home Secretary"), or a country or demonym in
  or touching it ("the French Interior Minister"). Which state an unqualified "the Interior
  Minister" serves depends on the outlet, which the text does not say: it is left out.
"""
from __future__ import annotations

from liaison.extract.arguments import PlacedActor
from liaison.extract.sides import assign_sides
from liaison.records import Actor, Document, Mention, OfficeMention, Span
from liaison.understand.grammar import grammar
from liaison.understand.roles import TOUCHING, country_near
from liaison.understand.titles import lexicon

STATE_WINDOW = 30   # characters around a title where the state it belongs to may be named


def bare_offices(doc: Document, sentence: Span, trigger_start: int, trigger_end: int, entry: dict
                 ) -> tuple[OfficeMention, ...]:
    """The office mentions of the sentence no named person holds, with their state and their side
    of the act (as a named actor at that place would have)."""
    held, lex = _held_title_starts(doc), lexicon(doc.lang)
    geo = [m for m in doc.mentions if m.kind in ("country", "demonym")]
    found: list[tuple[Mention, str]] = []
    for t in doc.mentions:
        if t.kind != "title" or not (sentence.start <= t.span.start and t.span.end <= sentence.end):
            continue
        if t.span.start in held or t.value in lex.generic | lex.not_offices or t.extra.get("plural"):
            continue
        state = t.extra.get("country") or country_near(doc.text, t.span.start, t.span.end, geo,
                                                      window=STATE_WINDOW, after=0)
        if state and _introduced_as_one(doc, t, geo, sentence.start):
            found.append((t, state))
    placed = [PlacedActor(Actor(t.value), t.span.start, t.span.end) for t, _ in found]
    sides = assign_sides(placed, trigger_start, trigger_end, entry, doc.parsed)
    return tuple(OfficeMention(t.value, state, t.span, a.side)
                 for (t, state), a in zip(found, sides, strict=True))


def _held_title_starts(doc: Document) -> set[int]:
    """Where the article's titles name a person it names (the evidence of its people's roles)."""
    return {sp.start for e in doc.entities if e.kind == "person" for r in e.roles for sp in r.evidence}


def _introduced_as_one(doc: Document, t: Mention, geo: list[Mention], sentence_start: int) -> bool:
    """A definite article right before the title, or before the state touching it ("the French
    Interior Minister"), or the state's possessive ("Britain's Home Secretary")."""
    lex = lexicon(doc.lang)
    start = t.span.start
    touching = [g for g in geo if sentence_start <= g.span.start and g.span.end <= start
                and TOUCHING.match(doc.text[g.span.end:start])]
    if touching:
        g = touching[-1]
        if grammar(doc.lang).possessive_gap.match(doc.text[g.span.end:start]):
            return True
        start = g.span.start
    before = doc.text[sentence_start:start]
    if lex.definite is None:
        return False
    hits = list(lex.definite.finditer(before))
    return bool(hits) and not before[hits[-1].end():].strip()
