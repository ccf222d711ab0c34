"""Actors named by their office only, resolved at linking to the holder on the article's date or
abstained (link/holders.py), on two real dev articles:

- dev 007 (L'Avenir, Abidjan): Gérard Darmanin's visit, which names him, then says "le ministre
  français de l'Intérieur a remis …" and "… que le ministre français de l'Intérieur a visitée" with
  no name: two events whose only actor is that office;
- dev 023 (Omondo): "Le ministre français de l'intérieur et des Outre-mer, Gérald Darmanin, a
  annoncé …", another article of the corpus naming the holder by title and name.

The articles are analysed undated (as the annotated set gives them) and their stored facts are then
linked with the days a feed would give them: dating the article before extraction dates "hier", which
joins the visit's acts into one report already naming Darmanin, so there is nothing left to resolve."""
from __future__ import annotations

import copy

import pytest
from conftest import data_articles

from liaison.link import LinkInput, link_records
from liaison.store.offices import read_terms_tsv

VISIT_DAY = "2022-09-27"        # dev 007, as a feed would date it
COMOROS_DAY = "2023-05-04"      # dev 023: "a annoncé mercredi 3 mai"
OFFICE = "Minister of the Interior (FRA)"
HEADER = "office\tcountry\tperson\tstart\tend\tsource\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The two articles through the real runner (undated), and which document is which."""
    from liaison.scale.runner import process
    from liaison.store import connect
    work = tmp_path_factory.mktemp("office_actors")
    store = connect(f"sqlite:///{work / 't.db'}")
    process([str(data_articles(work, "dev", 7, 23))], store)
    ids = {}
    for row in store.iter_documents():
        ids["visit" if "darmanin" in (row.get("url") or row["source"]) else "comoros"] = row["id"]
    assert set(ids) == {"visit", "comoros"}, ids
    return store, ids


def _link(store, days: dict[str, str | None], only: set[str] | None = None, curated: list[dict] = (),
          edit=None) -> dict[str, list[dict]]:
    """Link the stored facts as dated articles would be linked: each report carries its article's
    day (as document_facts writes it) and the runner passes the documents' days."""
    facts: dict[str, list] = {}
    for row in store.iter_facts():
        if only is not None and row["doc_id"] not in only:
            continue
        row = copy.deepcopy(row)
        row["payload"]["published"] = days.get(row["doc_id"])
        if edit:
            edit(row)
        facts.setdefault(row["kind"], []).append(row)
    published = {d: days.get(d) for d in (only or {r["doc_id"] for rs in facts.values() for r in rs})}
    return link_records(LinkInput(facts=facts, published=published, curated_offices=list(curated)))


def _office_events(events: list[dict]) -> list[dict]:
    """The visit's two acts done by "le ministre français de l'Intérieur" alone."""
    return [e for e in events if "ministre français de l’Intérieur a" in " ".join(
        ev.get("text") or "" for ev in e.get("evidence") or [])]


def _resolved(events: list[dict]) -> list[tuple[dict, dict]]:
    return [(e, a) for e in events for a in e["actors"] if a.get("resolved_from")]


def _curated(tmp_path, *rows: str) -> list[dict]:
    path = tmp_path / "offices.tsv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return read_terms_tsv(path)


def test_the_raw_facts_carry_the_bare_office_and_no_actor(corpus):
    store, ids = corpus
    rows = [r["payload"] for r in store.iter_facts("event") if r["payload"].get("offices")]
    assert len(rows) == 2 and all(r["actors"] == [] for r in rows)
    for r in rows:
        [office] = r["offices"]
        assert (office["title"], office["country"], office["doc_id"]) == ("Minister of the Interior", "FRA",
                                                                         ids["visit"])
        assert office["text"] == "ministre français de l’Intérieur"


def test_the_office_resolves_to_the_holder_the_corpus_names(corpus):
    store, ids = corpus
    days = {ids["visit"]: VISIT_DAY, ids["comoros"]: COMOROS_DAY}
    linked = _link(store, days)
    darmanin = next(e for e in linked["entity"] if e["kind"] == "person" and "Darmanin" in e["name"])
    events = _office_events(linked["event"])
    assert len(events) == 2
    note = (f"resolved from office: {OFFICE} held by {darmanin['name']} on {VISIT_DAY}, "
            "from 2 attestations")           # his title in the visit and in the Comoros article
    for event in events:
        [actor] = event["actors"]
        assert actor == {"entity_id": darmanin["id"], "name": darmanin["name"],
                         "role": "Minister of the Interior", "country": "FRA", "side": "source",
                         "resolved_from": note}
        assert event["explanation"].endswith(f"; {note}")
    # every resolution is one of these two: no other event gains an actor from an office
    assert {id(e) for e, _ in _resolved(linked["event"])} == {id(e) for e in events}
    assert not any("offices" in e for e in linked["event"])      # the raw mentions do not outlive linking


def test_the_count_of_attestations_is_the_corpus_s(corpus):
    store, ids = corpus
    linked = _link(store, {ids["visit"]: VISIT_DAY}, only={ids["visit"]})
    events = _office_events(linked["event"])
    assert len(events) == 2
    for event in events:
        [actor] = event["actors"]
        assert actor["resolved_from"].endswith(f"on {VISIT_DAY}, from 1 attestation")


def test_a_curated_term_resolves_it_alone(corpus, tmp_path):
    store, ids = corpus
    curated = _curated(tmp_path, "Minister of the Interior\tFRA\tGérald Darmanin\t2020-07-06\t2024-09-21\t"
                                 "https://www.info.gouv.fr/")
    # the visit dated for its reports only: the corpus attests no one, the curated term decides
    linked = _link(store, {ids["visit"]: VISIT_DAY}, curated=curated,
                   edit=lambda r: r["kind"] == "entity" and r["payload"].update(roles=[]))
    events = _office_events(linked["event"])
    assert len(events) == 2
    for event in events:
        [actor] = event["actors"]
        assert actor["name"] == "Gérald Darmanin" and actor["entity_id"]
        assert actor["resolved_from"] == (f"resolved from office: {OFFICE} held by Gérald Darmanin on "
                                          f"{VISIT_DAY}, from a curated term")


def test_two_curated_holders_on_the_day_abstain(corpus, tmp_path):
    store, ids = corpus
    curated = _curated(tmp_path,
                       "Minister of the Interior\tFRA\tGérald Darmanin\t2020-07-06\t2024-09-21\tgouv",
                       "Minister of the Interior\tFRA\tChristophe Castaner\t2018-10-16\t2022-12-31\ttypo")
    linked = _link(store, {ids["visit"]: VISIT_DAY, ids["comoros"]: COMOROS_DAY}, curated=curated)
    events = _office_events(linked["event"])
    assert len(events) == 2 and not _resolved(linked["event"])
    for event in events:
        assert event["actors"] == []
        assert event["explanation"].endswith(
            f"; office {OFFICE} not resolved on {VISIT_DAY}: 2 people's curated terms cover {VISIT_DAY}: "
            "abstained")


def test_an_undated_article_abstains_through_the_runner(corpus):
    """The store as process() linked it: the documents have no date."""
    store, _ = corpus
    events = store.linked("event")
    office_events = _office_events(events)
    assert len(office_events) == 2 and not _resolved(events)
    for event in office_events:
        assert event["actors"] == []
        assert event["explanation"].endswith(f"; office {OFFICE} not resolved: the article has no date")


def test_a_named_actor_is_never_replaced(corpus):
    store, ids = corpus
    named = {}
    for row in store.iter_facts("event"):
        for a in row["payload"]["actors"]:
            named.setdefault(a["name"], a)
    darmanin, diomande = named["Gérard Darmanin"], named["Vagondo Diomandé"]

    def also_named(*actors):
        def edit(row):
            if row["kind"] == "event" and row["payload"].get("offices"):
                row["payload"]["actors"] = [copy.deepcopy(a) for a in actors]
        return edit

    days = {ids["visit"]: VISIT_DAY, ids["comoros"]: COMOROS_DAY}
    # the holder named by the report itself: left as named, no actor added, no note
    linked = _link(store, days, edit=also_named(darmanin))
    events = _office_events(linked["event"])
    assert len(events) == 2
    for event in events:
        [actor] = event["actors"]
        assert actor["name"] == "Gérald Darmanin" and "resolved_from" not in actor
        assert "resolved from office" not in event["explanation"]
        assert "not resolved" not in event["explanation"]
    # another person named: kept first and as is, the holder joins
    linked = _link(store, days, edit=also_named(diomande))
    events = _office_events(linked["event"])
    assert len(events) == 2
    for event in events:
        first, added = event["actors"]
        assert first["name"] == "Vagondo Diomandé" and first["country"] == "CIV"
        assert "resolved_from" not in first
        assert added["name"] == "Gérald Darmanin"
        assert added["resolved_from"].startswith(f"resolved from office: {OFFICE} held by Gérald Darmanin")


def test_an_office_is_read_on_the_act_s_stated_day_else_the_article_s():
    """'The Interior Minister signed it on 3 May 2019', in an article of 2025, names the holder of
    2019; an act dated only by its article is read on the article's day."""
    from liaison.link.holders import day_of_report
    stated = {"start": "2019-05-03", "end": "2019-05-03", "precision": "day", "basis": "stated"}
    inferred = {**stated, "basis": "inferred"}
    assert day_of_report({"date": stated, "published": "2025-01-09"}) == ("2019-05-03", "")
    assert day_of_report({"date": inferred, "published": "2025-01-09"}) == ("2025-01-09", "")
    assert day_of_report({"date": {**stated, "year_unstated": True}, "published": "2025-01-09"})[0] is None
    assert day_of_report({"date": None, "published": None}) == (None, "the article has no date")


def test_a_state_s_possessive_introduces_its_office_where_the_language_has_one():
    """"Britain's Home Secretary" (titles.json `possessive`); French has no possessive ending."""
    from liaison.understand.grammar import grammar
    assert grammar("en").possessive_gap.match("'s ") and grammar("en").possessive_gap.match("’s")
    assert not grammar("en").possessive_gap.match(" of ")
    assert not grammar("fr").possessive_gap.match("'s")


def test_a_broken_curated_file_is_an_issue_and_linking_goes_on(corpus, tmp_path, monkeypatch):
    """A curated office file with a bad row is reported as an issue of the run, naming the file; the
    corpus is still linked (with the terms already loaded)."""
    from liaison import settings
    from liaison.scale.runner import link_corpus
    store, _ = corpus
    bad = tmp_path / "offices.tsv"
    bad.write_text(HEADER + "Minister of the Interior\tFRA\tGérald Darmanin\tnot a date\t\tmanual\n",
                   encoding="utf-8")
    # these settings for this test only (monkeypatch puts back whatever the process had, environment
    # included: pinning the old settings would hide later tests' LIAISON_* variables)
    given = settings.get_settings().model_dump()
    monkeypatch.setattr(settings, "_given", settings.Settings(**{**given, "offices_tsv": str(bad)}))
    counts = link_corpus(store)
    assert counts.get("event")
    assert any(i["source"] == str(bad) and "not an ISO date" in i["message"] for i in store.list_issues())
