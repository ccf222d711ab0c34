"""PLOVER events: one per trigger type and sentence, with source/target, countries, date, place.

Rules (GOLD.md / PLOVER 2.0): negated events are dropped; hypothetical ones are flagged; future
CONSULT/SUPPORT/COOPERATE/AID are AGREE; the same event told twice in one article (headline and
body) is one event (same type, countries and date).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from liaison.extract import arguments as args
from liaison.extract.contexts import statement_contexts
from liaison.extract.sides import assign_sides
from liaison.extract.triggers import Trigger, find_triggers
from liaison.records import Actor, DateValue, Document, Event, Span

MAX_TYPES_PER_SENTENCE = 2
SECOND_MIN = 0.65                  # confidence a second trigger type in one sentence needs
LEAD_SENTENCES = 3                 # headline and lead: what the article is about
REFERENCE_DATE_PENALTY = 0.8       # date not stated in the sentence, taken from the dateline
LEAD_DATE_DAYS = 7                # the lead's own date dates the article when this close to publication
DYAD_PENALTY = 0.9                 # countries completed from the article's two main states

VERBS = {"CONSULT": "met or visited", "SUPPORT": "signed, endorsed or recognised",
         "AGREE": "agreed or pledged",
         "COOPERATE": "cooperated", "AID": "gave aid", "REQUEST": "requested", "REJECT": "refused",
         "SANCTION": "suspended or reduced cooperation", "COERCE": "coerced", "MOBILIZE": "mobilised",
         "ACCUSE": "accused or investigated", "RETREAT": "conceded", "CONCEDE": "conceded"}


def sentence_triggers(doc: Document, k: int) -> list[Trigger]:
    tokens = [t for t in doc.tokens if t.sent == k]
    return find_triggers(tokens, doc.lang, doc.text, doc.parsed)


def lead_indices(sentences: list[Span]) -> set[int]:
    substantial = [i for i, s in enumerate(sentences) if len(s.text.split()) >= 5]
    return set(substantial[:LEAD_SENTENCES])


def best_per_type(triggers: list[Trigger]) -> list[Trigger]:
    chosen: dict[str, Trigger] = {}
    for t in triggers:
        if t.negated:
            continue
        held = chosen.get(t.type)
        if held is None or t.entry.get("confidence", 0.5) > held.entry.get("confidence", 0.5):
            chosen[t.type] = t
    ranked = sorted(chosen.values(), key=lambda t: -t.entry.get("confidence", 0.5))
    # a second act in the same sentence only on a strong trigger: weak nouns there are mostly context
    kept = ranked[:1] + [t for t in ranked[1:MAX_TYPES_PER_SENTENCE]
                         if t.entry.get("confidence", 0.5) >= SECOND_MIN]
    return sorted(kept, key=lambda t: t.start)


def event_countries(doc: Document, sentence: Span, actors: list[Actor], dyad: list[str],
                    lead_state: str | None = None) -> tuple[list[str], bool]:
    """States of the statement; completed from the article's dyad when it names fewer than two.

    A statement that names its partners but no one acting ('then met the ministers of Libya and
    Tunisia') is told of the article's protagonist: their state joins."""
    found = args.countries_in(doc, sentence.start, sentence.end)
    for a in actors:
        if a.country and a.country not in found:
            found.append(a.country)
    completed = False
    if (lead_state and len(found) >= 2 and lead_state not in found
            and not any(a.side == "source" for a in actors)):
        found.insert(0, lead_state)
        completed = True
    for c in dyad:
        if len(found) >= 2:
            break
        if c not in found:
            found.append(c)
            completed = True
    return found, completed


def build_event(doc: Document, sentence: Span, trigger: Trigger, dyad: list[str], article_ctx: Counter,
                main: bool, reference: DateValue | None, lead_state: str | None = None) -> Found | None:
    placed = args.actors_in(doc, sentence.start, sentence.end)
    actors = assign_sides(placed, trigger.start, trigger.end, trigger.text, doc.parsed)
    countries, completed = event_countries(doc, sentence, actors, dyad, lead_state)
    if not countries:
        return None                         # an act between no identifiable states is not coded
    dated = args.date_near(doc, sentence.start, sentence.end, trigger.start)
    date, date_note = ((dated[0], f"date from '{dated[1].text}'") if dated
                       else (reference, "date: the article's main date (none in the sentence)"))
    confidence = trigger.entry.get("confidence", 0.5)
    confidence *= 1.0 if dated else REFERENCE_DATE_PENALTY
    confidence *= DYAD_PENALTY if completed else 1.0
    event = Event(
        type=trigger.type, mode=trigger.mode, evidence=(sentence,),
        contexts=statement_contexts(sentence.text, article_ctx, doc.lang),
        date=date, location=args.location_in(doc, sentence.start, sentence.end),
        actors=tuple(actors), countries=tuple(countries),
        summary=summary(trigger, actors, countries), confidence=round(confidence, 3),
        explanation=explanation(trigger, actors, countries, completed, date_note),
        salience="main" if main else "background", hypothetical=trigger.hypothetical)
    return Found(event, main, dated is not None, trigger.entry["id"], _partners(actors))


def summary(trigger: Trigger, actors: list[Actor], countries: list[str]) -> str:
    who = [a.name for a in actors if a.side == "source"] or [a.name for a in actors][:1] or countries[:1]
    whom = [a.name for a in actors if a.side == "target"] or [c for c in countries if c not in who][:2]
    text = f"{', '.join(who)} {VERBS.get(trigger.type, trigger.type.lower())}"
    return f"{text} ({', '.join(whom)})" if whom else text


def explanation(trigger: Trigger, actors: list[Actor], countries: list[str], completed: bool,
                date_note: str) -> str:
    parts = [f"{trigger.type}: '{trigger.text}' ({trigger.entry['id']})"]
    if trigger.type != trigger.entry["type"]:
        parts.append(f"future or promised {trigger.entry['type']} coded AGREE")
    for side in ("source", "target"):
        named = [f"{a.name} ({a.country})" if a.country else a.name for a in actors if a.side == side]
        if named:
            parts.append(f"{side} {', '.join(named)}")
    parts.append(f"countries {', '.join(countries)}"
                 + (" (completed from the article's main states)" if completed else ""))
    parts.append(date_note)
    if trigger.hypothetical:
        parts.append("hypothetical")
    return "; ".join(parts)


@dataclass(frozen=True)
class Found:
    """An event with what the merge needs to know about the statement it came from."""
    event: Event
    lead: bool                 # headline or lead: the article's summary of itself
    stated: bool               # the sentence states its own date
    entry: str                 # the trigger sense (lexicon entry id)
    partners: frozenset        # the named officials (people with a title) the statement involves


def _partners(actors: list[Actor]) -> frozenset:
    return frozenset(a.entity_key or a.name for a in actors if a.role)


def _same_states(a: Event, b: Event) -> bool:
    """Equal state sets; or a report naming one state inside one naming more (a headline names fewer)."""
    sa, sb = set(a.countries), set(b.countries)
    if sa == sb:
        return True
    small = sa if len(sa) < len(sb) else sb
    return len(small) < 2 and small <= (sb if small is sa else sa)


def _same(a: Found, b: Found) -> bool:
    """Same type and date, compatible states, and no sign of two acts: two acts of one type are
    told apart by their object (different named officials on each)."""
    ea, eb = a.event, b.event
    if ea.type != eb.type or ea.hypothetical != eb.hypothetical:
        return False
    if (ea.date.start if ea.date else None, ea.date.end if ea.date else None) != \
            (eb.date.start if eb.date else None, eb.date.end if eb.date else None):
        return False
    if not _same_states(ea, eb):
        return False
    return not (a.partners and b.partners and not (a.partners & b.partners))


def dedupe(found: list[Found]) -> list[Event]:
    """The same event told twice (headline and body) is one event."""
    merged: list[Found] = []
    for f in found:
        i = next((i for i, held in enumerate(merged) if _same(held, f)), None)
        if i is None:
            merged.append(f)
        else:
            held = merged[i]
            merged[i] = Found(_merge(held.event, f.event), held.lead or f.lead, held.stated or f.stated,
                              held.entry, held.partners | f.partners)
    return [f.event for f in merged]


def _merge(a: Event, b: Event) -> Event:
    from dataclasses import replace
    if len(b.countries) > len(a.countries):
        a, b = replace(b, evidence=b.evidence, salience=a.salience), a
    names = {(x.entity_key or x.name) for x in a.actors}
    actors = a.actors + tuple(x for x in b.actors if (x.entity_key or x.name) not in names)
    evidence = a.evidence + tuple(s for s in b.evidence if s not in a.evidence)
    return replace(a, actors=actors, evidence=evidence[:4], location=a.location or b.location,
                   confidence=max(a.confidence, b.confidence),
                   salience="main" if "main" in (a.salience, b.salience) else a.salience)


def lead_date(doc: Document, sentences: list[Span], lead: set[int]) -> DateValue | None:
    """The stated date of the first dated act of the headline or lead, when close to publication.

    A careful analyst dates the lead's follow-up statements ('the two ministries also agreed') by the
    main event, not by the dateline."""
    for i in sorted(lead):
        for trigger in best_per_type(sentence_triggers(doc, i)):
            dated = args.date_near(doc, sentences[i].start, sentences[i].end, trigger.start)
            if not dated or dated[0].precision not in ("day", "week") or not dated[0].start:
                continue
            if doc.published:
                try:
                    gap = (date.fromisoformat(doc.published[:10]) - date.fromisoformat(dated[0].start)).days
                except ValueError:
                    continue
                if not 0 <= gap <= LEAD_DATE_DAYS:
                    continue
            return dated[0]
    return None


def extract_events(doc: Document, sentences: list[Span], article_ctx: Counter) -> list[Event]:
    dyad = args.article_dyad(doc)
    followed = args.protagonist(doc)
    lead_state = followed.country if followed else None
    lead = lead_indices(sentences)
    reference = lead_date(doc, sentences, lead) or args.reference_date(doc)
    found = []
    for i, sentence in enumerate(sentences):
        for trigger in best_per_type(sentence_triggers(doc, i)):
            event = build_event(doc, sentence, trigger, dyad, article_ctx, i in lead, reference, lead_state)
            if event is not None:
                found.append(event)
    events = dedupe(found)
    if events and not any(e.salience == "main" for e in events):
        from dataclasses import replace
        events[0] = replace(events[0], salience="main")
    return events
