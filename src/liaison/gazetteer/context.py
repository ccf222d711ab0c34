"""Context around gazetteer matches: compounds, person names, headlines, and the countries nearby.

Used by liaison.understand.places to decide what a match stands for: "franco-britannique" is one
compound demonym, "Nancy" before "Faeser" is a person, and "DGSI" belongs to the state named in
its phrase, its sentence, or failing that the article's dominant country.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from liaison import gazetteer
from liaison.gazetteer.matcher import Entry, Match
from liaison.nlp.tokens import named_entities

PHRASE_BEFORE = 30      # "French Ministry of the Interior", "Algeria's domestic security agency (DGSI)"
PHRASE_AFTER = 20       # "Ministry of Public Security of Vietnam", "ministère de l'Intérieur marocain"
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-Ý\"“«])|\n")


def person_spans(doc) -> list[tuple[int, int]]:
    if doc.parsed is None:
        return []
    return [(start, end) for start, end, label in named_entities(doc.parsed) if label in ("PERSON", "PER")]


def in_person(persons: list[tuple[int, int]], start: int, end: int) -> bool:
    """Inside a multi-word person name whose other words are not this match."""
    return any(s <= start and end <= e and (e - s) > (end - start) for s, e in persons)


def is_caps_line(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return _is_caps(text[line_start: line_end if line_end >= 0 else len(text)])


@functools.lru_cache(maxsize=4096)
def _is_caps(line: str) -> bool:
    # cached: asked for every exact-policy match, and a paragraph is one line of thousands of letters
    letters = "".join(filter(str.isalpha, line))
    return len(letters) >= 12 and sum(map(str.isupper, letters)) / len(letters) > 0.8


def sentence_bounds(doc) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    bounds, start = [], 0
    for m in SENTENCE_END.finditer(doc.text):
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(doc.text)))
    return bounds


def _prefix_code(text: str, token: tuple, nxt: tuple) -> str | None:
    """The country of a combining form ('franco', 'luso') or a demonym joined to the next word."""
    gap = text[token[1]:nxt[0]]
    word = text[token[0]:token[1]]
    spaced = gap == " " and word[:1].isupper() and text[nxt[0]:nxt[0] + 1].isupper()
    if gap not in ("-", "‐", "‑", "–") and not spaced:
        return None
    code = gazetteer.compound_prefixes().get(token[2])
    if code:
        return code
    if gap == " ":
        return None
    demonyms = [e for e in gazetteer.index().by_key.get(token[2], []) if e.kind == "demonym"]
    return demonyms[0].value if demonyms else None


def compound_span(text: str, tokens: list, match: Match, entry: Entry) -> tuple[int, list[str]]:
    """Extend a demonym/country match backwards over combining forms: (start, [codes in order])."""
    codes = [entry.value]
    first = match.first
    while first > 0:
        code = _prefix_code(text, tokens[first - 1], tokens[first])
        if not code:
            break
        codes.insert(0, code)
        first -= 1
    deduped = list(dict.fromkeys(codes))
    return tokens[first][0], deduped


class ContextCountries:
    """Countries named around a position: phrase, then sentence, then the whole article."""

    def __init__(self, text: str, mentions: list, sentences: list[tuple[int, int]]):
        self.text = text
        self.sentences = sentences
        self.named = [(m.span.start, m.span.end, c, 1.0) for m in mentions
                      if m.kind in ("country", "demonym") for c in m.extra.get("countries", [m.value])]
        self.countries = {m.span.start for m in mentions if m.kind == "country"}
        self.named += [(m.span.start, m.span.end, m.extra.get("country"), 0.5) for m in mentions
                       if m.kind == "place" and m.extra.get("country")]
        totals = Counter()
        for _, _, code, weight in self.named:
            totals[code] += weight
        self.dominant = totals.most_common(1)[0][0] if totals else None

    def country_for(self, start: int, end: int) -> str | None:
        return self.country_and_source(start, end)[0]

    def country_and_source(self, start: int, end: int) -> tuple[str | None, str]:
        """The country and where it was read: "phrase", "sentence" or "article" (the most named one,
        a guess that a person's country must not inherit)."""
        for source, code in (("phrase", self._in_phrase(start, end)), ("sentence", self._in_sentence(start))):
            if code:
                return code, source
        return self.dominant, "article" if self.dominant else ""

    def in_name(self, start: int, end: int, state_links: set[str]) -> str | None:
        """The state a body's own name phrase gives it, or None: an adjective or a country touching
        the name ("French Interior Ministry", "Algeria's Interior Ministry", "ministère de
        l'Intérieur marocain"), or a country joined by a word of belonging ("Ministry of Public
        Security of Vietnam", "ministère de l'Intérieur du Maroc"). A demonym elsewhere in the
        sentence ("son homologue français, puis le ministère de l'Intérieur") qualifies something else."""
        for s, e, code, weight in self.named:
            if weight < 1:
                continue
            if e <= start and re.fullmatch(r"(?:['’]s)? ", self.text[e:start]):
                return code
            gap = self.text[end:s] if s >= end else None
            if gap == " ":
                return code
            if gap and self._is_country(s) and re.fullmatch(r" (\S+ )?\S+['’ ]", gap) \
                    and " ".join(gap.replace("’", "'").split()) in state_links:
                return code
        return None

    def sentence_or_article(self, start: int) -> tuple[str | None, str]:
        code = self._in_sentence(start)
        if code:
            return code, "sentence"
        return self.dominant, "article" if self.dominant else ""

    def _is_country(self, start: int) -> bool:
        return start in self.countries

    def _in_phrase(self, start: int, end: int) -> str | None:
        near = []
        for s, e, code, weight in self.named:
            if weight < 1:
                continue
            if e <= start and start - e <= PHRASE_BEFORE and "\n" not in self.text[e:start] \
                    and not re.search(r"[.;!?]", self.text[e:start]):
                near.append((start - e, code))
            elif s >= end and s - end <= PHRASE_AFTER and "\n" not in self.text[end:s] \
                    and not re.search(r"[.;!?,]", self.text[end:s]):
                near.append((s - end, code))
        return min(near)[1] if near else None

    def _in_sentence(self, start: int) -> str | None:
        bounds = next(((s, e) for s, e in self.sentences if s <= start < e), None)
        if not bounds:
            return None
        counts = Counter()
        for s, e, code, weight in self.named:
            if bounds[0] <= s and e <= bounds[1]:
                counts[code] += weight
        return counts.most_common(1)[0][0] if counts else None
