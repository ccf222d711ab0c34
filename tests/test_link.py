"""Cross-document linking: one entity per real person, one event per real event, no false merges."""
from __future__ import annotations

from liaison.link.entities import resolve_entities
from liaison.link.events import merge_events, same_event


def fact(doc_id, kind, payload, n=0):
    return {"id": f"{doc_id}-{kind}-{n}", "doc_id": doc_id, "kind": kind, "payload": payload}


def person(doc, name, country, key=None):
    key = key or f"person:{name.lower()}"
    return fact(doc, "entity", {"key": key, "kind": "person", "name": name, "aliases": [],
                                "country": country, "roles": [], "mentions": [
                                    {"doc_id": doc, "start": 0, "end": len(name), "text": name}]}, key)


def test_spellings_across_languages_are_one_person_with_the_accented_name():
    rows = [person("en1", "Laurent Nunez", "FRA"), person("fr1", "Laurent Nuñez", "FRA"),
            person("en1", "Jean NoEl Barrot", "FRA", "b"), person("fr1", "Jean-Noël Barrot", "FRA", "b2")]
    entities, key_to_id = resolve_entities(rows, [])
    names = sorted(e["name"] for e in entities)
    assert names == ["Jean-Noël Barrot", "Laurent Nuñez"]
    nunez = next(e for e in entities if e["name"] == "Laurent Nuñez")
    assert "Laurent Nunez" in nunez["aliases"] and "2 documents" in nunez["explanation"]
    assert key_to_id[("en1", "person:laurent nunez")] == key_to_id[("fr1", "person:laurent nuñez")]


def test_namesakes_serving_different_states_stay_apart():
    rows = [person("a", "Mohamed Ali", "EGY"), person("b", "Mohamed Ali", "TUN")]
    entities, _ = resolve_entities(rows, [])
    assert len(entities) == 2


def test_analyst_split_wins_over_machine_merge():
    rows = [person("a", "Laurent Nunez", "FRA"), person("b", "Laurent Nuñez", "FRA")]
    merged, _ = resolve_entities(rows, [])
    split, _ = resolve_entities(rows, [{"action": "split", "entity_a": merged[0]["id"], "entity_b": None}])
    assert len(merged) == 1 and len(split) == 2


def event(doc, type_, date, countries, actors, location=None, n=0):
    return fact(doc, "event", {"type": type_, "mode": None, "contexts": ["migration"], "date": date,
                               "location": location, "countries": countries, "summary": "",
                               "actors": [{"entity_id": a, "name": a, "role": None, "country": None,
                                           "side": "participant"} for a in actors],
                               "evidence": [{"doc_id": doc, "start": 0, "end": 1, "text": "x"}],
                               "confidence": 0.6, "explanation": "rule", "salience": "main"}, n)


DAY = {"start": "2026-01-09", "end": "2026-01-09", "precision": "day"}
OTHER_DAY = {"start": "2025-11-25", "end": "2025-11-25", "precision": "day"}


def test_same_meeting_in_two_languages_is_one_event_with_both_sources_and_the_date_filled():
    rows = [event("en", "CONSULT", None, ["FRA"], ["nunez", "barrot"]),
            event("fr", "CONSULT", DAY, ["FRA"], ["barrot", "nunez"])]
    key_to_id = {("en", "nunez"): "N", ("fr", "nunez"): "N", ("en", "barrot"): "B", ("fr", "barrot"): "B"}
    events = merge_events(rows, key_to_id, {})
    assert len(events) == 1
    assert sorted(events[0]["sources"]) == ["en", "fr"] and events[0]["date"] == DAY
    assert "merged with the report of" in events[0]["explanation"]


def test_two_meetings_of_the_same_ministers_on_different_days_are_not_merged():
    a = event("a", "CONSULT", DAY, ["FRA", "MAR"], ["N"])["payload"]
    b = event("b", "CONSULT", OTHER_DAY, ["FRA", "MAR"], ["N"])["payload"]
    a["actors"][0]["entity_id"] = b["actors"][0]["entity_id"] = "N"
    assert same_event(a, b) is None


def test_same_day_same_states_without_a_shared_participant_or_place_is_not_merged():
    a = event("a", "CONSULT", DAY, ["FRA", "MAR"], ["X"])["payload"]
    b = event("b", "CONSULT", DAY, ["FRA", "MAR"], ["Y"])["payload"]
    assert same_event(a, b) is None


def test_a_near_duplicate_document_adds_a_source_not_a_record():
    rows = [event("orig", "AGREE", DAY, ["FRA", "DZA"], ["n"]),
            event("copy", "AGREE", DAY, ["FRA", "DZA"], ["n"])]
    events = merge_events(rows, {}, {"copy": "orig"})
    assert len(events) == 1 and sorted(events[0]["sources"]) == ["copy", "orig"]


def test_a_name_with_a_second_surname_left_out_is_the_same_person():
    rows = [person("es", "Fernando Grande-Marlaska", "ESP"),
            person("fr", "Fernando Grande-Marlaska Gomez", "ESP")]
    entities, _ = resolve_entities(rows, [])
    assert len(entities) == 1
    assert "Fernando Grande-Marlaska" in entities[0]["aliases"] + [entities[0]["name"]]


def test_a_shared_surname_alone_never_joins_two_people():
    rows = [person("a", "Nuñez", "FRA"), person("b", "Laurent Nuñez", "FRA"),
            person("c", "Maria Nuñez", "FRA")]
    entities, _ = resolve_entities(rows, [])
    assert len(entities) == 3


def test_an_ambiguous_partial_name_is_not_joined():
    rows = [person("a", "Abdullah Ali", "JOR"), person("b", "Abdullah Ali Saleh", "JOR"),
            person("c", "Abdullah Ali Hassan", "JOR")]
    entities, _ = resolve_entities(rows, [])
    assert len(entities) == 3


def test_the_signature_closing_a_shared_meeting_joins_across_documents():
    month = {"start": "2023-10-01", "end": "2023-10-31", "precision": "month"}
    rows = [event("fr", "CONSULT", month, ["MAR", "DEU"], ["laftit"], n=1),
            event("de", "CONSULT", month, ["DEU", "MAR"], ["laftit"], n=2),
            event("fr", "SUPPORT", month, ["MAR", "DEU"], [], n=3),
            event("de", "SUPPORT", month, ["DEU", "MAR"], ["faeser"], n=4),
            event("other", "SUPPORT", month, ["DEU", "MAR"], [], n=5)]
    key_to_id = {("fr", "laftit"): "L", ("de", "laftit"): "L"}
    events = merge_events(rows, key_to_id, {})
    support = [e for e in events if e["type"] == "SUPPORT"]
    assert sorted(len(e["sources"]) for e in support) == [1, 2]
    assert "same occasion" in next(e for e in support if len(e["sources"]) == 2)["explanation"]


def test_a_merged_event_keeps_the_finest_date_of_its_reports():
    month = {"start": "2022-11-01", "end": "2022-11-30", "precision": "month"}
    day = {"start": "2022-11-03", "end": "2022-11-03", "precision": "day"}
    rows = [event("a", "CONSULT", month, ["ESP", "MRT"], ["m"]),
            event("b", "CONSULT", day, ["ESP", "MRT"], ["m"])]
    events = merge_events(rows, {("a", "m"): "M", ("b", "m"): "M"}, {})
    assert len(events) == 1 and events[0]["date"] == day


def test_an_undated_report_does_not_join_another_meeting_of_the_same_minister():
    dated = event("b", "CONSULT", OTHER_DAY, ["MAR", "FRA"], ["n"])
    undated = event("a", "CONSULT", None, ["FRA"], ["n"])
    events = merge_events([undated, dated], {("a", "n"): "N", ("b", "n"): "N"}, {})
    assert len(events) == 2


def test_event_actors_carry_the_canonical_name_of_their_entity():
    rows = [event("en", "CONSULT", DAY, ["FRA"], ["nunez"])]
    rows[0]["payload"]["actors"][0]["name"] = "Laurent Nunez"
    events = merge_events(rows, {("en", "nunez"): "N"}, {}, names={"N": "Laurent Nuñez"})
    assert events[0]["actors"][0] == {**events[0]["actors"][0], "entity_id": "N", "name": "Laurent Nuñez"}
