"""Dates: every temporal expression of a document, normalised to a DateValue with a precision.

Own rules first (per-language word lists in lexicons/<lang>/dates.json, see dates_find and
dates_resolve for the conventions), dateparser only as the fallback of `normalise` for a phrase the
rules cannot read. Public functions:
- date_mentions(doc): Mention(kind="date", value=DateValue JSON or None, source="date_rules",
  extra={"tense", "relative", "expression_kind", "year_unstated"}) for the `mentions` stage. A relative
  expression that cannot be placed (no publication date) keeps its mention with value None.
- dates_in(doc, start, end): the date mentions inside a character range (a sentence, a clause).
- normalise(text, published, lang, tense): one phrase -> DateValue or None.
"""
from __future__ import annotations

import datetime as dt
import re

from liaison.records import DateValue, Document, Mention
from liaison.understand.dates_calendar import parse_day
from liaison.understand.dates_find import EXPLICIT_YEAR, Found, find_dates
from liaison.understand.dates_lexicon import DateLexicon, date_lexicon
from liaison.understand.dates_resolve import Context, expression_kind, is_relative, resolve, weekday_year
from liaison.understand.dates_tense import cue_tense, tense_at

__all__ = ["date_mentions", "dates_in", "normalise"]


def _nearest_year(found: list[Found], f: Found, lex: DateLexicon) -> int | None:
    """The explicit year written nearest the expression (by character distance), else the year that a
    weekday written with a yearless date implies ("jeudi 29 décembre"), if any."""
    years = [(abs(g.start - f.start), y) for g in found if g.kind in EXPLICIT_YEAR and (y := g.year())]
    if not years:
        years = [(abs(g.start - f.start), y) for g in found if (y := weekday_year(g, lex))]
    return min(years)[1] if years else None


def _mention(doc: Document, f: Found, value: DateValue | None, tense: str | None) -> Mention:
    return Mention(kind="date", span=doc.span(f.start, f.end), value=value.to_json() if value else None,
                   source="date_rules",
                   extra={"tense": tense, "relative": is_relative(f), "expression_kind": expression_kind(f),
                          "modifier": f.modifier, "direction": f.direction})


def date_mentions(doc: Document) -> list[Mention]:
    """Every temporal expression of the document, resolved against doc.published."""
    lex = date_lexicon(doc.lang)
    found = find_dates(doc.text, lex)
    published = parse_day(doc.published)
    out = []
    for f in found:
        tense = tense_at(doc, f.start, f.end, lex)
        value = resolve(f, lex, Context(published, tense, _nearest_year(found, f, lex)))
        out.append(_mention(doc, f, value, tense))
    return out


def dates_in(doc: Document, start: int, end: int) -> list[Mention]:
    """The date mentions lying within [start, end) of doc.text (found afresh when the stage has not run)."""
    mentions = [m for m in doc.mentions if m.kind == "date"] if doc.mentions else date_mentions(doc)
    return [m for m in mentions if m.span.start >= start and m.span.end <= end]


def normalise(text: str, published: str | None, lang: str | None, tense: str | None = None) -> DateValue | None:
    """One temporal phrase -> DateValue: the longest expression the rules find, else dateparser's reading."""
    lex = date_lexicon(lang)
    found = find_dates(text, lex)
    pub = parse_day(published)
    if found:
        f = max(found, key=lambda f: f.end - f.start)
        tense = tense or cue_tense(text, f.start, f.end, lex)
        value = resolve(f, lex, Context(pub, tense, _nearest_year(found, f, lex)))
        if value or pub is None:
            return value
    if pub is None and not re.search(r"(?:19|20)\d\d", text):
        return None              # dateparser would read a relative phrase against today
    return _dateparser(text, pub, lex.lang, tense)


def _dateparser(text: str, published: dt.date | None, lang: str, tense: str | None) -> DateValue | None:
    """Fallback for phrases the rules do not read; dateparser's period becomes the precision."""
    try:
        from dateparser.date import DateDataParser
    except ImportError:          # optional dependency
        return None
    settings = {"PREFER_DATES_FROM": "future" if tense == "future" else "past",
                "RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    try:
        data = DateDataParser(languages=[lang], settings=settings).get_date_data(text)
    except Exception:            # dateparser raises assorted errors on odd input
        return None
    if not data or not data.date_obj:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return DateValue(f"{day.year}-01-01", f"{day.year}-12-31", "year")
    if data.period == "month":
        from liaison.understand.dates_calendar import month_range
        a, b = month_range(day.year, day.month)
        return DateValue(a.isoformat(), b.isoformat(), "month")
    if data.period == "week":
        return DateValue(day.isoformat(), (day + dt.timedelta(days=6)).isoformat(), "week")
    return DateValue(day.isoformat(), day.isoformat(), "day")
