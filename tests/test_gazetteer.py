"""Gazetteer look-ups: countries, short forms and demonyms in every language, places, organisations."""
from __future__ import annotations

import pytest

from liaison import gazetteer, lexicon


@pytest.mark.parametrize("text, code", [
    ("France", "FRA"), ("Algérie", "DZA"), ("Marruecos", "MAR"), ("Deutschland", "DEU"),
    ("Regno Unito", "GBR"), ("Estados Unidos", "USA"), ("UK", "GBR"), ("U.S.", "USA"),
    ("USA", "USA"), ("Etats-Unis", "USA"), ("EE.UU.", "USA"), ("the Netherlands", "NLD"),
    ("Pays-Bas", "NLD"), ("Côte d'Ivoire", "CIV"), ("Ivory Coast", "CIV"), ("DR Congo", "COD"),
    ("RDC", "COD"), ("Kurdistan Region", "IRQ"), ("Britain", "GBR"),
    ("French", "FRA"), ("Algerian", "DZA"), ("française", "FRA"), ("marocains", "MAR"),
    ("spagnolo", "ESP"), ("deutschen", "DEU"), ("marroquí", "MAR"), ("marroquíes", "MAR"),
    ("portuguesas", "PRT"), ("tunisina", "TUN"), ("Marokkaner", "MAR"), ("ivoiriennes", "CIV"),
])
def test_lookup_country_names_short_forms_and_demonyms(text, code):
    assert gazetteer.lookup_country(text) == code


def test_lowercase_us_is_not_a_country():
    assert gazetteer.lookup_country("us") is None
    assert gazetteer.lookup_country("porcelain") is None


def test_every_iso_state_has_names_in_six_languages_and_an_english_demonym():
    import json
    demonyms = json.loads((gazetteer.DATA / "demonyms.json").read_text(encoding="utf-8"))
    for code, info in gazetteer.countries().items():
        assert all(info["names"][lang] for lang in lexicon.languages()), code
    un_members = ["AFG", "DZA", "MAR", "MRT", "SEN", "VNM", "IRQ", "ERI", "COM", "HND", "PAN", "RWA"]
    assert all(demonyms[c]["en"] for c in un_members)
    assert gazetteer.country_name("DZA", "fr") == "Algérie"
    assert gazetteer.country_name("CIV") == "Côte d’Ivoire"


@pytest.mark.parametrize("name, canonical, country", [
    ("Alger", "Algiers", "DZA"), ("Algiers", "Algiers", "DZA"), ("Marrakech", "Marrakesh", "MAR"),
    ("Nouakchott", "Nouakchott", "MRT"), ("Rabat", "Rabat", "MAR"), ("Bruxelles", "Brussels", "BEL"),
    ("Londres", "London", "GBR"), ("Brüssel", "Brussels", "BEL"), ("Argel", "Algiers", "DZA"),
])
def test_lookup_place_exonyms_with_coordinates(name, canonical, country):
    place = gazetteer.lookup_place(name)
    assert place["name"] == canonical and place["country"] == country
    assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180


def test_ordinary_words_are_not_places():
    for word in ("Of", "Bar", "Police", "Hanno", "Come"):
        assert gazetteer.lookup_place(word) is None


def test_organisations_international_and_national_with_shared_acronyms():
    assert gazetteer.lookup_organization("Frontex")["scope"] == "international"
    assert gazetteer.lookup_organization("OIM")["name"] == "International Organization for Migration"
    assert gazetteer.lookup_organization("CEDEAO")["name"] == "ECOWAS"
    assert gazetteer.lookup_organization("EU")["country"] is None
    assert gazetteer.lookup_organization("Guardia Civil")["country"] == "ESP"
    # 'told AFP' is the French news agency, no state; in an Australian context the federal police
    assert gazetteer.lookup_organization("AFP")["name"] == "Agence France-Presse"
    assert gazetteer.lookup_organization("AFP")["scope"] == "non_state"
    assert gazetteer.lookup_organization("AFP", context_country="AUS")["name"] == "Australian Federal Police"
    # the G8 (with Russia, 1997-2014) and the G20 are other groups than the G7
    assert [gazetteer.lookup_organization(g)["name"] for g in ("G7", "G8", "G20")] == ["G7", "G8", "G20"]
    assert gazetteer.lookup_organization("DGSI")["country"] == "FRA"
    assert gazetteer.lookup_organization("DGSI", context_country="DZA")["country"] == "DZA"
    generic = gazetteer.lookup_organization("ministère de l'Intérieur", context_country="MAR")
    assert generic == {"name": "Ministry of the Interior", "country": "MAR", "acronym": None,
                       "scope": "national"}


def test_generated_files_are_reproducible(tmp_path, monkeypatch):
    """build.py regenerates exactly the committed data from the installed packages."""
    from liaison.gazetteer import build
    monkeypatch.setattr(build, "DATA", tmp_path)
    build.main()
    for name in ("countries.json", "places.json.gz"):
        assert (tmp_path / name).read_bytes() == (gazetteer.DATA / name).read_bytes(), name


def test_an_acronym_is_no_country_whose_name_it_spells():
    """Real Wikinews sentence (CC BY 2.5): 'The IRA has done what we asked it to do', Tony Blair on
    the Irish Republican Army. Folded, IRA spells 'Irã' (Iran in Portuguese); an all-capital
    short word is initials, so it names a country only through an alias written the same (UK)."""
    text = "The IRA has done what we asked it to do, said Tony Blair; O Irã e o UK."
    found = {text[m.start:m.end]: m.entries[0].value for m in gazetteer.index().scan(text)
             if m.entries[0].kind == "country"}
    assert "IRA" not in found
    assert found.get("Irã") == "IRN" and found.get("UK") == "GBR"
