"""Lines of the raw input, their normalised text, and the map from clean offsets back to raw ones.

Each kept line is a `Piece`: where it starts in the raw input, the raw characters, and the text
that goes into `Document.text`. When cleaning changed a line (spacing, mojibake, a credit cut
out), the two are aligned character by character so every unchanged stretch gets its own anchor.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

import ftfy

from liaison.ingest.blocks import LinearMatcher
from liaison.records import Document

SEPARATOR = "\n\n"
ALIGN_LIMIT = 5000        # longer changed lines get one anchor (a fixed rule: stored offsets follow it)


@dataclass(frozen=True)
class Piece:
    raw_start: int      # offset of `raw` in the text the lines were split from
    raw: str            # the raw line, as it was
    text: str           # what the document keeps

    def with_text(self, text: str) -> Piece:
        return replace(self, text=text)


def normalise_line(line: str) -> str:
    """Mojibake repaired, NFC, no-break and zero-width spaces removed, runs of spaces collapsed.
    Quotes and dashes are kept as written: they matter to quote detection."""
    line = ftfy.fix_text(line, uncurl_quotes=False, fix_line_breaks=False, normalization="NFC")
    line = unicodedata.normalize("NFC", line)
    line = line.replace("\u00a0", " ").replace("\u202f", " ").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t\f\v]+", " ", line).strip()


def split_lines(body: str) -> list[Piece]:
    """A Piece for every line with text in it."""
    out, pos = [], 0
    for chunk in body.splitlines(keepends=True):
        line = normalise_line(chunk)
        if line:
            stripped = chunk.rstrip("\r\n")
            out.append(Piece(pos, stripped, line))
        pos += len(chunk)
    return out


def join_pieces(pieces: list[Piece], html: str | None = None) -> tuple[str, list[tuple[int, int]]]:
    """The document text and its (clean_start, raw_start) anchors, sorted.

    For HTML input the pieces come from extracted text, so each is looked up in the page itself
    (in order); a piece not found verbatim (entities, inline markup) gets no anchor of its own.
    """
    parts, anchors, pos, cursor = [], [], 0, 0
    for piece in pieces:
        if html is None:
            anchors += _align(piece, pos)
        else:
            found = html.find(piece.text[:60], cursor)
            if found >= 0:
                anchors.append((pos, found))
                cursor = found
        parts.append(piece.text)
        pos += len(piece.text) + len(SEPARATOR)
    return SEPARATOR.join(parts), anchors


def _align(piece: Piece, clean_start: int) -> list[tuple[int, int]]:
    shift = piece.raw.find(piece.text)
    if shift >= 0:
        return [(clean_start, piece.raw_start + shift)]
    if len(piece.raw) > ALIGN_LIMIT:
        return [(clean_start, piece.raw_start)]
    matcher = LinearMatcher(piece.raw, piece.text)
    anchors = [(clean_start + b, piece.raw_start + a)
               for a, b, size in matcher.get_matching_blocks() if size]
    return anchors or [(clean_start, piece.raw_start)]


def raw_offset(doc: Document, clean_offset: int) -> int:
    """An offset in `doc.text` mapped back to the raw input: the nearest anchor at or before it,
    plus the distance from that anchor."""
    best = (0, 0)
    for anchor in doc.offset_map:
        if anchor[0] > clean_offset:
            break
        best = anchor
    return best[1] + (clean_offset - best[0])
