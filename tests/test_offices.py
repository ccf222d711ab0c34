"""Office holders by date, learned from the seed articles themselves (real pipeline, both backends)
plus a curated TSV: who held which office that day, bare mentions resolved or abstained, the role
timeline on a person's page."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from liaison.errors import OfficeFileError
from liaison.store.offices import read_terms_tsv

CURATED = ("office\tcountry\tperson\tstart\tend\tsource\n"
           "Minister of the Interior\tFRA\tBruno Retailleau\t2024-09-23\t2025-10-12\thttps://www.info.gouv.fr/\n")


@pytest.fixture(scope="module")
def world(seeded_db_url):
    from liaison.api.app import create_app
    from liaison.settings import Settings
    from liaison.store import connect
    store = connect(seeded_db_url)
    return TestClient(create_app(store, Settings())), store


def _by_office(items: list[dict]) -> dict[str, dict]:
    return {row["office"]: row for row in items}


def _offices(client, country: str, day: str) -> dict[str, dict]:
    return _by_office(client.get("/api/offices", params={"country": country, "date": day}).json()["items"])


def test_offices_of_france_on_a_day_with_the_evidence(world):
    client, _ = world
    got = client.get("/api/offices", params={"country": "FRA", "date": "2026-01-09"}).json()
    rows = _by_office(got["items"])
    interior = rows["Minister of the Interior"]
    assert interior["holder"] == "Laurent Nuñez" and interior["status"] == "held"
    # the Paris article of 9 January 2026 (001) says so, in French
    assert any(e["published"] == "2026-01-09" and "ministre de l'Intérieur Laurent Nuñez" in e["sentence"]
               for e in interior["evidence"])
    assert rows["Minister of Foreign Affairs"]["holder"] == "Jean-Noël Barrot"
    # a former office (he ran the Paris police before his appointment) is not carried past its end
    assert rows["Prefect of Police"]["holder"] is None and "ended" in rows["Prefect of Police"]["reason"]
    # a country by name; Morocco's minister is not France's
    moroccan = _by_office(client.get("/api/offices", params={"country": "Maroc", "date": "2025-11-25"})
                          .json()["items"])
    assert moroccan["Minister of the Interior"]["holder"] == "Abdelouafi Laftit"


def test_bare_mentions_resolve_at_the_article_date_or_abstain(world):
    client, _ = world

    def resolve(phrase, lang, country, day):
        return client.get("/api/offices/resolve", params={"phrase": phrase, "lang": lang, "country": country,
                                                          "date": day}).json()
    assert resolve("le ministre de l'Intérieur", "fr", "FRA", "2026-01-09")["holder"] == "Laurent Nuñez"
    assert resolve("the Interior Minister", "en", "France", "2025-12-01")["holder"] == "Laurent Nuñez"
    before = resolve("le ministre de l'Intérieur", "fr", "FRA", "2025-01-01")
    assert before["holder"] is None and "abstained" in before["reason"]
    generic = resolve("the minister", "en", "FRA", "2026-01-09")
    assert generic["holder"] is None and "no one office" in generic["reason"]
    # only the United Kingdom has a Home Secretary, and no article names one here
    home = resolve("the Home Secretary", "en", None, "2026-01-09")
    assert home["country"] == "GBR" and home["holder"] is None


def test_curated_terms_win_where_they_cover_the_date(world, tmp_path):
    from liaison.cli import main
    client, store = world
    tsv = tmp_path / "offices.tsv"
    tsv.write_text(CURATED, encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", store.url, "offices", "load", str(tsv)])
    assert result.exit_code == 0 and "1 loaded" in result.output
    got = _offices(client, "FRA", "2025-03-01")
    assert got["Minister of the Interior"]["holder"] == "Bruno Retailleau"
    assert got["Minister of the Interior"]["basis"] == "curated"
    after = _offices(client, "FRA", "2026-01-09")
    assert after["Minister of the Interior"]["holder"] == "Laurent Nuñez"
    listed = CliRunner().invoke(main, ["--db", store.url, "offices", "list", "--country", "FRA",
                                       "--date", "2025-03-01"])
    assert "Bruno Retailleau" in listed.output


def test_role_timeline_on_the_person_page(world):
    client, store = world
    nunez = next(e for e in store.linked("entity") if e["name"] == "Laurent Nuñez")
    data = client.get(f"/entities/{nunez['id']}.json").json()
    interior = [t for t in data["offices"]
                if t["office"] == "Minister of the Interior" and t["basis"] == "learned"]
    assert interior and interior[0]["start"] == "2025-10-01" and interior[0]["end"] == "2026-01-09"
    page = client.get(f"/entities/{nunez['id']}", headers={"accept": "text/html"}).text
    assert "Offices over time" in page and "Minister of the Interior" in page


def _terms_by_state(store) -> dict[str, list]:
    """Every state's learned terms as the office views read them: summed up by the store
    (learned_of_state), each with its evidence (evidence_of)."""
    from liaison.link.offices import terms_of_summaries
    from liaison.store.offices import evidence_of, learned_of_state
    states = {r.get("country") or e.get("country") for e in store.linked("entity") if e["kind"] == "person"
              for r in e.get("roles") or []} - {None}
    out = {}
    for country in sorted(states):
        terms = terms_of_summaries(learned_of_state(store, country))
        for t in terms:
            t.evidence = evidence_of(store, t.entity_id, t.office, t.country)
        out[country] = _comparable(terms)
    return out


def _comparable(terms) -> list[str]:
    return sorted(json.dumps([t.to_json(), t.ended], sort_keys=True) for t in terms)


def test_the_stored_attestations_give_the_terms_of_the_person_records(world):
    """The projection answers as the records do: the terms learned from every person of a state (or
    of none) and the text of their articles, as /api/offices computed them on each request before."""
    from liaison.link.offices import learned_terms
    _, store = world
    people = [e for e in store.linked("entity") if e["kind"] == "person"]
    docs = {d["id"]: {"published": d["published"], "text": d["text"]} for d in store.iter_documents()}
    stored = _terms_by_state(store)
    assert stored["FRA"] and stored["MAR"]
    for country, terms in stored.items():
        mine = [e for e in people if e.get("country") in (country, None)]
        assert terms == _comparable(t for t in learned_terms(mine, docs) if t.country == country), country


def test_the_upgrade_fills_the_attestations_of_a_store_linked_before_it(world):
    from alembic import command
    from sqlalchemy import inspect

    from liaison.store.connection import _alembic_config
    _, store = world
    before = _terms_by_state(store)
    cfg = _alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    assert "office_attestations" not in inspect(store.engine).get_table_names()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    assert _terms_by_state(store) == before


def test_a_curated_file_with_a_missing_column_or_a_bad_date_says_so(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("office\tperson\nMinister\tX\n", encoding="utf-8")
    with pytest.raises(OfficeFileError, match="missing column"):
        read_terms_tsv(bad)
    bad.write_text(CURATED.replace("2024-09-23", "23/09/2024"), encoding="utf-8")
    with pytest.raises(OfficeFileError, match="not an ISO date"):
        read_terms_tsv(bad)


def test_a_role_dated_by_a_year_nobody_wrote_gets_no_date():
    """Seed 000 (no publication date) says Nuñez was 'appointed Minister of the Interior in October
    2025': the role starts then. Written 'in October', the year would be a guess (the resolver
    assumes one and flags it): the role keeps no date rather than show, and teach the office
    timeline, a year nobody wrote."""
    from conftest import seed_path

    from liaison import clean_text
    from liaison.pipeline import analyse
    raw = seed_path("000").read_text(encoding="utf-8")

    def minister_start(text: str):
        [doc] = analyse([clean_text(text, source="000.txt")])
        nunez = next(e for e in doc.entities if e.kind == "person" and "Nunez" in e.name)
        return next(r.start for r in nunez.roles if r.title == "Minister of the Interior")

    assert minister_start(raw) == "2025-10-01"
    assert minister_start(raw.replace("in October 2025", "in October")) is None
