"""The dyad barometer on the analysed seeds (real pipeline): the monthly series counts each linked
event once, either order of the pair works, and the CUSUM flags a shift in a series."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from fixtures.seeded import seeded_store

from liaison.barometer import change_points


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from liaison.api.app import create_app
    from liaison.settings import Settings
    store = seeded_store(tmp_path_factory.mktemp("baro"))
    return TestClient(create_app(store, Settings()))


def test_dza_fra_series_by_month_either_order(client):
    one, other = client.get("/dyads/DZA-FRA.json").json(), client.get("/dyads/fra-dza.json").json()
    assert one["series"] == other["series"] and one["series"]
    linked = {e["id"] for e in one["events"]}
    listed = [i for row in one["series"] for i in row["events"]]
    assert len(listed) == len(set(listed)) and set(listed) <= linked       # each event once
    for row in one["series"]:
        assert set(row) >= {"month", "score", "events"} and len(row["month"]) == 7
    # the Algiers visit of February (a CONSULT visit scores +4) is in its month
    visit = next(e for e in one["events"] if e["type"] == "CONSULT" and e.get("mode") == "visit")
    month = next(r for r in one["series"] if visit["id"] in r["events"])
    assert month["month"] == visit["date"]["start"][:7]
    page = client.get("/dyads/DZA-FRA", headers={"accept": "text/html"})
    assert page.status_code == 200 and "Barometer" in page.text


def test_dyads_list_with_trends(client):
    rows = client.get("/dyads.json").json()["items"]
    assert any(r["id"] == "DZA-FRA" for r in rows)
    assert all("trend" in r and "months" in r for r in rows)
    assert client.get("/dyads", headers={"accept": "text/html"}).status_code == 200


def test_cusum_flags_a_shift_from_cooperation_to_conflict():
    series = [{"month": f"2025-{m:02d}", "score": s}
              for m, s in enumerate([4, 4.5, 4, 3.5, 4, 4, -6, -6.5, -7, -6], start=1)]
    flags = change_points(series)
    assert flags and flags[0]["direction"] == "down" and "2025-07" <= flags[0]["month"] <= "2025-09"
    assert change_points(series[:3]) == []          # too short to say


def test_each_month_links_to_exactly_its_events_of_the_pair(client):
    one = client.get("/dyads/DZA-FRA.json").json()
    assert one["events_total"] == one["dyad"]["events"] == len(one["events"])
    for row in one["series"]:
        path, query = row["link"].split("?")
        listed = client.get(f"{path}.json?{query}").json()["items"]
        assert sorted(e["id"] for e in listed) == row["events"] and len(listed) == row["n"]
        assert all({"DZA", "FRA"} <= set(e["countries"]) for e in listed)
    assert client.get("/events.json?country=DZA&with=Xyzland").status_code == 422
    assert client.get("/events.json?with=FRA").status_code == 422
    for query in ("country=Algeria&with=France", "country=FRA&with=DZA"):      # either order
        both = client.get(f"/events.json?{query}").json()
        assert {e["id"] for e in both["items"]} == {e["id"] for e in one["events"]}
        assert both["total"] == one["events_total"]


def test_relations_page_reads_the_pairs_summary(client):
    page = client.get("/relations.json").json()
    assert any(d["id"] == "DZA-FRA" for d in page["dyads"])
    edges = {e["id"]: e["weight"] for e in page["network"]["edges"]}
    assert edges["DZA-FRA"] == client.get("/dyads/DZA-FRA.json").json()["dyad"]["events"]
    nodes = {n["id"]: n["events"] for n in page["network"]["nodes"]}
    assert nodes["FRA"] >= edges["DZA-FRA"] and page["map"]["countries"]["FRA"] == nodes["FRA"]


def test_the_pairs_list_pages(client):
    first = client.get("/dyads.json?limit=1").json()
    assert len(first["items"]) == 1 and first["total"] > 1 and "offset=1" in first["next"]
    second = client.get(first["next"].replace("/dyads?", "/dyads.json?")).json()
    assert second["items"][0]["id"] != first["items"][0]["id"] and "previous" in second
    page = client.get("/dyads?limit=1", headers={"accept": "text/html"}).text
    assert "<title>Pairs of states" in page and 'rel="next"' in page.split("</title>")[1]


def test_every_month_names_exactly_its_events_however_old(tmp_path):
    """A pair with more events than its page lists (DYAD_EVENTS, newest first): the older months
    still name every one of their events, a month too big to name them inline gives them one call
    away, and events of one state only (or of a third) are never counted in."""
    from liaison.api.app import create_app
    from liaison.api.views import DYAD_EVENTS, MONTH_IDS
    from liaison.settings import Settings
    from liaison.store import connect

    def event(i: int, day: str, countries: list[str]) -> dict:
        return {"id": f"e{i:04d}", "type": "CONSULT", "mode": None, "contexts": [], "countries": countries,
                "actors": [], "location": None, "date": {"start": day, "end": day, "precision": "day"},
                "summary": "", "evidence": [], "sources": [], "confidence": 0.5}

    big = [event(i, f"2025-06-{i % 28 + 1:02d}", ["DZA", "FRA"]) for i in range(DYAD_EVENTS + 10)]
    old = [event(1000 + i, f"2024-{i % 12 + 1:02d}-15", ["DZA", "FRA", "TUN"][: 2 + i % 2])
           for i in range(30)]
    noise = [event(2000 + i, f"2024-{i % 12 + 1:02d}-15", ["FRA", "TUN"]) for i in range(40)]
    store = connect(f"sqlite:///{tmp_path / 'pair.db'}")
    store.replace_linked({"event": big + old + noise})
    client = TestClient(create_app(store, Settings()))
    page = client.get("/dyads/FRA-DZA.json").json()
    assert page["events_shown"] == DYAD_EVENTS < page["events_total"] == len(big) + len(old)
    months = {row["month"]: row for row in page["series"]}
    expected: dict[str, list[str]] = {}
    for e in big + old:
        expected.setdefault(e["date"]["start"][:7], []).append(e["id"])
    assert set(months) == set(expected)
    for month, ids in expected.items():
        row = months[month]
        assert row["n"] == len(ids)
        assert row["events"] == (sorted(ids) if len(ids) <= MONTH_IDS else None)
        assert client.get(row["events_url"]).json()["events"] == sorted(ids)
    assert client.get("/api/dyads/FRA-DZA/2025-13").status_code == 422
    assert client.get("/api/dyads/FRA-FRA/2025-11").status_code == 422     # a pair is two states
    html = client.get("/dyads/DZA-FRA", headers={"accept": "text/html"}).text
    assert all(f'href="/events/{i}"' in html for i in expected["2024-03"])
