"""Finding temporal expressions in a text: every pattern of the language's DateLexicon, filtered by
context (a bare month needs a preposition, "été" needs an article, a year must not be a quantity),
longest non-overlapping finds kept, then widened over the direction ("last", "prochain") and the
modifier ("later in", "jusqu'en") written around them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from liaison.understand.dates_lexicon import DateLexicon, key

EXPLICIT_YEAR = ("iso", "numeric", "dmy", "mdy", "my", "month_range", "season", "year", "year_range")
DIRECTED = ("dmy", "mdy", "month", "month_range", "season", "weekday")
PRIORITY = {"iso": 0, "numeric": 1, "dmy": 2, "mdy": 2, "month_range": 3, "my": 3, "within": 4, "pastwin": 4,
            "ago": 4, "relperiod": 5, "relday": 5, "season": 6, "weekday": 6, "year_range": 7, "month": 8,
            "year": 9}


@dataclass
class Found:
    kind: str
    start: int
    end: int
    groups: dict
    direction: str | None = None      # "this" | "last" | "next", written next to the expression
    # "after" | "before" | "deadline" | "end" | "early" | "mid" | "late" | "since"
    modifier: str | None = None
    extra: dict = field(default_factory=dict)

    def year(self) -> int | None:
        y = self.groups.get("y")
        return int(y) if y else None


def _before(text: str, start: int, width: int = 48) -> str:
    return text[max(0, start - width):start]


def _cased_ok(text: str, start: int, lex: DateLexicon) -> bool:
    return not lex.data.get("months_cased") or text[start].isupper()


def _next_word(text: str, end: int) -> str:
    rest = text[end:end + 30].split()
    return rest[0].strip(".,;:()").lower() if rest else ""


def _accept(kind: str, m, text: str, lex: DateLexicon) -> bool:
    g = m.groupdict()
    if g.get("mon") and not _cased_ok(text, m.start("mon"), lex):
        return False
    if g.get("wd") and not _cased_ok(text, m.start("wd"), lex):
        return False
    before = _before(text, m.start())
    if kind == "month":
        return bool(lex.prefix_month.search(before) or lex.post_re.match(text[m.end():m.end() + 24]))
    if kind == "season":
        return _season_ok(m, before, lex)
    if kind in ("year", "year_range"):
        if _next_word(text, m.end()) in lex.words("not_year_after") or lex.prefix_not_year.search(before):
            return False
        return kind == "year" or _year_range_ok(g)
    if kind == "relday":
        word = key(g["rel"])
        if word in lex.words("lowercase_only") and m.group("rel") != m.group("rel").lower():
            return False
        return not lex.prefix_not_relday.search(before)
    return True


def _season_ok(m, before: str, lex: DateLexicon) -> bool:
    g = m.groupdict()
    if g.get("y") or g.get("post") or lex.prefix_direction.search(before):
        return True
    if key(g["season"]) in lex.words("strict_seasons"):
        return False
    return bool(g.get("art") or lex.prefix_season.search(before))


def _year_range_ok(g: dict) -> bool:
    y, y2 = int(g["y"]), g["y2"]
    y2 = int(y2) if len(y2) == 4 else y // 100 * 100 + int(y2)
    g["y2"] = str(y2)
    return y < y2 <= y + 10


def _candidates(text: str, lex: DateLexicon) -> list[Found]:
    out = []
    for kind, rx in lex.patterns:
        for m in rx.finditer(text):
            if m.end() > m.start() and _accept(kind, m, text, lex):
                out.append(Found(kind, m.start(), m.end(), m.groupdict()))
    return out


def _non_overlapping(cands: list[Found]) -> list[Found]:
    chosen: list[Found] = []
    for f in sorted(cands, key=lambda f: (-(f.end - f.start), PRIORITY.get(f.kind, 10), f.start)):
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def _widen(f: Found, text: str, floor: int, ceiling: int, lex: DateLexicon) -> None:
    """Take in the direction and modifier words before the find and a direction word after it
    (never into the neighbouring finds: floor and ceiling)."""
    post, art = f.groups.get("post"), f.groups.get("art")
    if post:
        f.direction = lex.directions.get(key(post))
    elif art:
        f.direction = lex.directions.get(key(art))       # "cet été", "this summer"
    if f.kind in DIRECTED:
        m = lex.post_re.match(text[f.end:min(ceiling, f.end + 24)])
        if m and not post:
            f.direction, f.end = lex.directions.get(key(m.group("w"))), f.end + m.end()
        m = lex.prefix_direction.search(text[max(floor, f.start - 48):f.start])
        if m:
            f.direction = f.direction or lex.directions.get(key(m.group("w")))
            f.start -= len(m.group(0))
    m = lex.prefix_modifier.search(text[max(floor, f.start - 48):f.start])
    if m:
        f.modifier = lex.modifiers.get(key(m.group("w")))
        f.start -= len(m.group(0))


def find_dates(text: str, lex: DateLexicon) -> list[Found]:
    """The temporal expressions of `text`, in text order, with their context words taken in."""
    found = _non_overlapping(_candidates(text, lex))
    floor = 0
    for i, f in enumerate(found):
        _widen(f, text, floor, found[i + 1].start if i + 1 < len(found) else len(text), lex)
        floor = f.end
    return found
