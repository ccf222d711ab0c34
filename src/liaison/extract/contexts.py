"""PLOVER contexts of a statement and of an article, from per-language topic words (contexts.json)."""
from __future__ import annotations

import functools
from collections import Counter

from liaison import lexicon, plover
from liaison.nlp.patterns import PatternSet, compile_pattern
from liaison.nlp.tokens import Token


@functools.cache
def topic_patterns(lang: str | None) -> PatternSet:
    words = lexicon.load(lang, "contexts").get("contexts", {})
    return PatternSet([compile_pattern(p, lang, context) for context, ps in words.items() for p in ps], lang)


def context_counts(tokens, lang: str | None) -> Counter:
    """How many topic words of each context the tokens contain."""
    return Counter(hit.pattern.payload for hit in topic_patterns(lang).find(list(tokens)))


def tidy(contexts: list[str]) -> tuple[str, ...]:
    """PLOVER: `crime` is not added when a more specific context applies."""
    out = list(dict.fromkeys(contexts))
    if "crime" in out and any(c in out for c in plover.specific_crime_contexts()):
        out.remove("crime")
    return tuple(out)


def statement_contexts(tokens: list[Token], article: Counter, lang: str | None) -> tuple[str, ...]:
    """The sentence's own contexts, then the article's dominant ones (contexts are paragraph or
    document level in PLOVER)."""
    own = list(context_counts(tokens, lang))
    dominant = [c for c, n in article.most_common() if n >= 2][:3]
    return tidy(own + dominant)
