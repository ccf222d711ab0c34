"""The analyst's desk on the real pipeline output of the seed articles (no hand-built view): every
date says its precision and its doubts, lists page by keyset and filter from the address, countries
by name in any language, events read as sentences, figures and quotes have pages and CSVs."""
from __future__ import annotations

import csv

import pytest
from fastapi.testclient import TestClient
from fixtures.seeded import seeded_store

from liaison.wording import date_doubts, event_sentence

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    from liaison.api.app import create_app
    from liaison.settings import Settings
    store = seeded_store(tmp_path_factory.mktemp("desk"))
    return TestClient(create_app(store, Settings())), store


def walk(client, url: str) -> list[dict]:
    """Every item of a list, following its `next` links."""
    items = []
    while url:
        body = client.get(url).json()
        items += body["items"]
        url = body["next"] and body["next"].replace("?", ".json?", 1)
    return items


def test_every_uncertain_date_says_so(desk):
    client, store = desk
    events = store.linked("event")
    unstated = [e for e in events if (e.get("date") or {}).get("year_unstated")]
    inferred = [e for e in events if (e.get("date") or {}).get("basis") == "inferred"]
    assert unstated and inferred                  # the seeds have both: "February 17", a dateline day
    html = client.get("/events?limit=500", headers=HTML).text
    assert html.count("year not stated)") >= len(unstated) and html.count("inferred)") >= len(inferred)
    for e in unstated:
        page = client.get(f"/events/{e['id']}", headers=HTML).text
        assert "year not stated" in page
        assert f"{e['date']['start']} <small>(day, {', '.join(date_doubts(e['date']))})</small>" in page


def test_no_status_from_an_uncertain_deadline_without_saying_so(desk):
    client, store = desk
    items = walk(client, "/commitments.json?limit=3")
    assert len(items) == len(store.linked("commitment"))
    uncertain = [c for c in items if date_doubts(c.get("due"))]
    assert uncertain
    for c in uncertain:
        assert c["group"] not in ("overdue", "due_soon") or c["status_note"]
        assert c["status_note"].startswith("deadline ") and "year not stated" in c["status_note"] \
            or "inferred" in c["status_note"]
    assert "(deadline year not stated)" in client.get("/commitments?limit=500", headers=HTML).text


def test_lists_page_by_keyset_and_sort(desk):
    client, store = desk
    total = len(store.linked("event"))
    newest = walk(client, "/events.json?limit=4")
    assert len(newest) == total and len({e["id"] for e in newest}) == total
    oldest = walk(client, "/events.json?limit=4&sort=date")
    dated = [e["date"]["start"] for e in oldest if e.get("date")]
    assert dated == sorted(dated)
    html = client.get("/events?limit=4", headers=HTML).text
    assert 'class="next-page"' in html and "after=" in html
    assert client.get("/events.json?sort=type").json()["error"]["parameter"] == "sort"
    assert client.get("/events.json?after=nonsense").json()["error"]["parameter"] == "after"
    for name in ("documents", "entities", "figures", "quotes"):
        body = client.get(f"/{name}.json?limit=2").json()
        assert len(walk(client, f"/{name}.json?limit=2")) == body["total"], name


def test_country_by_name_in_any_language_and_a_clear_message_otherwise(desk):
    client, _ = desk
    by_code = {e["id"] for e in walk(client, "/events.json?country=FRA&limit=50")}
    assert by_code
    for typed in ("France", "Frankreich", "fra", "Francia"):
        assert {e["id"] for e in walk(client, f"/events.json?country={typed}&limit=50")} == by_code, typed
    err = client.get("/events.json?country=Xyzland").json()["error"]
    assert err["parameter"] == "country" and "Xyzland" in err["message"] and "FRA" in err["message"]
    page = client.get("/events?country=Xyzland", headers=HTML)
    assert page.status_code == 422 and "no country is known as" in page.text


def test_date_range_language_and_type_filters(desk):
    client, store = desk
    in_2025 = walk(client, "/events.json?from=2025-01-01&to=2025-12-31&limit=50")
    assert in_2025 and all(e["date"]["start"] <= "2025-12-31" and e["date"]["end"] >= "2025-01-01"
                           for e in in_2025)
    french_docs = {d["id"] for d in store.iter_documents() if d["lang"] == "fr"}
    french = walk(client, "/events.json?lang=fr&limit=50")
    full = {e["id"]: e for e in store.linked("event")}
    assert french and all(set(full[e["id"]]["sources"]) & french_docs for e in french)
    assert all(e["type"] == "CONSULT" for e in walk(client, "/events.json?type=consult&limit=50"))
    assert client.get("/events.json?from=2025-13-01").json()["error"]["parameter"] == "from"
    docs = walk(client, "/documents.json?lang=en&limit=50")
    assert docs and all(d["lang"] == "en" for d in docs)


def test_events_read_as_sentences_without_an_actor_as_its_own_target(desk):
    client, store = desk
    for e in store.linked("event"):
        sentence = event_sentence(e)
        for a in e.get("actors") or []:
            assert sentence.count(a["name"]) <= 1, sentence
    items = client.get("/events.json?limit=500").json()["items"]
    assert all(i["sentence"] for i in items)
    visit = next(e for e in store.linked("event") if e["type"] == "CONSULT" and e.get("location")
                 and e["location"]["name"] == "Marrakesh")
    assert event_sentence(visit).startswith("Abdelouafi Laftit (Morocco) met Laurent Nuñez (France)")
    assert event_sentence(visit).endswith("in Marrakesh on 2025-11-25")


def test_figures_and_quotes_pages_with_twins_and_csv(desk):
    client, store = desk
    for name, kind in (("figures", "figure"), ("quotes", "quote")):
        html = client.get(f"/{name}", headers=HTML)
        assert html.status_code == 200 and 'class="source-link"' in html.text
        body = client.get(f"/{name}.json?limit=500").json()
        assert body["total"] == len(store.linked(kind))
        assert all(item["original"] is None for item in body["items"])      # file sources: no address
        rows = list(csv.DictReader(client.get(f"/{name}.csv").text.splitlines()))
        assert len(rows) == body["total"]
    barrot = client.get("/quotes.json?person=Barrot").json()["items"]
    assert barrot and all(q["speaker"]["name"] == "Jean-Noël Barrot" for q in barrot)


def test_csv_twins_hold_every_filtered_row_with_date_doubts(desk):
    client, store = desk
    rows = list(csv.DictReader(client.get("/events.csv?country=Algérie").text.splitlines()))
    expected = walk(client, "/events.json?country=DZA&limit=2")
    assert {r["event_id"] for r in rows} == {e["id"] for e in expected}
    assert any(r["date_year_unstated"] == "True" and "year not stated" in r["date_label"] for r in rows)
    assert all(r["sentence"] for r in rows)


def test_merge_explanations_in_plain_words_beside_their_sentences(desk):
    client, store = desk
    nunez = next(e for e in store.linked("entity") if e["name"] == "Laurent Nuñez")
    assert "title_before" in nunez["explanation"] or "apposition" in nunez["explanation"]
    page = client.get(f"/entities/{nunez['id']}.json").json()
    reasons = [w["reason"] for w in page["why"]]
    assert reasons[0].startswith(f"{len(nunez['documents'])} mentions in ")
    assert "the same country, France" in reasons[0]
    assert not any(" at " in r and ("title_before" in r or "apposition" in r) for r in reasons)
    merged = page["why"][0]["evidence"]
    assert len({sp["doc_id"] for sp in merged}) == len(merged) >= 2
    assert all("Nu" in sp["mark"] and sp["before"] + sp["mark"] for sp in merged)
    html = client.get(f"/entities/{nunez['id']}", headers=HTML).text
    assert "are taken as one" in html and '<mark class="evidence">' in html


def test_figures_and_quotes_filter_by_article_date_and_by_state(desk):
    """The seeds analysed for real: a figure or a quote is dated by its article, and a country
    keeps those given by someone of that state."""
    client, store = desk
    published = {d["id"]: d["published"] for d in store.iter_documents()}
    for name in ("figures", "quotes"):
        everything = walk(client, f"/{name}.json")
        assert everything
        dated = sorted({published[sp["doc_id"]] for r in everything for sp in r["evidence"]
                        if published.get(sp["doc_id"])})
        day = dated[-1]
        window = walk(client, f"/{name}.json?from={day}&to={day}")
        assert window and all(any(published.get(sp["doc_id"]) == day for sp in r["evidence"]) for r in window)
        assert len(window) < len(everything) or len(dated) == 1
        states = {(r.get("speaker") or {}).get("country") for r in everything} - {None}
        if states:
            state = sorted(states)[0]
            kept = walk(client, f"/{name}.json?country={state}")
            assert kept and all(r["speaker"]["country"] == state for r in kept)


def test_documents_filter_by_state_and_by_person(desk):
    """A document reporting an event of a state, a document naming a person (by any spelling)."""
    client, store = desk
    everything = walk(client, "/documents.json")
    algeria = walk(client, "/documents.json?country=Algeria")
    assert algeria and len(algeria) < len(everything)
    for doc in algeria:             # each reports an event naming Algeria
        detail = client.get(f"/documents/{doc['id']}.json").json()
        assert any("DZA" in (e.get("countries") or []) for e in detail["events"])
    nunez = walk(client, "/documents.json?person=Nunez")           # written Nuñez or Nunez
    accented = walk(client, "/documents.json?person=Nuñez")
    assert nunez and {d["id"] for d in nunez} == {d["id"] for d in accented}


def test_entities_sort_by_the_articles_naming_them(desk):
    client, _ = desk
    html = client.get("/entities", headers={"accept": "text/html"}).text
    assert "sort=-articles" in html                                      # the column offers the sort
    most = walk(client, "/entities.json?sort=-articles")
    counts = [e["document_count"] for e in most]
    assert counts == sorted(counts, reverse=True) and len(most) == len(walk(client, "/entities.json"))
