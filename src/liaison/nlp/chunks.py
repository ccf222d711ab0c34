"""A text parsed in pieces cut after each line that ends without final punctuation, and the
pieces joined back into one Doc.

Why: a line break ends a sentence (pipelines.line_breaks tells the parser so), but after a line
the parser reads as unfinished (a heading, a dateline, a caption) that preset boundary makes it
break the next line's first words into one-word sentences ('La' | 'France' | 'a fortement
réduit…', 'Cyprus' | 'and' | 'Lebanon agreed…'), and the lead loses its subject. Parsed apart,
such a line and the next are parsed as the model was trained. A piece longer than a pipeline's
max_length is cut further, at line breaks or spaces: spaCy refuses longer texts (E088) and the
parser needs about 1 GB of memory per 100,000 characters. The pieces keep every character, so
the joined Doc's offsets are the text's.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

CHUNK_CHARS = 100_000
LINE = re.compile(r"[^\n]*\n*")
# what a line ending a sentence ends with ("… a conclu.", "« … »", "(…)")
FINAL = tuple(".!?…:;»\"”’')]")


def parse_texts(nlp, texts: list[str], batch_size: int) -> Iterator:
    """One Doc per text, in order, its pieces parsed in one stream of batches."""
    limit = min(CHUNK_CHARS, nlp.max_length)
    pieces = [split_after_open_lines(text, limit) for text in texts]
    parsed = iter(nlp.pipe((piece for text_pieces in pieces for piece in text_pieces), batch_size=batch_size))
    for text_pieces in pieces:
        yield join_docs([next(parsed) for _ in text_pieces])


def join_docs(docs: list):
    from spacy.tokens import Doc
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def split_after_open_lines(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces cut after every line that ends without final punctuation, each cut further to at most
    `limit` characters; their concatenation is `text` (an empty text is one empty piece)."""
    pieces, current = [], ""
    for m in LINE.finditer(text):
        line = m.group(0)
        current += line
        if current and not line.rstrip().endswith(FINAL):
            pieces.append(current)
            current = ""
    pieces = [p for p in pieces + [current] if p] or [text]
    return [cut for piece in pieces for cut in split_text(piece, limit)]


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
