"""Name keys for matching: accents, case, hyphens and punctuation ignored."""
from __future__ import annotations

import re
import unicodedata


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-zA-Z]+", " ", text.lower()).split())


def has_diacritics(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFKD", text))


def display_name(names: list[str]) -> str:
    """Prefer a spelling with diacritics, then proper case, then the most frequent, then the shortest
    full form (a second surname is often left out: the short form is the common name)."""
    def score(name: str):
        return (has_diacritics(name), not name.isupper(), "-" in name, names.count(name), -len(name))
    return max(names, key=score)
