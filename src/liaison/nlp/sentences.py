"""Sentence spans: the parser's sentences, or a simple splitter for languages without a parser."""
from __future__ import annotations

import re

from liaison.records import Document, Span

# a sentence ends at a line break, or at . ! ? (optionally followed by a closing quote) before a capital
_BOUNDARY = re.compile(r"\n+|(?<=[.!?])[\"”»’]?\s+(?=[\"“«„(]?[A-ZÀ-ÖØ-Þ0-9])")


def split_sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        spans.extend(_trimmed(text, start, m.start()))
        start = m.end()
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Span(start, end, text[start:end])] if end > start else []


def sentences(doc: Document) -> list[Span]:
    """Every non-empty sentence of the document, in text order."""
    if doc.sentences:
        return [s for s in doc.sentences if s.text.strip()]
    return split_sentences(doc.text)
