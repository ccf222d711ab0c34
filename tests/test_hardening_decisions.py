"""Analyst decisions never break linking: merge → split → re-link → ingest on the real seed
articles, through the real API and the CLI, over a real SQLite file."""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import SEEDS
from fastapi.testclient import TestClient
from fixtures.seeded import seeded_store

from liaison.link.decisions import apply_decisions, split_id, unique_ids
from liaison.scale import link_corpus

TOKEN = {"X-Liaison-Token": "tok"}
LIAISON = [sys.executable, "-m", "liaison.cli"]


@pytest.fixture
def world(tmp_path):
    from liaison.api.app import create_app
    from liaison.settings import Settings
    store = seeded_store(tmp_path)
    path = tmp_path / "seeds.db"
    return TestClient(create_app(store, Settings(api_token="tok"))), store, path


def _people(store) -> list[dict]:
    """People named in two or more articles, the most widely named first (Laurent Nuñez in the
    seeds): picked by shape, not by name, so a change in name linking does not break these tests."""
    people = [e for e in store.linked("entity") if e["kind"] == "person" and len(e["documents"]) >= 2]
    return sorted(people, key=lambda e: (-len(e["documents"]), e["id"]))


def _decide(client, entity_id: str, **body):
    return client.post(f"/api/entities/{entity_id}/decisions", json=body, headers=TOKEN)


def test_merge_split_relink_ingest(world):
    client, store, path = world
    nunez, barrot = _people(store)[:2]
    assert len(nunez["documents"]) >= 3
    assert _decide(client, nunez["id"], action="merge", other=barrot["id"]).status_code == 201
    merged = next(e for e in store.linked("entity") if e["id"] == nunez["id"])
    assert set(barrot["documents"]) <= set(merged["documents"])        # a keeps its id, b joined
    assert barrot["id"] not in {e["id"] for e in store.linked("entity")}
    split = _decide(client, nunez["id"], action="split", note="two desks")
    assert split.status_code == 201, split.text
    ids = [e["id"] for e in store.linked("entity")]
    assert len(ids) == len(set(ids))                                     # no UNIQUE failure
    pieces = {split_id(nunez["id"], d) for d in merged["documents"]}
    assert pieces <= set(ids) and nunez["id"] not in ids
    before = sorted(ids)
    res = subprocess.run([*LIAISON, "--db", f"sqlite:///{path}", "link"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert sorted(e["id"] for e in store.linked("entity")) == before     # re-link: same result
    res = subprocess.run([*LIAISON, "--db", f"sqlite:///{path}", "ingest", str(SEEDS)],
                         capture_output=True, text=True)
    assert res.returncode == 0 and "5 already stored" in res.stdout, res.stderr
    assert sorted(e["id"] for e in store.linked("entity")) == before
    assert not [i for i in store.list_issues() if i["stage"] == "link"]


def test_a_split_piece_can_be_merged_back_and_decisions_are_recorded_once(world):
    client, store, _ = world
    nunez = _people(store)[0]
    assert _decide(client, nunez["id"], action="split").status_code == 201
    again = _decide(client, nunez["id"], action="split")
    assert again.status_code == 200 and again.json()["recorded"] is False          # idempotent
    a, b = (split_id(nunez["id"], d) for d in nunez["documents"][:2])
    assert _decide(client, a, action="merge", other=b).status_code == 201
    again = _decide(client, a, action="merge", other=b)
    assert again.status_code == 200 and again.json()["recorded"] is False
    assert [d["action"] for d in store.decisions()] == ["split", "merge"]
    joined = next(e for e in store.linked("entity") if e["id"] == a)
    assert len(joined["documents"]) == 2


@pytest.mark.parametrize("body, status, code, parameter", [
    ({"action": "merge", "other": "SELF"}, 422, "L501", "other"),
    ({"action": "merge", "other": "0123456789abcdef"}, 422, "L502", "other"),
    ({"action": "merge"}, 422, "L503", "other"),
    ({"action": "rename"}, 422, "L701", "action"),
    ({"action": "split", "other": 5}, 422, "L701", "other"),
])
def test_bad_decisions_are_refused_with_their_code(world, body, status, code, parameter):
    client, store, _ = world
    nunez = _people(store)[0]
    if body.get("other") == "SELF":
        body = {**body, "other": nunez["id"]}
    r = _decide(client, nunez["id"], **body)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert (error["code"], error["parameter"]) == (code, parameter)
    assert store.decisions() == []


def test_unknown_entity_is_404_and_a_one_document_split_is_refused(world):
    client, store, _ = world
    r = _decide(client, "0123456789abcdef", action="split")
    assert r.status_code == 404 and r.json()["error"]["code"] == "L502"
    single = next(e for e in store.linked("entity") if len(e["documents"]) == 1)
    r = _decide(client, single["id"], action="split")
    assert r.status_code == 422 and r.json()["error"]["code"] == "L505"


def test_stale_or_bad_stored_decisions_are_reported_once_and_linking_goes_on(world):
    _, store, _ = world
    nunez = _people(store)[0]
    store.add_decision("merge", "feedfacefeedface", nunez["id"], "entity since re-extracted")
    store.add_decision("merge", nunez["id"], nunez["id"], "self-merge written by hand")
    store.add_decision("explode", nunez["id"], None, "")
    store.add_decision("split", nunez["id"], None, "still applies")
    counts = link_corpus(store)
    link_corpus(store)
    assert counts["entity"] > 0
    issues = [i for i in store.list_issues() if i["stage"] == "link"]
    assert [i["message"][:6] for i in issues] == ["[L506]", "[L501]", "[L504]"]
    assert nunez["id"] not in {e["id"] for e in store.linked("entity")}     # the good split applied


def test_ids_that_would_collide_are_made_distinct():
    rows = [{"doc_id": d, "payload": {"kind": "person", "name": "X", "key": "x"}} for d in "abc"]
    clusters = [[rows[0]], [rows[1]], [rows[2]]]
    out, ids = apply_decisions(clusters, [], lambda members: "same-id")
    assert len(set(ids)) == 3 and ids[0] == "same-id"
    assert unique_ids(["a", "a", "a"], clusters) == unique_ids(["a", "a", "a"], clusters)   # stable
