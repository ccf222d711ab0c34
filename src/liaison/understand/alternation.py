"""A regex of many alternatives (a language's role phrases) that, at each place in the text, tries
only the alternatives able to start with the character found there.

Python's `re` tries every alternative of `(?<![\\w-])(?:a|b|…)` at every word start: with a few
hundred role phrases that scan was the slowest part of reading an article's people. Here the
alternatives are grouped by the characters their first atom matches, each group keeping the
original order. At a given place an alternative left out of the group could not have matched
there, so the first alternative that matches is the one the whole regex would have taken, and
`finditer` gives the very same matches (same spans, same named groups).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

ASCII = tuple(chr(i) for i in range(128))


class FirstCharAlternation:
    """`head(?:alt1|alt2|…)tail` as one regex would match it, found faster.

    `alternatives` are (regex, first) pairs: `first` is a regex of the alternative's first
    character, or None when it is not known (then the alternative is tried everywhere). `head`
    must be zero-width (a lookbehind): the scan for places to try is made of it."""

    def __init__(self, head: str, alternatives: list[tuple[str, str | None]], tail: str, flags: int = 0):
        self._head, self._tail, self._flags = head, tail, flags
        self._alternatives = alternatives
        self.full = self._compile([rx for rx, _ in alternatives])
        self.pattern = self.full.pattern
        self._compiled: dict[tuple[str, ...], re.Pattern | None] = {}
        self._by_char: dict[str, re.Pattern | None] = {c: self._group_for(c) for c in ASCII}
        starts = "".join(re.escape(c) for c, rx in self._by_char.items() if rx is not None)
        self._places = re.compile(head + (f"(?=[{starts}]|[^\\x00-\\x7f]|\\Z)" if starts
                                          else "(?=[^\\x00-\\x7f]|\\Z)"), flags)

    def _compile(self, alternatives: list[str]) -> re.Pattern:
        return re.compile(f"{self._head}(?:{'|'.join(alternatives)}){self._tail}", self._flags)

    def _group_for(self, char: str) -> re.Pattern | None:
        """The regex of the alternatives that can start with `char`, in their order (None: none can)."""
        group = tuple(rx for rx, first in self._alternatives
                      if first is None or re.fullmatch(first, char, self._flags))
        if group not in self._compiled:
            self._compiled[group] = self._compile(list(group)) if group else None
        return self._compiled[group]

    def _regex_at(self, text: str, pos: int) -> re.Pattern | None:
        if pos >= len(text):
            return self.full
        char = text[pos]
        if char not in self._by_char:           # a character not seen before (accented, other scripts)
            self._by_char[char] = self._group_for(char)
        return self._by_char[char]

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The matches `self.full.finditer(text)` gives, in order."""
        found, pos = [], 0
        while (place := self._places.search(text, pos)) is not None:
            at = place.start()
            rx = self._regex_at(text, at)
            m = rx.match(text, at) if rx is not None else None
            if m is None:
                if at >= len(text):
                    break
                pos = at + 1
            elif m.end() == at:
                return self.full.finditer(text)     # an empty match: leave its subtle rules to `re`
            else:
                found.append(m)
                pos = m.end()
        return iter(found)
