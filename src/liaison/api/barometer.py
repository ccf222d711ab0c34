"""The dyad barometer: for a pair of states, a monthly cooperation–conflict series from the PLOVER
scores, each linked event counted once (one real event however many articles report it), with
change points flagged.

Change points: a two-sided CUSUM (Page 1954) on the monthly mean scores. Each month is compared
with the mean of the months since the last change point, z = (score - mean) / sigma, where sigma is
the robust month-to-month spread (median moving range / 0.954, as in individuals control charts,
floored at MIN_SIGMA so a flat series does not flag noise). S+ = max(0, S+ + z - K) and
S- = max(0, S- - z - K); a month where either passes H is flagged ("up": towards cooperation,
"down": towards conflict) and a new segment starts there. K = 0.5 and H = 3 (in sigmas) are the
textbook settings for a shift of about one sigma; fewer than MIN_MONTHS scored months flag nothing.
"""
from __future__ import annotations

from collections import defaultdict
from statistics import fmean, median

K, H, MIN_MONTHS, MIN_SIGMA = 0.5, 3.0, 4, 0.5


def monthly_series(events: list[dict], score) -> list[dict]:
    """[{month, score, events: [ids]}] in month order; undated events are left out, unscored ones
    are listed but do not move the score."""
    by_month: dict[str, list[dict]] = defaultdict(list)
    for e in {e["id"]: e for e in events}.values():       # once per linked event
        month = ((e.get("date") or {}).get("start") or "")[:7]
        if month:
            by_month[month].append(e)
    out = []
    for month in sorted(by_month):
        scores = [s for s in (score(e) for e in by_month[month]) if s is not None]
        out.append({"month": month, "score": round(fmean(scores), 2) if scores else None,
                    "n": len(by_month[month]), "events": sorted(e["id"] for e in by_month[month])})
    return out


def change_points(series: list[dict]) -> list[dict]:
    """CUSUM flags on the monthly scores: [{month, direction, statistic}]."""
    points = [(r["month"], r["score"]) for r in series if r["score"] is not None]
    if len(points) < MIN_MONTHS:
        return []
    values = [v for _, v in points]
    sigma = max(MIN_SIGMA, median(abs(b - a) for a, b in zip(values, values[1:], strict=False)) / 0.954)
    flags, up, down, segment = [], 0.0, 0.0, [values[0]]
    for month, value in points[1:]:
        z = (value - fmean(segment)) / sigma
        up, down = max(0.0, up + z - K), max(0.0, down - z - K)
        if up > H or down > H:
            flags.append({"month": month, "direction": "up" if up > H else "down",
                          "statistic": round(max(up, down), 2)})
            up, down, segment = 0.0, 0.0, []
        segment.append(value)
    return flags


def trend(series: list[dict]) -> float | None:
    """Least-squares slope of the monthly scores per month (positive: warming), None under 2 points."""
    ys = [r["score"] for r in series if r["score"] is not None]
    if len(ys) < 2:
        return None
    xs = list(range(len(ys)))
    mx, my = fmean(xs), fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return round(sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den, 3)


def with_trends(dyads: list[dict], events: list[dict], score) -> list[dict]:
    """The dyad list rows with each pair's monthly trend and its latest change point."""
    by_pair: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        codes = sorted(set(e.get("countries") or []))
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                by_pair[f"{a}-{b}"].append(e)
    out = []
    for d in dyads:
        series = monthly_series(by_pair.get(d["id"], []), score)
        flags = change_points(series)
        out.append({**d, "trend": trend(series), "months": len(series),
                    "last_change": flags[-1] if flags else None})
    return out
