"""'Possible duplicate' hints on entity pages: similar names kept apart, each with the reason, and
a merge form posting to the analyst's decision endpoint; the JSON twin carries the same list.
Real articles: dev-clusters 017 and 018 (Colombia and the United States) name "Gustavo Petro" and
"Petro", and put a "Donald Trump" on each side."""
from __future__ import annotations

import pytest
from conftest import data_articles
from fastapi.testclient import TestClient

from liaison.link.variants import possible_duplicates


@pytest.fixture(scope="module")
def client_and_store(tmp_path_factory):
    from liaison.api.app import create_app
    from liaison.scale.runner import process
    from liaison.settings import Settings
    from liaison.store import connect
    store = connect(f"sqlite:///{tmp_path_factory.mktemp('dups') / 'd.db'}")
    process([str(data_articles(tmp_path_factory.mktemp("src"), "clusters", 17, 18))], store)
    return TestClient(create_app(store, Settings(api_token="tok"))), store


def _person(store, name):
    return next(e for e in store.linked("entity") if e["kind"] == "person" and e["name"] == name)


def test_entity_page_lists_similar_names_kept_apart_with_the_reason(client_and_store):
    client, store = client_and_store
    petro = _person(store, "Gustavo Petro")
    body = client.get(f"/entities/{petro['id']}.json").json()
    hints = {h["name"]: h for h in body["possible_duplicates"]}
    assert "surname alone never joins" in hints["Petro"]["reason"]
    assert hints["Petro"]["id"] != petro["id"]
    html = client.get(f"/entities/{petro['id']}", headers={"accept": "text/html"}).text
    assert "Possible duplicates" in html and f'name="other" value="{hints["Petro"]["id"]}"' in html
    api = client.get(f"/api/entities/{petro['id']}").json()
    assert api["possible_duplicates"] == body["possible_duplicates"]


def test_merging_from_a_hint_uses_the_decision_form(client_and_store):
    client, store = client_and_store
    petro = _person(store, "Gustavo Petro")
    other = next(h for h in client.get(f"/entities/{petro['id']}.json").json()["possible_duplicates"]
                 if h["name"] == "Petro")
    r = client.post(f"/entities/{petro['id']}/decision", data={"action": "merge", "other": other["id"],
                                                              "token": "tok"}, follow_redirects=False)
    assert r.status_code == 303
    assert store.decisions()[-1]["entity_b"] == other["id"]


def test_reasons_in_plain_words():
    def who(i, name, country, title=None, aliases=()):
        return {"id": i, "kind": "person", "name": name, "country": country, "aliases": list(aliases),
                "roles": [{"title": title}] if title else [], "documents": ["d"]}
    trump = who("1", "Donald Trump", "USA", "President")
    others = [who("2", "Donald Trump", "COL", "President"), who("3", "Melania Trump", "USA"),
              who("4", "Donald Trumb", "USA", "Ambassador"), who("5", "Ronald Trump", "USA")]
    reasons = {h["id"]: h["reason"] for h in possible_duplicates(trump, others)}
    assert reasons["2"] == "same name, different country (USA / COL)"
    assert reasons["3"].startswith("same surname, first names differ (Donald / Melania)")
    assert reasons["4"].startswith("different role (President / Ambassador)")
    assert reasons["5"].startswith("first names differ (Donald / Ronald) and no shared office")
    assert list(reasons) == ["2", "4", "5", "3"]          # closest first
