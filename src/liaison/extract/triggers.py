"""Event triggers: the lexicon's PLOVER vocabulary (events.json) found in a sentence's tokens.

A trigger keeps its lexicon entry (type, mode, confidence) and three flags read from its clause:
negated (not an event), future or promised (a future CONSULT/SUPPORT/COOPERATE/AID is coded AGREE)
and hypothetical. With a parse the flags come from the trigger's own verb (its negation, its
auxiliaries, its tense); the cue words of the clause before it decide otherwise, and in both cases
a cue word that stands right before the trigger wins ("refused to sign", "plans to visit").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from liaison import lexicon, plover
from liaison.nlp.patterns import Hit, PatternSet, compile_pattern, longest_first
from liaison.nlp.tokens import Token, fold_word

WINDOW = 6  # tokens of the clause before a trigger where its cue words count
AFTER = 2  # tokens after it where a following negation counts ("ne signera pas"), unless
# the language says otherwise (language.json negation_reach: German 'nicht')
VETO_REACH = 3  # tokens around it where a not_after / not_before pattern vetoes it
NEG_DEPS = {"neg"}  # Universal Dependencies' negation relation
AUX_DEPS = {"aux", "aux:tense", "aux:pass", "auxpass"}


@dataclass(frozen=True)
class Trigger:
    entry: dict  # the lexicon entry: id, type, mode, confidence
    start: int  # document offsets of the matched words
    end: int
    text: str
    head: int  # token index of the trigger's first word
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    planned: bool = False  # only planned or intended ('plans to deport'): events.json cues `planned`

    @property
    def type(self) -> str:
        if self.negated and self.entry.get("if_negated"):
            return self.entry["if_negated"]  # 'did not allow the flights to land': a refusal
        return plover.future_type(self.entry["type"]) if self.future else self.entry["type"]

    @property
    def counts(self) -> bool:
        """Whether the trigger reports an act: not negated, unless its negation is itself an act."""
        return not self.negated or bool(self.entry.get("if_negated"))

    @property
    def mode(self) -> str | None:
        return None if self.type != self.entry["type"] else self.entry.get("mode")

    @property
    def confidence(self) -> float:
        return float(self.entry.get("confidence", 0.5))


@functools.cache
def trigger_patterns(lang: str | None) -> PatternSet:
    entries = lexicon.load(lang, "events").get("triggers", [])
    return PatternSet([compile_pattern(p, lang, entry) for entry in entries for p in entry["patterns"]], lang)


@functools.cache
def _vetoes(lang: str | None, entry_id: str, key: str) -> PatternSet | None:
    entry = next(e for e in lexicon.load(lang, "events")["triggers"] if e["id"] == entry_id)
    patterns = entry.get(key) or []
    return PatternSet([compile_pattern(p, lang) for p in patterns], lang) if patterns else None


@functools.cache
def cues(lang: str | None, key: str) -> PatternSet:
    """One cue list of events.json (negation, negation_after, future, planned, hypothetical,
    speech, non_state); an empty set where the language needs none."""
    words = lexicon.load(lang, "events").get("cues", {}).get(key, [])
    return PatternSet([compile_pattern(p, lang, key) for p in words], lang)


@functools.cache
def _breaks(lang: str | None) -> frozenset[str]:
    return frozenset(fold_word(w, lang) for w in lexicon.words(lang, "words", "clause_breaks"))


def clause_after(tokens: list[Token], k: int, lang: str | None, reach: int) -> list[Token]:
    """Up to `reach` tokens from tokens[k] on, in its clause."""
    out: list[Token] = []
    for t in tokens[k : k + reach]:
        if (t.punct and t.text not in ("'", "’", "-")) or t.norm in _breaks(lang):
            break
        out.append(t)
    return out


def negations(lang: str | None, window: list[Token]) -> bool:
    """A negation cue in the window that is not part of a phrase that only looks negative
    ('not only', 'non appena', 'non governativa': events.json cues `negation_exceptions`)."""
    hits = cues(lang, "negation").find(window) + cues(lang, "negation_after").find(window)
    if not hits:
        return False
    exceptions = cues(lang, "negation_exceptions").find(window)
    return any(not any(e.first <= h.first and h.last <= e.last for e in exceptions) for h in hits)


def clause_before(tokens: list[Token], k: int, lang: str | None) -> list[Token]:
    """Up to WINDOW tokens before tokens[k] in its clause: cut at punctuation and conjunctions."""
    out: list[Token] = []
    for t in reversed(tokens[max(0, k - WINDOW) : k]):
        if (t.punct and t.text not in ("'", "’", "-")) or t.norm in _breaks(lang):
            break
        out.append(t)
    return out[::-1]


def _vetoed(hit: Hit, tokens: list[Token], first: int, last: int, lang: str | None) -> bool:
    entry = hit.pattern.payload
    needs = _vetoes(lang, entry["id"], "needs")
    if needs is not None and not needs.find(tokens):
        return True             # 'attack' with no weapon, death or wound in the sentence is a verbal attack
    within = _vetoes(lang, entry["id"], "not_within")
    if within is not None and within.find(tokens[first:last]):
        return True             # 'held a press conference': a briefing, though 'held ~ conference' matched
    after = _vetoes(lang, entry["id"], "not_after")
    if after is not None and any(
        h.first == tokens[last].i for h in after.find(tokens[last : last + VETO_REACH]) if last < len(tokens)
    ):
        return True
    before = _vetoes(lang, entry["id"], "not_before")
    window = tokens[max(0, first - VETO_REACH) : first]
    return before is not None and any(h.last == tokens[first].i for h in before.find(window))


def _has(patterns: PatternSet, window: list[Token]) -> bool:
    return bool(window) and bool(patterns.find(window))


@functools.cache
def single_words(lang: str | None, key: str) -> frozenset[str]:
    """The one-word cues of a cue list, as folded forms (to test the parser's tokens)."""
    return frozenset(
        p.items[0].words[0].form
        for p in cues(lang, key).patterns
        if len(p.items) == 1 and len(p.items[0].words) == 1
    )


def negated_by_a_child(token, lang: str | None, *keys: str) -> bool:
    """Does the parse give the token a negation of its own: the negation relation, or a word of the
    cue lists `keys` ('ne … pas')?"""
    negation = frozenset().union(*(single_words(lang, k) for k in keys))
    return any(c.dep_ in NEG_DEPS or fold_word(c.text) in negation for c in token.children)


def _parsed_flags(parsed, head: Token, lang: str | None) -> tuple[bool, bool]:
    """(negated, future) from the parse of the trigger's verb: a negation child, a future
    auxiliary or a future tense."""
    try:
        token = parsed[_spacy_index(parsed, head)]
    except (IndexError, ValueError):
        return False, False
    if token.pos_ not in ("VERB", "AUX"):
        return False, False  # a noun's head verb tells the tense of another act ('hoped the meeting would')
    verb = token
    children = list(verb.children)
    negated = negated_by_a_child(verb, lang, "negation", "negation_after")
    auxes = [c for c in children if c.dep_ in AUX_DEPS]
    future_words = single_words(lang, "future")
    future = (
        any(fold_word(a.text) in future_words for a in auxes)
        or "Fut" in verb.morph.get("Tense")
        or any("Fut" in a.morph.get("Tense") for a in auxes)
    )
    return negated, future


def _spacy_index(parsed, token: Token) -> int:
    span = parsed.char_span(token.start, token.end, alignment_mode="expand")
    if span is None or not len(span):
        raise ValueError("no token")
    return span.start


@functools.cache
def _spells_negation(pattern_text: str, lang: str | None) -> bool:
    """The pattern writes a negation word itself (a refusal said as 'not allow': '=lässt ~6 =nicht
    =zu', '=nicht ~1 =akzeptieren'). Read once per pattern: every trigger found asks."""
    words = single_words(lang, "negation") | single_words(lang, "negation_after")
    return any(fold_word(w.lstrip("="), lang) in words
               for item in pattern_text.split() for w in item.split("|") if not w.startswith("~"))


def _trigger(
    hit: Hit, tokens: list[Token], first: int, last: int, doc_text: str, lang: str | None, parsed,
    conditional: bool = False,
) -> Trigger:
    window = clause_before(tokens, first, lang)
    reach = int(lexicon.setting(lang, "negation_reach", AFTER))
    following = clause_after(tokens, last, lang, reach)
    inside = tokens[first + 1 : last - 1]  # 'schiebt keine Afghanen mehr ab'
    if _spells_negation(hit.pattern.text, lang):
        inside = []     # 'lässt … nicht zu', 'ne … pas accepter': the negation is the refusal itself
    negated = (
        negations(lang, window) or _has(cues(lang, "negation_after"), following) or negations(lang, inside)
    )
    future = _has(cues(lang, "future"), window) or _has(
        cues(lang, "future_after"), clause_after(tokens, last, lang, WINDOW)
    )
    if parsed is not None:
        parsed_neg, parsed_future = _parsed_flags(parsed, tokens[first], lang)
        negated, future = negated or parsed_neg, future or parsed_future
    if future and hit.pattern.payload.get("performative") and _has(cues(lang, "volition"), window):
        future = False      # 'I want to thank', 'je tiens à saluer': saying so is doing it
    start, end = tokens[first].start, tokens[last - 1].end
    return Trigger(
        hit.pattern.payload,
        start,
        end,
        doc_text[start:end],
        tokens[first].i,
        negated,
        future,
        _hypothetical(tokens, first, window, lang, conditional),
        _has(cues(lang, "planned"), window),
    )


REPORTED_REACH = 2      # the reported-conditional auxiliary and a participle of being: 'aurait été expulsé'


def _hypothetical(
    tokens: list[Token], first: int, window: list[Token], lang: str | None, conditional: bool
) -> bool:
    """A hypothetical cue in the trigger's clause. The press tells an act it has from a source in the
    conditional perfect ('il governo avrebbe negoziato il rimpatrio', 'Paris aurait expulsé'): that
    auxiliary right before the trigger (events.json cues `reported_conditional`, with the
    participles of being it may take) reports an act, unless a condition opens the sentence
    ('si l'accord avait été signé, Paris aurait expulsé …')."""
    if not _has(cues(lang, "hypothetical"), window):
        return False
    reported = single_words(lang, "reported_conditional")
    told, k = [], first - 1      # the auxiliary and the participle of being after it: 'aurait été expulsé'
    while k >= 0 and first - k <= REPORTED_REACH and tokens[k].norm in reported:
        told.append(tokens[k])
        k -= 1
    if conditional or not _has(cues(lang, "hypothetical"), told):
        return True
    told = {id(t) for t in told}
    return _has(cues(lang, "hypothetical"), [t for t in window if id(t) not in told])


def find_triggers(tokens: list[Token], lang: str | None, doc_text: str, parsed=None) -> list[Trigger]:
    """Every trigger among a sentence's tokens, longest match first where two overlap."""
    if not tokens:
        return []
    position = {t.i: k for k, t in enumerate(tokens)}

    def span(hit: Hit) -> tuple[int, int]:
        return position[hit.first], position[hit.last - 1] + 1

    # a vetoed reading (another sense of the word) gives way to the next-longest one
    hits = [h for h in trigger_patterns(lang).find(tokens) if not _vetoed(h, tokens, *span(h), lang)]
    conditions = [span(h) for h in cues(lang, "condition").find(tokens)]
    found = []
    for h in longest_first(hits):
        trigger = _trigger(h, tokens, *span(h), doc_text, lang, parsed, bool(conditions))
        if trigger.future and _under_condition(tokens, *span(h), conditions):
            trigger = as_threat(trigger)    # 'if they refuse, we will impose tariffs'
        found.append(trigger)
    return found


def _under_condition(tokens: list[Token], first: int, last: int, conditions: list[tuple[int, int]]) -> bool:
    """A condition opens another clause of the sentence than the trigger's own: 'if they refuse,
    we will impose tariffs', 'we will impose tariffs unless they cooperate'. A trigger inside the
    condition clause ('if they impose tariffs, …') is the condition, not the announced act."""
    for c_first, c_last in conditions:
        if c_first >= last:
            return True
        between = tokens[c_last:first]
        if c_last <= first and any(t.punct and t.text not in ("'", "’", "-") for t in between):
            return True
    return False


def as_threat(trigger: Trigger) -> Trigger:
    """A punitive act announced (future, conditional) under a condition is a threat of it
    (plover.json `conditional_becomes_threaten`): the mode says what is threatened. A condition
    alone is not enough: 'wenn', 'if' also mean 'when' before a present or past act."""
    if trigger.negated or trigger.type != trigger.entry["type"]:
        return trigger
    mode = plover.threat_mode(trigger.entry["type"], trigger.entry.get("mode"))
    if mode is None:
        return trigger
    entry = {**trigger.entry, "id": trigger.entry["id"] + "+condition", "type": plover.threat_type(),
             "mode": mode}
    return replace(trigger, entry=entry, future=False, hypothetical=False)
