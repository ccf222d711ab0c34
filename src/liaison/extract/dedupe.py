"""The same act told twice in one article (headline and body, lead and quote) is one event.

Two reports of one article are the same event when they have the same type and date, compatible
states (equal, or one naming a single state inside the other's), they state the same day or read
alike (their sentence vectors), and nothing tells two acts apart: two acts of one type differ by
their object (different named officials on each).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from liaison.nlp.vectors import decode_vector
from liaison.records import Actor, Event, parse_day

MAX_EVIDENCE = 4
STATED_BEFORE_DAYS = 3      # a stated day this close before the article's date may be its main act
SAME_ACT_COSINE = 0.4  # two sentences this alike (multilingual vectors) may tell one act


@dataclass(frozen=True)
class Found:
    """An event with what the dedupe needs to know about the statement it came from."""
    event: Event
    lead: bool                 # headline or lead: the article's summary of itself
    stated: bool               # the sentence states its own date
    entry: str                 # the trigger sense (lexicon entry id)
    partners: frozenset        # the named officials (people with a title) the statement involves
    borrowed: bool = False     # some of its states come from the context, not from its sentence


def partners(actors: list[Actor] | tuple[Actor, ...]) -> frozenset:
    return frozenset(a.entity_key or a.name for a in actors if a.role)


def _same_states(a: Event, b: Event, same_officials: bool) -> bool:
    """Equal states, or one report's states inside the other's: a single state always (the other
    sentence names the partner too), a pair only when both reports name the same official (one
    sentence of the meeting also names a third state in passing)."""
    sa, sb = set(a.countries), set(b.countries)
    if sa == sb:
        return True
    small, big = (sa, sb) if len(sa) < len(sb) else (sb, sa)
    return small <= big and (len(small) < 2 or same_officials)


def _day(e: Event) -> tuple:
    return (e.date.start, e.date.end) if e.date else (None, None)


def _same_time(a: Event, b: Event) -> bool:
    """The same dates; or one report dated by the article (inferred) and the other stating a day
    a few days before it: the act told once with its date and once without."""
    if _day(a) == _day(b):
        return True
    if a.date and b.date and (_within(a.date, b.date) or _within(b.date, a.date)):
        return True
    if not (a.date and b.date) or (a.date.basis == "inferred") == (b.date.basis == "inferred"):
        return False
    stated, inferred = (a.date, b.date) if b.date.basis == "inferred" else (b.date, a.date)
    if stated.precision != "day" or not (stated.end and inferred.start):
        return False
    gap = (parse_day(inferred.start) - parse_day(stated.end)).days
    return 0 <= gap <= STATED_BEFORE_DAYS


def _within(window, date) -> bool:
    """`window` is an inferred span the act lies somewhere in (an act told as done before the
    article's day: events.told_before) and `date` a day inside it: nothing tells them apart."""
    return (window.basis == "inferred" and window.precision == "unknown" and date.precision == "day"
            and bool(window.start and window.end and date.start)
            and window.start <= date.start <= window.end)


def _read_alike(a: Event, b: Event) -> bool:
    va, vb = decode_vector(a.vector), decode_vector(b.vector)
    return va is not None and vb is not None and float(va @ vb) >= SAME_ACT_COSINE


def same_act(a: Found, b: Found) -> bool:
    ea, eb = a.event, b.event
    if ea.type != eb.type or ea.hypothetical != eb.hypothetical or not _same_time(ea, eb):
        return False
    if ea.date is None and eb.date is None and not _read_alike(ea, eb):
        return False            # undated acts of one type are one only when told alike (headline, lead)
    if not _same_states(ea, eb, bool(a.partners & b.partners)):
        return False
    return not (a.partners and b.partners and not (a.partners & b.partners))


def dedupe(found: list[Found]) -> list[Event]:
    merged: list[Found] = []
    for f in found:
        i = next((i for i, held in enumerate(merged) if same_act(held, f)), None)
        if i is None:
            merged.append(f)
        else:
            held = merged[i]
            merged[i] = Found(_merge(held.event, f.event), held.lead or f.lead, held.stated or f.stated,
                              held.entry, held.partners | f.partners, held.borrowed and f.borrowed)
    return [f.event for f in merged]


def _other_modes(a: Event, b: Event) -> tuple[str, ...]:
    """The modes the article also tells the act with, besides the leading report's: one operation
    told as the arrests in one sentence and the seizures in the next is both, for reports of other
    outlets that tell only one of them."""
    told = [m for m in (*a.also_modes, b.mode, *b.also_modes) if m]
    return tuple(dict.fromkeys(m for m in told if m != a.mode))


def _merge(a: Event, b: Event) -> Event:
    """One event from two reports: the one naming more states leads; actors and evidence joined; a
    stated date wins over an inferred one."""
    if len(b.countries) > len(a.countries):
        a, b = replace(b, salience=a.salience), a
    names = {(x.entity_key or x.name) for x in a.actors}
    actors = a.actors + tuple(x for x in b.actors if (x.entity_key or x.name) not in names)
    evidence = a.evidence + tuple(s for s in b.evidence if s not in a.evidence)
    date = a.date if (a.date and a.date.basis == "stated") or not b.date else b.date
    offices = a.offices + tuple(o for o in b.offices if o not in a.offices)
    return replace(a, actors=actors, evidence=evidence[:MAX_EVIDENCE], location=a.location or b.location,
                   offices=offices, also_modes=_other_modes(a, b),
                   confidence=max(a.confidence, b.confidence), date=date or a.date,
                   salience="main" if "main" in (a.salience, b.salience) else a.salience)
