"""The publication date from header/dateline lines and from the URL path. Never invented."""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {m: i for i, names in enumerate([
    (), ("january", "janvier", "enero", "januar", "gennaio", "janeiro", "jan"),
    ("february", "fevrier", "février", "febrero", "februar", "febbraio", "fevereiro", "feb"),
    ("march", "mars", "marzo", "märz", "marz", "março", "mar"),
    ("april", "avril", "abril", "aprile", "apr"),
    ("may", "mai", "mayo", "maggio", "maio"),
    ("june", "juin", "junio", "juni", "giugno", "junho", "jun"),
    ("july", "juillet", "julio", "juli", "luglio", "julho", "jul"),
    ("august", "août", "aout", "agosto", "aug"),
    ("september", "septembre", "septiembre", "settembre", "setembro", "sep", "sept"),
    ("october", "octobre", "octubre", "oktober", "ottobre", "outubro", "oct"),
    ("november", "novembre", "noviembre", "novembro", "nov"),
    ("december", "décembre", "decembre", "diciembre", "dezember", "dicembre", "dezembro", "dec"),
]) for m in names}

_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th|º|°)?\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?:\s*(?:[-–—,|•·]|à|at|um|alle|a las|às)?\s*\d{1,2}[h:.]\d{2}(?:\s*(?:am|pm|h|uhr))?)?"
_PREFIX = (r"^(?:(?:published|posted|updated|publié|publie|mis à jour|publicado|actualizado|veröffentlicht|"
           r"aktualisiert|pubblicato|aggiornato|atualizado)(?:\s+(?:le|on|el|il|am|em|:))?\s*:?\s*)?"
           r"(?:le\s+|the\s+|el\s+|il\s+|am\s+)?(?:[^\W\d]+\.?,?\s+)?")
# Dates written out inside a sentence: '4 octobre 2024', 'October 4, 2024', '4 de outubro de 2024'.
IN_TEXT = [
    re.compile(rf"\b{_DAY}\s+(?:de\s+)?(?P<month>{_MONTH})\.?,?\s+(?:de\s+|del\s+)?{_YEAR}\b", re.I),
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+{_DAY},?\s+{_YEAR}\b", re.I),
]
NUMERIC = re.compile(rf"\b(?P<day>[0-3]?\d)[./](?P<mnum>[01]?\d)[./]{_YEAR}\b")
ISO = re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")
# A dateline is a line that is only a date, maybe with a label, weekday and time ('June, 12 2025',
# 'Le 25/11/2025 à 19h13', '23.6.2024 - 06:18', 'Published: 2024-10-04').
DATELINE_PATTERNS = [
    re.compile(rf"{_PREFIX}(?P<month>{_MONTH})\.?\s*,?\s*{_DAY}\s*,?\s+{_YEAR}{_TIME}$", re.I),
    re.compile(rf"{_PREFIX}{_DAY}\s+(?:de\s+)?(?P<month>{_MONTH})\.?,?\s+(?:de\s+)?{_YEAR}{_TIME}$", re.I),
    re.compile(rf"{_PREFIX}(?P<day>[0-3]?\d)[./](?P<mnum>[01]?\d)[./]{_YEAR}{_TIME}$", re.I),
    re.compile(rf"{_PREFIX}{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?:[T ]\d{{2}}:\d{{2}}\S*)?$", re.I),
]


def _make(year: str, month: int, day: str) -> str | None:
    try:
        return dt.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match) -> str | None:
    gd = m.groupdict()
    month = int(gd["mnum"]) if gd.get("mnum") else MONTHS.get(gd["month"].lower().rstrip("."))
    return _make(gd["year"], month, gd["day"]) if month else None


def dateline(line: str) -> str | None:
    """The date when the whole line is a date (a dateline), else None."""
    line = line.strip()
    if len(line) > 60:
        return None
    for pattern in DATELINE_PATTERNS:
        m = pattern.match(line)
        if m and (got := _from_match(m)):
            return got
    return None


def published_from_lines(lines: list[str]) -> str | None:
    """A dateline near the top of the article.

    A date line that opens the page, before the headline, is the site's date widget (today's
    date, printed on every page), not the article's dateline: it is skipped. A dateline comes
    after the headline, or after a byline.
    """
    for i, line in enumerate(lines):
        got = dateline(line)
        if got and not (i == 0 and len(lines) > 1):
            return got
    return None


def first_full_date(text: str) -> str | None:
    """The first complete date (day, month and year) written in a stretch of text."""
    found = []
    for pattern in IN_TEXT + [NUMERIC, ISO]:
        for m in pattern.finditer(text):
            got = _from_match(m)
            if got:
                found.append((m.start(), got))
                break
    return min(found)[1] if found else None


def published_from_lede(paragraphs: list[str]) -> str | None:
    """News ledes state when the reported event happened ('le vendredi 4 octobre 2024'); when the
    page gives no date at all, the full date stated in the first paragraph is the best statement
    of the article's date. Only the lede counts: dates further down are background."""
    body = [p for p in paragraphs if len(p) >= 80][:1]
    return first_full_date(body[0]) if body else None


URL_PATTERNS = [
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:/|-|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:-|/|_|\.|$)"),
    re.compile(r"/(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>(?:19|20)\d\d)(?:-|/|_|\.|$)"),
]


def published_from_url(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    for pattern in URL_PATTERNS:
        m = pattern.search(url)
        if m:
            got = _make(m.group("y"), int(m.group("m")), m.group("d"))
            if got and got <= dt.date.today().isoformat():
                return got
    return None
