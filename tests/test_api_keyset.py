"""Keyset pagination through the REST API, on both backends: following `next` walks every matching
event once, in the order offset pages give; a cursor that is not one answers 422 naming `after`."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from test_store import _events


@pytest.fixture(scope="module")
def client(db_url):
    from liaison.api.app import create_app
    from liaison.settings import Settings
    from liaison.store import connect
    store = connect(db_url)
    people = [{"id": f"e{i:02d}", "kind": "person", "name": f"N{i % 4}", "country": "FRA"} for i in range(23)]
    store.replace_linked({"event": _events(90, seed=3), "entity": people})
    return TestClient(create_app(store, Settings()))


@pytest.mark.parametrize("path", ["/api/events?country=FRA&from=2025-03-01", "/api/events?type=AGREE",
                                  "/api/entities?country=FRA", "/api/documents"])
def test_following_next_walks_what_offsets_give(client, path):
    sep = "&" if "?" in path else "?"
    walked, url = [], f"{path}{sep}limit=4"
    while url:
        body = client.get(url).json()
        walked += [item["id"] for item in body["items"]]
        url = f"{path}{sep}limit=4&after={body['next']}" if body["next"] else None
    total = client.get(f"{path}{sep}limit=1").json()["total"]
    by_offset = [item["id"] for off in range(0, total, 4)
                 for item in client.get(f"{path}{sep}limit=4&offset={off}").json()["items"]]
    assert walked == by_offset and len(walked) == total and len(set(walked)) == total
    assert total > 0 or path == "/api/documents"


def test_a_bad_cursor_is_a_422_naming_after(client):
    body = client.get("/api/events?after=bm90IGEgY3Vyc29y").json()
    assert body["error"]["status"] == 422 and body["error"]["parameter"] == "after"


def test_following_next_url_walks_the_same_pages(client):
    """Each API list page names the address of the next one (`next_url`: same filters, the cursor
    set, no offset); following it gives what following `next` gives."""
    walked, url = [], "/api/events?country=FRA&limit=4&offset=0"
    while url:
        body = client.get(url).json()
        walked += [item["id"] for item in body["items"]]
        assert (body["next_url"] is None) == (body["next"] is None)
        url = body["next_url"]
        assert url is None or ("country=FRA" in url and "offset" not in url and "after=" in url)
    total = client.get("/api/events?country=FRA&limit=1").json()["total"]
    assert len(walked) == len(set(walked)) == total > 4


def test_a_cursor_of_the_wrong_types_is_a_422_not_a_database_error(client):
    """Keys are text (dates, ids) or a count (articles naming an entity): a cursor holding the
    other kind answers 422 naming `after`, on both backends."""
    import base64
    import json

    def cursor(values):
        return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")

    for path in (f"/api/events?after={cursor([1, 2])}",
                 f"/entities.json?sort=-articles&after={cursor(['x', 'y'])}"):
        body = client.get(path).json()
        assert body["error"]["status"] == 422 and body["error"]["parameter"] == "after", path
    good = client.get("/entities.json?sort=-articles&limit=2").json()
    assert client.get(f"/entities.json?sort=-articles&limit=2&after={good['cursor']}").status_code == 200
