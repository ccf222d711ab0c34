"""Watchlists and alerts: saved queries in the store (both backends), `liaison watch` polling a
local RSS feed of real article pages served on 127.0.0.1, the Atom and JSONL files it writes,
and the /watchlists pages with "new since last visit"."""
from __future__ import annotations

import http.server
import json
import threading

import feedparser
import pytest
from click.testing import CliRunner
from conftest import seed_path
from fastapi.testclient import TestClient

from liaison.cli import main
from liaison.errors import WatchError
from liaison.watch.queries import normalise

FEED_ITEMS: list[str] = []          # seed prefixes the feed lists now (a test changes it between polls)


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/feed.xml":
            items = "".join(f"<item><title>Seed {p}</title><link>{base}/seed-{p}.txt</link></item>"
                            for p in FEED_ITEMS)
            body = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local</title>'
                    f"<link>{base}/</link>{items}</channel></rss>").encode()
            ctype = "application/rss+xml"
        elif self.path.startswith("/seed-"):
            body, ctype = seed_path(self.path[6:9]).read_bytes(), "text/plain; charset=utf-8"
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def feed_url():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/feed.xml"
    httpd.shutdown()


@pytest.fixture
def private_urls(monkeypatch):
    from liaison.settings import get_settings
    monkeypatch.setenv("LIAISON_ALLOW_PRIVATE_URLS", "1")      # the fixture server is on loopback
    get_settings.cache_clear()
    yield
    monkeypatch.delenv("LIAISON_ALLOW_PRIVATE_URLS")
    get_settings.cache_clear()


def cli(db: str, *args: str):
    result = CliRunner().invoke(main, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_queries_are_normalised_or_refused_with_what_is_expected():
    assert normalise("dyad", "Algérie, France") == "DZA-FRA"
    assert normalise("dyad", "FRA-DZA") == "DZA-FRA"
    assert normalise("type", "coerce.deport") == "COERCE.deport"
    assert normalise("person", "  Laurent   Nuñez ") == "Laurent Nuñez"
    for kind, value, says in [("type", "DEPORT", "not a PLOVER type"), ("type", "COERCE.visit", "not a mode"),
                              ("dyad", "France", "two states"), ("dyad", "Atlantis-France", "not a known"),
                              ("colour", "red", "unknown watchlist kind")]:
        with pytest.raises(WatchError, match=says):
            normalise(kind, value)


def _jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _docs_by_source(store) -> dict[str, str]:
    return {d["id"]: d["url"] for d in store.iter_documents()}


def test_watch_polls_the_feed_and_delivers_each_new_event_once(db_url, feed_url, private_urls, tmp_path):
    from liaison.api.app import create_app
    from liaison.settings import Settings
    from liaison.store import connect
    out = tmp_path / "alerts"
    cli(db_url, "watchlist", "add", "person", "Laurent Nuñez")
    cli(db_url, "watchlist", "add", "dyad", "Algérie, France", "--name", "Algeria and France")
    cli(db_url, "watchlist", "add", "type", "COERCE.deport")
    listed = cli(db_url, "watchlist", "list")
    assert "dyad DZA-FRA" in listed and "person Laurent Nuñez" in listed and "0 events" in listed

    # round 1: the feed lists the Algiers article (002)
    FEED_ITEMS[:] = ["002"]
    said = cli(db_url, "watch", feed_url, "--once", "--out", str(out))
    assert "documents: 1 new" in said
    dyad = _jsonl(out / "2-algeria-and-france.jsonl")
    assert dyad and all({"DZA", "FRA"} <= set(line["event"]["countries"]) for line in dyad)
    assert any("Tebboune" in sp["text"] for line in dyad for sp in line["event"]["evidence"])
    person = _jsonl(out / "1-person-laurent-nunez.jsonl")
    assert person
    assert all(any(a["name"] == "Laurent Nuñez" for a in line["event"]["actors"]) for line in person)
    assert not (out / "3-type-coerce-deport.jsonl").read_text()       # no deportation in 002
    atom = feedparser.parse((out / "2-algeria-and-france.atom").read_bytes())
    assert not atom.bozo and len(atom.entries) == len(dyad)
    assert {e.id for e in atom.entries} == {f"urn:liaison:event:{line['event']['id']}" for line in dyad}

    # round 2: nothing new in the feed, nothing delivered again
    said = cli(db_url, "watch", feed_url, "--once", "--out", str(out))
    assert "documents: 0 new" in said and "1 already stored" in said
    assert "watchlist Algeria and France: 0 new" in said and "watchlist person Laurent Nuñez: 0 new" in said
    assert len(_jsonl(out / "2-algeria-and-france.jsonl")) == len(dyad)

    # round 3: the French article (001) joins the feed: Nuñez again, a deportation, no Algeria
    FEED_ITEMS[:] = ["002", "001"]
    said = cli(db_url, "watch", feed_url, "--once", "--out", str(out))
    assert "documents: 1 new" in said and "watchlist Algeria and France: 0 new" in said
    store = connect(db_url)
    urls = _docs_by_source(store)
    person_now = _jsonl(out / "1-person-laurent-nunez.jsonl")
    fresh = person_now[len(person):]
    assert fresh and all(urls[sp["doc_id"]].endswith("seed-001.txt")
                         for line in fresh for sp in line["event"]["evidence"])
    deport = _jsonl(out / "3-type-coerce-deport.jsonl")
    assert deport and all(line["event"]["type"] == "COERCE" and line["event"]["mode"] == "deport"
                          for line in deport)

    # the pages: list, detail with new since last visit, JSON twin, Atom
    client = TestClient(create_app(store, Settings()))
    page = client.get("/watchlists", headers={"accept": "text/html"})
    assert page.status_code == 200 and "Algeria and France" in page.text and "/watchlists/2.atom" in page.text
    first = client.get("/watchlists/1", headers={"accept": "text/html"})
    assert first.status_code == 200 and f"{len(person_now)} new since your last visit" in first.text
    assert "liaison_seen_1" in first.cookies
    again = client.get("/watchlists/1.json")
    assert again.json()["new_since_visit"] == 0 and len(again.json()["items"]) == len(person_now)
    assert client.get("/watchlists.json").json()["items"][0]["new_since_visit"] == 0
    feed = client.get("/watchlists/2.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert len(feedparser.parse(feed.content).entries) == len(dyad)
    assert client.get("/api/watchlists").json()["total"] == 3
    assert client.get("/watchlists/99").status_code == 404

    cli(db_url, "watchlist", "remove", "Algeria and France")
    assert "Algeria and France" not in cli(db_url, "watchlist", "list")
