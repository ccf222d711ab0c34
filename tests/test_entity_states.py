"""Bodies of different states never fold into one entity: the German article's
"Bundesinnenministerium" (dev set, Faeser in Rabat) and the French seed's "ministère de
l'Intérieur" are two Ministries of the Interior, each with its own state."""
from __future__ import annotations

from conftest import data_articles, seed_path


def test_interior_ministries_of_two_states_stay_apart(store, tmp_path):
    from liaison.scale.runner import process
    german = data_articles(tmp_path, "dev", 8)
    process([str(german), str(seed_path("001"))], store)
    ministries = [e for e in store.linked("entity")
                  if e["kind"] == "organization" and e["name"] == "Ministry of the Interior"]
    by_state = {e["country"]: e for e in ministries}
    assert set(by_state) == {"DEU", "FRA"}
    assert any(m["text"] == "Bundesinnenministerium" for m in by_state["DEU"]["mentions"])
    assert all(m["text"] != "Bundesinnenministerium" for m in by_state["FRA"]["mentions"])
    assert by_state["DEU"]["id"] != by_state["FRA"]["id"]
