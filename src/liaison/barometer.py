"""The dyad barometer: for a pair of states, a monthly cooperation–conflict series from the PLOVER
scores, each linked event counted once (one real event however many articles report it), with
change points flagged. Pure functions over the monthly tallies the store keeps (store/dyads.py).

Change points: a two-sided CUSUM (Page 1954) on the monthly mean scores. Each month is compared
with the mean of the months since the last change point, z = (score - mean) / sigma, where sigma is
the robust month-to-month spread (median moving range / 0.954, as in individuals control charts,
floored at MIN_SIGMA so a flat series does not flag noise). S+ = max(0, S+ + z - K) and
S- = max(0, S- - z - K); a month where either passes H is flagged ("up": towards cooperation,
"down": towards conflict) and a new segment starts there. K = 0.5 and H = 3 (in sigmas) are the
textbook settings for a shift of about one sigma; fewer than MIN_MONTHS scored months flag nothing.
"""
from __future__ import annotations

from statistics import fmean, median

K, H, MIN_MONTHS, MIN_SIGMA = 0.5, 3.0, 4, 0.5


def series_from_months(months: dict) -> list[dict]:
    """[{month, score, n, year_unstated}] in month order from a pair's monthly tallies {month:
    [events, score sum, scored events, events whose year the text did not state]} (the `dyads`
    table); the undated ("") are left out, and a month whose events all lack a score has none (its
    events are counted but do not move the series). `year_unstated` counts the month's events
    placed in that year by assumption: the page says so."""
    out = []
    for month in sorted(m for m in months if m):
        n, total, scored, *rest = months[month]
        out.append({"month": month, "score": round(total / scored, 2) if scored else None, "n": n,
                    "year_unstated": rest[0] if rest else 0})
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
