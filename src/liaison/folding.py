"""Text folding shared by every room: accents off, case off, for keys that match spellings.

One place, so that a name folded while reading an article, while linking the corpus, in a store
query and in the scorer gives the same key.
"""
from __future__ import annotations

import re
import unicodedata


def strip_accents(text: str) -> str:
    """'Nuñez' -> 'Nunez': compatibility decomposition without the combining marks."""
    if text.isascii():          # most words: nothing to decompose, and the check is cheap
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def has_diacritics(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFKD", text))


def fold(text: str | None) -> str:
    """A name key: accents, case, hyphens and punctuation ignored
    ("Jean-Paul  Nuñez." -> "jean paul nunez")."""
    text = strip_accents(str(text or ""))
    return " ".join(re.sub(r"[^0-9a-zA-Z]+", " ", text.lower()).split())
