"""Line-level rules for page clutter: navigation, teasers, bylines, credits, captions.

The word lists are data (boilerplate.json beside this file), one list per language, kept general:
they describe kinds of clutter found on news pages, not lines of particular articles.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).with_name("boilerplate.json")


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def paragraph_key(line: str) -> str:
    """Lines equal up to case, accents, spacing and punctuation are the same paragraph."""
    return re.sub(r"\W+", " ", _fold(line)).strip()


def is_boilerplate(line: str) -> bool:
    folded = _fold(line).strip(" .:|>-–—•·")
    data = _data()
    if folded in data["exact"]:
        return True
    if any(folded.startswith(p) for p in data["prefixes"]):
        return True
    if len(folded) < 120 and any(re.search(p, folded) for p in data["patterns"]):
        return True
    if re.fullmatch(r"(#\w[\w-]*\s*)+", line.strip()):
        return True                 # hashtag rows under the article
    return False


BYLINE = re.compile(
    r"^(?:by|par|por|von|di|de|from)\s+(?P<names>[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,3}"
    r"(?:\s*(?:,|and|et|y|und|e)\s*[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,3})*)"
    r"(?:\s*\((?:[^)]{0,60})\))?\s*$")
CREDIT_LINE = re.compile(r"^(?:source|sources|photo|photos|credit|crédit|crédits|foto|bild)\s*:\s*(?P<names>.{2,80})$",
                         re.IGNORECASE)
INLINE_CREDIT = re.compile(r"\s*\(\s*(?:[A-Z][A-Za-z]+\s*/\s*)?(?P<names>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3})\s*\)\s*$")
CREDIT_IN_PARENS = re.compile(r"\(\s*(?:source|photo|crédit|credit)s?\s*:?\s*(?P<names>[^)]{3,80})\)", re.IGNORECASE)


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|/|\band\b|\bet\b|\by\b|\bund\b)\s*", names)
    return [p.strip(" .") for p in parts if p.strip(" .") and len(p.split()) <= 4]


def credit_names(line: str) -> list[str] | None:
    """Names when the whole line is a byline or a credit line, else None."""
    if len(line) > 90:
        return None
    for pattern in (BYLINE, CREDIT_LINE):
        m = pattern.match(line.strip())
        if m:
            return _split_names(m.group("names"))
    if re.match(r"^(?:par|by|von|por)\s+\S+\s*$", line.strip(), re.IGNORECASE):
        return []              # truncated byline ("Par a"): clutter without a usable name
    return None


def strip_inline_credit(line: str) -> tuple[str, list[str]]:
    """A photo caption's trailing `( AGENCY / Name )` or `(Source: ...)` moves to metadata."""
    names: list[str] = []
    m = CREDIT_IN_PARENS.search(line)
    if m:
        names += _split_names(m.group("names"))
        line = (line[:m.start()] + line[m.end():]).strip()
    m = re.search(r"\(\s*[A-Z]{2,}(?:\s+[A-Z]{2,})?\s*/\s*(?P<names>[^)]{3,60})\)\s*$", line)
    if m:
        names += _split_names(m.group("names"))
        line = line[:m.start()].rstrip()
    return line, names


def header_metadata(line: str) -> dict | None:
    """Scraper header lines such as ' date 2026-01-09 Title…' -> published, title and the rest."""
    m = re.match(r"^date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\s*(?P<rest>.*)$", line)
    if not m:
        return None
    date = m.group("date")
    rest = m.group("rest").strip()
    return {"published": date if len(date) == 10 else None, "title": rest or None, "rest": rest}


def drop_trailing_clutter(kept: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Short lines without sentence punctuation at the end of a page (tags, 'Search', headlines)."""
    while kept and len(kept[-1][1]) < 25 and not re.search(r"[.!?»”\"]$", kept[-1][1]):
        kept = kept[:-1]
    return kept
