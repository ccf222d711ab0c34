"""Event sentences, dates and merge reasons in the language of the interface (issue 11): the words
are data (lexicons/<lang>/wording.json), a language without them reads English, the interface's
language comes from ?lang= (kept in a cookie), else the browser, else English, and JSON stays
English unless asked."""
from __future__ import annotations

import json
import shutil

import pytest
from fastapi.testclient import TestClient

from liaison import lexicon
from liaison.settings import get_settings
from liaison.wording import date_note, date_phrase, event_sentence, plain_reasons

HTML = {"accept": "text/html"}
NUNEZ = {"entity_id": "e-nunez", "name": "Laurent Nuñez", "country": "FRA", "side": "source"}
TEBBOUNE = {"entity_id": "e-tebboune", "name": "Abdelmadjid Tebboune", "country": "DZA", "side": "target"}
DARMANIN = {"entity_id": "e-darmanin", "name": "Gérald Darmanin", "country": "FRA", "side": "source"}
VISIT = {"id": "ev-visit", "type": "CONSULT", "mode": None, "contexts": ["migration"],
         "countries": ["FRA", "DZA"],
         "actors": [NUNEZ, TEBBOUNE], "location": {"name": "Algiers", "country": "DZA"},
         "date": {"start": "2025-11-25", "end": "2025-11-25", "precision": "day"}, "summary": "",
         "evidence": [], "sources": [], "confidence": 0.8}
THREAT = {**VISIT, "id": "ev-threat", "type": "THREATEN", "mode": "restrict", "location": None,
          "actors": [NUNEZ, DARMANIN, TEBBOUNE],
          "date": {"start": "2025-06-21", "end": "2025-09-22", "precision": "season", "year_unstated": True}}
PLEA = {**VISIT, "id": "ev-plea", "type": "REQUEST", "mode": None, "location": None, "actors": [NUNEZ],
        "date": {"start": "2024-10-01", "end": "2024-10-31", "precision": "month", "basis": "inferred"}}

SENTENCES = {
    "en": ["Laurent Nuñez (France) met Abdelmadjid Tebboune (Algeria) in Algiers on 2025-11-25",
           "Laurent Nuñez (France) and Gérald Darmanin (France) threatened restrictions against "
           "Abdelmadjid Tebboune (Algeria) in summer 2025 (year not stated)",
           "Laurent Nuñez (France) asked Algeria in October 2024 (inferred)"],
    "fr": ["Laurent Nuñez (France) a rencontré Abdelmadjid Tebboune (Algérie) à Algiers "
           "le 25 novembre 2025",
           "Laurent Nuñez (France) et Gérald Darmanin (France) ont menacé Abdelmadjid Tebboune (Algérie) "
           "de restrictions en été 2025 (année non précisée)",
           "Laurent Nuñez (France) a adressé une demande à Algérie en octobre 2024 (déduite)"],
    "es": ["Laurent Nuñez (Francia) se reunió con Abdelmadjid Tebboune (Argelia) en Algiers "
           "el 25 de noviembre de 2025",
           "Laurent Nuñez (Francia) y Gérald Darmanin (Francia) amenazaron a Abdelmadjid Tebboune (Argelia) "
           "con restricciones en verano de 2025 (año no indicado)",
           "Laurent Nuñez (Francia) hizo una petición a Argelia en octubre de 2024 (inferida)"],
    "de": ["Laurent Nuñez (Frankreich) traf Abdelmadjid Tebboune (Algerien) in Algiers "
           "am 25. November 2025",
           "Laurent Nuñez (Frankreich) und Gérald Darmanin (Frankreich) drohten "
           "Abdelmadjid Tebboune (Algerien) mit Beschränkungen im Sommer 2025 (Jahr nicht angegeben)",
           "Laurent Nuñez (Frankreich) richtete eine Forderung an Algerien im Oktober 2024 (erschlossen)"],
    "it": ["Laurent Nuñez (Francia) ha incontrato Abdelmadjid Tebboune (Algeria) a Algiers "
           "il 25 novembre 2025",
           "Laurent Nuñez (Francia) e Gérald Darmanin (Francia) hanno minacciato restrizioni contro "
           "Abdelmadjid Tebboune (Algeria) in estate 2025 (anno non indicato)",
           "Laurent Nuñez (Francia) ha rivolto una richiesta a Algeria a ottobre 2024 (dedotta)"],
    "pt": ["Laurent Nuñez (França) reuniu-se com Abdelmadjid Tebboune (Argélia) em Algiers "
           "em 25 de novembro de 2025",
           "Laurent Nuñez (França) e Gérald Darmanin (França) ameaçaram Abdelmadjid Tebboune (Argélia) "
           "com restrições no verão de 2025 (ano não indicado)",
           "Laurent Nuñez (França) fez um pedido a Argélia em outubro de 2024 (inferida)"],
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_events_read_as_full_sentences_in_each_language(lang):
    assert [event_sentence(e, lang) for e in (VISIT, THREAT, PLEA)] == SENTENCES[lang]


def test_every_shipped_language_words_every_type_and_the_same_keys_as_english():
    from liaison import plover
    english = lexicon.load("en", "wording")
    for lang in ("fr", "es", "de", "it", "pt"):
        found = lexicon.load(lang, "wording")
        assert set(found) == set(english), lang
        for section in ("dates", "precisions", "date_titles", "kinds", "reasons", "seasons"):
            assert set(english[section]) <= set(found[section]), (lang, section)
        for event_type in plover.types():
            assert set(found["acts"][event_type]) == set(english["acts"][event_type]), (lang, event_type)
            modes = set(found["acts"][event_type]) - {"*"}
            assert modes <= set(plover.modes(event_type)), (lang, event_type)


def test_dates_and_merge_reasons_in_french():
    day = {"start": "2025-12-01", "end": "2025-12-03", "precision": "range"}
    assert date_phrase(day, "fr") == "du 1er décembre 2025 au 3 décembre 2025"
    assert date_phrase(day, "de") == "vom 1. Dezember 2025 bis zum 3. Dezember 2025"
    assert date_note({"start": "2025-03-01", "precision": "month", "year_unstated": True}, "es") == \
        "mes, año no indicado"
    explanation = ("merged 3 mentions in 2 documents: same person name 'Laurent Nunez' (accents, case and "
                   "hyphens ignored), same country FRA; "
                   "role 'Minister of the Interior' by title_before at 120")
    assert plain_reasons(explanation, "fr") == [
        "3 mentions dans 2 articles sont considérées comme une seule : le même nom de personne "
        "« Laurent Nunez » (sans tenir compte des accents, de la casse et des traits d'union), "
        "le même pays, France",
        "appelé « Minister of the Interior » juste avant le nom"]
    assert plain_reasons(explanation) == [
        "3 mentions in 2 articles are taken as one: the same person name “Laurent Nunez” (ignoring accents, "
        "case and hyphens), the same country, France",
        "called “Minister of the Interior” just before the name"]


def test_a_language_without_wording_reads_english():
    assert event_sentence(VISIT, "qq") == SENTENCES["en"][0]
    assert event_sentence(VISIT, None) == SENTENCES["en"][0]


@pytest.fixture
def toy_language(tmp_path, monkeypatch):
    """"xx": the French folder copied to a temporary directory, with its own words for a meeting."""
    folder = tmp_path / "xx"
    shutil.copytree(lexicon.LEXICONS / "fr", folder)
    wording = json.loads((folder / "wording.json").read_text(encoding="utf-8"))
    wording["acts"]["CONSULT"]["*"] = "{who} <mötte|mötten>[ {whom}]"
    wording["place"] = "i {place}"
    (folder / "wording.json").write_text(json.dumps(wording), encoding="utf-8")
    monkeypatch.setenv("LIAISON_LEXICON_DIRS", json.dumps([str(tmp_path)]))
    get_settings.cache_clear()
    lexicon.reset()
    yield folder
    monkeypatch.delenv("LIAISON_LEXICON_DIRS")
    get_settings.cache_clear()
    lexicon.reset()


def test_a_language_added_as_a_folder_words_the_interface(toy_language):
    # the gazetteer has no country names in "xx": they read in English (gazetteer.country_name)
    assert event_sentence(VISIT, "xx") == "Laurent Nuñez (France) mötte Abdelmadjid Tebboune (Algeria) " \
                                          "i Algiers le 25 novembre 2025"
    (toy_language / "wording.json").unlink()       # a folder without the interface's words
    lexicon.reset()
    assert event_sentence(VISIT, "xx") == SENTENCES["en"][0]


# ---------------------------------------------------------------- the interface
@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from liaison.api.app import create_app
    from liaison.settings import Settings
    from liaison.store import connect
    store = connect(f"sqlite:///{tmp_path_factory.mktemp('words') / 'w.db'}")
    people = [{"id": a["entity_id"], "kind": "person", "name": a["name"], "aliases": [],
               "country": a["country"], "roles": [], "mentions": [], "documents": [],
               "explanation": "merged 2 mentions in 2 documents: same country FRA"}
              for a in (NUNEZ, TEBBOUNE, DARMANIN)]
    hostile = {**VISIT, "id": "ev-hostile",
               "actors": [{**NUNEZ, "name": "<script>alert(1)</script>"}, TEBBOUNE]}
    store.replace_linked({"entity": people, "event": [VISIT, THREAT, PLEA, hostile]})
    return TestClient(create_app(store, Settings()))


def test_a_page_in_french_by_address_then_by_cookie(client):
    client.cookies.clear()
    page = client.get("/events/ev-visit?lang=fr", headers=HTML)
    assert page.status_code == 200 and '<html lang="fr">' in page.text
    assert SENTENCES["fr"][0] in page.text and page.cookies.get("liaison_lang") == "fr"
    assert "(jour)" in page.text                                  # the date's precision, in French too
    again = client.get("/events/ev-threat", headers=HTML)         # the cookie keeps it
    assert SENTENCES["fr"][1] in again.text
    listing = client.get("/events", headers=HTML)                 # the list rows too, by the cookie
    assert SENTENCES["fr"][0] in listing.text and '<html lang="fr">' in listing.text
    client.cookies.clear()


def test_the_browser_language_else_english(client):
    client.cookies.clear()
    german = client.get("/events/ev-visit", headers={**HTML, "accept-language": "de-CH, de;q=0.9, en;q=0.5"})
    assert SENTENCES["de"][0] in german.text and '<html lang="de">' in german.text
    nothing = client.get("/events/ev-visit", headers={**HTML, "accept-language": "ja, zh;q=0.8"})
    assert SENTENCES["en"][0] in nothing.text and '<html lang="en">' in nothing.text


def test_lang_on_a_list_page_stays_the_articles_language_filter(client):
    client.cookies.clear()
    page = client.get("/events?lang=fr", headers=HTML)
    assert page.status_code == 200 and "liaison_lang" not in page.cookies
    assert '<html lang="en">' in page.text


def test_the_switch_remembers_and_goes_back_only_to_this_site(client):
    client.cookies.clear()
    back = client.get("/language/es?next=/events/ev-visit", follow_redirects=False)
    assert back.status_code == 303 and back.headers["location"] == "/events/ev-visit"
    assert back.cookies.get("liaison_lang") == "es"
    cookie = back.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie    # plain http
    assert SENTENCES["es"][0] in client.get("/events/ev-visit", headers=HTML).text
    away = client.get("/language/fr?next=//evil.example/", follow_redirects=False)
    assert away.headers["location"] == "/"
    sideways = client.get("/language/fr?next=/\\evil.example/", follow_redirects=False)
    assert sideways.headers["location"] == "/"
    unknown = client.get("/language/qq?next=/", follow_redirects=False)
    assert "liaison_lang" not in unknown.cookies
    page = client.get("/events/ev-visit", headers=HTML)
    assert '/language/pt?next=/events/ev-visit' in page.text and 'hreflang="de"' in page.text
    client.cookies.clear()


def test_json_stays_english_unless_asked(client):
    client.cookies.set("liaison_lang", "fr")
    assert client.get("/api/events/ev-visit").json()["sentence"] == SENTENCES["en"][0]
    assert client.get("/api/events/ev-visit?lang=fr").json()["sentence"] == SENTENCES["fr"][0]
    assert client.get("/events/ev-visit.json").json()["sentence"] == SENTENCES["en"][0]
    rows = {r["id"]: r["sentence"] for r in client.get("/api/events?lang=it").json()["items"]}
    assert rows["ev-visit"] == SENTENCES["it"][0]
    assert client.get("/api/events").json()["items"][0]["sentence"] in SENTENCES["en"]
    why = client.get("/api/entities/e-nunez?lang=fr").json()["why"]
    assert why[0]["reason"] == ("2 mentions dans 2 articles sont considérées comme une seule : "
                                "le même pays, France")
    client.cookies.clear()


def test_article_text_stays_escaped_in_every_language(client):
    for url in ("/events/ev-hostile?lang=de", "/events"):
        page = client.get(url, headers=HTML)
        assert "<script>alert" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; (Frankreich) traf" in page.text
    client.cookies.clear()


def test_the_upgrade_words_again_the_list_rows_of_modes_with_their_own_sentence(tmp_path):
    from alembic import command
    from sqlalchemy import text

    from liaison.store import connect
    from liaison.store import queries as Q
    from liaison.store.connection import _alembic_config
    store = connect(f"sqlite:///{tmp_path / 'old.db'}")
    store.replace_linked({"event": [THREAT, VISIT]})
    stale = {**Q.events_page(store).items[0], "sentence": "Laurent Nuñez (France) threatened …"}
    with store.engine.begin() as conn:           # as a store listed before 0010 had it
        conn.execute(text("UPDATE events SET listed = :listed WHERE id = 'ev-threat'"),
                     {"listed": json.dumps(stale)})
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009")
        command.upgrade(cfg, "head")
    rows = {e["id"]: e["sentence"] for e in Q.events_page(connect(store.url)).items}
    assert rows == {"ev-threat": SENTENCES["en"][1], "ev-visit": SENTENCES["en"][0]}
