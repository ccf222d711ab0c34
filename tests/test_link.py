"""Cross-document linking: one entity per real person, one event per real event, no false merges."""
from __future__ import annotations

from liaison.link.entities import resolve_entities


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


def official(doc, name, country, title, key=None):
    row = person(doc, name, country, key)
    row["payload"]["roles"] = [{"title": title, "country": country}] if title else []
    return row


def test_a_surname_misspelt_by_one_letter_is_the_same_minister_and_says_why():
    rows = [official("a", "Laurent Nuñez", "FRA", "Minister of the Interior"),
            official("b", "Laurent Nunes", "FRA", "Minister of the Interior"),
            official("c", "Abdelouafi Laftit", "MAR", "Minister of the Interior"),
            official("d", "Abdelouafi Lafti", None, None)]
    entities, _ = resolve_entities(rows, [])
    assert sorted(e["name"] for e in entities) == ["Abdelouafi Laftit", "Laurent Nuñez"]
    nunez = next(e for e in entities if e["name"] == "Laurent Nuñez")
    assert ("names differ by one letter (Nuñez / Nunes), same country FRA, same office Minister of the "
            "Interior") in nunez["explanation"]


def test_namesakes_one_letter_apart_stay_apart_on_country_role_or_first_name():
    rows = [official("a", "Ana Silva", "BRA", "Minister of Justice"),
            official("b", "Ada Silva", "PRT", "Minister of Justice"),
            official("c", "Donald Trump", "USA", "President"), official("d", "Melania Trump", "USA", None),
            official("e", "Pedro Nunes", "PRT", "President"),
            official("f", "Pedro Nunez", "PRT", "Ambassador"),
            official("g", "Mario Rossi", "ITA", None), official("h", "Maria Rossi", "ITA", None),
            official("i", "Luis Garcia", "ESP", "Minister of the Interior"),
            official("j", "Luis Garcia", "MEX", "Minister of the Interior"),
            official("k", "Luis Garcio", None, "Minister of the Interior")]
    entities, _ = resolve_entities(rows, [])
    assert len(entities) == 11


def test_analyst_split_wins_over_a_one_letter_merge():
    rows = [official("a", "Laurent Nuñez", "FRA", "Minister of the Interior"),
            official("b", "Laurent Nunes", "FRA", "Minister of the Interior")]
    merged, _ = resolve_entities(rows, [])
    split, _ = resolve_entities(rows, [{"action": "split", "entity_a": merged[0]["id"], "entity_b": None}])
    assert len(merged) == 1 and len(split) == 2


def test_unplaced_mentions_of_a_name_two_states_claim_equally_stay_unplaced():
    """Wikinews (bulk): 'Bush' stated once as Australia's ('Sydney, Australia President Bush', a caption
    run into the next sentence), once as the United States', and unplaced in 28 other articles."""
    rows = [person("cap", "Bush", "AUS"), person("us", "Bush", "USA")] + [
        person(f"d{i}", "Bush", None) for i in range(3)]
    entities, _ = resolve_entities(rows, [])
    by_state = {e["country"]: len(e["documents"]) for e in entities}
    assert by_state == {"AUS": 1, "USA": 1, None: 3}


def test_a_state_read_from_two_sides_yields_to_a_stated_one_and_counts_for_nothing():
    guessed = person("wire", "Donald Trump", "COL")
    guessed["payload"]["country_inferred"] = True
    rows = [guessed, person("a", "Donald Trump", "USA"), person("b", "Donald Trump", None)]
    [trump] = resolve_entities(rows, [])[0]
    assert trump["country"] == "USA" and len(trump["documents"]) == 3
