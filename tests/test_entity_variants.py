"""Real spellings one letter apart across articles: "Gérard Darmanin" (a Côte d'Ivoire visit,
dev 007, which also writes "Gérad") and "Gérald Darmanin" (dev 023), both France's Minister of the
Interior, are one person; the merge says why in plain words and keeps the steady spelling."""
from __future__ import annotations

from conftest import data_articles


def test_darmanin_spelt_two_ways_in_two_articles_is_one_minister(store, tmp_path):
    from liaison.scale.runner import process
    process([str(data_articles(tmp_path, "dev", 7, 23))], store)
    people = [e for e in store.linked("entity") if e["kind"] == "person" and "Darmanin" in e["name"]]
    assert len(people) == 1
    darmanin = people[0]
    assert darmanin["country"] == "FRA" and len(darmanin["documents"]) == 2
    # dev 007 writes the name two ways, dev 023 one way: 023's spelling is kept (and the id with it)
    assert darmanin["name"] == "Gérald Darmanin" and "Gérard Darmanin" in darmanin["aliases"]
    assert "names differ by one letter" in darmanin["explanation"]
    assert "same country FRA" in darmanin["explanation"]
    assert "Minister of the Interior" in darmanin["explanation"]
    others = [e for e in store.linked("entity") if e["kind"] == "person" and e["id"] != darmanin["id"]]
    assert all("Darmanin" not in " ".join([e["name"], *e["aliases"]]) for e in others)
