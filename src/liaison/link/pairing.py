"""How alike two event reports from different articles are: a score with its reasons.

Features, each with a weight and a sentence an analyst can read (`PairScore.reasons`):
- type: the same PLOVER type, or two types outlets use for one act (plover.json `neighbours`:
  'ordered tariffs' / 'threatened tariffs');
- dates, read with their precision and whether the text stated them or they were inferred from the
  publication day: the same stated day is strong evidence; a report published a few days after a
  stated day is compatible; two stated days apart, or ranges that do not overlap, are a veto;
  a year-less date compares day and month only;
- states: their overlap (none at all is a veto);
- people and bodies: the same linked entity on both sides;
- place: the same place (two different named places are against);
- evidence: the cosine of the two sentences' multilingual vectors (the same act told in French and
  in Spanish reads alike to the sentence encoder).
A veto makes the pair impossible whatever the rest says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from liaison import plover
from liaison.records import parse_day

VETO = float("-inf")
W = {
    "same_type": 1.0,
    "neighbour_type": 0.2,
    "same_day": 1.5,
    "near_day": 0.8,
    "inferred_days": 0.6,
    "overlap": 0.3,
    "undated": -0.4,
    "states": 1.0,
    "shared_actor": 1.2,
    "same_place": 0.6,
    "other_place": -0.8,
    "evidence": 3.0,
    "in_passing": -0.8,
}
EVIDENCE_FLOOR = 0.45  # cosine below which two sentences say different things
NEIGHBOUR_COSINE = 0.55  # two reports of neighbouring types must read at least this alike
REFERENCE_DAYS = 3  # an act this long before its article, told in passing, is a reference
NEAR_DAYS = 3  # a report published this many days after a stated day may tell of it
SLACK_DAYS = 1


@dataclass
class PairScore:
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    same_occasion: bool = False   # nothing tells the two apart: one act if their articles share an event

    def add(self, weight: float, reason: str) -> None:
        self.score += weight
        self.reasons.append(reason)

    @property
    def vetoed(self) -> bool:
        return self.score == VETO


def _span(date: dict | None) -> tuple[dt.date, dt.date] | None:
    if not date:
        return None
    a, b = parse_day(date.get("start")), parse_day(date.get("end"))
    return (a or b, b or a) if (a or b) else None


def _same_year(span, year: int):
    def move(d):
        try:
            return d.replace(year=year)
        except ValueError:
            return d.replace(year=year, day=28)

    return move(span[0]), move(span[1])


def _vague(date: dict | None) -> bool:
    """A date the text did not state, coarser than a day (a page's month stamp): it bounds the act
    but says nothing about which act it is."""
    return bool(date) and date.get("basis") == "inferred" and date.get("precision") != "day"


def date_feature(a: dict | None, b: dict | None, out: PairScore) -> None:
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        out.add(W["undated"], "one report is undated")
        return
    vague = _vague(a) or _vague(b)
    if a.get("year_unstated") and not b.get("year_unstated"):
        sa = _same_year(sa, sb[0].year)
    elif b.get("year_unstated"):
        sb = _same_year(sb, sa[0].year)
    gap = max((sa[0] - sb[1]).days, (sb[0] - sa[1]).days, 0)
    day_a, day_b = sa[0] == sa[1], sb[0] == sb[1]
    stated_a, stated_b = a.get("basis") != "inferred", b.get("basis") != "inferred"
    if day_a and day_b and stated_a and stated_b:
        if gap <= SLACK_DAYS:
            out.add(W["same_day"], f"the same day {sa[0]} (stated in both)")
        else:
            out.score = VETO
            out.reasons.append(f"different stated days {sa[0]} / {sb[0]}")
        return
    if day_a and day_b:
        if gap <= NEAR_DAYS:
            out.add(
                W["inferred_days"] if not (stated_a or stated_b) else W["near_day"],
                f"days {sa[0]} and {sb[0]} ({gap} apart; "
                f"{'inferred from publication' if not (stated_a and stated_b) else 'stated'})",
            )
        else:
            out.score = VETO
            out.reasons.append(f"days {sa[0]} and {sb[0]} are {gap} days apart")
        return
    precisions = f"({a.get('precision')} / {b.get('precision')})"
    if gap == 0 and vague:     # a page's month bounds its acts exactly: no slack
        out.add(W["undated"], f"compatible dates, one only inferred {precisions}")
    elif gap <= SLACK_DAYS and not vague:
        out.add(W["overlap"], f"overlapping dates {precisions}")
    else:
        out.score = VETO
        out.reasons.append("dates that do not overlap")


def _states(a: dict, b: dict, out: PairScore) -> None:
    sa, sb = set(a.get("countries") or []), set(b.get("countries") or [])
    if not sa or not sb:
        return
    shared = sa & sb
    if not shared:
        out.score = VETO
        out.reasons.append("no state in common")
        return
    if len(shared) == 1 and sa - sb and sb - sa:
        # USA-COL and USA-BRA: one state in common, and each report has a partner the other lacks
        out.score = VETO
        out.reasons.append(f"other partners: {', '.join(sorted(sa - sb))} / {', '.join(sorted(sb - sa))}")
        return
    out.add(W["states"] * len(shared) / len(sa | sb), f"states {', '.join(sorted(shared))} in common")


def _actors(a: dict, b: dict, out: PairScore, names: dict[str, str]) -> None:
    ids = {x.get("entity_id") for x in a.get("actors", [])} & {
        x.get("entity_id") for x in b.get("actors", [])
    }
    ids.discard(None)
    if ids:
        who = ", ".join(sorted(names.get(i, i) for i in ids))
        out.add(W["shared_actor"] * min(2, len(ids)), f"both name {who}")


def _place(a: dict, b: dict, out: PairScore) -> None:
    la, lb = (a.get("location") or {}).get("name"), (b.get("location") or {}).get("name")
    if la and lb:
        if la == lb:
            out.add(W["same_place"], f"the same place {la}")
        else:
            out.add(W["other_place"], f"different places {la} / {lb}")


def _evidence(va: np.ndarray | None, vb: np.ndarray | None, out: PairScore) -> None:
    if va is None or vb is None:
        return
    cos = float(va @ vb)
    out.add(
        W["evidence"] * (cos - EVIDENCE_FLOOR),
        f"their sentences read alike (cosine {cos:.2f})"
        if cos >= EVIDENCE_FLOOR
        else f"their sentences differ (cosine {cos:.2f})",
    )


def is_reference(e: dict) -> bool:
    """A past act told in passing (not in the headline or lead), stated as days before the act the
    article reports: a reference to an event, not a report of it ('the agreement signed five days
    ago', in an article about the visit that followed)."""
    date = e.get("date") or {}
    now = parse_day(e.get("article_date") or e.get("published"))
    end = parse_day(date.get("end"))
    return (
        e.get("salience") == "background"
        and date.get("basis") == "stated"
        and now is not None
        and end is not None
        and (now - end).days >= REFERENCE_DAYS
    )


def same_stated_day(a: dict, b: dict) -> bool:
    """Both reports state the act's day, and it is the same: then a mention in passing is no
    reference to some other, earlier act ('la operación, desarrollada el pasado 22 de noviembre'
    and 'this operation, carried out on Friday' of 22 November)."""
    da, db = a.get("date") or {}, b.get("date") or {}
    return (da.get("basis") == db.get("basis") == "stated"
            and da.get("precision") == db.get("precision") == "day"
            and not (da.get("year_unstated") or db.get("year_unstated"))
            and bool(da.get("start")) and da.get("start") == db.get("start"))


def _in_passing(e: dict) -> bool:
    """Told outside the headline and lead, with no date of its own: background, often a detail
    each outlet words its own way."""
    return e.get("salience") == "background" and (e.get("date") or {}).get("basis") != "stated"


def _modes(e: dict) -> set[str]:
    """The modes a report tells its act with: its own and those its article also tells it with."""
    return {m for m in (e.get("mode"), *e.get("also_modes", ())) if m}


def cosine(va: np.ndarray | None, vb: np.ndarray | None) -> float | None:
    return None if va is None or vb is None else float(va @ vb)


def pair_score(
    a: dict, b: dict, va: np.ndarray | None, vb: np.ndarray | None, names: dict[str, str] | None = None
) -> PairScore:
    out = PairScore()
    if (is_reference(a) or is_reference(b)) and not same_stated_day(a, b):
        return PairScore(VETO, ["a reference in passing to an earlier act is not a report of it"])
    if a["type"] == b["type"] and _modes(a) and _modes(b) and not _modes(a) & _modes(b):
        return PairScore(VETO, [f"{a['type']} of another kind ({a['mode']} / {b['mode']})"])
    if a["type"] == b["type"]:
        out.add(W["same_type"], f"the same type {a['type']}")
    elif plover.neighbours(a["type"], b["type"]) and (cosine(va, vb) or 0) >= NEIGHBOUR_COSINE:
        out.add(W["neighbour_type"], f"types {a['type']} / {b['type']} that outlets use for one act")
    else:
        return PairScore(VETO, [f"types {a['type']} / {b['type']}"])
    for feature in (lambda: date_feature(a.get("date"), b.get("date"), out), lambda: _states(a, b, out)):
        feature()
        if out.vetoed:
            return out
    if _in_passing(a) and _in_passing(b):
        if _vague(a.get("date")) or _vague(b.get("date")):
            # background mentions, neither dated by its text, one only bounded by a page's month:
            # nothing ties them to one act. Nothing tells them apart either: no veto, so a third
            # report that matches each of them may still bring them into one event.
            return PairScore(0.0, ["both told in passing, one dated only by its page's month"],
                             same_occasion=_vague(a.get("date")) and _vague(b.get("date"))
                             and set(a.get("countries") or ()) == set(b.get("countries") or ()))
        out.add(W["in_passing"], "both told in passing, undated")
    _actors(a, b, out, names or {})
    _place(a, b, out)
    _evidence(va, vb, out)
    return out
