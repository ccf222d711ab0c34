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
DATELINE_PATTERNS = [
    re.compile(rf"^(?P<month>{_MONTH})\.?\s*,?\s*(?P<day>\d{{1,2}})\s*,?\s+(?P<year>(19|20)\d\d)$", re.I),
    re.compile(rf"^(?:\w+,?\s+)?(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+(?P<month>{_MONTH})\.?\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(rf"^(?:\w+,?\s+)?(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(r"^(?:published|publié le|publicado|veröffentlicht|pubblicato)?\s*:?\s*(?P<year>(19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)$", re.I),
    re.compile(r"^(?:le\s+)?(?P<day>\d{1,2})/(?P<mnum>\d{1,2})/(?P<year>(19|20)\d\d)(?:\s+(?:à|at)\s+\d{1,2}[h:]\d{2})?$", re.I),
]


def _make(year: str, month: int, day: str) -> str | None:
    try:
        return dt.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def published_from_lines(lines: list[str]) -> str | None:
    """A line that is only a date (a dateline) near the top of the article."""
    for line in lines:
        line = line.strip()
        if len(line) > 60:
            continue
        for pattern in DATELINE_PATTERNS:
            m = pattern.match(line)
            if m:
                gd = m.groupdict()
                month = int(gd["mnum"]) if gd.get("mnum") else MONTHS.get(gd["month"].lower())
                got = month and _make(gd["year"], month, gd["day"])
                if got:
                    return got
    return None


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
