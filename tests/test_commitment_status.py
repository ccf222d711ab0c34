"""Commitment status across the corpus: open, overdue (deadline passed, nothing fulfils it) or
fulfilled (a later event between the same states carries it out, linked)."""
from __future__ import annotations

import datetime as dt

from liaison.link.commitments import link_commitments

# seed 004: the Vietnamese ministry promises a liaison officer in France "later in 2025"
PROMISE = "the Ministry of Public Security of Vietnam would assign a liaison officer to France later in 2025"


def commitment() -> dict:
    return {"id": "c1", "actor": {"name": "Nguyen Van Long", "country": "VNM"}, "countries": ["VNM"],
            "action": "assign a liaison officer to France", "published": "2025-06-12",
            "due": {"start": "2025-06-12", "end": "2025-12-31", "precision": "year"}, "status": "open",
            "evidence": [{"doc_id": "d4", "start": 0, "end": len(PROMISE), "text": PROMISE}]}


def posting(date: str, countries=("VNM", "FRA"),
            text="Vietnam's first police liaison officer took up his post in Paris") -> dict:
    return {"id": "e9", "type": "COOPERATE", "countries": list(countries), "summary": "",
            "date": {"start": date, "end": date, "precision": "day"},
            "evidence": [{"doc_id": "d9", "start": 0, "end": len(text), "text": text}]}


def test_a_promise_before_its_deadline_is_open():
    [c] = link_commitments([commitment()], [], today=dt.date(2025, 7, 1))
    assert c["status"] == "open"


def test_a_promise_past_its_deadline_with_nothing_done_is_overdue():
    [c] = link_commitments([commitment()], [], today=dt.date(2026, 1, 15))
    assert c["status"] == "overdue"


def test_a_later_event_that_carries_it_out_fulfils_it_and_is_linked():
    [c] = link_commitments([commitment()], [posting("2025-10-02")], today=dt.date(2026, 1, 15))
    assert c["status"] == "fulfilled" and c["fulfilled_by"] == "e9"


def test_an_event_after_the_deadline_or_between_other_states_does_not_fulfil_it():
    late = posting("2026-02-01")
    elsewhere = posting("2025-10-02", countries=("FRA", "MAR"))
    [c] = link_commitments([commitment()], [late, elsewhere], today=dt.date(2026, 3, 1))
    assert c["status"] == "overdue"


def test_an_unrelated_event_between_the_same_states_does_not_fulfil_it():
    other = posting("2025-10-02", text="Vietnam and France held talks on climate finance")
    [c] = link_commitments([commitment()], [other], today=dt.date(2026, 1, 15))
    assert c["status"] == "overdue"


def test_a_deadline_whose_year_the_text_does_not_give_is_never_called_overdue():
    promise = commitment()
    promise["due"] = {"start": "2025-02-17", "end": "2025-02-17", "precision": "day", "year_unstated": True}
    [c] = link_commitments([promise], [], today=dt.date(2026, 1, 15))
    assert c["status"] == "unknown" and "year not stated" in c["status_note"]
