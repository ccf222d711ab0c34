"""Cleaning: RawDocument -> Document whose `text` every evidence offset refers to.

General rules only: Unicode NFC and mojibake repair, whitespace, repeated paragraphs and captions
collapsed, navigation/boilerplate lines dropped, bylines and credits moved to `authors`, header
stamps, datelines and the lede read for the publication date. The raw input is stored verbatim and
`offset_map` anchors every kept stretch of text to its place in it (see `raw_offset`).
"""
from __future__ import annotations

import hashlib
import re

from liaison.ingest import boilerplate as bp
from liaison.ingest import dates
from liaison.ingest.credits import credit_names, strip_inline_credits
from liaison.ingest.dates import dateline
from liaison.ingest.langid import detect_language
from liaison.ingest.offsets import Piece, join_pieces, normalise_line, raw_offset, split_lines
from liaison.ingest.repeats import RepeatFilter
from liaison.records import Document, RawDocument

__all__ = ["clean", "document_id", "normalise_line", "raw_offset"]
HEADER_LINES = 3          # scraper stamps (' date 2026-01-09 …') sit on the first lines
DATELINE_WINDOW = 12      # datelines sit under the headline, within the first lines
OPENING_PARAGRAPHS = 6    # a paragraph opening with a date ('26 de noviembre de 2024. La Policía…')


def clean(raw: RawDocument) -> Document:
    title, published, authors, body, base = raw.title, raw.published, list(raw.authors), raw.raw, 0
    if raw.fmt == "html":
        from liaison.ingest.html import extract_html
        page = extract_html(raw.raw, raw.url)
        body, base = page.text, None           # offsets are located back in the HTML below
        title, published = title or page.title, published or page.published
        authors = authors or page.authors
    lines = split_lines(body)
    pieces, meta = keep_article_lines(lines)
    text, offset_map = join_pieces(pieces, raw.raw if base is None else None)
    title = title or _first_line(pieces)
    month = meta.get("published_month") or dates.month_from_url(raw.url or raw.source)
    published = published or meta.get("published") or _published_in_page(lines, pieces, text, raw, month)
    extra = {"external_id": raw.external_id} if raw.external_id else {}
    if meta["captions"]:
        extra["captions"] = meta["captions"]
    if not published and month:
        extra["published_month"] = month      # "2023-10": anchors yearless dates
    if not published and (posted := dates.embedded_post_day(body)):
        extra["embedded_post_day"] = posted   # the page was written on or after it: anchors its dates
    return Document(id=document_id(raw, text), source=raw.source, text=text, raw=raw.raw,
                    url=raw.url, title=title, lang=raw.lang or detect_language(text),
                    published=published, outlet=raw.outlet or _outlet(raw.url),
                    authors=tuple(_unique(authors + meta["authors"])),
                    offset_map=tuple(offset_map), meta=extra)


def _published_in_page(lines: list[Piece], pieces: list[Piece], text: str, raw: RawDocument,
                       month: str | None) -> str | None:
    """The publication day the page prints, most reliable shape first (see ingest/dates.py)."""
    return (dates.published_from_lines([p.text for p in lines[:DATELINE_WINDOW]])
            or dates.published_from_url(raw.url or raw.source)
            or dates.published_from_openings([p.text for p in pieces[:OPENING_PARAGRAPHS]], month)
            or dates.published_from_footer([p.text for p in lines])
            or dates.published_said_today(text, month)
            or dates.published_from_lede([p.text for p in pieces[:4]]))


def document_id(raw: RawDocument, text: str) -> str:
    """A content hash: the same article from the same place is the same document."""
    key = f"{raw.url or ''}\n{text}"
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def keep_article_lines(lines: list[Piece]) -> tuple[list[Piece], dict]:
    """The article's own lines, in order, and what the clutter told us (authors, date, captions)."""
    meta: dict = {"authors": [], "captions": []}
    lines = _read_header_stamps(lines, meta)
    body_start = _body_start(lines)
    lines = _as_pieces(bp.drop_teaser_blocks(_as_tuples(lines), body_start), lines)
    lines = _as_pieces(bp.drop_breadcrumbs(_as_tuples(lines)), lines)
    kept: list[Piece] = []
    repeats = RepeatFilter()
    for i, piece in enumerate(lines):
        names = credit_names(piece.text)
        if names is not None:
            meta["authors"] += names
            continue
        if bp.is_boilerplate(piece.text) or (i < DATELINE_WINDOW and dateline(piece.text)):
            continue            # a dateline is metadata: read into `published`, not article text
        verdict = repeats.check(piece.text, lines[i + 1].text if i + 1 < len(lines) else None)
        if verdict == "caption":
            meta["captions"].append(piece.text)
        if verdict != "keep":
            continue
        line, names = strip_inline_credits(piece.text)
        line = bp.cut_inline_teaser(line)
        meta["authors"] += names
        if line:
            kept.append(piece.with_text(line))
    kept = _as_pieces(bp.drop_headline_runs(_as_tuples(kept), _body_start(kept)), kept)
    kept = _as_pieces(bp.drop_trailing_clutter(_as_tuples(kept)), kept)
    return kept, meta


def _read_header_stamps(lines: list[Piece], meta: dict) -> list[Piece]:
    out = []
    for i, piece in enumerate(lines):
        header = bp.header_metadata(piece.text) if i < HEADER_LINES else None
        if header is None:
            out.append(piece)
            continue
        if header["published"]:
            meta["published"] = header["published"]
        elif header["month"]:
            meta["published_month"] = header["month"]
        rest = header["rest"]
        if rest:
            out.append(piece.with_text(rest))
    return out


def _body_start(lines: list[Piece]) -> int:
    """Index after the first real paragraph: what comes before is the page's head."""
    for i, piece in enumerate(lines):
        if len(piece.text) >= 150:
            return i + 1
    return len(lines)


def _as_tuples(pieces: list[Piece]) -> list[tuple[int, str]]:
    return [(i, p.text) for i, p in enumerate(pieces)]


def _as_pieces(kept: list[tuple[int, str]], pieces: list[Piece]) -> list[Piece]:
    return [pieces[i] for i, _ in kept]


def _first_line(pieces: list[Piece]) -> str | None:
    return pieces[0].text[:300] if pieces else None


def _outlet(url: str | None) -> str | None:
    if not url:
        return None
    m = re.match(r"https?://(?:www\.)?([^/:]+)", url)
    return m.group(1) if m else None


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        if n and n.casefold() not in {o.casefold() for o in out}:
            out.append(n)
    return out
