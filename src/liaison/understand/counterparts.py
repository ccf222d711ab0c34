"""The state of a person read from what the text states about two sides, not guessed from the article.

Two readings, both only in an article about exactly two states:
- counterparts serve different states ("Abdelouafi Laftit et son homologue français, Laurent
  Nuñez"): when one is known to serve a state, the other serves the other one;
- the press marks the officials of the other side and leaves its own unmarked ("le ministre de
  l'Intérieur, Abdelouafi Laftit, et son homologue français"; "Interior Minister X met his Moroccan
  counterpart"): when every official whose state is stated serves one side, an official named with
  a bare title ("the Interior Minister X") serves the other.
Without such a contrast a person's country stays unknown: the outlet's country, the host's or the
most named one are guesses, wrong about a quarter of the time (and a visitor given the host's
country becomes a second entity that blocks merges).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from liaison.records import Mention

SIDE_SHARE = 0.25     # a side of the article is named at least this share as often as the first


def article_sides(mentions: Iterable[Mention]) -> list[str]:
    """The states an article is about: those named about as often as the most named (a place counts half)."""
    score: Counter = Counter()
    for m in mentions:
        if m.kind in ("country", "demonym") and isinstance(m.value, str):
            for code in (m.extra or {}).get("countries", [m.value]):
                score[code] += 1.0
        elif m.kind == "place" and (m.extra or {}).get("country"):
            score[m.extra["country"]] += 0.5
    if not score:
        return []
    top = max(score.values())
    return sorted((c for c, w in score.items() if w >= SIDE_SHARE * top), key=lambda c: -score[c])


def other_side(countries: dict[int, str | None], pairs: Iterable[tuple[int, int]], sides: list[str]
               ) -> dict[int, tuple[str, str]]:
    """Countries for people with none, from counterpart pairs (i, j) in a two-state article:
    {person: (country, the counterpart's country it is the other side of)}."""
    if len(sides) != 2:
        return {}
    known = dict(countries)
    found: dict[int, tuple[str, str]] = {}
    for _ in range(2):      # a chain: A's counterpart B, B's counterpart C
        for i, j in pairs:
            for me, them in ((i, j), (j, i)):
                if known.get(me) is None and known.get(them) in sides:
                    other = next(c for c in sides if c != known[them])
                    known[me] = other
                    found[me] = (other, known[them])
    return found


def unmarked_side(stated: Iterable[str], sides: list[str]) -> str | None:
    """The side whose officials go unmarked: the other one, when all stated states are one side."""
    stated = set(stated)
    if len(sides) != 2 or len(stated) != 1 or not stated <= set(sides):
        return None
    return next(c for c in sides if c not in stated)
