"""Text folding shared by every room: accents off, case off, for keys that match spellings.

One place, so that a name folded while reading an article, while linking the corpus, in a store
query and in the scorer gives the same key.
"""
from __future__ import annotations

import functools
import re
import unicodedata


def strip_accents(text: str) -> str:
    """'Nuñez' -> 'Nunez': compatibility decomposition without the combining marks."""
    if text.isascii():          # most words: nothing to decompose, and the check is cheap
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    if len(decomposed) < 64:    # a word: testing each character is quickest
        return "".join(c for c in decomposed if not unicodedata.combining(c))
    # a whole article (cleaning folds them): the marks are looked up among its distinct characters
    # only, then deleted in one pass, instead of a Python test per character
    marks = [c for c in set(decomposed) if unicodedata.combining(c)]
    return decomposed.translate(dict.fromkeys(map(ord, marks))) if marks else decomposed


def has_diacritics(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFKD", text))


def fold(text: str | None) -> str:
    """A name key: accents, case, hyphens and punctuation ignored
    ("Jean-Paul  Nuñez." -> "jean paul nunez")."""
    return _fold(str(text or ""))


# The same names are folded again and again (coreference compares every pair of an article's
# mentions, linking every pair of candidate entities): remember the recent ones.
@functools.lru_cache(maxsize=65_536)
def _fold(text: str) -> str:
    return " ".join(_NOT_ALNUM.sub(" ", strip_accents(text).lower()).split())


_NOT_ALNUM = re.compile(r"[^0-9a-zA-Z]+")
