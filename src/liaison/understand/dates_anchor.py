"""The time an article is written in, when it gives no publication day: the anchor of its yearless and
relative dates (dates_resolve uses it; the rules are listed in dates.py's docstring).

- stamp_month(doc): the month of a ' date 2023-10' stamp (Document.meta["published_month"]) as a range;
- document_year(...): the year the article speaks from, from what its text says, or None.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from liaison.records import Document
from liaison.understand import dates_calendar as cal
from liaison.understand.dates_find import EXPLICIT_YEAR, Found
from liaison.understand.dates_lexicon import DateLexicon, alt, key
from liaison.understand.dates_tense import sentence_bounds, tense_at

Range = tuple[dt.date, dt.date]


def stamp_month(doc: Document) -> Range | None:
    """The first and last day of the stamped month, when the article has one and no publication day."""
    stamp = (doc.meta or {}).get("published_month")
    m = re.fullmatch(r"((?:19|20)\d\d)-(0[1-9]|1[0-2])", str(stamp or ""))
    return cal.month_range(int(m.group(1)), int(m.group(2))) if m else None


def _elapsed_patterns(lex: DateLexicon) -> tuple[re.Pattern, re.Pattern] | None:
    return _compile_elapsed(lex.lang) if lex.words("elapsed_after") else None


@functools.cache
def _compile_elapsed(lang: str) -> tuple[re.Pattern, re.Pattern] | None:
    """"four years after" / "four years later": a count of years said from the article's present."""
    from liaison.understand.dates_lexicon import date_lexicon
    lex = date_lexicon(lang)
    years = [w for w, unit in lex.units.items() if unit == "year"]
    numbers = [w for w in lex.numbers if w not in {v.lower() for v in lex.words("vague_numbers")}]
    if not years or not lex.words("elapsed_after"):
        return None
    count = rf"(?<![\w-])(?P<n>\d{{1,2}}|{alt(numbers)})\s+{alt(years)}"
    after = re.compile(rf"{count}\s+{alt(lex.words('elapsed_after'))}(?![\w])", re.I)
    later = re.compile(rf"{count}\s+{alt(lex.words('elapsed_later'))}(?![\w])", re.I)
    return after, later


def _count(lex: DateLexicon, n: str) -> int | None:
    return int(n) if n.isdigit() else lex.numbers.get(key(n))


def elapsed_year(doc: Document, found: list[Found], lex: DateLexicon) -> int | None:
    """"took place four years after Japan's first request in 2019" -> 2023: the explicit year of the
    sentence ("after": written after the phrase; "later": before it) plus the count, in a clause that is
    not future ("will expire five years after 2024" says nothing of the present)."""
    patterns = _elapsed_patterns(lex)
    if patterns is None:
        return None
    years = [(f.start, f.year()) for f in found if f.kind in ("year", "my", "dmy", "mdy") and f.year()]
    out = []
    for rx, follows in zip(patterns, (True, False), strict=True):
        for m in rx.finditer(doc.text):
            n = _count(lex, m.group("n"))
            s, e = sentence_bounds(doc, m.start(), m.end())
            near = [y for pos, y in years
                    if s <= pos < e and (pos >= m.end() if follows else pos < m.start())]
            if n and near and tense_at(doc, m.start(), m.end(), lex) != "future":
                out.append((near[0] if follows else near[-1]) + n)
    this_year = dt.date.today().year
    return max((y for y in out if y <= this_year), default=None)


def latest_year(found: list[Found], tenses: list[str | None]) -> int | None:
    """The latest year written outright in a clause that is not future, up to this year: news reports its
    present, and what it dates explicitly is mostly background before it ("first requested in 2019")."""
    this_year = dt.date.today().year
    years = [f.year() for f, tense in zip(found, tenses, strict=True) if f.kind in EXPLICIT_YEAR and f.year()
             and tense != "future" and f.kind != "year_range"]
    return max((y for y in years if y <= this_year), default=None)


def document_year(doc: Document, found: list[Found], tenses: list[str | None], lex: DateLexicon,
                  weekday_year) -> tuple[int | None, str]:
    """The year the article speaks from, and which rule said so (rules 2-4 of dates.py's docstring)."""
    year = elapsed_year(doc, found, lex)
    if year:
        return year, "elapsed"
    latest = latest_year(found, tenses)
    pinned = [y for f in found if (y := weekday_year(f, latest))]
    if pinned:
        return max(pinned), "weekday"
    return latest, "latest" if latest else ""
