"""A state body's country from its own words: a demonym or country in the body's name phrase, else
the state of the official named as its head in the sentence; two states' ministries in one article
are two entities."""
from __future__ import annotations

import pytest

from liaison import analyse, clean_text


def bodies(text: str) -> list[tuple[str, str | None]]:
    doc = analyse([clean_text("Titre\n\n" + text, source="t.txt")])[0]
    return [(e.name, e.country) for e in doc.entities if e.kind == "organization"]


@pytest.mark.parametrize("text, country", [
    ("Le ministère de l'Intérieur français a publié un communiqué mardi.", "FRA"),
    ("Le ministère de l'Intérieur du Maroc a publié un communiqué mardi.", "MAR"),
    ("Algeria's Interior Ministry said on Tuesday that talks went well.", "DZA"),
    ("The Ministry of Public Security of Vietnam said on Tuesday that talks went well.", "VNM"),
])
def test_the_name_phrase_gives_the_state(text, country):
    assert [c for _, c in bodies(text)] == [country]


def test_the_head_named_in_the_sentence_gives_the_state_and_two_states_stay_two_bodies():
    found = bodies("Le ministre marocain de l’Intérieur, Abdelouafi Laftit, a salué le travail du ministère "
                   "de l’Intérieur mardi. Le ministère de l’Intérieur français a répondu.")
    assert sorted(c for _, c in found) == ["FRA", "MAR"]
