"""Event triggers: lexicon verbs and nouns (events.json) found in a sentence, with their modality.

A trigger is kept with its PLOVER type and mode, and flags read from its clause: negated (not an
event), future/promised (future CONSULT/SUPPORT/COOPERATE/AID is coded AGREE) and hypothetical.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from liaison.extract import lexicon
from liaison.records import Span

# PLOVER: a future or promised consultation, support, cooperation or aid is an AGREE
FUTURE_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
_CLAUSE_BREAK = re.compile(r"[;:,–—()\[\]]|\s-\s|"
                           r"\b(?:and|but|while|whereas|et|mais|y|pero|und|aber|e|ma|mas)\b", re.I)
WINDOW_WORDS = 6


@dataclass(frozen=True)
class Trigger:
    entry: dict            # the lexicon entry: id, type, mode, confidence
    start: int             # document offsets of the matched words
    end: int
    text: str
    negated: bool = False
    future: bool = False
    hypothetical: bool = False

    @property
    def type(self) -> str:
        if self.future and self.entry["type"] in FUTURE_TO_AGREE:
            return "AGREE"
        return self.entry["type"]

    @property
    def mode(self) -> str | None:
        return None if self.type != self.entry["type"] else self.entry.get("mode")


def _window_before(sentence: Span, start: int) -> str:
    """The words of the trigger's own clause just before it (up to WINDOW_WORDS words)."""
    before = sentence.text[:start - sentence.start]
    pieces = list(_CLAUSE_BREAK.finditer(before))
    if pieces:
        before = before[pieces[-1].end():]
    return " ".join(before.split()[-WINDOW_WORDS:])


def _flag(lang: str | None, key: str, text: str) -> bool:
    rx = lexicon.word_list(lang, "events", key)
    return bool(rx and text and rx.search(text))


def _non_overlapping(found: list[Trigger]) -> list[Trigger]:
    """Longest match first; a shorter match inside a longer one is the same words."""
    kept: list[Trigger] = []
    for t in sorted(found, key=lambda t: (-(t.end - t.start), t.start)):
        if all(t.end <= k.start or t.start >= k.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)


def find_triggers(sentence: Span, lang: str | None) -> list[Trigger]:
    """Every trigger in the sentence, with negation / future / hypothetical read from its clause."""
    found = []
    for entry, rx in lexicon.triggers(lang):
        for m in rx.finditer(sentence.text):
            start, end = sentence.start + m.start(), sentence.start + m.end()
            window = _window_before(sentence, start)
            own = m.group(0)
            found.append(Trigger(
                entry, start, end, own,
                negated=_flag(lang, "negation", window),
                future=_flag(lang, "future", window) or _flag(lang, "future", own),
                hypothetical=_flag(lang, "hypothetical", window)))
    return _non_overlapping(found)
