"""Calendar arithmetic for date resolution: ranges of months, seasons, weeks, and picking the occurrence
of a yearless date nearest a reference day, nudged by tense ("past": the latest on/before it,
"future": the earliest on/after it, None: the nearest).
"""
from __future__ import annotations

import calendar
import datetime as dt

Range = tuple[dt.date, dt.date]

# Astronomical seasons of the northern hemisphere, as SCHEMA.md's example ("summer" = 06-21..09-22).
SEASONS = {"spring": ((3, 20), (6, 20)), "summer": ((6, 21), (9, 22)),
           "autumn": ((9, 23), (12, 20)), "winter": ((12, 21), (3, 19))}


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_range(year: int, month: int) -> Range:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def year_range(year: int) -> Range:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def season_range(year: int, season: str) -> Range:
    """Winter starts in December of `year` and ends in March of the next year."""
    (m1, d1), (m2, d2) = SEASONS[season]
    return dt.date(year, m1, d1), dt.date(year + (1 if m2 < m1 else 0), m2, d2)


def week_range(day: dt.date) -> Range:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """`day` moved by n units (negative: back)."""
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    if unit == "month":
        return add_months(day, n)
    if unit == "year":
        return add_months(day, 12 * n)
    if unit == "hour":
        return day + dt.timedelta(days=(n + 23) // 24 if n >= 0 else -((-n + 23) // 24))
    return day + dt.timedelta(days=n)


def unit_range(day: dt.date, unit: str) -> Range:
    """The week / month / year containing `day` (a single day otherwise)."""
    if unit == "week":
        return week_range(day)
    if unit == "month":
        return month_range(day.year, day.month)
    if unit == "year":
        return year_range(day.year)
    if unit == "weekend":
        monday = week_range(day)[0]
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    return day, day


def distance(rng: Range, ref: dt.date) -> int:
    if rng[0] <= ref <= rng[1]:
        return 0
    return min(abs((rng[0] - ref).days), abs((rng[1] - ref).days))


TENSE_HORIZON_DAYS = 275   # about nine months: how far a tense alone may place a yearless day


def pick(candidates: list[Range], ref: dt.date, tense: str | None, strict: bool = False) -> Range:
    """The occurrence of a recurring date nearest `ref`, on the side the tense says.

    strict: "last December" / "next Monday" exclude the occurrence containing ref. Without such a
    word, a verb's tense never sends a day of the month most of a year away: 'la reunión que tenía
    prevista el 15 de julio', read on 27 July, is the 15 July just gone (a year-away day is written
    with its year; a tense misread is likelier)."""
    candidates = sorted(candidates)
    if not strict:
        near = [c for c in candidates if c[0] != c[1] or distance(c, ref) <= TENSE_HORIZON_DAYS]
        candidates = near or candidates
    if tense == "past":
        before = [c for c in candidates if (c[1] < ref if strict else c[0] <= ref)]
        if before:
            return before[-1]
    elif tense == "future":
        after = [c for c in candidates if (c[0] > ref if strict else c[1] >= ref)]
        if after:
            return after[0]
    return min(candidates, key=lambda c: (distance(c, ref), c[0] > ref))


def weekday_on_side(ref: dt.date, weekday: int, tense: str | None, strict: bool = False) -> dt.date:
    """The weekday nearest ref: on/before it (past or unknown tense), on/after it (future)."""
    if tense == "future":
        ahead = (weekday - ref.weekday()) % 7
        return ref + dt.timedelta(days=ahead or (7 if strict else 0))
    back = (ref.weekday() - weekday) % 7
    return ref - dt.timedelta(days=back or (7 if strict else 0))


def year_for_weekday(month: int, day: int, weekday: int, around: int, backward: bool = False) -> int | None:
    """The year nearest `around` (within 6; only earlier ones if backward) where day/month is that weekday."""
    steps = range(0, -11, -1) if backward else (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6)
    for step in steps:
        date = safe_date(around + step, month, day)
        if date and date.weekday() == weekday:
            return around + step
    return None


def plausible_year(month: int, day: int, today: dt.date | None = None) -> int:
    """With no publication date and no year anywhere in the text: the latest occurrence on/before today
    (news reports the past). The value is flagged `year_unstated`, so the year is only a placeholder."""
    today = today or dt.date.today()
    this_year = safe_date(today.year, month, min(day, 28) if month == 2 else day)
    return today.year if this_year and this_year <= today else today.year - 1
