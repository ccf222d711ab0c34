"""Is an article about state action on security, migration, crime or diplomacy?

Sport, business, culture or a domestic budget debate yields no events, commitments or figures.
The test is by the topic words of the relevant PLOVER contexts (contexts.json `relevant`),
counted over the whole text and required several times so that one stray 'police' in a football
report does not make it relevant; phrases naming the state security apparatus (`signals`:
interior ministers, border police) count too, and diplomatic words count half.

And Liaison records what states do with each other: an article about a single state is relevant only
with strong signs of its security apparatus (an interior minister announcing a migration plan), not
for a local crime story whose suspect's nationality makes a second state appear once.
"""

from __future__ import annotations

import functools

from liaison import lexicon
from liaison.extract.arguments import mention_countries
from liaison.extract.contexts import context_counts
from liaison.nlp.patterns import PatternSet, compile_pattern
from liaison.records import Document

MIN_SCORE = 3.5  # relevant-context words + state-security signals + half the diplomatic words
MIN_CORE = 2  # relevant-context words and state-security signals alone
MIN_SIGNALS_ONE_STATE = 3  # an article about one state needs its security apparatus named this often,
MANY_STATES = 3  # ... or to name this many states,
MIN_BODY_MENTIONS = 2  # ... or an international body this often


@functools.cache
def _signal_patterns(lang: str | None) -> PatternSet:
    return PatternSet([compile_pattern(p, lang) for p in lexicon.words(lang, "contexts", "signals")], lang)


def relevance_counts(doc: Document) -> dict[str, int]:
    """Relevant-context word counts, plus `signals` (interior ministers, police...) and `diplomatic`."""
    counts = context_counts(doc.tokens, doc.lang)
    relevant = set(lexicon.words(doc.lang, "contexts", "relevant"))
    out = {c: n for c, n in counts.items() if c in relevant}
    out["signals"] = len(_signal_patterns(doc.lang).find(list(doc.tokens)))
    out["diplomatic"] = counts.get("diplomatic", 0) + counts.get("military", 0)
    return out


def is_relevant(doc: Document) -> bool:
    counts = relevance_counts(doc)
    core = sum(n for c, n in counts.items() if c != "diplomatic")
    if core < MIN_CORE or core + counts["diplomatic"] / 2 < MIN_SCORE:
        return False
    named = named_states(doc)
    return (
        counts["signals"] >= MIN_SIGNALS_ONE_STATE
        or len(article_states(doc)) >= 2
        or len(named) >= MANY_STATES
        or (len(named) >= 2 and counts["signals"] >= 1)
        or international_bodies(doc) >= MIN_BODY_MENTIONS
    )


def article_states(doc: Document) -> list[str]:
    from liaison.extract.setting import lead_indices, main_states
    from liaison.nlp.sentences import sentences

    spans = sentences(doc)
    return main_states(doc, spans, lead_indices(spans))


def named_states(doc: Document) -> set[str]:
    """Every state the article names, even once (an operation across eight countries), also
    through its places ('Roma, 12 marzo': a dateline)."""
    places = {
        m.extra["country"] for m in doc.mentions if m.kind == "place" and (m.extra or {}).get("country")
    }
    return {c for m in doc.mentions for c in mention_countries(m)} | places


def international_bodies(doc: Document) -> int:
    """Mentions of international organisations (the EU, Interpol, Frontex): a state dealing with one
    is what Liaison records, as much as two states dealing with each other."""
    return sum(
        1
        for m in doc.mentions
        if m.kind == "organization" and (m.extra or {}).get("scope") == "international"
    )
