"""Repeated paragraphs and photo captions.

Scrapers often give a paragraph twice (an AMP copy and the page copy) and pages print a photo's
caption twice (alt text and figcaption). A repeated paragraph keeps its first telling; a short
line printed twice in a row is a caption, which is not article text, so both copies go (the
caption is kept in the document's metadata).
"""
from __future__ import annotations

from rapidfuzz import fuzz, process

from liaison.ingest.boilerplate import paragraph_key

CAPTION_MAX = 200         # captions are one or two short sentences; paragraphs run longer
NEAR_MIN = 80             # only long paragraphs are compared fuzzily: short lines repeat by chance
NEAR_SCORE = 92           # a repeat with a word or two changed ('mardi 25 novembre' / 'mardi')


class RepeatFilter:
    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.long: list[str] = []
        self.captions: set[str] = set()

    def check(self, text: str, next_text: str | None) -> str:
        """'keep', 'repeat' (drop: told before) or 'caption' (drop: a caption's first copy)."""
        key = paragraph_key(text)
        if key in self.captions or key in self.seen:
            return "repeat"
        if next_text is not None and len(text) <= CAPTION_MAX and key == paragraph_key(next_text):
            self.captions.add(key)
            return "caption"
        if len(key) >= NEAR_MIN and process.extractOne(key, self.long, scorer=fuzz.ratio,
                                                       score_cutoff=NEAR_SCORE):
            return "repeat"
        self.seen.add(key)
        if len(key) >= NEAR_MIN:
            self.long.append(key)
        return "keep"
