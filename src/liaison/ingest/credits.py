"""Bylines, photo credits and agency credits: names that belong in `authors`, not in the text.

Three shapes are recognised, in any supported language:
  * a whole line that is a byline or a credit line: `By Duy Thanh`, `Par Le360 (avec MAP)`,
    `Source: Reuters`, `sifr, ats` (agency codes and journalist initials);
  * a credit in parentheses inside a caption: `(Source: A, B)`, `( POOL / Ludovic MARIN )`;
  * a credit trailer after the last sentence of a paragraph: `... Credit: Eastern Libya Government`,
    `... Source (Rahma Rachdi, our correspondent, reported on site)`.
The word lists (agencies, credit labels) are data in boilerplate.json.
"""
from __future__ import annotations

import re

from liaison.ingest.boilerplate import data, fold

_NAME_WORD = r"[A-ZÀ-Ý][\w'’.-]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|da|del|van|von|der|di|le|la|al|el|bin|ben)){{0,4}}"
_JOIN = r"\s*(?:,|&|\band\b|\bet\b|\by\b|\bund\b|\be\b)\s*"

# The byline words are matched without case; the names after them must be capitalised.
BYLINE = re.compile(
    rf"^(?i:by|par|por|von|di|door|av|от)\s+(?P<names>{_NAME}(?:{_JOIN}{_NAME})*)"
    r"\s*(?:\((?P<extra>[^)]{0,60})\))?\s*[.,]?$")
TRUNCATED_BYLINE = re.compile(r"^(?i:by|par|por|von|di)\s+\S{1,3}$")


def _labels() -> str:
    return "|".join(re.escape(w) for w in data()["credit_labels"])


def _credit_line() -> re.Pattern:
    return re.compile(rf"^(?i:{_labels()})\s*:\s*(?P<names>.{{2,80}})$")


def _paren_credit() -> re.Pattern:
    return re.compile(rf"\(\s*(?i:{_labels()})\s*:?\s*(?P<names>[^()]{{3,100}})\)")


def _trailer_credit() -> re.Pattern:
    """A credit after the paragraph's last sentence: `. Credit: X` or `. Source (X, ...)`."""
    return re.compile(rf"(?<=[.!?”\"»)])\s+(?i:{_labels()})\s*(?::\s*(?P<plain>[^.()]{{2,80}})|"
                      rf"\((?P<paren>[^()]{{3,160}})\))\s*$")


AGENCY_SLASH = re.compile(r"\(\s*(?P<agency>[A-Z][A-Za-z-]{1,20}(?:\s+[A-Z][A-Za-z-]+)?)\s*/\s*"
                          r"(?P<names>[^()]{3,60})\)\s*$")


def looks_like_name(text: str) -> bool:
    """One to five words, each capitalised or a name particle: a person or an agency."""
    return bool(re.fullmatch(_NAME, text.strip())) and len(text) <= 60


def split_names(names: str) -> list[str]:
    """`Rahma Rachdi, our correspondent, Paris 15th` -> ['Rahma Rachdi']: keep name-like parts."""
    parts = re.split(r"\s*(?:,|;|/|&|\band\b|\bet\b|\by\b|\bund\b|\bwith\b|\bavec\b)\s*", names)
    return [p.strip(" .") for p in parts if looks_like_name(p.strip(" ."))]


def _is_agency(word: str) -> bool:
    return fold(word).strip(" .") in data()["agencies"]


def agency_line(line: str) -> list[str] | None:
    """`sifr, ats` / `Keystone-SDA, sifr, ats` / `AFP`: agency codes, maybe with initials."""
    if len(line) > 60 or re.search(r"[.!?:;]$", line):
        return None
    parts = [p.strip() for p in re.split(r"\s*[,/]\s*|\s+-\s+", line) if p.strip()]
    if not parts or not any(_is_agency(p) for p in parts):
        return None
    initials = re.compile(r"[a-z]{2,5}")          # a journalist's short code: 'sifr', 'jdm'
    if all(_is_agency(p) or initials.fullmatch(p) for p in parts):
        return parts
    return None


def credit_names(line: str) -> list[str] | None:
    """The names when the whole line is a byline or credit line, else None."""
    line = line.strip()
    if len(line) > 90:
        return None
    m = BYLINE.match(line)
    if m:
        extra = split_names(re.sub(r"(?i)^\s*(?:with|avec|con|mit|com)\s+", "", m.group("extra") or ""))
        return split_names(m.group("names")) + extra
    m = _credit_line().match(line)
    if m:
        return split_names(m.group("names"))
    if TRUNCATED_BYLINE.match(line):
        return []              # a byline cut by the scraper ("Par a"): clutter without a usable name
    return agency_line(line)


def strip_inline_credits(line: str) -> tuple[str, list[str]]:
    """Credits inside a caption or after a paragraph move to metadata; the rest stays verbatim."""
    names: list[str] = []
    for pattern in (_paren_credit(), AGENCY_SLASH, _trailer_credit()):
        m = pattern.search(line)
        if not m:
            continue
        groups = m.groupdict()
        found = " , ".join(v for k, v in groups.items() if v and k in ("names", "plain", "paren"))
        names += split_names(found)
        line = (line[:m.start()] + line[m.end():]).strip()
    return line, names
