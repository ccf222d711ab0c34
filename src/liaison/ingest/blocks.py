"""difflib's matching blocks, found in time linear in the lines' length instead of quadratic.

Aligning a cleaned line with its raw form (offsets.py) asks difflib for the blocks two strings share.
difflib finds each block with a table of every position of every character, which costs about
len(a) × len(b) / alphabet steps: a 4,000-character paragraph with one `&mdash;` took 0.2 s, the
largest share of cleaning. The blocks are the same when each longest common substring is found with
a suffix automaton of `b` instead (one pass over `b`, one over `a`), so only that step is replaced.
"""
from __future__ import annotations

import difflib


class LinearMatcher(difflib.SequenceMatcher):
    """A SequenceMatcher without junk whose `find_longest_match` runs in linear time; every other
    method (matching blocks, opcodes, ratio) is difflib's own, so the results are difflib's."""

    def __init__(self, a: str, b: str):
        super().__init__(None, a, b, autojunk=False)

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0,
                           bhi: int | None = None) -> difflib.Match:
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        size, end = _longest_common_end(self.a[alo:ahi], self.b[blo:bhi])
        if not size:
            return difflib.Match(alo, blo, 0)
        # difflib's tie-break: the match starting earliest in a, then earliest in b
        start = alo + end - size + 1
        return difflib.Match(start, self.b.find(self.a[start:start + size], blo, bhi), size)


def _longest_common_end(a: str, b: str) -> tuple[int, int]:
    """(length, end index in a) of the longest substring of `a` that occurs in `b`; of several
    as long, the one ending (hence starting) first in `a`."""
    nxt, link, length = _suffix_automaton(b)
    state, run, best, end = 0, 0, 0, -1
    for i, char in enumerate(a):
        while state and char not in nxt[state]:
            state = link[state]
            run = length[state]
        if char in nxt[state]:
            state = nxt[state][char]
            run += 1
        else:
            run = 0
        if run > best:
            best, end = run, i
    return best, end


def _suffix_automaton(text: str) -> tuple[list[dict[str, int]], list[int], list[int]]:
    """The suffix automaton of `text` (transitions, suffix links, longest length per state): every
    substring of `text` is a path from state 0."""
    nxt: list[dict[str, int]] = [{}]
    link, length = [-1], [0]
    last = 0
    for char in text:
        cur = len(length)
        nxt.append({})
        length.append(length[last] + 1)
        link.append(0)
        p = last
        while p != -1 and char not in nxt[p]:
            nxt[p][char] = cur
            p = link[p]
        if p != -1:
            q = nxt[p][char]
            if length[p] + 1 == length[q]:
                link[cur] = q
            else:
                clone = len(length)
                nxt.append(dict(nxt[q]))
                length.append(length[p] + 1)
                link.append(link[q])
                while p != -1 and nxt[p].get(char) == q:
                    nxt[p][char] = clone
                    p = link[p]
                link[q] = link[cur] = clone
        last = cur
    return nxt, link, length
