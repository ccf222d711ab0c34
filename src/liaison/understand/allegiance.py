"""The state a person serves, read from what the text states, never guessed from the article.

Besides the words next to the name (roles.py), three readings:
- the ministry of the person's portfolio, when the text names its state ("Deputy Minister of Public
  Security Nguyen Van Long … the Ministry of Public Security of Vietnam");
and, only in an article about exactly two states:
- counterparts serve different states ("Abdelouafi Laftit et son homologue français, Laurent
  Nuñez"): when one is known to serve a state, the other serves the other one;
- the press marks the officials of the other side and leaves its own unmarked ("le ministre de
  l'Intérieur, Abdelouafi Laftit, et son homologue français"; "Interior Minister X met his Moroccan
  counterpart"): when every official whose state is stated serves one side, an official named with
  a bare title ("the Interior Minister X") serves the other.
Without such a contrast a person's country stays unknown: the outlet's country, the host's or the
most named one are guesses, wrong about a quarter of the time (and a visitor given the host's
country becomes a second entity that blocks merges).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from liaison.records import Document, Mention, Role
from liaison.understand.titles import Lexicon

SIDE_SHARE = 0.25     # a side of the article is named at least this share as often as the first
# the side whose officials go unmarked is a main subject of the article, named at least half as often as
# the most named state: a state named in passing ('to receive a posting in Rome', 'the Samoan
# government … with US help') is no side the press writes from
UNMARKED_SHARE = 0.5
MINISTRY = re.compile(r"\b(?:Ministry|Department|Office)\b")     # gazetteer names are English


@dataclass
class Allegiance:
    """What the words around one person's mentions say: roles, the state served, and why."""
    roles: list[Role] = field(default_factory=list)
    country: str | None = None
    why: list[str] = field(default_factory=list)
    international: bool = False         # the office is in an international organisation
    counterpart_of: int | None = None   # the cluster of the person whose counterpart this one is
    # the state was read from the article's contrast of two sides, not from words naming it: what
    # other articles state about the same person outweighs it at linking
    inferred: bool = False


def states_from_relations(doc: Document, resolved: dict[int, Allegiance], orgs: list[Mention],
                          lex: Lexicon) -> None:
    """Fill the countries of people with none from the readings above, in this order."""
    _ministry_of_the_portfolio(resolved, orgs)
    # the states of officials the text qualifies ("son homologue français"), not of other people named
    stated = {a.country for a in resolved.values()
              if a.country and any(r.title not in lex.not_offices for r in a.roles)}
    _counterparts_serve_the_other_side(doc, resolved)
    _unmarked_officials_serve_the_other_side(doc, resolved, stated, lex)


def state_weights(mentions: Iterable[Mention]) -> Counter:
    """How much an article names each state: a country or demonym counts one, a place in it half."""
    score: Counter = Counter()
    for m in mentions:
        if m.kind in ("country", "demonym") and isinstance(m.value, str):
            for code in (m.extra or {}).get("countries", [m.value]):
                score[code] += 1.0
        elif m.kind == "place" and (m.extra or {}).get("country"):
            score[m.extra["country"]] += 0.5
    return score


def article_sides(mentions: Iterable[Mention]) -> list[str]:
    """The states an article is about: those named about as often as the most named (a place counts half)."""
    score = state_weights(mentions)
    if not score:
        return []
    top = max(score.values())
    return sorted((c for c, w in score.items() if w >= SIDE_SHARE * top), key=lambda c: -score[c])


def other_side(countries: dict[int, str | None], pairs: Iterable[tuple[int, int]], sides: list[str]
               ) -> dict[int, tuple[str, str]]:
    """Countries for people with none, from counterpart pairs (i, j) in a two-state article:
    {person: (country, the counterpart's country it is the other side of)}."""
    if len(sides) != 2:
        return {}
    known = dict(countries)
    found: dict[int, tuple[str, str]] = {}
    for _ in range(2):      # a chain: A's counterpart B, B's counterpart C
        for i, j in pairs:
            for me, them in ((i, j), (j, i)):
                if known.get(me) is None and known.get(them) in sides:
                    other = next(c for c in sides if c != known[them])
                    known[me] = other
                    found[me] = (other, known[them])
    return found


def unmarked_side(stated: Iterable[str], sides: list[str]) -> str | None:
    """The side whose officials go unmarked: the other one, when all stated states are one side."""
    stated = set(stated)
    if len(sides) != 2 or len(stated) != 1 or not stated <= set(sides):
        return None
    return next(c for c in sides if c not in stated)


def _ministry_of_the_portfolio(resolved: dict[int, Allegiance], orgs: list[Mention]) -> None:
    """"Deputy Minister of Public Security Nguyen Van Long … the Ministry of Public Security of Vietnam":
    the ministry of a person's portfolio, when the text names its state and no one else holds that
    office for that state."""
    held = {(r.title, a.country) for a in resolved.values() if a.country for r in a.roles}
    for a in resolved.values():
        if a.country or a.international:
            continue
        for r in a.roles:
            portfolio = r.title.split(" of ", 1)[1] if " of " in r.title else None
            states = {o.extra.get("country") for o in orgs
                      if portfolio and o.value.endswith(portfolio) and MINISTRY.search(o.value)
                      and o.extra.get("country") and o.extra.get("country_from") != "article"}
            states = {c for c in states if (r.title, c) not in held}
            if len(states) == 1:
                a.country = states.pop()
                a.why.append(f"country {a.country}: the text names the {a.country} ministry of {portfolio!r}")
                break


def _counterparts_serve_the_other_side(doc: Document, resolved: dict[int, Allegiance]) -> None:
    pairs = [(i, a.counterpart_of) for i, a in resolved.items()
             if a.counterpart_of is not None and a.counterpart_of != i]
    countries = {i: None if a.international else a.country for i, a in resolved.items()}
    for i, (country, theirs) in other_side(countries, pairs, article_sides(doc.mentions)).items():
        if not resolved[i].international:
            resolved[i].country, resolved[i].inferred = country, True
            resolved[i].why.append(f"country {country}: counterpart of a person serving {theirs}, "
                                   f"in an article about these two states")


def _unmarked_officials_serve_the_other_side(doc: Document, resolved: dict[int, Allegiance],
                                             stated: set[str], lex: Lexicon) -> None:
    side = unmarked_side(stated, article_sides(doc.mentions))
    weights = state_weights(doc.mentions)
    if side is None or weights[side] < UNMARKED_SHARE * max(weights.values()):
        return
    for a in resolved.values():
        offices = [r.title for r in a.roles if r.title not in lex.not_offices]
        # "Secretario de Seguridad Nacional de EE. UU.": a state named that was not read is no bare title
        qualified = any(lex.grammar.qualifier.match(doc.text, e.end) for r in a.roles for e in r.evidence)
        if a.country is None and not a.international and offices and not qualified:
            a.country, a.inferred = side, True
            a.why.append(f"country {side}: {offices[0]!r} named without a state, in an article that marks "
                         f"the officials of the other side ({', '.join(sorted(stated))})")
