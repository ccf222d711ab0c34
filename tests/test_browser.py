"""Browser tests: Playwright driving Debian's chromium against a live server on 127.0.0.1.

One browser for the module; pages load without console errors, the timeline leads to highlighted
evidence by clicking, the map and the graph render, and hostile article content stays inert.
Screenshots go to tests/artifacts/.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest
from fixtures.seeded import copied_url
from fixtures.web.linked import HERE, build_linked, seed_docs

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
XSS = "window.__xss"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="/usr/bin/chromium is absent (make browser installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _add_hostile_event(store, docs) -> dict:
    """A linked event whose summary, actor and place names carry markup, to reach timeline/graph/map."""
    doc = docs["002"]
    text = "France and Algeria have agreed to relaunch"
    start = doc["text"].index(text)
    hostile = {"id": "hostile-event", "type": "COOPERATE", "mode": None, "contexts": ["crime"],
               "date": {"start": "2026-01-20", "end": "2026-01-20", "precision": "day"},
               "location": {"name": "<img src=x onerror=\"window.__xss='map'\">", "country": "MAR",
                            "lat": 34.02, "lon": -6.83},
               "countries": ["FRA", "MAR"],
               "actors": [{"entity_id": "hostile-actor", "name": "<script>window.__xss='graph'</script>",
                           "role": None, "country": "MAR", "side": "target"}],
               "summary": "<img src=x onerror=\"window.__xss='timeline'\"> shared intelligence",
               "evidence": [{"doc_id": doc["id"], "start": start, "end": start + len(text), "text": text}],
               "sources": [doc["id"]], "confidence": 0.5,
               "explanation": "<b onmouseover=\"window.__xss='x'\">rule</b>"}
    rows = store.linked("event") + [hostile]
    store.replace_linked({"event": rows})
    return hostile


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import uvicorn

    from liaison.api.app import create_app
    from liaison.settings import Settings
    from liaison.store import connect
    store = connect(copied_url(tmp_path_factory.mktemp("browser")))
    docs = seed_docs(store)
    recs = build_linked(store, docs)
    from liaison.scale import process
    xss_file = tmp_path_factory.mktemp("xss") / "xss.jsonl"
    xss_file.write_text(json.dumps(json.loads((HERE / "xss_article.json").read_text("utf-8"))) + "\n",
                        "utf-8")
    process([str(xss_file)], store)
    build_linked(store, docs)                    # ingest re-links; put the fixture view back
    recs["hostile"] = _add_hostile_event(store, docs)
    from liaison.store.watch import add_watchlist
    from liaison.watch.poll import deliver
    add_watchlist(store, "Algeria and France", "dyad", "DZA-FRA")
    deliver(store, None)                         # what `liaison watch` does after each poll
    xss_doc = next(d for d in store.iter_documents() if (d["url"] or "").startswith("javascript:"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store, Settings()), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", docs, recs, xss_doc
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()


def test_every_page_loads_without_console_errors(site, page):
    base, docs, recs, _ = site
    for name, path in [("home", "/"), ("events", "/events"), ("event", f"/events/{recs['visit']['id']}"),
                       ("relations", "/relations"), ("dyad", "/dyads/DZA-FRA"), ("entities", "/entities"),
                       ("entity", f"/entities/{recs['nunez']['id']}"), ("commitments", "/commitments"),
                       ("search", "/search?q=Algiers"), ("documents", "/documents"),
                       ("document", f"/documents/{docs['002']['id']}")]:
        page.goto(base + path, wait_until="networkidle")
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        assert page.problems == [], (path, page.problems)


def test_timeline_click_leads_to_highlighted_evidence(site, page):
    base, _, recs, _ = site
    page.goto(base + "/events?country=DZA", wait_until="networkidle")
    item = page.locator(".vis-item a.timeline-link",
                        has_text="Laurent Nuñez (France) visited Abdelmadjid Tebboune (Algeria)")
    item.first.click()
    page.wait_for_url(f"**/events/{recs['visit']['id']}")
    mark = page.locator("mark.evidence").first
    assert mark.is_visible()
    assert mark.inner_text() == ("following a meeting with Algerian President Abdelmadjid Tebboune "
                                 "during a visit to Algiers")
    page.screenshot(path=str(ARTIFACTS / "evidence.png"))
    assert page.problems == []


def test_graph_and_map_render(site, page):
    base, *_ = site
    page.goto(base + "/relations", wait_until="networkidle")
    page.wait_for_selector("#map[data-ready]")
    page.wait_for_selector("#graph[data-ready]")
    assert int(page.get_attribute("#graph", "data-ready")) >= 4        # the states of the events
    assert page.locator("#graph canvas").count() > 0
    assert int(page.get_attribute("#map", "data-ready")) > 100          # world-atlas country shapes
    assert page.locator("#map path.leaflet-interactive").count() > 100
    page.screenshot(path=str(ARTIFACTS / "relations.png"), full_page=True)
    assert page.problems == []


def test_hostile_article_and_names_stay_inert(site, page):
    base, _, recs, xss_doc = site
    for path in [f"/documents/{xss_doc['id']}", "/documents", "/events", f"/events/{recs['hostile']['id']}",
                 "/relations", "/search?q=Rabat", "/"]:
        page.goto(base + path, wait_until="networkidle")
        for el in page.locator("[onerror], [onload], [onmouseover], a[href^='javascript:']").all():
            raise AssertionError(f"live handler on {path}: {el.evaluate('e => e.outerHTML')}")
        page.mouse.move(200, 300)
        assert page.evaluate(f"() => {XSS} === undefined"), path
    page.goto(base + "/relations", wait_until="networkidle")
    page.wait_for_selector("#map[data-ready]")
    page.locator("#map path.leaflet-interactive").last.hover(force=True)
    assert page.evaluate(f"() => {XSS} === undefined")
    page.goto(base + f"/documents/{xss_doc['id']}", wait_until="networkidle")
    assert "<script>window.__xss='title'</script>" in page.locator("h1.doc-title").inner_text()
    page.screenshot(path=str(ARTIFACTS / "xss.png"), full_page=True)
    assert not [p for p in page.problems if "dialog" in p]


def test_api_docs_render_offline_from_vendored_files(site, page):
    base, *_ = site
    outside, failed = [], []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:")) else None)
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(base + "/docs", wait_until="networkidle")
    page.wait_for_selector(".opblock-summary-path")
    paths = {el.inner_text().strip() for el in page.locator(".opblock-summary-path").all()}
    assert {"/api/events", "/api/search", "/api/ingest"} <= {p.replace("\u200b", "") for p in paths}
    page.locator(".opblock-summary", has_text="/api/events/").first.click()       # expands into parameters
    page.wait_for_selector(".opblock-body .parameters")
    page.screenshot(path=str(ARTIFACTS / "docs.png"), full_page=False)
    assert outside == [] and failed == []
    assert page.problems == []


def test_analyst_walks_the_desk(site, page):
    """Pages through events, filters by a date range and by "France", opens the DZA–FRA dyad and a
    person's page, with a screenshot of each."""
    base, _, recs, _ = site
    page.goto(base + "/events?limit=1", wait_until="networkidle")
    # one row on the page, but the timeline draws every event of the (empty) filters
    page.wait_for_function("() => Number(document.getElementById('timeline').dataset.ready) > 1")
    assert "events of these filters" in page.locator("#timeline-count").inner_text()
    seen = [page.locator("a.event-link").first.get_attribute("href")]
    while page.locator("a.next-page").count():
        page.locator("a.next-page").first.click()
        page.wait_for_load_state("networkidle")
        seen.append(page.locator("a.event-link").first.get_attribute("href"))
    assert len(seen) == len(set(seen)) == int(page.evaluate("() => fetch('/events.json').then(r => r.json())"
                                                           ".then(b => b.total)"))
    page.screenshot(path=str(ARTIFACTS / "desk-events-last-page.png"), full_page=True)

    page.goto(base + "/events", wait_until="networkidle")
    page.fill("input[name=from]", "2026-01-01")
    page.fill("input[name=to]", "2026-03-31")
    page.fill("input[name=country]", "France")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert "from=2026-01-01" in page.url and "to=2026-03-31" in page.url and "country=France" in page.url
    assert "France (FRA)" in page.locator("h1").inner_text()
    dates = [d.inner_text() for d in page.locator("table.events td:first-child .date").all()]
    assert dates and all(d.startswith("2026-0") for d in dates), dates
    assert recs["uk-deal"]["id"] not in page.content()                     # summer 2025: out of range
    page.wait_for_selector("#timeline .vis-item a.timeline-link")
    assert page.locator("#timeline-legend .legend-key").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "desk-events-filtered.png"), full_page=True)

    page.goto(base + "/events?country=Xyzland", wait_until="networkidle")
    assert "no country is known as 'Xyzland'" in page.locator("p.error").inner_text()
    page.problems.clear()                   # the 422 of that page is the answer asked for

    page.goto(base + "/dyads/DZA-FRA", wait_until="networkidle")
    assert "DZA" in page.locator("h1").inner_text() and "FRA" in page.locator("h1").inner_text()
    months = page.locator("table.barometer tbody tr")
    assert months.count() >= 1 and page.locator("table.barometer a.month-events").count() == months.count()
    page.screenshot(path=str(ARTIFACTS / "desk-dyad-DZA-FRA.png"), full_page=True)
    page.locator("table.barometer a.month-events").first.click()           # the month's events
    page.wait_for_load_state("networkidle")
    assert "with=FRA" in page.url and page.locator("a.event-link").count() >= 1

    page.goto(base + f"/entities/{recs['nunez']['id']}", wait_until="networkidle")
    assert page.locator("h1.entity-name").inner_text().startswith("Laurent Nuñez")
    offices = page.locator("table.role-timeline tbody tr")
    assert offices.count() >= 1 and "Minister of the Interior" in offices.first.inner_text()
    page.locator("#ego-show").click()                                       # his ego network, on demand
    page.wait_for_selector("#ego-graph[data-ready]")
    assert int(page.get_attribute("#ego-graph", "data-ready")) >= 3          # him, Tebboune, the states
    page.screenshot(path=str(ARTIFACTS / "desk-person.png"), full_page=True)

    page.goto(base + "/", wait_until="networkidle")
    page.locator("nav.top a", has_text="Watchlists").click()             # the desk links its watchlists
    page.wait_for_load_state("networkidle")
    page.locator("a", has_text="Algeria and France").first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("a.event-link").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "desk-watchlist.png"), full_page=True)
    feed = page.evaluate("() => fetch(document.querySelector('a[href$=\".atom\"]').href).then(r => r.text())")
    assert feed.startswith("<?xml") and "<entry>" in feed

    for name in ("figures", "quotes", "commitments", "documents", "entities"):
        page.goto(base + f"/{name}", wait_until="networkidle")
        page.screenshot(path=str(ARTIFACTS / f"desk-{name}.png"), full_page=True)
    assert page.problems == []
