"""Matching primitives shared by the per-kind scorers."""
from __future__ import annotations

import datetime as dt

from liaison.folding import fold
from liaison.records import parse_day


def tokens(text: str | None) -> set[str]:
    return {t for t in fold(text).split() if len(t) > 2}


def evidence_covers(gold_text: str, pred: dict, doc_id: str | None, share: float = 0.6) -> bool:
    want = tokens(gold_text)
    if not want:
        return True
    for ev in pred.get("evidence") or []:
        if doc_id and ev.get("doc_id") not in (None, doc_id):
            continue
        if len(want & tokens(ev.get("text"))) >= share * len(want):
            return True
    return False


def date_span(date: dict | None) -> tuple[dt.date, dt.date] | None:
    if not isinstance(date, dict):
        return None
    start, end = parse_day(date.get("start")), parse_day(date.get("end"))
    if start is None and end is None:
        return None
    return (start or end, end or start)


def _in_year(span, year: int):
    def move(d):
        try:
            return d.replace(year=year)
        except ValueError:
            return d.replace(year=year, day=28)
    a, b = move(span[0]), move(span[1])
    return (a, b) if a <= b else (a, a)


def dates_overlap(gold: dict | None, pred: dict | None, slack_days: int = 1) -> bool:
    g, p = date_span(gold), date_span(pred)
    if g is None:
        return True
    if p is None:
        return False
    if gold.get("year_unstated"):
        p = _in_year(p, g[0].year)
    slack = dt.timedelta(days=slack_days)
    return p[0] <= g[1] + slack and g[0] <= p[1] + slack


def dates_exact(gold: dict | None, pred: dict | None) -> bool:
    g, p = date_span(gold), date_span(pred)
    if g is None or p is None:
        return False
    if gold.get("year_unstated"):
        p = _in_year(p, g[0].year)
    return g == p


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict:
    p = tp_pred / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp_gold / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "n_pred": n_pred, "n_gold": n_gold}
