"""PLOVER events: one per act a sentence reports, with who, to whom, which states, when and where.

Per sentence, the acts are the lexicon's triggers (triggers.py) that are not negated and not done
by a subject that is no state (protesters calling for, a rebel group seizing: events.json
`non_state`); at most two acts per sentence, the second only on a strong trigger (weak nouns next
to a main verb are mostly context). Per act:
- actors and their sides from the parse (sides.py), or word order without one;
- the states of the statement, completed by the rules of `event_states` (each named in the
  explanation); an act with no state is not coded, and an act of a single state only in an
  article about several states (a state acting on its own people is domestic news);
- the date the sentence states for it (a promise is dated when it is made, not by what it
  promises), else the article's reference date, marked inferred (setting.py);
- the place named in the sentence.
Hypothetical acts are flagged and kept out of the record; the same act told twice is one event.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from liaison import lexicon, plover
from liaison.extract import arguments as args
from liaison.extract.backstop import Reading, read_sentences
from liaison.extract.commitments import own_movement
from liaison.extract.contexts import statement_contexts
from liaison.extract.dedupe import Found, dedupe, partners
from liaison.extract.offices import bare_offices
from liaison.extract.setting import Setting, article_setting, close_to_publication
from liaison.extract.sides import (
    assign_sides,
    doer_and_done_to,
    doer_is_no_state,
    done_by_non_state,
    governing_verb,
    media_ranges,
    names_its_doer,
    non_state_object,
    noun_without_state_doer,
    participle_describing,
    passive_without_doer,
    token_at,
    told_in_the_passive,
    topic_ranges,
)
from liaison.extract.triggers import Trigger, cues, find_triggers
from liaison.nlp.pipelines import with_tokens
from liaison.nlp.tokens import fold_word, noun_after_to, tokens_of_sentence
from liaison.nlp.vectors import embed, encode_vector
from liaison.records import Actor, DateValue, Document, Event, Span
from liaison.understand.dates import anchor_day, year_names_thing
from liaison.understand.dates_lexicon import date_lexicon
from liaison.understand.dates_tense import is_pluperfect
from liaison.wording import summary

OPENING_WORDS = 5  # how far into a sentence 'at this meeting' may open it
BEFORE_DAYS = 30  # an act told in the pluperfect lies in these days before the article's day
LEARNED_ALONE = 0.8  # backstop probability that makes a sentence with no trigger an event
LEARNED_VETO = 0.2  # ... below which a trigger that is not strong is another sense of its word
LEARNED_WEIGHT = 0.6  # confidence of a learned event per unit of probability
STRONG = 0.75  # a trigger this confident is not vetoed by the backstop
MAX_TYPES_PER_SENTENCE = 2
SECOND_MIN = 0.65  # confidence a second act in one sentence needs
INFERRED_DATE_PENALTY = 0.8  # the sentence does not state the act's date
COMPLETED_PENALTY = 0.9
COMPLETE_MIN = 0.6  # a trigger weaker than this never takes its states from the context


def sentence_tokens(doc: Document, k: int) -> list:
    return tokens_of_sentence(doc.tokens, k)


def sentence_triggers(doc: Document, k: int) -> list[Trigger]:
    return find_triggers(sentence_tokens(doc, k), doc.lang, doc.text, doc.parsed)


def by_non_state(doc: Document, trigger: Trigger) -> bool:
    """The parse names who acts, and it is no state (events.json cues `non_state`)."""
    return done_by_non_state(doc.parsed, doc.lang, trigger.start, trigger.end, doc.tokens)


def stance_not_promise(doc: Document, trigger: Trigger, k: int) -> bool:
    """An AGREE word ending in 'to' before a noun states a stance, not a promise to act: 'our
    commitment to the coalition remains certain', 'his commitment to democracy in the region'
    (an agreement is 'committed to reduce', 'ready to cooperate')."""
    if trigger.entry["type"] != plover.promise_type():
        return False
    tokens = sentence_tokens(doc, k)
    end = next((i + 1 for i, t in enumerate(tokens) if t.end == trigger.end), None)
    return end is not None and noun_after_to(tokens, end)


def content_of_instrument(doc: Document, trigger: Trigger) -> bool:
    """A noun trigger inside the name or subject of an agreement ('the agreement on the
    repatriation of …', 'un accord sur la réadmission') says what the agreement is about, not an
    act (commitments.json `instruments`). Needs the parse."""
    token = _parsed_token(doc, trigger)
    if token is None or token.pos_ != "NOUN":
        return False
    instruments = {fold_word(w, doc.lang) for w in lexicon.words(doc.lang, "commitments", "instruments")}
    head = token
    for _ in range(3):
        if head.head.i == head.i or head.head.pos_ in ("VERB", "AUX"):
            return False
        head = head.head
        if head.pos_ == "NOUN" and fold_word(head.lemma_, doc.lang) in instruments:
            return True
    return False


def content_of_another_act(doc: Document, trigger: Trigger, found: list[Trigger]) -> bool:
    """A trigger inside what another act of the sentence alleges, asks or threatens ('accusing them
    of not allowing returns', 'asked Mexico to take back its nationals', 'threatened tariffs and visa
    sanctions') is that act's content
    (plover.json `content_taking_types`), not an act of its own. Needs the parse: the trigger's
    word must depend on the other act's word."""
    token = _parsed_token(doc, trigger)
    if token is None or plover.takes_content(trigger.type):
        return False
    holders = [(t.start, t.end) for t in found if plover.takes_content(t.type) and t is not trigger]
    head = token
    for _ in range(4):
        if head.head.i == head.i:
            return False
        head = head.head
        if any(a <= head.idx < b for a, b in holders):
            return True
    return False


def doer_left_out(doc: Document, trigger: Trigger) -> bool:
    """A passive of a type that needs its doer, without it (plover.json passive_needs_its_doer), or
    a noun of such an act with no doer that can be a state ('the London bombings')."""
    if not plover.passive_needs_its_doer(trigger.type):
        return False
    return (passive_without_doer(doc.parsed, trigger.start, trigger.end)
            or noun_without_state_doer(doc.parsed, doc.lang, trigger.start, trigger.end))


def describes_people(doc: Document, trigger: Trigger) -> bool:
    """A past participle of a one-sided act describing a noun ('des migrants expulsés', 'the deported
    migrants'): who they are, not an act the sentence reports (sides.participle_describing)."""
    return plover.one_sided(trigger.type) and participle_describing(doc.parsed, trigger.start, trigger.end)


def _parsed_token(doc: Document, trigger: Trigger):
    return token_at(doc.parsed, trigger.start, trigger.end)


def best_per_type(triggers: list[Trigger]) -> list[Trigger]:
    """One trigger per type, and at most two types per sentence, the most confident first. (Ranking
    the act nearest the parse's root first was tried: dev24 strict rose, dev-clusters lenient, dates
    and merge recall fell.)"""
    chosen: dict[str, Trigger] = {}
    for t in triggers:
        if t.counts and (t.type not in chosen or t.confidence > chosen[t.type].confidence):
            chosen[t.type] = t
    ranked = sorted(chosen.values(), key=lambda t: -t.confidence)
    kept = ranked[:1] + [t for t in ranked[1:MAX_TYPES_PER_SENTENCE] if t.confidence >= SECOND_MIN]
    return sorted(kept, key=lambda t: t.start)


def event_states(
    setting: Setting, k: int, actors: list[Actor], doer_named: bool = False,
    bystanders: frozenset[str] = frozenset(), may_complete: bool = True,
) -> tuple[list[str], str]:
    """The states of the act in sentence k, and how the ones the sentence does not name were found.

    1. the states the sentence names (countries, demonyms, national bodies, officials, places), but
       the states it names only as bystanders (bystander_states);
    2. a statement that names partners but no one acting ("then met the ministers of Libya and
       Tunisia") is told of the official the article follows: that official's state joins; not
       when the parse gives the act a doer of its own (`doer_named`: 'Venezuela argued that the
       arrest…', 'Egyptian security forces have detained'), even one that is no named actor;
    3. one state named: none, when the lead names fewer than two states and not this one with
       its neighbour (a domestic story); else its partner is the state of the official the article
       follows when no one acting is named, else the state named just before in the paragraph
       when it is a side of the article (a state named once for a bill's border or a rebel's
       flight is no partner of a domestic act), else the other state of the article's pair when
       the named one belongs to it and both are sides of the article (Setting.is_a_side);
    4. none named: the article's pair when the sentence says 'the two countries' (`both_states`),
       else the states of the paragraph's previous sentences, else the article's pair when the
       sentence is in the headline or lead.
    None of these when `may_complete` is false (see counterpart_is_no_state).
    """
    own = [c for c in setting.states_of(k) if c not in bystanders]
    own += [a.country for a in actors if a.country and a.country not in own]
    if not may_complete:
        return own, ""
    lead = setting.protagonist.country if setting.protagonist and not doer_named else None
    if lead and len(own) >= 2 and lead not in own and not _source_named(actors):
        return [lead] + own, f"{lead}: the state of the official the article follows"
    if len(own) >= 2:
        return own, ""
    near = setting.neighbour_states(k)
    near = [c for c in near if c in setting.states]    # a state named once in passing is no partner
    lead_states = setting.lead_states()
    if len(own) == 1 and len(lead_states) < 2 and not {own[0], *near[:1]} <= lead_states:
        # an article whose lead follows one state at most: a one-state act elsewhere in it (a
        # local arrest, a domestic vote) has no partner to take from the context
        return own, ""
    if len(own) == 1:
        if lead and lead not in own and not _source_named(actors):
            return [lead] + own, f"{lead}: the state of the official the article follows"
        partner = next((c for c in near if c not in own and setting.is_a_side(c)), None)
        if partner:
            return own + [partner], f"{partner}: named just before in the paragraph"
        if len(setting.dyad) == 2 and own[0] in setting.dyad and all(map(setting.is_a_side, setting.dyad)):
            other = next(c for c in setting.dyad if c != own[0])
            return own + [other], f"{other}: the other state of the article's pair"
        return own, ""
    if len(setting.dyad) == 2 and says_both_states(setting, k):
        return list(setting.dyad), f"{', '.join(setting.dyad)}: 'the two countries', the article's pair"
    if near:
        return near[:2], f"{', '.join(near[:2])}: named just before in the paragraph"
    if k in setting.lead and setting.dyad:
        return list(setting.dyad), f"{', '.join(setting.dyad)}: the article's states (headline or lead)"
    return [], ""


def counterpart_is_no_state(doc: Document, trigger: Trigger, actors: list[Actor]) -> bool:
    """An act done with someone (a meeting, an invitation, an agreement: not plover.json `one_sided`)
    whose counterpart the sentence names, and it is a private person or a non-state group
    ('Ahmadinejad invited Miller to a private meeting', 'a visit by former minister Hodges'), or
    whose direct object is a non-state one ('directed the armed forces … to rescue the three
    victims'; sides.non_state_object): the act has its counterpart, and no state of the context is
    its partner."""
    if plover.one_sided(trigger.type):
        return False
    return _done_to_no_state(actors) or non_state_object(
        doc.parsed, doc.lang, trigger.start, trigger.end) is not None


def _done_to_no_state(actors: list[Actor]) -> bool:
    """The act names those it is done to, and they are all private people or non-state bodies."""
    done_to = [a for a in actors if a.side == "target"]
    return bool(done_to) and all(map(args.acts_for_no_state, done_to))


def says_both_states(setting: Setting, k: int) -> bool:
    """Sentence k names the article's two states together without naming either ('une déclaration
    d'intention entre les ministères de l'Intérieur des deux pays', 'both sides agreed'; events.json
    cues `both_states`)."""
    return bool(cues(setting.doc.lang, "both_states").find(sentence_tokens(setting.doc, k)))


def in_scope(setting: Setting, states: list[str], actors: list[Actor]) -> bool:
    """Between states, or one state and a foreign official or an international body: a state acting
    on its own ground alone (a local arrest, a domestic vote) is not what Liaison records."""
    if len(states) >= 2:
        return True
    if not states:
        return False
    return any(a.country not in (None, states[0]) or _international(a) or _foreign_official(a, states[0])
               for a in actors)


def _source_named(actors: list[Actor]) -> bool:
    return any(a.side == "source" for a in actors)


def private_source(actors: list[Actor]) -> bool:
    """The act is done by people named without an office ('Gary McHale led a rally', 'writer X
    asked') or with a private profession ('human rights lawyer X said'; titles.json `private`), or
    by a body that is no state's ('RWB also requested Japanese government sanction of Myanmar',
    gazetteer scope `non_state`): no state acts, whatever states the sentence names."""
    sources = [a for a in actors if a.side == "source"]
    return bool(sources) and all(map(args.acts_for_no_state, sources))


def done_to_private_people(doc: Document, trigger: Trigger, actors: list[Actor]) -> bool:
    """A passive naming no doer among the actors and only private people or non-state bodies as
    those it was done to ('Halper was arrested on his way home', 'Clark … was ordered out of the
    court by the judges'): a person's fate, told without a state or its official acting; the states
    around it are where it happened."""
    return (not _source_named(actors) and _done_to_no_state(actors)
            and told_in_the_passive(doc.parsed, trigger.start, trigger.end))


def done_within_one_state(doc: Document, trigger: Trigger) -> bool:
    """The phrases of who does the act and of whom it is done to name one and the same state, and
    only it ('Bush has asked the U.S. Congress for $80bn for operations in Iraq', 'a former Israeli
    soldier has been convicted by an Israeli court of the manslaughter of a British student'): the
    state's own business, whatever other states the sentence names as its place, purpose or victims
    (sides.doer_and_done_to; a place in them names where, not who). False without a parse."""
    phrases = doer_and_done_to(doc.parsed, doc.lang, trigger.start, trigger.end)
    if not phrases:
        return False
    doers, done_to = ({c for a, b in side for c in args.countries_in(doc, a, b, places=False)}
                      for side in phrases)
    return len(doers) == 1 and done_to == doers


def civilian_without_state(trigger: Trigger, actors: list[Actor]) -> bool:
    """A civilian collective act (events.json entries marked `civilian`: demonstrations, riots,
    strikes, hunger strikes, blockades) whose doer is no official or body of a state. PLOVER's
    PROTEST is what civilians do ('1,000 protesters converged opposite the U.S. consulate'), and a
    state's own protest is diplomatic (ACCUSE), so without a state acting there is no state act:
    the states a rally is held in or against do not make it one."""
    if not trigger.entry.get("civilian"):
        return False
    return not any(a.side == "source" and a.country and (a.role or _body(a)) for a in actors)


def _body(a: Actor) -> bool:
    return (a.entity_key or "").startswith("organization:") and not args.non_state_body(a)


def _foreign_official(a: Actor, state: str) -> bool:
    """An official of a state the text leaves unnamed, stated to be the counterpart of `state`'s."""
    return a.country is None and a.foreign_to == state and bool(a.role)


def _international(a: Actor) -> bool:
    return a.country is None and _body(a)


def fits_act(value: DateValue, reference: DateValue | None, future: bool) -> bool:
    """Can the date be the act's? Not a date after the article's for an act already done
    ('the 2030 World Cup'), and not a bare year the article's own date makes more precise ('in
    2025' of an act reported in 2025); a bare earlier year dates background ('in 2021')."""
    if reference is None or not reference.start or not value.start or reference.year_unstated:
        return True  # without a sure year, any date may be the act's
    if not future and value.start > (reference.end or reference.start):
        return False
    return not (value.precision == "year" and value.start[:4] >= reference.start[:4])


def told_ahead(doc: Document, sentence: Span, trigger: Trigger) -> bool:
    """An act of a kind that is agreed before it happens (plover.json `future_becomes_agree`) whose
    nearest date, a day or a week the text states in a clause not told in the past (unless the
    words themselves look ahead: 'tomorrow'), lies after the article's day: it has not happened
    yet ('in anticipation of tomorrow's visit by Japan's foreign minister', 'a summit planned for
    15-17 July'), whatever the form of its word."""
    day = anchor_day(doc)
    if trigger.future or plover.future_type(trigger.type) == trigger.type or day is None:
        return False
    nearest = args.date_mention_near(doc, sentence.start, sentence.end, trigger.start)
    if nearest is None:
        return False
    value = DateValue.from_json(nearest.value)
    return (value.precision in ("day", "week") and not value.year_unstated and bool(value.start)
            and value.start > day.isoformat()
            and ((nearest.extra or {}).get("tense") != "past" or bool((nearest.extra or {}).get("relative"))))


def event_date(doc: Document, setting: Setting, k: int, trigger: Trigger) -> tuple[DateValue | None, str]:
    """The date the sentence states for the act, else the reference date (inferred). A promise is
    dated when it is made: 'agreed to meet in June' is an agreement of today about June."""
    sentence, reference = setting.sentences[k], setting.reference
    day = anchor_day(doc)
    # what 'after the article' means: its publication day; the lead's act may be days earlier
    today = DateValue(day.isoformat(), day.isoformat(), "day") if day else reference
    openings = since_openings(doc, k)
    for value, span in args.dates_in(doc, sentence.start, sentence.end, trigger.start):
        promised = (
            trigger.future
            and today is not None
            and value.start
            and today.end
            and value.start > today.end
        )
        if any(o <= span.start and not o <= trigger.start < span.start for o in openings):
            continue            # a date after 'since', the trigger not between: when a time began
        if span.start > trigger.start and year_names_thing(doc, span):
            # 'met to prepare the 2030 World Cup': a year naming a thing after the act word dates
            # that thing; before it, the thing is the actor and its date the act's ('the 2012
            # reforms allowed extradition')
            continue
        if not promised and fits_act(value, today, trigger.future):
            return value.stated(), f"date stated: '{span.text}'"
    occasion = date_of_the_occasion_before(doc, setting, k, today, trigger)
    if occasion is not None:
        return occasion
    if reference is None:
        return None, "no date"
    if told_before(doc, trigger) and reference.end:
        # done some time before the day the article speaks from: a window up to it, not that day
        end = dt.date.fromisoformat(reference.end[:10])
        start = (end - dt.timedelta(days=BEFORE_DAYS)).isoformat()
        return (DateValue(start, end.isoformat(), "unknown", basis="inferred"),
                f"date inferred: the {BEFORE_DAYS} days up to {setting.reference_note} (told as before it)")
    return reference, f"date inferred: {setting.reference_note}"


def since_openings(doc: Document, k: int) -> list[int]:
    """Where sentence k opens a time since which something holds ('the first time since the Taliban
    took power in August 2021', 'depuis', 'da quando', 'seit': events.json cues `since`): a date after
    such a word, with the trigger not between them, tells when that time began, not the act's date."""
    tokens = sentence_tokens(doc, k)
    return [hit_chars(tokens, hit)[1] for hit in cues(doc.lang, "since").find(tokens)]


def hit_chars(tokens: list, hit) -> tuple[int, int]:
    """The character range of a pattern hit over `tokens`."""
    at = {t.i: t for t in tokens}
    return at[hit.first].start, at[hit.last - 1].end


def occasion_pointed_back_to(doc: Document, k: int) -> tuple[int, int] | None:
    """Where sentence k opens by pointing back to an occasion told before it ('At that meeting', 'En
    este encuentro': events.json cues `this_occasion`, in its first words): a reference to an act
    already told, not a new one."""
    if k == 0:
        return None
    opening = sentence_tokens(doc, k)[:OPENING_WORDS]
    hits = cues(doc.lang, "this_occasion").find(opening)
    return hit_chars(opening, hits[0]) if hits else None


def date_of_the_occasion_before(
    doc: Document, setting: Setting, k: int, today: DateValue | None, trigger: Trigger
) -> tuple[DateValue, str] | None:
    """A sentence stating no date that opens on the occasion the sentence before told of ('En este
    encuentro, se iba a firmar un acuerdo', 'At that meeting…': events.json cues `this_occasion`,
    in its first words) is dated as that sentence dates it."""
    if occasion_pointed_back_to(doc, k) is None:
        return None
    before = setting.sentences[k - 1]
    for value, span in args.dates_in(doc, before.start, before.end, before.end):
        if fits_act(value, today, trigger.future):
            return value.stated(), f"date stated in the sentence before, of the same occasion: '{span.text}'"
    return None


def told_before(doc: Document, trigger: Trigger) -> bool:
    """The act's verb is in the pluperfect ('had refused', 'avait refusé'; dates_tense.is_pluperfect):
    done before the time the article speaks of, so not on the day it is dated from."""
    token = token_at(doc.parsed, trigger.start, trigger.end) if doc.parsed is not None else None
    return token is not None and is_pluperfect(governing_verb(token), date_lexicon(doc.lang))


def explanation(
    trigger: Trigger, actors: list[Actor], states: list[str], completed: str, date_note: str
) -> str:
    parts = [f"{trigger.type}: '{trigger.text}' ({trigger.entry['id']})"]
    if trigger.type != trigger.entry["type"]:
        parts.append(f"future or promised {trigger.entry['type']} coded AGREE")
    for side in ("source", "target"):
        named = [f"{a.name} ({a.country})" if a.country else a.name for a in actors if a.side == side]
        if named:
            parts.append(f"{side} {', '.join(named)}")
    parts.append(f"states {', '.join(states)}" + (f" (completed: {completed})" if completed else ""))
    parts.append(date_note)
    if trigger.hypothetical:
        parts.append("hypothetical")
    return "; ".join(parts)


def passive_naming_no_party(
    doc: Document, setting: Setting, k: int, trigger: Trigger, actors: list[Actor]
) -> bool:
    """A one-sided act (plover.json `one_sided`) told in a passive that leaves its doer out and names
    no state, no official and no body ('Police said one person was arrested', in an article about a
    US-British summit): nothing in the sentence ties it to the states around it, which would be
    both its doer and whom it was done to. A passive naming whom it was done to ('28 Afghans were
    deported') still takes its doer from the context."""
    if not plover.one_sided(trigger.type) or not passive_without_doer(doc.parsed, trigger.start, trigger.end):
        return False
    return not setting.states_of(k) and not any(a.country for a in actors)


def bystander_states(doc: Document, sentence: Span, trigger: Trigger) -> frozenset[str]:
    """States the sentence names only where they are no party to its act: the topic of a meeting
    ('Robertson met with President Bush to discuss the invasion of Iraq', 'Jones discusses … the
    riots in Egypt and Libya') and the news medium that reports it ('…, South Korean news agency
    Yonhap reported'); see sides.topic_ranges and sides.media_ranges."""
    ranges = media_ranges(doc.parsed, doc.lang, sentence.start, sentence.end)
    if plover.takes_topic(trigger.type):
        ranges += topic_ranges(doc.parsed, doc.lang, sentence.start, sentence.end)
    if not ranges:
        return frozenset()
    inside, outside, at = set(), set(), sentence.start
    for a, b in sorted(ranges):
        inside |= set(args.countries_in(doc, a, b))
        outside |= set(args.countries_in(doc, at, a)) if a > at else set()
        at = max(at, b)
    outside |= set(args.countries_in(doc, at, sentence.end))
    return frozenset(inside - outside)


def build_event(
    doc: Document, setting: Setting, k: int, trigger: Trigger, article_ctx: Counter
) -> Found | None:
    sentence = setting.sentences[k]
    placed = args.actors_in(doc, sentence.start, sentence.end)
    actors = assign_sides(placed, trigger.start, trigger.end, trigger.entry, doc.parsed)
    doer_named = names_its_doer(doc.parsed, trigger.start, trigger.end)
    states, completed = event_states(setting, k, actors, doer_named, bystander_states(doc, sentence, trigger),
                                     may_complete=not counterpart_is_no_state(doc, trigger, actors))
    if completed and (trigger.entry.get("own_states") or trigger.confidence < COMPLETE_MIN):
        return None             # a weak or general word: only between states named with it
    if completed and not _source_named(actors) and doer_is_no_state(
            doc.parsed, doc.lang, trigger.start, trigger.end):
        return None             # states borrowed from the context need a state doing the act
    if completed and passive_naming_no_party(doc, setting, k, trigger, actors):
        return None
    if not in_scope(setting, states, actors) or private_source(actors):
        return None
    if done_to_private_people(doc, trigger, actors) or done_within_one_state(doc, trigger):
        return None
    if civilian_without_state(trigger, actors):
        return None
    if told_ahead(doc, sentence, trigger):
        trigger = replace(trigger, future=True)     # 'tomorrow's visit': a meeting agreed, not held
    date, date_note = event_date(doc, setting, k, trigger)
    stated = bool(date and date.basis == "stated")
    confidence = trigger.confidence * (1.0 if stated else INFERRED_DATE_PENALTY)
    confidence *= COMPLETED_PENALTY if completed else 1.0
    location = args.location_in(doc, sentence.start, sentence.end)
    event = Event(
        type=trigger.type,
        mode=trigger.mode,
        evidence=(sentence,),
        contexts=statement_contexts(sentence_tokens(doc, k), article_ctx, doc.lang),
        date=date,
        location=location,
        actors=tuple(actors),
        countries=tuple(states),
        summary=summary(trigger.type, trigger.mode, [a.to_json() for a in actors], states,
                        location.name if location else None),
        confidence=round(confidence, 3),
        explanation=explanation(trigger, actors, states, completed, date_note),
        salience="main" if k in setting.lead else "background",
        hypothetical=trigger.hypothetical,
        article_date=setting.reference.end if setting.reference else None,
        offices=bare_offices(doc, sentence, trigger.start, trigger.end, trigger.entry),
    )
    return Found(event, k in setting.lead, stated, trigger.entry["id"], partners(actors), bool(completed))


def lead_date(doc: Document, sentences: list[Span], lead: set[int]) -> DateValue | None:
    """The stated date of the first dated act of the headline or lead, when close to publication:
    a careful analyst dates the lead's follow-up statements by the main event, not the dateline."""
    for k in sorted(lead):
        for trigger in best_per_type(sentence_triggers(doc, k)):
            dated = args.date_near(doc, sentences[k].start, sentences[k].end, trigger.start)
            if (
                dated
                and dated[0].precision in ("day", "week")
                and dated[0].start
                and close_to_publication(doc, dated[0])
            ):
                return dated[0]
    return None


def learned_trigger(sentence: Span, reading: Reading) -> Trigger:
    """An act the backstop reads in a sentence no lexicon word marks."""
    entry = {
        "id": f"learned.{reading.type.lower()}",
        "type": reading.type,
        "mode": None,
        "confidence": round(LEARNED_WEIGHT * reading.p_event, 3),
        "own_states": True,     # no word marks the act: only the states its sentence names are its own
    }
    words = sentence.text.split()
    return Trigger(
        entry, sentence.start, sentence.end, " ".join(words[:8]) + (" …" if len(words) > 8 else ""), -1
    )


def own_course_start(doc: Document, found: list[Trigger]) -> int | None:
    """Where the first promise word of a sentence's triggers `found` opens a promise of the speaker's
    own going, staying or leaving ('Akayev vows to return', 'the Dalai Lama vowed to step down'):
    from there on, a person's course, no agreement between states and no act
    (commitments.own_movement). None when no trigger opens one."""
    starts = [t.start for t in found if t.entry["type"] == plover.promise_type()
              and own_movement(doc.parsed, doc.lang, t.start, t.end)]
    return min(starts, default=None)


def candidate_acts(doc: Document, k: int, found: list[Trigger]) -> list[Trigger]:
    """The triggers of sentence k that may be acts, before the backstop's reading: none done by a
    non-state doer, none telling the content of an instrument or of another act, none whose doer is
    left out, no planned act of a kind that only counts once done, no stance, nothing in a promise of
    one's own course, no occasion the sentence opens by pointing back to, nor an act of its type
    ('En este encuentro, …'; 'Cette rencontre a été l'occasion de passer en revue…': the review is
    that meeting)."""
    own_course = own_course_start(doc, found)
    back = occasion_pointed_back_to(doc, k)
    told = {t.type for t in found if back and back[0] <= t.start < back[1]}
    found = [t for t in found if t.type not in told]
    acts = [t for t in found if not by_non_state(doc, t) and not content_of_instrument(doc, t)
            and not doer_left_out(doc, t) and not describes_people(doc, t)
            and (own_course is None or t.start < own_course)
            and not (t.planned and plover.planned_is_no_act(t.type)) and not stance_not_promise(doc, t, k)]
    return [t for t in acts if not content_of_another_act(doc, t, found)]


def acts_of(
    doc: Document, sentence: Span, k: int, reading: Reading | None, found: list[Trigger]
) -> list[Trigger]:
    """The acts of one sentence: its triggers `found` (weak ones vetoed by a confident backstop), or
    the backstop's reading when no trigger fired at all."""
    acts = candidate_acts(doc, k, found)
    if reading is not None:
        acts = [t for t in acts if t.confidence >= STRONG or reading.p_event >= LEARNED_VETO]
        if not found and reading.p_event >= LEARNED_ALONE:
            acts = [learned_trigger(sentence, reading)]
    return best_per_type(acts)


def keep_borrowed_states_in_stories_between_states(found: list[Found]) -> list[Found]:
    """States are taken from the context only in an article that tells, in at least one sentence,
    an act between two states it names there. Elsewhere (a court ruling, a domestic arrest, a
    biography naming a colonial power) the states around a sentence are no party to its act: an
    act that named fewer than two states itself goes."""
    if any(not f.borrowed and len(f.event.countries) >= 2 for f in found):
        return found
    return [f for f in found if not f.borrowed]


def may_be_learned(doc: Document, setting: Setting, k: int) -> bool:
    """Could the backstop's reading of sentence k, which no trigger marks, be an act? Such an act
    takes no states from the context (learned_trigger's `own_states`), so it needs the sentence's own
    states to be in scope (two states, or one and a foreign party)."""
    s = setting.sentences[k]
    actors = [p.actor for p in args.actors_in(doc, s.start, s.end)]
    own = list(setting.states_of(k))
    own += [a.country for a in actors if a.country and a.country not in own]
    return in_scope(setting, own, actors)


def may_give_an_act(
    doc: Document, setting: Setting, k: int, found: list[Trigger], article_ctx: Counter
) -> bool:
    """Can sentence k give an event, whatever the backstop reads in it? With triggers: one of them,
    taken alone, builds one (the reading only vetoes triggers, so it cannot bring an act no trigger
    builds). Without: its reading could be an act (may_be_learned). Only these sentences are encoded:
    the sentence encoder is the costliest step of extraction, and most sentences with a trigger
    name no two states."""
    if found:
        return any(build_event(doc, setting, k, t, article_ctx) is not None
                   for t in candidate_acts(doc, k, found))
    return may_be_learned(doc, setting, k)


def extract_events(doc: Document, sentences: list[Span], article_ctx: Counter) -> list[Event]:
    doc = with_tokens(doc)
    setting = article_setting(doc, sentences, lead_date)
    triggers = [sentence_triggers(doc, k) for k in range(len(sentences))]
    read = [k for k in range(len(sentences)) if may_give_an_act(doc, setting, k, triggers[k], article_ctx)]
    matrix = embed([sentences[k].text for k in read])
    readings = read_sentences(matrix) or [None] * len(read)
    found = []
    for k, vector, reading in zip(read, matrix, readings, strict=True):
        for trigger in acts_of(doc, sentences[k], k, reading, triggers[k]):
            event = build_event(doc, setting, k, trigger, article_ctx)
            if event is not None:
                found.append(replace(event, event=replace(event.event, vector=encode_vector(vector))))
    events = dedupe(keep_borrowed_states_in_stories_between_states(found))
    if events and not any(e.salience == "main" for e in events):
        events[0] = replace(events[0], salience="main")
    return events
