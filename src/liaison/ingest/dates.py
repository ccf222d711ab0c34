"""The publication date of a page: from its datelines, its URL and its lede. Never invented.

Month names come from every language's dates.json (the language of a page is not known yet when
it is cleaned). Shapes read, as news pages print them:
- a line that is only a date, with a label, weekday or time: 'June 12, 2025', 'Le 25/11/2025 à
  19h13', '23.6.2024 - 06:18', 'Published: 2024-10-04', '26 novembre 2025 - 14h30',
  'am 03.05.2023', '20-01-2024', near the top of the page or on its last lines (a footer);
- a paragraph opening with a date ('26 de noviembre de 2024. La Policía…', 'BERLINO, 18 LUG –'),
  the yearless kind completed by a month stamp of the same month;
- the URL path: /2024/09/16/, /2024-09-16-, /20240916, /2024/09-16-...;
- a full date said as today ('ce 3 mai 2023', 'this Wednesday, May 3, 2023': dates.json `this`).
A date line that opens the page before the headline is the site's date widget and is skipped.

Not a publication date but a bound on it: the sign-off of a social post the page embeds ('— Libya
Review (@LibyaReview) July 6, 2025'): the page was written on or after its latest one
(`embedded_post_day`; the dates of a page without a publication day are read against it).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from liaison import lexicon

_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th|º|°|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = (
    r"(?:\s*(?:[-–—,|•·]|à|at|um|alle|a las|às|ore)?\s*\d{1,2}\s?(?:[h:.]|h:)\s?\d{2}"
    r"(?:\s*(?:am|pm|h|uhr|hs|hrs))?(?:\s*\(?(?:gmt|utc|cet|cest)[^)]*\)?)?)?"
)
_LABEL = (
    r"^(?:(?:published|posted|updated|publié|publie|mis à jour|publicado|actualizado|veröffentlicht|"
    r"aktualisiert|pubblicato|aggiornato|atualizado|stand)(?:\s+(?:le|on|el|il|am|em|:))?\s*:?\s*)?"
    r"(?:le\s+|the\s+|el\s+|il\s+|am\s+|vom\s+|du\s+)?(?:[^\W\d]+\.?,?\s+)?"
)
URL_PATTERNS = [
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:-|/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:/|-|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:-|/|_|\.|$)"),
    re.compile(r"/(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>(?:19|20)\d\d)(?:-|/|_|\.|$)"),
]
# an embedded post's sign-off: a dash, the author's name, the handle in brackets, then the post's date
_POST_SIGNOFF = re.compile(r"[—–-]\s*[^\n()—–]{1,80}\(@\w{1,30}\)\s*")
URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0[1-9]|1[0-2])/")
LINE_MAX = 70  # a dateline is short
FOOTER_LINES = 3  # a footer date sits on the last lines


@functools.cache
def month_names() -> dict[str, int]:
    """Every language's month names and abbreviations (lower case) -> month number."""
    out: dict[str, int] = {}
    for lang in lexicon.languages():
        for name, number in lexicon.load(lang, "dates").get("months", {}).items():
            out.setdefault(name.lower().rstrip("."), int(number))
    return out


@functools.cache
def this_words() -> tuple[str, ...]:
    return tuple(
        sorted(
            {
                w.lower()
                for lang in lexicon.languages()
                for w in lexicon.load(lang, "dates").get("this", [])
                if len(w) > 1
            },
            key=len,
            reverse=True,
        )
    )


def _month_alt() -> str:
    return "|".join(sorted((re.escape(m) for m in month_names()), key=len, reverse=True))


@functools.cache
def _shapes() -> dict[str, tuple[re.Pattern, ...]]:
    """The date shapes, each a tuple of alternative regexes (one per word order)."""
    month = rf"(?P<month>{_month_alt()})\.?"
    numeric = rf"(?P<day>[0-3]?\d)[./-](?P<mnum>[01]?\d)[./-]{_YEAR}"
    iso = rf"{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?:[T ]\d{{2}}:\d{{2}}\S*)?"
    mdy = rf"{month}\s*,?\s*{_DAY}\s*,?\s+{_YEAR}"
    dmy = rf"{_DAY}\s+(?:de\s+)?{month},?\s+(?:de\s+)?{_YEAR}"
    place = r"^\W{0,3}(?:[^\W\d]+(?:\s+[^\W\d]+)?,\s+)?"
    return {
        "line": tuple(re.compile(rf"{_LABEL}{shape}{_TIME}\.?$", re.I) for shape in (mdy, dmy, numeric, iso)),
        "opening": tuple(re.compile(rf"{place}{shape}\s*[.,:–—-]", re.I) for shape in (dmy, mdy, numeric)),
        "yearless": (re.compile(rf"^\W{{0,3}}[^\W\d]+(?:\s+[^\W\d]+)?,\s+{_DAY}\s+{month}\s*[–—-]", re.I),),
        "full": tuple(re.compile(rf"\b{shape}\b", re.I) for shape in (dmy, mdy)),
    }


def _first(kind: str, text: str, search: bool = False) -> re.Match | None:
    found = [m for rx in _shapes()[kind] if (m := (rx.search(text) if search else rx.match(text)))]
    return min(found, key=lambda m: m.start()) if found else None


def _make(year, month, day) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def _from_match(m: re.Match, year: int | None = None, month: int | None = None) -> str | None:
    g = {k: v for k, v in m.groupdict().items() if v}
    mnum = g.get("mnum") or (month_names().get(g["month"].lower().rstrip(".")) if g.get("month") else None)
    return _make(g.get("year") or year, mnum or month, g.get("day"))


def dateline(line: str) -> str | None:
    """The date when the whole line is a date (a dateline), else None."""
    line = line.strip()
    if len(line) > LINE_MAX:
        return None
    m = _first("line", line)
    return _from_match(m) if m else None


def published_from_lines(lines: list[str]) -> str | None:
    """A dateline near the top of the page, else on its last lines (a footer).

    A date line that opens the page before the headline is the site's date widget (today's date,
    on every page), not the article's: it is skipped."""
    for i, line in enumerate(lines):
        got = dateline(line)
        if got and not (i == 0 and len(lines) > 1):
            return got
    return None


def published_from_footer(lines: list[str]) -> str | None:
    for line in lines[-FOOTER_LINES:]:
        got = dateline(line)
        if got:
            return got
    return None


def published_from_openings(paragraphs: list[str], stamp_month: str | None = None) -> str | None:
    """A paragraph that opens with a date ('26 de noviembre de 2024. La Policía…'), or with a
    yearless dateline ('BERLINO, 18 LUG –') in a page stamped with that month."""
    for p in paragraphs:
        m = _first("opening", p)
        if m and (got := _from_match(m)):
            return got
        m = _first("yearless", p)
        if m and stamp_month:
            got = _from_match(m, int(stamp_month[:4]))
            if got and got[:7] == stamp_month:
                return got
    return None


def published_said_today(text: str, stamp_month: str | None) -> str | None:
    """A full date the text says as today ('ce 3 mai 2023'), in the stamped month when there is one."""
    words = this_words()
    if not words:
        return None
    for m in (m for rx in _shapes()["full"] for m in rx.finditer(text)):
        before = text[max(0, m.start() - 20) : m.start()].lower().rstrip(" ,")
        if before.endswith(words) and (got := _from_match(m)) and (not stamp_month or got[:7] == stamp_month):
            return got
    return None


def published_from_lede(paragraphs: list[str]) -> str | None:
    """News ledes state when the reported event happened ('le vendredi 4 octobre 2024'); when the page
    gives no date at all, the full date stated in the first paragraph is the best statement of the
    article's date. Only the lede counts: dates further down are background."""
    body = [p for p in paragraphs if len(p) >= 80][:1]
    if not body:
        return None
    m = _first("full", body[0], search=True)
    return _from_match(m) if m else None


def embedded_post_day(text: str) -> str | None:
    """The latest day of the social posts the page embeds, from their sign-offs ('— Libya Review
    (@LibyaReview) July 6, 2025'), up to today: the page was written on or after it."""
    days = []
    for signoff in _POST_SIGNOFF.finditer(text):
        m = next((m for rx in _shapes()["full"] if (m := rx.match(text, signoff.end()))), None)
        if m and (day := _from_match(m)) and day <= dt.date.today().isoformat():
            days.append(day)
    return max(days, default=None)


def published_from_url(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    for pattern in URL_PATTERNS:
        m = pattern.search(url)
        if m:
            got = _make(m.group("y"), m.group("m"), m.group("d"))
            if got and got <= dt.date.today().isoformat():
                return got
    return None


def month_from_url(url: str | None) -> str | None:
    m = URL_MONTH.search(url or "")
    return f"{m.group('y')}-{m.group('m')}" if m else None
