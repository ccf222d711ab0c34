"""Date words per language (data in lexicons/<lang>/dates.json) compiled into regexes, once per language.

Each pattern of `DateLexicon.patterns` finds one shape of temporal expression (day-month-year, month alone,
a weekday, "next week", "within two weeks", ...); dates.py picks the longest non-overlapping finds and
resolves them. Context regexes (`prefix_*`, `post_re`) read the words just before or after a find:
a direction ("last", "prochain") or a modifier ("later in", "jusqu'en").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from liaison import lexicon
from liaison.understand.grammar import compiled

APOS = "['’]"
YEAR = r"(?:19|20)\d{2}"


def phrase(text: str) -> str:
    """A lexicon phrase -> regex: any apostrophe, any run of spaces, optional space after a hyphen."""
    parts = [re.escape(p) for p in text.replace("’", "'").split()]
    out = r"\s+".join(parts).replace("'", APOS)
    return out


def alt(items) -> str:
    """Alternation, longest first so that "la semaine dernière" wins over "la semaine"."""
    items = sorted({i for i in items if i}, key=lambda s: (-len(s), s))
    return "(?:" + "|".join(phrase(i) for i in items) + ")" if items else "(?!x)x"


def day(name: str, suffix: str) -> str:
    return rf"(?<![\d.,/])(?P<{name}>[12]\d|3[01]|0?[1-9])(?!\d)(?:{suffix})?"


@dataclass(frozen=True)
class DateLexicon:
    lang: str
    data: dict
    months: dict
    weekdays: dict
    seasons: dict
    numbers: dict
    units: dict
    relative_days: dict
    relative_periods: dict
    modifiers: dict
    directions: dict              # lower-case phrase -> "this" | "last" | "next"
    patterns: tuple               # (kind, compiled regex), in priority order
    prefix_direction: re.Pattern
    prefix_modifier: re.Pattern
    prefix_month: re.Pattern
    prefix_season: re.Pattern
    prefix_not_year: re.Pattern
    prefix_not_relday: re.Pattern
    post_re: re.Pattern
    past_cues: tuple
    future_cues: tuple

    def words(self, key: str) -> list:
        return self.data.get(key, [])


def _prefix(items) -> re.Pattern:
    """Regex matching `items` as the last words before a find (the text is cut at the find)."""
    return re.compile(rf"(?<![\w'’-])(?P<w>{alt(items)})(?:\s+|(?<=['’-])\s*)$", re.I)


def _patterns(d: dict, months: str, weekdays: str) -> tuple:
    suf = d.get("ordinal_suffix", "")
    of = rf"(?:{alt(d['of'])}\s+)?" if d.get("of") else ""
    link = rf"\s*{alt(d['range_links'])}\s*"
    year = rf"(?P<y>{YEAR})(?!\d)"
    mon = rf"(?<![\w-])(?P<mon>{months})(?:(?<=[a-z])\.(?=\s*\d))?(?![\w])"
    wd = rf"(?<![\w-])(?P<wd>{weekdays})(?![\w-])"
    nums = alt(d["numbers"])
    n = rf"(?P<n>\d{{1,3}}|{nums})"
    units = rf"(?P<unit>{alt(d['units'])})(?![\w])"
    directional = alt(d.get("last_after", []) + d.get("next_after", []))
    dmy = (rf"(?:{wd}\s*,?\s+(?:{alt(d['day_articles'])}\s+)?)?{day('d', suf)}(?:{link}{day('d2', suf)})?"
           rf"\s*{of}{mon}(?:\s*,?\s*{of}{year})?")
    found = [
        ("iso", rf"(?<![\w-])(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])"),
        ("numeric", rf"(?<![\w./-])(?P<d>[0-3]?\d)([/.])(?P<m>[01]?\d)\2(?P<y>{YEAR})(?![\w])"),
        ("dmy", dmy),
    ]
    if d.get("mdy"):
        found.append(("mdy", rf"(?:{wd}\s*,?\s+)?{mon}\s*,?\s+{day('d', suf)}(?:{link}{day('d2', suf)})?"
                              rf"(?:\s*,?\s*{year})?"))
    found += [
        ("month_range", rf"{mon}{link}(?<![\w-])(?P<mon2>{months})(?![\w])(?:\s*,?\s+{of}{year})?"),
        ("my", rf"{mon}\s*,?\s+{of}{year}"),
        ("month", mon),
        ("season", rf"(?:(?P<art>{alt(d['season_articles'])})\s*)?"
                   rf"(?<![\w-])(?P<season>{alt(d['seasons'])})(?![\w])"
                   rf"(?:\s+(?P<post>{directional}))?(?:\s*,?\s+{of}{year})?"),
        ("year_range", rf"(?<![\w.,/$€£-])(?P<y>{YEAR})\s*[-–/]\s*(?P<y2>(?:19|20)?\d{{2}})(?![\w%]|[.,]\d)"),
        ("year", rf"(?<![\w.,/$€£-])(?P<y>{YEAR})(?![\w%]|[.,]\d|\s*%|\s*-\s*\d)"),
        ("relday", rf"(?<![\w-])(?P<rel>{alt(d['relative_days'])})(?![\w-])"),
        ("relperiod", rf"(?<![\w-])(?P<rel>{alt(d['relative_periods'])})(?![\w-])"),
        ("weekday", rf"{wd}(?:\s+(?P<post>{directional}))?(?:\s+(?P<part>{alt(d['day_parts'])})(?![\w]))?"),
        ("within", rf"(?<![\w-]){alt(d['within'])}\s+{n}\s+{units}"),
        ("pastwin", rf"(?<![\w-]){alt(d['past_window'])}\s+(?:{n}\s+)?{units}"),
        ("ago", rf"(?<![\w-]){alt(d['ago_before'])}\s+{n}\s+{units}"),
        ("ago", rf"(?<![\w-]){n}\s+{units}\s+{alt(d['ago_after'])}(?![\w])"),
    ]
    if d.get("past_window_open"):
        found.append(("pastwin", rf"(?<![\w-]){alt(d['past_window_open'])}\s+(?:{n}\s+)?{units}"
                                 rf"\s+{alt(d['past_window_after'])}(?![\w])"))
    return tuple((kind, re.compile(rx, re.I)) for kind, rx in found)


@compiled("dates")
def date_lexicon(lang: str | None) -> DateLexicon:
    """The date lexicon of `lang`: LanguageNotSupported when the language has no folder."""
    d = lexicon.load(lang, "dates")
    lang = lexicon.require(lang)
    directions = {}
    for key in ("this", "last", "next"):
        for w in d.get(key, []):
            directions.setdefault(w.lower().replace("’", "'"), key)
    for key, kind in (("last_after", "last"), ("next_after", "next")):
        for w in d.get(key, []):
            directions.setdefault(w.lower().replace("’", "'"), kind)
    return DateLexicon(
        lang=lang, data=d,
        months={k.lower(): v for k, v in d["months"].items()},
        weekdays={k.lower(): v for k, v in d["weekdays"].items()},
        seasons={k.lower(): v for k, v in d["seasons"].items()},
        numbers={k.lower(): v for k, v in d["numbers"].items()},
        units={k.lower(): v for k, v in d["units"].items()},
        relative_days={k.lower().replace("’", "'"): v for k, v in d["relative_days"].items()},
        relative_periods={k.lower().replace("’", "'"): v for k, v in d["relative_periods"].items()},
        modifiers={k.lower().replace("’", "'"): v for k, v in d["modifiers"].items()},
        directions=directions,
        patterns=_patterns(d, alt(d["months"]), alt(d["weekdays"])),
        prefix_direction=_prefix(d.get("this", []) + d.get("last", []) + d.get("next", [])),
        prefix_modifier=_prefix(d["modifiers"]),
        prefix_month=_prefix(d["month_preps"]),
        prefix_season=_prefix(d["season_preps"]),
        prefix_not_year=_prefix(d.get("not_year_before", [])),
        prefix_not_relday=_prefix(d.get("relative_day_not_after", [])),
        post_re=re.compile(
            rf"^\s+(?P<w>{alt(d.get('last_after', []) + d.get('next_after', []))})(?![\w])", re.I),
        past_cues=tuple(re.compile(rx) for rx in d.get("past_cues", [])),
        future_cues=tuple(re.compile(rx) for rx in d.get("future_cues", [])),
    )


def key(text: str) -> str:
    """Normalised lookup key of a matched phrase: lower case, straight apostrophes, single spaces."""
    return " ".join(text.lower().replace("’", "'").split())
