"""Texts longer than a pipeline's max_length, parsed in pieces and joined back into one Doc.

spaCy refuses texts over `nlp.max_length` (E088), and raising that limit is no answer: the parser
needs about 1 GB of memory per 100,000 characters. So a long article is cut at line breaks (else
at spaces) into pieces of at most CHUNK_CHARS, each parsed on its own, and the pieces joined with
`Doc.from_docs`; the cuts keep every character, so the joined Doc's offsets are the article's.
"""
from __future__ import annotations

from collections.abc import Iterator

CHUNK_CHARS = 100_000


def parse_texts(nlp, texts: list[str], batch_size: int) -> Iterator:
    """One Doc per text, in order; long texts are parsed in pieces."""
    limit = min(CHUNK_CHARS, nlp.max_length)
    short = [t for t in texts if len(t) <= limit]
    parsed_short = iter(nlp.pipe(short, batch_size=batch_size))
    for text in texts:
        yield next(parsed_short) if len(text) <= limit else parse_long(nlp, text, limit)


def parse_long(nlp, text: str, limit: int = CHUNK_CHARS):
    from spacy.tokens import Doc
    pieces = list(nlp.pipe(split_text(text, limit), batch_size=1))     # one piece in memory at a time
    return Doc.from_docs(pieces, ensure_whitespace=False)


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters whose concatenation is `text`, cut after a line break
    when there is one in the second half of the window, else after a space, else anywhere."""
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = _last_break(window, "\n") or _last_break(window, " ") or limit
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _last_break(window: str, char: str) -> int | None:
    at = window.rfind(char)
    return at + 1 if at >= len(window) // 2 else None
