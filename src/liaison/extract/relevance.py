"""Is an article about state action on security, migration, crime or diplomacy?

Sport, business, culture or a domestic budget debate yields no events, commitments or figures.
The test is by the topic words of the relevant PLOVER contexts (contexts.json `relevant`),
counted over the whole text and required several times so that one stray 'police' in a football
report does not make it relevant; phrases naming the state security apparatus (`signals`:
interior ministers, border police) count too, and diplomatic words count half.
"""
from __future__ import annotations

import functools

from liaison import lexicon
from liaison.extract.contexts import context_counts
from liaison.nlp.patterns import PatternSet, compile_pattern
from liaison.records import Document

MIN_SCORE = 3.5        # relevant-context words + state-security signals + half the diplomatic words
MIN_CORE = 2           # relevant-context words and state-security signals alone


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
    return core >= MIN_CORE and core + counts["diplomatic"] / 2 >= MIN_SCORE
