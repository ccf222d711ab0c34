"""Web pages: HTML renders, JSON twins equal the data, CSV for lists, article content escaped."""
from __future__ import annotations

import csv
import json
import time

import pytest
from fastapi.testclient import TestClient
from fixtures.web.linked import HERE, build_linked, seed_docs

from liaison.api.views import highlight

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def world(seeded_db_url):
    from liaison.api.app import create_app
    from liaison.settings import Settings
    from liaison.store import connect
    store = connect(seeded_db_url)
    docs = seed_docs(store)
    recs = build_linked(store, docs)
    return TestClient(create_app(store, Settings(api_token="tok"))), store, docs, recs


def pages(recs, docs):
    return ["/", "/events", f"/events/{recs['visit']['id']}", "/relations", "/dyads/DZA-FRA", "/entities",
            f"/entities/{recs['nunez']['id']}", "/commitments", "/search?q=Algiers", "/documents",
            f"/documents/{docs['002']['id']}"]


def test_every_page_renders_with_a_json_twin(world):
    client, _, docs, recs = world
    for url in pages(recs, docs):
        html = client.get(url, headers=HTML)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html"), url
        assert "script-src 'self'" in html.headers["content-security-policy"]
        by_accept = client.get(url, headers={"accept": "application/json"})
        assert by_accept.headers["content-type"] == "application/json", url
        path, _, query = url.partition("?")
        twin = client.get(("/index" if path == "/" else path) + ".json" + (f"?{query}" if query else ""))
        assert twin.status_code == 200 and twin.json() == by_accept.json(), url


def test_list_pages_have_csv(world):
    client, _, docs, recs = world
    rows = list(csv.DictReader(client.get("/events.csv").text.splitlines()))
    assert {r["event_id"] for r in rows} == {recs[k]["id"] for k in ("visit", "relaunch", "uk-deal")}
    assert len(list(csv.DictReader(client.get("/documents.csv").text.splitlines()))) == 5
    groups = {r["group"] for r in csv.DictReader(client.get("/commitments.csv").text.splitlines())}
    assert "fulfilled" in groups
    assert ({r["id"] for r in csv.DictReader(client.get("/relations.csv").text.splitlines())}
            == {"DZA-FRA", "FRA-GBR"})


def test_event_page_highlights_the_evidence_and_explains(world):
    client, _, _, recs = world
    html = client.get(f"/events/{recs['visit']['id']}", headers=HTML).text
    assert ('<mark class="evidence">following a meeting with Algerian President Abdelmadjid Tebboune '
            'during a visit to Algiers</mark>') in html
    assert "test fixture: CONSULT" in html


def test_event_filters_on_the_page(world):
    client, _, _, recs = world
    body = client.get("/events.json?country=GBR").json()
    assert [e["id"] for e in body["items"]] == [recs["uk-deal"]["id"]]
    assert ([e["id"] for e in client.get("/events.json?person=Tebboune").json()["items"]]
            == [recs["visit"]["id"]])
    assert client.get("/events.json?type=BOGUS").json()["error"]["parameter"] == "type"
    assert client.get("/events?type=BOGUS", headers=HTML).status_code == 422


def test_commitment_board_and_home(world):
    client, _, _, recs = world
    fulfilled = client.get("/commitments.json?status=fulfilled").json()["items"]
    assert [c["id"] for c in fulfilled] == [recs["swiftly"]["id"]]
    assert fulfilled[0]["fulfilled_by"] == [recs["relaunch"]["id"]]
    assert fulfilled[0]["group"] == "fulfilled"
    home = client.get("/index.json").json()
    assert home["counts"]["event"] == 3 and len(home["latest_events"]) == 3


def test_decision_form_needs_the_token(world):
    client, store, docs, recs = world
    url = f"/entities/{recs['tebboune']['id']}/decision"
    assert client.post(url, data={"action": "split", "token": "wrong"}, headers=HTML).status_code == 401
    ok = client.post(url, data={"action": "merge", "other": recs["nunez"]["id"], "token": "tok"},
                     follow_redirects=False)
    assert ok.status_code == 303 and store.decisions()[-1]["entity_a"] == recs["tebboune"]["id"]
    build_linked(store, docs)


def test_article_markup_is_escaped_and_javascript_urls_are_not_links(world):
    client, store, _, _ = world
    article = json.loads((HERE / "xss_article.json").read_text(encoding="utf-8"))
    r = client.post("/api/ingest", json={"articles": [article]}, headers={"X-Liaison-Token": "tok"})
    assert r.status_code == 202
    job = r.json()["job"]
    for _ in range(600):                    # the ingest runs in the background
        job = client.get(job["url"]).json()
        if job["status"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert job["status"] == "done" and job["summary"]["new"] == 1
    doc = next(d for d in store.iter_documents() if (d["url"] or "").startswith("javascript:"))
    html = client.get(f"/documents/{doc['id']}", headers=HTML).text
    assert "<script>window" not in html and "<img src=x" not in html and 'href="javascript:' not in html
    listing = client.get("/documents", headers=HTML).text
    assert 'href="javascript:' not in listing and "&lt;script&gt;" in listing


def test_analyst_views_link_every_fact_to_its_article(world):
    client, store, docs, recs = world
    build_linked(store, docs)              # an ingest in an earlier test re-linked for real
    doc = docs["002"]
    html = client.get(f"/documents/{doc['id']}", headers=HTML).text
    assert 'title="event CONSULT: Nuñez meets Tebboune in Algiers"' in html       # hover names the fact
    whole = highlight(doc["text"], [{"start": 0, "end": len(doc["text"])}])
    assert "".join(s["text"] for s in whole) == doc["text"]
    assert not any("\n" in seg["text"] for seg in whole if seg["mark"])           # marks stop at line breaks
    entity = client.get(f"/entities/{recs['nunez']['id']}.json").json()
    assert [d["doc_id"] for d in entity["mentioned_in"]] == [doc["id"]]
    page = client.get("/search?q=transit", headers=HTML).text                       # a quote has no page
    assert f'href="/documents/{docs["001"]["id"]}"' in page and "<mark>transit</mark>" in page
    assert 'href="/events.csv?country=GBR"' in client.get("/events?country=GBR", headers=HTML).text
    assert "No events match these filters." in client.get("/events?country=BRA", headers=HTML).text


def test_every_page_with_a_table_has_a_csv_twin_with_its_rows(world):
    """Detail pages and the pair and watchlist lists answer .csv with rows, not an empty header."""
    client, _, docs, recs = world

    def rows(path):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), path
        return list(csv.DictReader(r.text.splitlines()))

    assert rows(f"/events/{recs['visit']['id']}.csv")[0]["event_id"] == recs["visit"]["id"]
    assert rows(f"/entities/{recs['nunez']['id']}.csv")[0]["name"] == "Laurent Nuñez"
    months = rows("/dyads/DZA-FRA.csv")
    assert months and {"month", "score", "events", "year_unstated"} <= set(months[0])
    facts = rows(f"/documents/{docs['002']['id']}.csv")
    assert facts and all(f["kind"] in ("event", "commitment", "figure", "quote") for f in facts)
    assert {r["id"] for r in rows("/dyads.csv")} == {"DZA-FRA", "FRA-GBR"}
    assert rows("/watchlists.csv") == []
