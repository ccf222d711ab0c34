"""The arguments of a statement: countries, actors, date and place found inside one span of text.

Everything comes from the mentions and entities of the understand stage that lie inside the span,
so that actor, act, place and date of one event come from the same statement.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from liaison.gazetteer import lookup_country, lookup_organization, organization_scope
from liaison.gazetteer.states import coded_state
from liaison.records import Actor, DateValue, Document, Entity, Location, Mention, Span
from liaison.understand.titles import private_titles

COUNTRY_KINDS = ("country", "demonym")
_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+(?:of\s+|de\s+|du\s+)?[A-ZÀ-ÖØ-Þ][\w’'-]+){0,3}")


@dataclass(frozen=True)
class PlacedActor:
    actor: Actor
    start: int          # where the actor is named inside the span (first mention)
    end: int


def inside(span: Span, start: int, end: int) -> bool:
    return span.start <= start and end <= span.end


def mentions_in(doc: Document, start: int, end: int, kinds: tuple[str, ...]) -> list[Mention]:
    return [m for m in doc.mentions if m.kind in kinds and start <= m.span.start and m.span.end <= end]


def mention_countries(m: Mention) -> list[str]:
    found: list[str] = []
    if m.kind == "country" and isinstance(m.value, str):
        found = [m.value]
    elif m.kind == "demonym":
        found = [m.value] if isinstance(m.value, str) else []
        found += [c for c in m.extra.get("countries", []) if isinstance(c, str) and c not in found]
    return list(dict.fromkeys(coded_state(c) for c in found))


def _gazetteer_countries(text: str) -> list[str]:
    """Fallback while the mentions stage finds no countries: look capitalised phrases up."""
    found = []
    for m in _CAPITALISED.finditer(text):
        code = lookup_country(m.group(0))
        if code and code not in found:
            found.append(code)
    return found


def countries_in(doc: Document, start: int, end: int, places: bool = True) -> list[str]:
    """States named in the span (countries, demonyms, national bodies and people of that state, and
    unless `places` is false the states of the places it names), in text order."""
    found: list[tuple[int, str]] = []
    for m in mentions_in(doc, start, end, COUNTRY_KINDS):
        found += [(m.span.start, c) for c in mention_countries(m)]
    for m in mentions_in(doc, start, end, ("organization",)):
        if m.extra.get("country") and m.extra.get("scope", "national") == "national":
            found.append((m.span.start, coded_state(m.extra["country"])))
    for placed in actors_in(doc, start, end):
        if placed.actor.country:
            found.append((placed.start, placed.actor.country))
    for m in mentions_in(doc, start, end, ("place",) if places else ()):
        # 'arrested in Dubai', 'Manila deported': the place stands for its state
        country = (m.extra or {}).get("country")
        if isinstance(country, str):
            found.append((m.span.start, coded_state(country)))
    if not any(m.kind in COUNTRY_KINDS for m in doc.mentions):
        found += [(start, c) for c in _gazetteer_countries(doc.text[start:end])]
    out: list[str] = []
    for _, code in sorted(found):
        if code not in out:
            out.append(code)
    return out


def article_countries(doc: Document) -> list[str]:
    """The article's states, most often named first (its dyad is the first two)."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in doc.mentions:
        for c in mention_countries(m):
            counts[c] += 1
            first.setdefault(c, m.span.start)
    for e in doc.entities:
        if e.kind in ("person", "organization") and e.country:
            counts[e.country] += len(e.mentions) or 1
            first.setdefault(e.country, min((s.start for s in e.mentions), default=len(doc.text)))
    if not counts:
        for c in _gazetteer_countries(doc.text):
            counts[c] += doc.text.count(c) + 1
    return sorted(counts, key=lambda c: (-counts[c], first.get(c, 0)))


def protagonist(doc: Document) -> Entity | None:
    """The official the article follows: the person with a state and a title named most often
    (at least twice), the earliest named on a tie. Sentences that drop their subject ('then met the
    ministers of Libya and Tunisia') are about what this person did."""
    people = [(_times_named(doc, e), e) for e in doc.entities
              if e.kind == "person" and e.country and e.roles and e.mentions]
    people = [(n, e) for n, e in people if n >= 2]
    if not people:
        return None
    return min(people, key=lambda p: (-p[0], min(s.start for s in p[1].mentions)))[1]


def _times_named(doc: Document, person: Entity) -> int:
    """How often the text names the person by full name or surname (mentions may miss bare surnames)."""
    surname = person.name.split()[-1]
    if len(surname) < 3:
        return len(person.mentions)
    return max(len(person.mentions), len(re.findall(rf"(?<!\w){re.escape(surname)}(?!\w)", doc.text)))


def _role_title(entity: Entity) -> str | None:
    return entity.roles[0].title if entity.roles else None


def actors_in(doc: Document, start: int, end: int) -> list[PlacedActor]:
    """Person and organisation entities named inside the span, in text order."""
    out = []
    for e in doc.entities:
        if e.kind not in ("person", "organization"):
            continue
        spans = [s for s in e.mentions if start <= s.start and s.end <= end]
        if spans:
            first = min(spans, key=lambda s: s.start)
            actor = Actor(name=e.name, entity_key=e.key, role=_role_title(e), country=e.country,
                          foreign_to=e.foreign_to)
            out.append(PlacedActor(actor, first.start, first.end))
    return sorted(out, key=lambda p: p.start)


def _dated_mentions(doc: Document, start: int, end: int, anchor: int) -> list[tuple[Mention, DateValue]]:
    """The resolved date mentions of the span, nearest `anchor` (the trigger) first."""
    found = []
    for m in mentions_in(doc, start, end, ("date",)):
        value = DateValue.from_json(m.value) if isinstance(m.value, dict) else None
        if value is not None and (value.start or value.end):
            found.append((abs(m.span.start - anchor), m, value))
    return [(m, v) for _, m, v in sorted(found, key=lambda f: f[0])]


def dates_in(doc: Document, start: int, end: int, anchor: int) -> list[tuple[DateValue, Span]]:
    """The temporal expressions of the span, nearest `anchor` (the trigger) first."""
    return [(v, m.span) for m, v in _dated_mentions(doc, start, end, anchor)]


def date_mention_near(doc: Document, start: int, end: int, anchor: int) -> Mention | None:
    """The resolved date mention of the span closest to `anchor`, with its tense and flags."""
    found = _dated_mentions(doc, start, end, anchor)
    return found[0][0] if found else None


def date_near(doc: Document, start: int, end: int, anchor: int) -> tuple[DateValue, Span] | None:
    """The temporal expression of the span closest to `anchor` (the trigger)."""
    found = dates_in(doc, start, end, anchor)
    return found[0] if found else None


def location_in(doc: Document, start: int, end: int) -> Location | None:
    for m in mentions_in(doc, start, end, ("place",)):
        extra = m.extra or {}
        return Location(name=m.value if isinstance(m.value, str) else m.span.text,
                        country=extra.get("country"), lat=extra.get("lat"), lon=extra.get("lon"))
    return None


def holds_no_office(a: Actor) -> bool:
    """A person named without an office, or with a private profession only (titles.json
    `private`: a lawyer, a journalist): whatever they do or promise is no state's."""
    return (a.entity_key or "").startswith("person:") and (not a.role or a.role in private_titles())


def acts_for_no_state(a: Actor) -> bool:
    """A private person (holds_no_office) or a non-state body (non_state_body): no state acts through them."""
    return holds_no_office(a) or non_state_body(a)


def non_state_body(a: Actor) -> bool:
    """A rights group, a humanitarian body or an armed group the gazetteer knows (scope `non_state`)."""
    if not (a.entity_key or "").startswith("organization:"):
        return False
    known = lookup_organization(a.name)
    return (known["scope"] if known else organization_scope(a.name)) == "non_state"
