"""Commitments: promises, plans and announced future steps, with who commits and the deadline.

The language's commitments.json (token dialect) gives the markers:
- `promise`: a promise verb or plan ('pledged to', 'agreed to', 'plans to', 'is scheduled to',
  'within two weeks'): each its own commitment, whoever is named;
- `future`: a plain future ('will', 'shall', 'is to'): a commitment only when a state, a body or
  an official is named before it in the sentence, and neither a hope ('hoped that ... would') nor
  a prediction ('will help to') — unless what is named before it is an agreement (`instruments`);
- `content`: what an agreement does ('provides for', 'allows', 'foresees'): a commitment of the
  parties when an agreement (`instruments`) is named before it.
Not commitments: purpose clauses ('in order to', 'aimed at': `purpose`), negated markers, questions.
A demonstrative subject right after a promise ('These measures will ...', `anaphora`) continues it.
The committing states are the statement's, completed with the article's pair (a bilateral article's
promises bind the pair); a statement naming no state at all takes the pair only in an article that
tells acts of states (`events`): elsewhere (a phone company's plans, a court hearing, a senator's
bill) the states the article names elsewhere make no one's plan a state's promise. The deadline is
the sentence's date when it does not lie in the past.
"""
from __future__ import annotations

import functools
import re

from liaison import lexicon
from liaison.extract import arguments as args
from liaison.extract.setting import lead_indices, main_states
from liaison.extract.sides import cue_words, doer_is_a_state, done_by_non_state, relative_pronouns, token_at
from liaison.extract.triggers import clause_before, cues, negated_by_a_child, negations
from liaison.nlp.patterns import Hit, PatternSet, compile_pattern, longest_first
from liaison.nlp.pipelines import with_tokens
from liaison.nlp.tokens import Token, fold_word, noun_after_to, tokens_of_sentence
from liaison.records import Actor, Commitment, DateValue, Document, Span

MAX_ACTION_CHARS = 240
MIN_WORDS = 5
FOLLOW_SENTENCES = 2        # 'These measures will ...' continues a promise stated this many sentences before
OWN_CLAUSE_TOKENS = 8       # markers closer than this belong to one clause: one commitment
AFTER = 3                   # tokens after a plain future where a prediction verb counts
HEDGE_AFTER = 1             # ... where a hedge counts ('would probably be discussed')
SUPERLATIVE_BEFORE = 4      # tokens before 'to be held' where 'the first …' counts
CONDITION_AFTER = 6         # ... where the condition of a conditional mood counts ('would be revealed if')
KINDS = ("promise", "future", "content")


@functools.cache
def patterns(lang: str | None, key: str) -> PatternSet:
    return PatternSet([compile_pattern(p, lang, key) for p in lexicon.words(lang, "commitments", key)], lang)


def _has(lang: str | None, key: str, tokens: list[Token]) -> bool:
    return bool(tokens) and bool(patterns(lang, key).find(tokens))


def _right_after(tokens: list[Token], hit: Hit, n: int = 2) -> list[Token]:
    return [t for t in tokens if hit.last <= t.i < hit.last + n]


def markers(tokens: list[Token], lang: str | None) -> list[Hit]:
    """Promise, future and content markers of a sentence, one per clause (the strongest kind). A
    negated future is a clause of its own: 'an approach that will not overwhelm Guatemalan resources
    and will be supported by U.S.-funded capacity' states one step, the second."""
    hits = longest_first([h for key in KINDS for h in patterns(lang, key).find(tokens)])
    out: list[Hit] = []
    for h in hits:
        own_clause = negations(lang, _right_after(tokens, out[-1])) if out else True
        if not own_clause and h.first - out[-1].last < OWN_CLAUSE_TOKENS:
            if KINDS.index(h.pattern.payload) < KINDS.index(out[-1].pattern.payload):
                out[-1] = h             # 'will sign' + 'pledged to' close together: one promise
            continue
        out.append(h)
    return out


def _named_before(doc: Document, sentence: Span, at: int) -> bool:
    """A state, a body or an official named before the marker; a person with neither office nor
    state ('Doctors assume that X will suffer...') speaks for no one who can commit."""
    before = (sentence.start, at)
    official = [p for p in args.actors_in(doc, *before) if p.actor.role or p.actor.country]
    bodies = [m for m in args.mentions_in(doc, *before, ("organization", "title"))
              if (m.extra or {}).get("scope") != "non_state"]       # a rights group commits no state
    return bool(official or args.countries_in(doc, *before) or bodies)


PREDICATE_DEPS = {"acomp", "attr"}     # 'will be unprecedented', 'would be a last resort' (en parse)


def told_in_the_past(parsed, start: int, end: int) -> bool:
    """The phrase at start..end (a time phrase: 'within three days') belongs to a verb whose
    auxiliary is in a past tense ('were recorded', 'had been returned'). Not a simple past, which
    the parser also gives a clause it hangs wrongly ('priorities …, which included holding elections
    within three months'). False without a parse."""
    token = token_at(parsed, start, end)
    if token is None or token.head.i == token.i:
        return False
    auxiliaries = [c for c in token.head.children if c.dep_ in ("aux", "auxpass", "aux:pass")]
    return any("Fin" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense") for t in auxiliaries)


def copular_future(parsed, start: int, end: int) -> bool:
    """The future at start..end says what something will be, an adjective or a noun after 'be'
    ('would be virtually unprecedented', 'sera nécessaire'): a description, no step anyone takes.
    'Will be held' is a passive step and stays. False without a parse."""
    marker = token_at(parsed, start, end)
    if marker is None:
        return False
    predicate = marker.head if marker.dep_ in ("aux", "aux:tense", "cop") else marker
    children = {c.dep_ for c in predicate.children}
    if "cop" in children or marker.dep_ == "cop":
        return predicate.pos_ in ("ADJ", "NOUN")           # UD: the predicate heads its copula
    return predicate.lemma_ == "be" and bool(children & PREDICATE_DEPS)


# the links from a clause up to the clause that governs it: a complement, an adverbial clause, a
# content clause of a noun, and the noun's own attachment ('must not give an impression that they are
# willing to'); not a coordination ('did not want war and will sign') nor a relative clause
GOVERNED_BY = {"xcomp", "ccomp", "advcl", "acomp", "acl", "dobj", "obj", "pobj", "obl", "nmod", "prep",
               "mark"}


AUXILIARY_DEPS = ("aux", "aux:tense", "auxpass", "aux:pass")


def _verb_of(token):
    """The verb a marker word belongs to: itself, or the verb of 'will', 'would', 'is' (planning)."""
    return token.head if token.dep_ in AUXILIARY_DEPS else token


def _joined_by_nor(token, lang: str | None) -> bool:
    """'the U.S. is not now, nor ever was, planning to': a clause joined by 'nor' (commitments.json
    `nor`) is negated (the parse hangs the conjunction on the first clause)."""
    verb = _verb_of(token)
    if verb.dep_ != "conj":
        return False
    words = _folded_words(lang, "nor")
    return any(c.dep_ == "cc" and fold_word(c.lower_) in words for c in [*verb.children, *verb.head.children])


def open_question(parsed, lang: str | None, start: int, end: int) -> bool:
    """The marker's verb opens on a word that asks (commitments.json `open_question`: 'awaited to
    hear whether Abdullah, the Canadian family's oldest son, would be released'), however far
    before it: what is asked is no step promised. False without a parse."""
    marker = token_at(parsed, start, end)
    if marker is None:
        return False
    words = _folded_words(lang, "open_question")
    return any(c.dep_ == "mark" and fold_word(c.lower_) in words for c in _verb_of(marker).children)


def negated_above(parsed, lang: str | None, start: int, end: int) -> bool:
    """A clause that governs the marker is negated ('does not allow for more troops to be deployed',
    'must not give an impression that they are willing to compromise'), or the marker's clause is
    joined by 'nor': no step is promised. False without a parse."""
    token = token_at(parsed, start, end)
    if token is None:
        return False
    if _joined_by_nor(token, lang):
        return True
    while token.dep_ in GOVERNED_BY or token.dep_ in AUXILIARY_DEPS:
        token = token.head
        if negated_by_a_child(token, lang, "negation"):
            return True
        if token.head.i == token.i:
            break
    return False


def accepted(doc: Document, sentence: Span, tokens: list[Token], hit: Hit, follows: bool) -> tuple[bool, str]:
    """Whether the marker states a commitment, and why not."""
    lang = doc.lang
    k = next(i for i, t in enumerate(tokens) if t.i == hit.first)
    end = next(i for i, t in enumerate(tokens) if t.i == hit.last - 1) + 1
    window, before = clause_before(tokens, k, lang), tokens[max(0, k - 8):k]
    if _has(lang, "purpose", window) or _has(lang, "purpose", tokens[k:end]):
        return False, "a purpose clause"
    after = tokens[end:end + 2]
    negated = cues(lang, "negation").find(window) or cues(lang, "negation_after").find(after)
    if negated or negations(lang, after):
        return False, "negated ('will not recognize', 'ne … pas', 'wird nicht')"
    if open_question(doc.parsed, lang, tokens[k].start, tokens[end - 1].end):
        return False, "an open question ('awaited to hear whether … would be released')"
    if negated_above(doc.parsed, lang, tokens[k].start, tokens[end - 1].end):
        return False, "under a negated clause ('does not allow for more troops to be deployed')"
    if tokens[k].pos == "ADP" and told_in_the_past(doc.parsed, tokens[k].start, tokens[k].end):
        return False, "the time span of an act told in the past ('were recorded within three days')"
    if calendar_event(tokens, k, end, lang):
        return False, "a calendar event being held ('the elections will be held'), no state's promise"
    kind = hit.pattern.payload
    instrument = _has(lang, "instruments", tokens[:k])
    if _has(lang, "undone", tokens[end:]):
        return False, "a plan called off or failed ('but those plans have since been canceled')"
    if noun_after_to(tokens, end):
        return False, "'to' before a noun: a cause or a stance ('due to malpractice'), no step"
    if done_by_non_state(doc.parsed, doc.lang, tokens[k].start, tokens[end - 1].end):
        return False, "promised by no state (protesters, a group, a company's people)"
    hedged = _has(lang, "not_promise", before) or _has(lang, "not_promise", tokens[end:end + HEDGE_AFTER])
    if kind == "promise" and _has(lang, "superlative", tokens[max(0, k - SUPERLATIVE_BEFORE):k]) and (
            _has(lang, "infinitive", tokens[k:k + 1])):
        # 'the first democratic elections to be held for forty years', 'the first to be published'
        return False, "an infinitive after a superlative: the first one so far, no plan"
    if kind == "promise" and not hedged:
        return True, ""
    if kind == "content":
        return (instrument, "" if instrument else "no agreement named before it")
    if hedged:
        # also before a promise word: 'hopes to sign', 'fears that Beijing plans to', 'may agree to'
        return False, "a hope, a fear or a hedge ('would probably')"
    if copular_future(doc.parsed, tokens[k].start, tokens[end - 1].end) and not instrument:
        return False, "a description ('will be unprecedented')"
    conditional = _has(lang, "conditional_mood", tokens[k:end])
    if conditional and _has(lang, "counterfactual_after", tokens[end:end + 2]):
        return False, "a counterfactual ('would have contradicted'): what did not happen"
    if conditional and _has(lang, "condition", tokens[end:end + CONDITION_AFTER]):
        return False, "a conditional mood with its condition ('would be revealed if the lawsuits continued')"
    if _has(lang, "prediction", tokens[end:end + AFTER]) and not instrument:
        return False, "a prediction"
    if follows and _has(lang, "anaphora", before):
        return True, ""
    if instrument or _named_before(doc, sentence, tokens[k].start):
        return True, ""
    return False, "no state, body or official named before it"


TAKING_PLACE_AFTER = 3      # tokens after the marker where its verb of taking place stands


def calendar_event(tokens: list[Token], k: int, end: int, lang: str | None) -> bool:
    """The marker at tokens[k:end] tells that elections, games or a festival will take place
    (commitments.json `calendar_events` with a `taking_place` verb: 'ceremonies to be held', 'the
    Olympics, which are set to occur', 'si terranno le elezioni'): the calendar, no state's promise.
    Elections a government will hold are its promise."""
    place = patterns(lang, "taking_place").find(tokens[k:end + TAKING_PLACE_AFTER])
    if not place:
        return False
    words = _folded_words(lang, "calendar_events")
    subject = k - 1
    if subject >= 0 and tokens[subject].norm in relative_pronouns(lang):
        subject -= 2 if subject >= 1 and tokens[subject - 1].punct else 1
    at = {t.i: n for n, t in enumerate(tokens)}
    after = at[place[0].last - 1] + 1       # 'si terranno le elezioni': the subject after the verb
    near = ([tokens[subject]] if subject >= 0 else []) + tokens[after:after + TAKING_PLACE_AFTER]
    return any(t.norm in words or t.lemma in words for t in near)


def _due(doc: Document, sentence: Span, at: int, lead_in: Span | None = None) -> tuple[DateValue | None, str]:
    dated = args.date_near(doc, sentence.start, sentence.end, at)
    if not dated and lead_in is not None:
        # 'Looking ahead to 2026, the minister announces ... . He mentions seven new posts to be
        # created': the forward date of the sentence that introduces the plan is its deadline
        dated = _forward_date(doc, lead_in)
    if not dated:
        return None, "no deadline stated"
    value, span = dated
    if doc.published and value.end and value.end < doc.published[:10]:
        return None, f"'{span.text}' lies in the past: no deadline"
    return value.stated(), f"due from '{span.text}'"


def _forward_date(doc: Document, span: Span) -> tuple[DateValue, Span] | None:
    """A date of the span that does not look back (no past tense, not before publication)."""
    for m in args.mentions_in(doc, span.start, span.end, ("date",)):
        value = DateValue.from_json(m.value) if isinstance(m.value, dict) else None
        if value is None or not value.start or (m.extra or {}).get("tense") == "past":
            continue
        if doc.published and value.end and value.end < doc.published[:10]:
            continue
        return value, m.span
    return None


def _committer(doc: Document, sentence: Span, at: int) -> Actor | None:
    placed = args.actors_in(doc, sentence.start, sentence.end)
    before = [p for p in placed if p.start < at]
    chosen = (before[-1] if before else placed[0]) if placed else None
    return chosen.actor if chosen else None


def promised_by_private_person(doc: Document, start: int, end: int, actor: Actor) -> bool:
    """The committer is a person the article names without any office, or with a private profession
    only (titles.json `private`: 'defense lawyer Khalil Maatouk … would appeal'; 'Pat Robertson …
    planning to', 'Mayberry also claimed … would be'): what they will do, would like or say will happen is
    theirs, no state's (as extract/events.private_source). Unless the parse gives the marker a
    state as its own doer: the person only reports it ('Mr. Dobrev said Bulgarian and American
    military officials will meet')."""
    if not args.holds_no_office(actor):
        return False
    return not doer_is_a_state(doc.parsed, doc.lang, start, end)


def _commitment(doc: Document, sentence: Span, at: int, marker: str, pair: list[str],
                lead_in: Span | None = None, lend: bool = True) -> Commitment | None:
    actor = _committer(doc, sentence, at)
    if actor is not None and args.non_state_body(actor):
        return None             # 'Amnesty's plan to close it': a rights group's, no state's
    if actor is not None and promised_by_private_person(doc, at, at + len(marker), actor):
        return None
    if actor is not None and (actor.entity_key or "").startswith("person:") and own_movement(
            doc.parsed, doc.lang, at, at + len(marker)):
        return None             # 'Akayev vowed to return to the country': the person's own course
    countries = args.countries_in(doc, sentence.start, sentence.end)
    if actor and actor.country and actor.country not in countries:
        countries.insert(0, actor.country)
    if countries or lend:
        countries += [c for c in pair if c not in countries]
    if not countries:
        return None
    due, due_note = _due(doc, sentence, at, lead_in)
    action = doc.text[at:sentence.end].strip()[:MAX_ACTION_CHARS]
    who = f"{actor.name} ({actor.country})" if actor else ", ".join(countries)
    return Commitment(action=action, evidence=(sentence,), actor=actor, countries=tuple(countries), due=due,
                      explanation=f"commitment marker '{marker}'; committed: {who}; {due_note}")


OBJECT_DEPS = {"dobj", "obj"}


def own_movement(parsed, lang: str | None, start: int, end: int) -> bool:
    """The step the marker at start..end announces is the speaker's own going or staying, with no
    object (commitments.json `own_movement`: 'vowed to return to the country', 'will move to the
    United States'), or leaving, whatever is left (`own_leaving`: 'will leave parliament'): a person's
    course, no state's step ('will return the migrants' has an object and stays). False without a
    parse."""
    token = token_at(parsed, start, end)
    if token is None:
        return False
    governing = token.head if token.dep_ in ("aux", "aux:tense", "mark") else token
    if doer_is_a_state(parsed, lang, governing.idx, governing.idx + len(governing.text)):
        return False            # 'the military plans to move forward with trials'
    verb = next((c for c in governing.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), governing)
    lemma = fold_word(verb.lemma_, lang)
    if lemma in _folded_words(lang, "own_leaving"):
        return True             # 'will leave parliament': what one leaves is no one acted upon
    moves = _folded_words(lang, "own_movement")
    return lemma in moves and not any(c.dep_ in OBJECT_DEPS for c in verb.children)


@functools.cache
def _folded_words(lang: str | None, key: str) -> frozenset[str]:
    return frozenset(fold_word(w, lang) for w in lexicon.words(lang, "commitments", key))


def asked(text: str, at: int) -> bool:
    """Is the marker at `at` inside a question ('"Does anyone think the Americans would give us aid
    if …?" he said')? The first sentence end after it is a question mark: it asks, and promises
    nothing."""
    end = re.search(r"[.!?？]", text[at:])
    return bool(end) and end.group() in "?？"


def commitments_in(doc: Document, sentence: Span, tokens: list[Token], pair: list[str],
                   lead_in: Span | None = None, follows: bool = False, lend: bool = True) -> list[Commitment]:
    """The commitments of one sentence. `lead_in`: the sentence before it in its paragraph;
    `follows`: a commitment was stated just before (a demonstrative subject continues it)."""
    if len(sentence.text.split()) < MIN_WORDS:
        return []
    out = []
    relative = relative_pronouns(doc.lang)
    for hit in markers(tokens, doc.lang):
        ok, _why = accepted(doc, sentence, tokens, hit, follows)
        if ok:
            k = [t.i for t in tokens].index(hit.first)
            at = tokens[k].start
            if asked(sentence.text, at - sentence.start):
                continue
            if out and k and tokens[k - 1].norm in relative:
                continue    # 'seven new posts to be created, …, which will be dedicated to …': what they are
            if hit.pattern.payload == "future" and describes_a_thing(doc, tokens, k, relative):
                continue
            c = _commitment(doc, sentence, at, doc.text[at:doc.tokens[hit.last - 1].end], pair, lead_in, lend)
            if c is not None:
                out.append(c)
    return out


def describes_a_thing(doc: Document, tokens: list[Token], k: int, relative: frozenset[str]) -> bool:
    """A plain future opening a relative clause (the marker at tokens[k], right after the pronoun) about
    something that is no agreement, no state organ and no named actor tells what that thing will
    be or do: 'the Constantine Palace, which will house the summit'. 'The agreement, which will
    allow …', 'the government, which will …' and 'talks, which will begin on Friday' stay
    commitments."""
    rel = k - 1 if k and tokens[k - 1].norm in relative else None
    if rel is None:
        return False
    j = rel - 1
    while j >= 0 and tokens[j].punct:
        j -= 1
    if j < 0 or tokens[j].sent != tokens[k].sent:
        return False
    noun = tokens[j]
    word = fold_word(noun.text, doc.lang)
    kept = cue_words(doc.lang, "state_doers") | cue_words(doc.lang, "topic_heads")
    if _has(doc.lang, "instruments", [noun]) or word in kept:
        return False        # an agreement, a state organ, a meeting ('talks, which will begin on Friday')
    named = [s for e in doc.entities if e.kind in ("person", "organization") for s in e.mentions]
    named += [m.span for m in doc.mentions if m.kind in ("country", "demonym")]
    return not any(s.end == noun.end for s in named)


def _same_paragraph(doc: Document, a: Span, b: Span) -> bool:
    return "\n\n" not in doc.text[a.end:b.start]


def extract_commitments(doc: Document, sentences: list[Span], states: list[str] | None = None
                        ) -> list[Commitment]:
    """`states`: the article's main states, most named first (setting.main_states), when known."""
    doc = with_tokens(doc)
    if states is None:
        states = main_states(doc, sentences, lead_indices(sentences))
    pair = states[:2]
    out, seen = [], set()
    last_promise = -FOLLOW_SENTENCES - 1
    for i, sentence in enumerate(sentences):
        said = " ".join(sentence.text.split())
        if said in seen:
            continue                    # a repeated caption or headline
        seen.add(said)
        before = sentences[i - 1] if i and _same_paragraph(doc, sentences[i - 1], sentence) else None
        tokens = tokens_of_sentence(doc.tokens, i)
        found = commitments_in(doc, sentence, tokens, pair, before, i - last_promise <= FOLLOW_SENTENCES,
                               lend=bool(doc.events))
        if found:
            last_promise = i
        out += found
    return out
