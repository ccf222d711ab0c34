"""Direct quotes in “…”, «…», „…“ and "…", attributed to the person named in the attribution clause
('said X', 'a déclaré X'), or, when the clause has only a pronoun ('a-t-il ajouté', 'he said'), to the
last person named before the quote."""
from __future__ import annotations

import re

from liaison.extract.triggers import cues
from liaison.records import Actor, Document, Quote

_QUOTES = re.compile(r"“([^”]{2,1200})”|«\s?([^»]{2,1200}?)\s?»|„([^“”]{2,1200})[“”]|\"([^\"\n]{2,1200})\"")
MIN_WORDS = 4
ATTRIBUTION_REACH = 160        # characters after (or before) the quote where the attribution clause is


def _persons(doc: Document) -> list[tuple[int, int, Actor]]:
    out = []
    for e in doc.entities:
        if e.kind == "person":
            actor = Actor(e.name, e.key, e.roles[0].title if e.roles else None, e.country, "source")
            out += [(s.start, s.end, actor) for s in e.mentions]
    return sorted(out, key=lambda x: x[0])


def speech_verbs(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of every speech verb of the document ('said', 'a déclaré': events.json cues)."""
    tokens = list(doc.tokens)
    return [(tokens[h.first].start, tokens[h.last - 1].end) for h in cues(doc.lang, "speech").find(tokens)]


def _speaker(doc: Document, start: int, end: int, persons: list[tuple[int, int, Actor]],
             verbs: list[tuple[int, int]]) -> Actor | None:
    after = doc.text[end:end + ATTRIBUTION_REACH].split("\n")[0]
    before = doc.text[max(0, start - ATTRIBUTION_REACH):start].split("\n")[-1]
    verb_after = next((v for v in verbs if end <= v[0] and v[1] <= end + len(after)), None)
    verb_before = next((v for v in verbs if start - len(before) <= v[0] and v[1] <= start), None)
    near_after = [p for p in persons if end <= p[0] < end + len(after)]
    near_before = [p for p in persons if start - len(before) <= p[0] and p[1] <= start]
    if verb_after:
        named = [p for p in near_after if p[0] - end <= verb_after[1] - end + 60]
        if named:
            return named[0][2]
    if verb_before and near_before:
        return near_before[-1][2]
    if near_after and near_after[0][0] - end < 60:
        return near_after[0][2]
    earlier = [p for p in persons if p[1] <= start]
    if (verb_after or verb_before) and earlier:
        return earlier[-1][2]          # 'a-t-il ajouté', 'he said': the last named speaker
    return None


def extract_quotes(doc: Document) -> list[Quote]:
    persons = _persons(doc)
    verbs = speech_verbs(doc)
    out = []
    for m in _QUOTES.finditer(doc.text):
        group = next(i for i in range(1, 5) if m.group(i) is not None)
        inner = m.group(group)
        if len(inner.split()) < MIN_WORDS:
            continue                   # a scare-quoted phrase, not a statement
        speaker = _speaker(doc, m.start(), m.end(), persons, verbs)
        out.append(Quote(text=inner.strip(), evidence=(doc.span(m.start(), m.end()),), speaker=speaker,
                         lang=doc.lang))
    return out
