"""Cleaning: RawDocument -> Document whose `text` every evidence offset refers to.

General rules only: Unicode NFC and mojibake repair, whitespace, repeated paragraphs and captions
collapsed, navigation/boilerplate lines dropped, bylines and credits moved to `authors`, header
metadata lines and datelines read for the publication date. Each kept line records where it came
from in the raw input (`offset_map`), and the raw input is stored verbatim.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

import ftfy

from liaison.ingest import boilerplate as bp
from liaison.ingest.dates import published_from_lines, published_from_url
from liaison.ingest.langid import detect_language
from liaison.records import Document, RawDocument


def clean(raw: RawDocument) -> Document:
    title, published, authors, body = raw.title, raw.published, list(raw.authors), raw.raw
    if raw.fmt == "html":
        from liaison.ingest.html import extract_html
        page = extract_html(raw.raw, raw.url)
        body = page.text
        title = title or page.title
        published = published or page.published
        authors = authors or page.authors
    lines = _split_lines(body)
    kept, header_meta = _keep_article_lines(lines)
    authors = _dedupe(authors + header_meta["authors"])
    text, offset_map = _join(kept)
    title = title or header_meta.get("title") or _first_line(kept)
    published = (published or header_meta.get("published")
                 or published_from_lines([t for _, t in lines[:12]])
                 or published_from_url(raw.url or raw.source))
    lang = raw.lang or detect_language(text)
    return Document(id=document_id(raw, text), source=raw.source, text=text, raw=raw.raw,
                    url=raw.url, title=title, lang=lang, published=published,
                    outlet=raw.outlet or _outlet(raw.url), authors=tuple(authors),
                    offset_map=tuple(offset_map),
                    meta={"external_id": raw.external_id} if raw.external_id else {})


def document_id(raw: RawDocument, text: str) -> str:
    """A content hash: the same article from the same place is the same document."""
    key = f"{raw.url or ''}\n{text}"
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def normalise_line(line: str) -> str:
    line = ftfy.fix_text(line, normalization="NFC")
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"[ \t\f\v]+", " ", line).strip()


def _split_lines(body: str) -> list[tuple[int, str]]:
    """(raw offset, normalised line) for every non-empty line."""
    out, pos = [], 0
    for piece in body.splitlines(keepends=True):
        line = normalise_line(piece)
        if line:
            out.append((pos + len(piece) - len(piece.lstrip()), line))
        pos += len(piece)
    return out


def _keep_article_lines(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], dict]:
    meta: dict = {"authors": []}
    kept: list[tuple[int, str]] = []
    seen: set[str] = set()
    for i, (offset, line) in enumerate(lines):
        header = bp.header_metadata(line) if i < 3 else None
        if header:
            meta.update({k: v for k, v in header.items() if v})
            if header.get("rest"):
                kept.append((offset + line.find(header["rest"]), header["rest"]))
            continue
        credit = bp.credit_names(line)
        if credit is not None:
            meta["authors"] += credit
            continue
        if bp.is_boilerplate(line):
            continue
        key = bp.paragraph_key(line)
        if key in seen:
            continue        # repeated paragraph or caption: keep the first telling
        seen.add(key)
        line, credits = bp.strip_inline_credit(line)
        meta["authors"] += credits
        kept.append((offset, line))
    kept = bp.drop_trailing_clutter(kept)
    return kept, meta


def _join(kept: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    parts, offset_map, pos = [], [], 0
    for raw_offset, line in kept:
        offset_map.append((pos, raw_offset))
        parts.append(line)
        pos += len(line) + 2
    return "\n\n".join(parts), offset_map


def raw_offset(doc: Document, clean_offset: int) -> int:
    """Map an offset in `doc.text` back to the raw input (start of the same line plus the shift)."""
    best = (0, 0)
    for anchor in doc.offset_map:
        if anchor[0] > clean_offset:
            break
        best = anchor
    return best[1] + (clean_offset - best[0])


def _first_line(kept: list[tuple[int, str]]) -> str | None:
    return kept[0][1][:300] if kept else None


def _outlet(url: str | None) -> str | None:
    if not url:
        return None
    m = re.match(r"https?://(?:www\.)?([^/:]+)", url)
    return m.group(1) if m else None


def _dedupe(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return out
