"""A found temporal expression -> DateValue, against the publication date (or what stands for it).

Conventions (documented for the extractors; the anchors are listed in dates.py's docstring):
- Yearless dates ("February 17", "in December", "cet été") with a publication date: the occurrence nearest
  it, nudged by tense or by a direction word ("last", "prochain"): past -> latest on/before, future ->
  earliest on/after.
- Yearless dates with only a month stamp (' date 2023-10'): the same, around the stamped month (past:
  on/before its last day, future: on/after its first day). The year is then known, not `year_unstated`.
- Yearless dates with neither: the year the article's context gives (Context.ref_year; a weekday written
  with the date picks the year where it fits, nearest that year), else the latest occurrence on/before
  today; flagged `year_unstated` either way (the year is a best guess, day and month are known).
- Relative expressions ("yesterday", "Thursday", "next week", "within two weeks"): against the publication
  day. With only a month stamp, an expression that reads the same from any day of the month keeps its value
  ("last year", "two months ago" is not: it is read from both ends of the month); a day or week said from
  the (unknown) publication day becomes the stamped month itself, precision "month" (a weekday alone is
  ambiguous within a month); other spans ("within two weeks") get no value. With neither: no value (None);
  the mention is still emitted so extractors know a date was written there.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from liaison.records import DateValue, parse_day
from liaison.understand import dates_calendar as cal
from liaison.understand.dates_find import Found
from liaison.understand.dates_lexicon import DateLexicon, key

UNIT_PRECISION = {"day": "day", "hour": "day", "week": "week", "month": "month", "year": "year",
                  "weekend": "day"}
KIND_OF_MODIFIER = {"deadline": "deadline", "end": "deadline", "since": "since", "after": "range",
                    "before": "range"}


@dataclass(frozen=True)
class Context:
    published: dt.date | None
    tense: str | None
    ref_year: int | None          # the year the article's context gives (dates.py: _reference_year)
    month: tuple[dt.date, dt.date] | None = None    # the stamped month, when there is no publication day


def _value(rng, precision: str, unstated: bool = False) -> DateValue:
    return DateValue(rng[0].isoformat(), rng[1].isoformat(), precision, unstated)


def _side(f: Found, ctx: Context) -> str | None:
    """Which side of the reference the expression points to: direction words beat the verb's tense."""
    return {"last": "past", "next": "future"}.get(f.direction or "", ctx.tense)


def _yearless(f: Found, ctx: Context, ranges_in) -> DateValue | None:
    """Resolve an expression whose year is not written; ranges_in(year) -> its range in that year."""
    precision = ranges_in.precision
    if ctx.published:
        year = ctx.published.year
        cands = [r for r in (ranges_in(y) for y in (year - 1, year, year + 1)) if r]
        strict = f.direction in ("last", "next")
        return _value(cal.pick(cands, ctx.published, _side(f, ctx), strict), precision) if cands else None
    if ctx.month:
        return _in_stamped_month(f, ctx, ranges_in)
    if f.direction and not isinstance(ranges_in, _DayMonth):
        return None               # "last December", "cet été": relative to a publication date we lack
    year = ranges_in.year_hint(ctx.ref_year)
    rng = ranges_in(year)
    return _value(rng, precision, unstated=True) if rng else None


def _in_stamped_month(f: Found, ctx: Context, ranges_in) -> DateValue | None:
    """The occurrence nearest the stamped month: a past one ends by its last day, a future one starts on or
    after its first day (the article was published some day of that month)."""
    first, last = ctx.month
    cands = [r for r in (ranges_in(y) for y in (first.year - 1, first.year, first.year + 1)) if r]
    if not cands:
        return None
    side = _side(f, ctx)
    ref = last if side == "past" else first if side == "future" else first + (last - first) / 2
    return _value(cal.pick(cands, ref, side, f.direction in ("last", "next")), ranges_in.precision)


class _DayMonth:
    """Day (or day range) of a month, in any year."""
    precision = "day"

    def __init__(self, month: int, d1: int, d2: int, weekday: int | None):
        self.month, self.d1, self.d2, self.weekday = month, d1, d2, weekday

    def __call__(self, year: int):
        a, b = cal.safe_date(year, self.month, self.d1), cal.safe_date(year, self.month, self.d2)
        return (a, b) if a and b and a <= b else None

    def year_hint(self, ref_year: int | None) -> int:
        if self.weekday is not None:
            around = ref_year or dt.date.today().year
            found = cal.year_for_weekday(self.month, self.d1, self.weekday, around, backward=not ref_year)
            if found:
                return found
        return ref_year or cal.plausible_year(self.month, self.d1)


class _Months:
    precision = "month"

    def __init__(self, m1: int, m2: int):
        self.m1, self.m2 = m1, m2

    def __call__(self, year: int):
        return cal.month_range(year, self.m1)[0], cal.month_range(year, self.m2)[1]

    def year_hint(self, ref_year: int | None) -> int:
        return ref_year or cal.plausible_year(self.m1, 1)


class _Season:
    precision = "season"

    def __init__(self, season: str):
        self.season = season

    def __call__(self, year: int):
        return cal.season_range(year, self.season)

    def year_hint(self, ref_year: int | None) -> int:
        start = cal.SEASONS[self.season][0]
        return ref_year or cal.plausible_year(*start)


def _day_month(f: Found, lex: DateLexicon, ctx: Context) -> DateValue | None:
    g = f.groups
    month = lex.months[key(g["mon"]).rstrip(".")]
    d1 = int(g["d"])
    d2 = int(g["d2"]) if g.get("d2") else d1
    weekday = lex.weekdays.get(key(g["wd"])) if g.get("wd") else None
    if g.get("y"):
        a, b = cal.safe_date(int(g["y"]), month, d1), cal.safe_date(int(g["y"]), month, d2)
        return _value((a, b), "day") if a and b and a <= b else None
    return _yearless(f, ctx, _DayMonth(month, d1, d2, weekday))


def _months(f: Found, lex: DateLexicon, ctx: Context) -> DateValue | None:
    g = f.groups
    m1 = lex.months[key(g["mon"]).rstrip(".")]
    m2 = lex.months[key(g["mon2"]).rstrip(".")] if g.get("mon2") else m1
    if m2 < m1:
        return None
    if g.get("y"):
        y = int(g["y"])
        return _value((cal.month_range(y, m1)[0], cal.month_range(y, m2)[1]), "month")
    return _yearless(f, ctx, _Months(m1, m2))


def _season(f: Found, lex: DateLexicon, ctx: Context) -> DateValue | None:
    season = lex.seasons[key(f.groups["season"])]
    if f.groups.get("y"):
        return _value(cal.season_range(int(f.groups["y"]), season), "season")
    return _yearless(f, ctx, _Season(season))


def _count(f: Found, lex: DateLexicon) -> tuple[int, str]:
    n = f.groups.get("n")
    count = int(n) if n and n.isdigit() else lex.numbers.get(key(n), 1) if n else 1
    return count, lex.units[key(f.groups["unit"])]


def _relative(f: Found, lex: DateLexicon, ctx: Context) -> DateValue | None:
    """Expressions that only mean something against the publication date."""
    p = ctx.published
    if p is None:
        return None
    g = f.groups
    if f.kind == "relday":
        day = p + dt.timedelta(days=lex.relative_days[key(g["rel"])])
        return _value((day, day), "day")
    if f.kind == "weekday":
        day = cal.weekday_on_side(p, lex.weekdays[key(g["wd"])], _side(f, ctx),
                                  f.direction in ("last", "next"))
        return _value((day, day), "day")
    if f.kind == "relperiod":
        unit, offset, *part = lex.relative_periods[key(g["rel"])]
        anchor = cal.shift(p, "week" if unit == "weekend" else unit, offset)
        start, end = cal.unit_range(anchor, unit)
        if part and part[0] == "before":
            end = min(end, p)
        elif part and part[0] == "after":
            start = max(start, p)
        elif part:
            f.modifier = f.modifier or part[0]
        return _value((start, end), UNIT_PRECISION[unit])
    n, unit = _count(f, lex)
    if f.kind == "within":
        return _value((p, cal.shift(p, unit, n)), UNIT_PRECISION[unit])
    if f.kind == "pastwin":
        back = n - 1 if unit == "day" else n
        return _value((cal.shift(p, unit, -back), p), UNIT_PRECISION[unit])
    if f.kind == "ago":
        day = cal.shift(p, unit, -n)
        return _value(cal.unit_range(day, unit), UNIT_PRECISION[unit])
    return None


def _explicit(f: Found, lex: DateLexicon, ctx: Context) -> DateValue | None:
    g = f.groups
    if f.kind in ("iso", "numeric"):
        d, m = int(g["d"]), int(g["m"])
        if f.kind == "numeric" and lex.data.get("mdy") and d <= 12:
            d, m = m, d                       # English numeric dates are month/day
        day = cal.safe_date(int(g["y"]), m, d)
        return _value((day, day), "day") if day else None
    if f.kind == "year_range":
        return _value((cal.year_range(int(g["y"]))[0], cal.year_range(int(g["y2"]))[1]), "year")
    return _value(cal.year_range(int(g["y"])), "year")


RESOLVERS = {"dmy": _day_month, "mdy": _day_month, "my": _months, "month": _months, "month_range": _months,
             "season": _season, "iso": _explicit, "numeric": _explicit, "year": _explicit,
             "year_range": _explicit}


def _apply_modifier(value: DateValue, modifier: str | None, published: dt.date | None) -> DateValue:
    """"later in 2025" starts at publication; "earlier this year" ends there; "end of 2025" is its
    last part."""
    if not modifier or value.start is None:
        return value
    start, end = parse_day(value.start), parse_day(value.end)
    precision = value.precision
    if modifier == "after" and published and start <= published <= end:
        start = published
    elif modifier == "before" and published and start <= published <= end:
        end = published
    elif (modifier in ("end", "late", "early", "mid") and precision in ("year", "month")
          and start == end.replace(day=1, month=1 if precision == "year" else end.month)
          and start.year == end.year):
        start, end = _part(start, end, precision, modifier)
        precision = "month"
    return DateValue(start.isoformat(), end.isoformat(), precision, value.year_unstated)


def _part(start: dt.date, end: dt.date, precision: str, modifier: str) -> tuple[dt.date, dt.date]:
    """Thirds of a year (4 months) or of a month (10 days)."""
    third = {"early": 0, "mid": 1, "end": 2, "late": 2}[modifier]
    if precision == "year":
        a = cal.month_range(start.year, 1 + 4 * third)[0]
        return a, cal.month_range(start.year, 4 + 4 * third)[1]
    a = start.replace(day=1 + 10 * third)
    return a, end if third == 2 else start.replace(day=10 + 10 * third)


# relative expressions said from the publication day itself (not from its month): "Thursday", "this week"
NEAR_PUBLICATION = ("relday", "weekday")
NEAR_UNITS = ("day", "week", "weekend", "hour")


def _relative_in_month(f: Found, lex: DateLexicon, ctx: Context) -> DateValue | None:
    """A relative expression with only the month of publication known (see the module docstring)."""
    first, last = ctx.month
    early = _relative(f, lex, replace(ctx, published=first))
    late = _relative(f, lex, replace(ctx, published=last))
    if early == late:
        return _apply_modifier(early, f.modifier, None) if early else None
    if f.kind == "within" and early and late:
        # 'within a few weeks' said some day of that month: from its first day to the window's
        # end counted from its last day, no finer than the month it was said in
        coarse = late.precision if late.precision in ("month", "season", "year") else "month"
        return DateValue(early.start, late.end, coarse)
    near = f.kind in NEAR_PUBLICATION or f.kind == "relperiod" and lex.relative_periods[
        key(f.groups["rel"])][0] in NEAR_UNITS
    return _value((first, last), "month") if near and early and late else None


def resolve(f: Found, lex: DateLexicon, ctx: Context) -> DateValue | None:
    """The DateValue of a found expression (None when it cannot be placed)."""
    try:
        resolver = RESOLVERS.get(f.kind, _relative)
        if resolver is _relative and ctx.published is None and ctx.month:
            return _relative_in_month(f, lex, ctx)
        value = resolver(f, lex, ctx)
    except (KeyError, ValueError, OverflowError):
        return None
    return _apply_modifier(value, f.modifier, ctx.published) if value else None


def expression_kind(f: Found) -> str:
    if f.modifier in KIND_OF_MODIFIER:
        return KIND_OF_MODIFIER[f.modifier]
    if f.kind in ("within", "pastwin"):
        return "duration"
    if f.groups.get("d2") or f.kind in ("month_range", "year_range"):
        return "range"
    return "point"


def is_relative(f: Found) -> bool:
    """Placed against the publication date (or a year guessed from the document)."""
    return f.kind in ("relday", "weekday", "relperiod", "within", "pastwin", "ago") or not f.groups.get("y") \
        and f.kind not in ("iso", "numeric")


def weekday_year(f: Found, lex: DateLexicon, around: int | None = None) -> int | None:
    """The year a yearless "Wednesday 3 May" must be in: the nearest such year to `around`, else the latest
    up to today; None when the expression has no weekday (or a year of its own)."""
    g = f.groups
    if f.kind not in ("dmy", "mdy") or g.get("y") or not g.get("wd"):
        return None
    try:
        return cal.year_for_weekday(lex.months[key(g["mon"]).rstrip(".")], int(g["d"]),
                                    lex.weekdays[key(g["wd"])], around or dt.date.today().year,
                                    backward=around is None)
    except KeyError:
        return None
