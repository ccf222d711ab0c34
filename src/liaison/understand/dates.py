"""Dates: every temporal expression of a document, normalised to a DateValue with a precision.

Own rules first (per-language word lists in lexicons/<lang>/dates.json, see dates_find and
dates_resolve for the conventions), dateparser only as the fallback of `normalise` for a phrase the
rules cannot read. Public functions:
- date_mentions(doc): Mention(kind="date", value=DateValue JSON or None, source="date_rules",
  extra={"tense", "relative", "expression_kind", "year_unstated"}) for the `mentions` stage. A relative
  expression that cannot be placed (no publication date) keeps its mention with value None.
- dates_in(doc, start, end): the date mentions inside a character range (a sentence, a clause).
- normalise(text, published, lang, tense): one phrase -> DateValue or None.

What a yearless or relative expression is read against, first that applies (dates_anchor, dates_resolve):
1. the publication day (Document.published), else the day of the latest social post the page embeds
   (Document.meta["embedded_post_day"]: the page was written on or after it, mostly the same day);
2. the month of a ' date 2023-10' stamp (Document.meta["published_month"]; a month is no publication day,
   so `published` stays None): "30 octobre" -> 2023-10-30, "lundi" -> October 2023 (precision month);
3. a year written outright in the same sentence as the expression;
4. the year the article speaks from (year_unstated values): "N years after … 2019" in a clause that is
   not future -> 2019 + N; else a weekday written with a yearless date ("Thursday 29 December"): the year
   where that date falls on that weekday, nearest the latest explicit year (else the most recent one up
   to today); else the latest year written outright, not in a future clause and not after today;
5. nothing: the latest occurrence on/before today (year_unstated); relative expressions get no value.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from liaison.errors import LanguageNotSupported
from liaison.records import DateValue, Document, Mention, parse_day
from liaison.understand.dates_anchor import document_year, stamp_month
from liaison.understand.dates_find import EXPLICIT_YEAR, Found, find_dates
from liaison.understand.dates_lexicon import DateLexicon, date_lexicon
from liaison.understand.dates_resolve import Context, expression_kind, is_relative, resolve, weekday_year
from liaison.understand.dates_tense import cue_tense, sentence_bounds, tense_at

__all__ = ["date_mentions", "dates_in", "normalise", "year_names_thing"]


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


def _reference_year(doc: Document, found: list[Found], f: Found, doc_year: int | None) -> int | None:
    """A year written outright in the expression's own sentence, else the article's year (rules 3-4)."""
    s, e = sentence_bounds(doc, f.start, f.end)
    near = [(abs(g.start - f.start), y) for g in found
            if g is not f and g.kind in EXPLICIT_YEAR and s <= g.start < e and (y := g.year())]
    return min(near)[1] if near else doc_year


def date_mentions(doc: Document) -> list[Mention]:
    """Every temporal expression of the document, resolved against doc.published (or what stands for it,
    see the module docstring)."""
    lex = date_lexicon(doc.lang)
    found = find_dates(doc.text, lex)
    published = anchor_day(doc)
    month = None if published else stamp_month(doc)
    tenses = [tense_at(doc, f.start, f.end, lex) for f in found]
    doc_year = None
    if published is None and month is None:
        doc_year, _ = document_year(doc, found, tenses, lex, lambda f, around: weekday_year(f, lex, around))
    out = []
    for f, tense in zip(found, tenses, strict=True):
        ref_year = None if published or month else _reference_year(doc, found, f, doc_year)
        value = resolve(f, lex, Context(published, tense, ref_year, month))
        out.append(_mention(doc, f, value, tense))
    return out


def anchor_day(doc: Document) -> dt.date | None:
    """The day the article's relative and yearless dates are read against (rule 1)."""
    return parse_day(doc.published) or parse_day((doc.meta or {}).get("embedded_post_day"))


def dates_in(doc: Document, start: int, end: int) -> list[Mention]:
    """The date mentions lying within [start, end) of doc.text (found afresh when the stage has not run)."""
    mentions = [m for m in doc.mentions if m.kind == "date"] if doc.mentions else date_mentions(doc)
    return [m for m in mentions if m.span.start >= start and m.span.end <= end]


def normalise(text: str, published: str | None, lang: str | None,
              tense: str | None = None) -> DateValue | None:
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


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word ending right before `start` (elided articles keep their apostrophe) and its start."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’-"):
        j -= 1
    return text[j:i].replace("’", "'"), j


@functools.cache
def _year_words(lang: str | None) -> dict[str, frozenset[str]]:
    """The dates.json word lists `year_names_thing` reads, lower-cased once per language."""
    lex = date_lexicon(lang)
    keys = ("year_of_thing", "year_time_nouns", "year_articles")
    return {k: frozenset(w.lower() for w in lex.words(k)) for k in keys}


def year_names_thing(doc: Document, span) -> bool:
    """Is this bare year part of a name or of a dated thing, not the time of the clause's act?
    'the World Cup of 2030', 'Campeonato do Mundo de 2030', "l'accord de 2019", 'Vision 2030',
    'the 2030 World Cup'. Lexicon keys (dates.json): year_of_thing (the genitive links),
    year_time_nouns (nouns before the link that keep it a date: 'fin de 2025'), year_articles."""
    text = doc.text
    if not (span.text.isdigit() and len(span.text) == 4):
        return False
    try:
        lex = date_lexicon(doc.lang)
    except LanguageNotSupported:
        return False
    low = _year_words(doc.lang)
    prev, at = _word_before(text, span.start)
    if prev.lower() in low["year_of_thing"]:
        noun, _ = _word_before(text, at)
        return bool(noun) and noun.lower() not in low["year_time_nouns"] and not noun.isdigit()
    if prev[:1].isupper() and prev.lower() not in lex.months and prev.lower() not in lex.weekdays:
        sentence_start = text[:at].rstrip(" \t\"'“‘«(")
        return bool(sentence_start) and sentence_start[-1] not in ".!?\n:;"
    after = text[span.end:span.end + 40].split()
    return prev.lower() in low["year_articles"] and bool(after) and after[0][:1].isupper()
