"""PLOVER contexts of a statement and of an article, from per-language word lists (contexts.json)."""
from __future__ import annotations

import functools
import re
from collections import Counter

from liaison.extract import lexicon

# PLOVER: `crime` is not added when a more specific context applies
SPECIFIC_CRIME = ("trafficking", "illegal_drugs", "corruption")


@functools.cache
def _patterns(lang: str | None) -> tuple[tuple[str, re.Pattern], ...]:
    words = lexicon.load(lang, "contexts").get("contexts", {})
    out = []
    for context, stems in words.items():
        body = "|".join(re.escape(s).replace("'", "['’]").replace(r"\ ", r"\s+")
                        for s in sorted(stems, key=len, reverse=True))
        out.append((context, re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE)))
    return tuple(out)


def context_counts(text: str, lang: str | None) -> Counter:
    """How many words of each context the text contains."""
    counts: Counter = Counter()
    for context, rx in _patterns(lang):
        n = len(rx.findall(text))
        if n:
            counts[context] = n
    return counts


def tidy(contexts: list[str]) -> tuple[str, ...]:
    out = list(dict.fromkeys(contexts))
    if "crime" in out and any(c in out for c in SPECIFIC_CRIME):
        out.remove("crime")
    return tuple(out)


def statement_contexts(sentence: str, article: Counter, lang: str | None) -> tuple[str, ...]:
    """The sentence's own contexts, then the article's dominant ones (contexts are paragraph/document
    level)."""
    own = list(context_counts(sentence, lang))
    dominant = [c for c, n in article.most_common() if n >= 2][:3]
    return tidy(own + dominant)
