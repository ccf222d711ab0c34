"""Dictionary matching over word tokens: longest match first, with a case policy per alias.

Aliases are indexed by their folded tokens (lower case, accents removed, dots of abbreviations
dropped), so one dict lookup per candidate n-gram finds every reading of a stretch of text; the
case policy of each reading is then checked on the surface ("US" is a country, "us" is not).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from liaison.folding import strip_accents

# abbreviations with dots ("U.S.", "EE.UU.", "R.D.C.") are one token; else runs of letters/digits
# abbreviations with their dots are one token, with or without spaces ("U.S.", "EE. UU.")
TOKEN_RE = re.compile(r"[^\W\d_]{1,2}\.(?:[ \u00a0]?[^\W\d_]{1,2}\.)+|[^\W_]+")
# what may separate the words of one name: a space, a hyphen, an apostrophe ("Côte d'Ivoire")
GAP_RE = re.compile(r"[ \u00a0]?[-\u2010\u2011\u2013'\u2019]?[ \u00a0]?")
MAX_TOKENS = 8
MAX_ACRONYM = 3  # longer all-capital words are as often a name in a capitalised headline (MALI, CUBA)

# case policies
EXACT = "exact"        # acronyms and short forms: same letters, same case ("US", "U.S.")
INITIALS = "initials"  # every capitalised word of the alias is capitalised in the text (or all caps)
ANY = "any"            # any case (multi-word organisation names, demonyms in the text's language)


@functools.lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    # cached: every article folds the same common words again
    return strip_accents(text.replace("ß", "ss")).lower().replace(".", "")


def tokens_of(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), fold(m.group())) for m in TOKEN_RE.finditer(text)]


def key_of(name: str) -> str:
    return " ".join(t[2] for t in tokens_of(name))


@dataclass(frozen=True)
class Entry:
    kind: str                 # country | demonym | place | organization | prefix
    value: str                # alpha-3, canonical name
    alias: str                # the alias as written in the data
    policy: str = INITIALS
    lang: str | None = None   # demonyms: the language the form belongs to
    data: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    first: int                # index of the first token
    last: int                 # index after the last token
    entries: tuple[Entry, ...]


def _squash(text: str) -> str:
    return text.replace(".", "").replace(" ", "")


def _initials_agree(surface: str, alias: str) -> bool:
    if _acronym(surface) and not _acronym(alias):
        return False    # 'the IRA' is no 'Irã' (Iran in Portuguese): an acronym only as written
    words = TOKEN_RE.findall(surface)
    alias_words = TOKEN_RE.findall(alias)
    if len(words) != len(alias_words):
        return surface[:1].isupper()
    for word, alias_word in zip(words, alias_words, strict=True):
        if alias_word[:1].isupper() and not word[:1].isupper():
            return False
    return surface[:1].isupper() or not alias[:1].isupper()


def _acronym(text: str) -> bool:
    """All capitals and short (IRA, ETA, PKK): initials, whatever longer word they spell when folded."""
    letters = _squash(text)
    return 2 <= len(letters) <= MAX_ACRONYM and letters.isalpha() and letters.isupper()


def alias_lower(alias: str) -> bool:
    return alias[:1].islower()


def accepts(entry: Entry, surface: str, lang: str | None) -> bool:
    if entry.policy == EXACT:
        return _squash(surface) == _squash(entry.alias)
    if entry.policy == ANY and entry.lang:
        # a demonym form of another language is a different word here ("Chino" in English)
        return lang is None or entry.lang == lang
    if entry.policy == ANY:
        # an all-lower-case stretch is only a name when the alias itself starts in lower case
        return not surface.islower() or alias_lower(entry.alias)
    return _initials_agree(surface, entry.alias)


class Index:
    """Aliases by folded token key, plus every key prefix so that a scan can stop early."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[Entry]] = {}
        self.prefixes: set[str] = set()

    def add(self, entry: Entry) -> None:
        key = key_of(entry.alias)
        if not key or key.count(" ") >= MAX_TOKENS:
            return
        bucket = self.by_key.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        parts = key.split(" ")
        for n in range(1, len(parts) + 1):
            self.prefixes.add(" ".join(parts[:n]))

    def get(self, name: str) -> list[Entry]:
        return self.by_key.get(key_of(name), [])

    def scan(self, text: str, lang: str | None = None,
             tokens: list[tuple[int, int, str]] | None = None) -> list[Match]:
        """Non-overlapping matches, longest first, left to right."""
        tokens = tokens if tokens is not None else tokens_of(text)
        out: list[Match] = []
        i = 0
        while i < len(tokens):
            found = self._longest_at(text, tokens, i, lang)
            if found:
                out.append(found)
                i = found.last
            else:
                i += 1
        return out

    def _longest_at(self, text: str, tokens: list, i: int, lang: str | None) -> Match | None:
        best = None
        key = tokens[i][2]
        j = i + 1
        while key in self.prefixes:
            entries = self.by_key.get(key)
            if entries:
                surface = text[tokens[i][0]:tokens[j - 1][1]]
                ok = tuple(e for e in entries if accepts(e, surface, lang))
                if ok:
                    best = Match(tokens[i][0], tokens[j - 1][1], i, j, ok)
            if j >= len(tokens) or j - i >= MAX_TOKENS or not joined(text, tokens[j - 1], tokens[j]):
                break
            key = key + " " + tokens[j][2]
            j += 1
        return best


def joined(text: str, left: tuple, right: tuple) -> bool:
    """Whether two tokens may belong to one name (same line, separated by a space/hyphen/apostrophe)."""
    gap = text[left[1]:right[0]]
    return bool(gap) and GAP_RE.fullmatch(gap) is not None
