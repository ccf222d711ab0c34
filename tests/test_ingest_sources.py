"""Every input kind (txt, md, html, json, jsonl, jsonl.gz, folders, URLs, feeds), bad inputs,
re-ingest and near-duplicates, through `store_sources` into a real SQLite store.

Web inputs are served by a local HTTP server on 127.0.0.1 started here; nothing touches the internet.
"""
from __future__ import annotations

import http.server
import json
import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import SEEDS, seed_path

from liaison.scale.documents import Intake, RunSummary, store_sources
from liaison.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
HTML_PAGE = FIXTURES / "cyprus-lebanon.html"


class _Handler(http.server.BaseHTTPRequestHandler):
    """Fixture pages plus the awkward cases: redirect chains, a slow page, a huge page, a 404."""

    def log_message(self, *args) -> None:     # keep test output quiet
        pass

    def _send(self, body: bytes, ctype: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_port}"
        path = self.path
        if path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/redirect/{n - 1}" if n > 1 else "/2023/07/27/cyprus.html")
            self.end_headers()
        elif path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/file.txt")
            self.end_headers()
        elif path == "/slow":
            time.sleep(3)
            self._send(b"late", "text/plain")
        elif path == "/huge":
            self._send(b"<p>" + b"word " * 400_000 + b"</p>", "text/html")
        elif path.endswith("cyprus.html"):
            self._send(HTML_PAGE.read_bytes(), "text/html; charset=utf-8")
        elif path == "/seed-002.txt":
            self._send(seed_path("002").read_bytes(), "text/plain; charset=utf-8")
        elif path == "/feed.xml":
            self._send(_feed(base).encode(), "application/rss+xml")
        elif path == "/broken-feed.xml":
            self._send(b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Half',
                       "application/rss+xml")
        else:
            self._send(b"not found", "text/plain", 404)


def _feed(base: str) -> str:
    """An RSS feed: one entry whose page is served, one whose page is gone but has a summary."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Fixture news</title><link>{base}/</link>
<item><title>Cyprus, Lebanon agree on migration curbs</title><link>{base}/2023/07/27/cyprus.html</link>
<pubDate>Thu, 27 Jul 2023 07:15:00 GMT</pubDate></item>
<item><title>France, Algeria relaunch high-level security cooperation</title><link>{base}/gone.html</link>
<pubDate>Tue, 17 Feb 2026 10:00:00 GMT</pubDate>
<description>France and Algeria have agreed to relaunch a high-level security cooperation, French Interior
Minister Laurent Nuñez announced, following a meeting with Algerian President Abdelmadjid Tebboune
during a visit to Algiers.</description></item>
</channel></rss>"""


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture
def settings() -> Settings:
    # the fixture server listens on loopback, which ingest refuses unless told otherwise
    return Settings(http_timeout=1.0, max_bytes=1_000_000, allow_private_urls=True)


def _ingest(sources, store, settings) -> RunSummary:
    summary = RunSummary()
    for _ in store_sources([str(s) for s in sources], Intake(store, settings, summary, "test")):
        pass
    return summary


def _docs(store) -> list[dict]:
    return list(store.iter_documents())


def test_folder_of_text_files_recursive(tmp_path, store, settings):
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(seed_path("000"), tmp_path / "a" / "000.txt")
    shutil.copy(seed_path("001"), tmp_path / "a" / "b" / "001.md")
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF-1.4 ignored: not an article format")
    summary = _ingest([tmp_path], store, settings)
    assert sum(summary.new.values()) == 2 and summary.failed == 0
    assert summary.new == {"en": 1, "fr": 1}
    docs = {Path(d["source"]).name: d for d in _docs(store)}
    assert docs["001.md"]["published"] == "2026-01-09"
    assert docs["000.txt"]["raw"] == seed_path("000").read_text(encoding="utf-8")


def test_reingest_is_a_no_op(store, settings):
    first = _ingest([SEEDS], store, settings)
    second = _ingest([SEEDS], store, settings)
    assert sum(first.new.values()) == 5
    assert second.unchanged == 5 and not second.new and not second.duplicate
    assert len(_docs(store)) == 5


def test_json_array_and_jsonl_fields(tmp_path, store, settings):
    text = seed_path("002").read_text(encoding="utf-8")
    records = [{"text": text, "url": "https://caliber.az/en/post/france-algeria", "title": "T",
                "published": "2026-02-17T09:30:00Z", "lang": "en", "outlet": "Caliber.Az",
                "authors": ["Aghakazim Guliyev"], "id": 42}]
    (tmp_path / "one.json").write_text(json.dumps(records), encoding="utf-8")
    summary = _ingest([tmp_path / "one.json"], store, settings)
    assert summary.new == {"en": 1}
    doc = _docs(store)[0]
    assert (doc["url"], doc["title"], doc["published"], doc["outlet"]) == (
        "https://caliber.az/en/post/france-algeria", "T", "2026-02-17", "Caliber.Az")
    assert doc["authors"] == ["Aghakazim Guliyev"] and doc["meta"]["external_id"] == "42"


def test_jsonl_gz_sample(store, settings):
    summary = _ingest([FIXTURES / "news-en-150.jsonl.gz"], store, settings)
    assert summary.failed == 0
    assert sum(summary.new.values()) + sum(summary.duplicate.values()) == 150
    published = [d["published"] for d in _docs(store)]
    assert sum(p is not None for p in published) == 150     # the records' own dates are kept


def test_html_file_main_text_and_metadata(store, settings):
    _ingest([HTML_PAGE], store, settings)
    doc = _docs(store)[0]
    assert doc["title"] == "Cyprus, Lebanon agree on migration curbs"
    assert doc["published"] == "2023-07-27" and doc["authors"] == ["Staff Reporter"]
    assert "Ioannou met Lebanon Prime Minister Najib Azmi Mikati" in doc["text"]
    for clutter in ("cookies", "Accept all", "WhatsApp", "Bank of Cyprus posts", "All rights reserved",
                    "Privacy policy", "Subscribe", "2255 views"):
        assert clutter not in doc["text"], clutter
    assert doc["raw"].startswith("<!DOCTYPE html>")


def test_url_and_redirects(server, store, settings):
    summary = _ingest([f"{server}/redirect/5", f"{server}/seed-002.txt"], store, settings)
    assert summary.failed == 0 and sum(summary.new.values()) == 2
    by_source = {d["source"]: d for d in _docs(store)}
    page = by_source[f"{server}/redirect/5"]
    assert page["url"].endswith("/2023/07/27/cyprus.html") and page["published"] == "2023-07-27"
    assert by_source[f"{server}/seed-002.txt"]["authors"] == ["Aghakazim Guliyev"]


def test_rss_feed_pages_and_summaries(server, store, settings):
    summary = _ingest([f"{server}/feed.xml"], store, settings)
    assert summary.failed == 0 and sum(summary.new.values()) == 2
    docs = {d["title"]: d for d in _docs(store)}
    page = docs["Cyprus, Lebanon agree on migration curbs"]
    assert "Ioannou met Lebanon Prime Minister" in page["text"]
    fallback = docs["France, Algeria relaunch high-level security cooperation"]
    assert fallback["published"] == "2026-02-17" and "Tebboune" in fallback["text"]


@pytest.mark.parametrize("path,reason", [
    ("/redirect/6", "more than 5 redirects"),
    ("/slow", "timed out"),
    ("/huge", "byte cap"),
    ("/missing.html", "HTTP 404"),
    ("/to-ftp", "non-http"),
    ("/broken-feed.xml", "broken feed XML"),
])
def test_bad_web_inputs_become_issues(server, store, settings, path, reason):
    summary = _ingest([f"{server}{path}", str(seed_path("004"))], store, settings)
    assert summary.failed == 1 and sum(summary.new.values()) == 1      # the batch goes on
    [issue] = store.list_issues()
    assert issue["source"] == f"{server}{path}" and reason in issue["message"]


def test_unreachable_url_and_bad_scheme(store, settings):
    summary = _ingest(["http://127.0.0.1:9/nothing-listens-here", "ftp://example.org/x.txt"],
                      store, settings)
    assert summary.failed == 2
    messages = [i["message"] for i in store.list_issues()]
    assert "unreachable" in messages[0] and "only http and https" in messages[1]


def test_bad_files_become_issues_and_the_rest_is_stored(tmp_path, store):
    bad = {"empty.txt": b"", "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
           "undecodable.txt": "Le ministre a déclaré".encode()[:-3] + b"\x81\x8d\x8f\x90 bytes",
           "big.txt": b"Ministers met. " * 2000,
           "lines.jsonl": b'{"text": "A first good record about ministers meeting in Rabat on migration."}\n'
                          b'{"text": "broken\n'
                          b'{"url": "https://example.org/x"}\n'}
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    summary = _ingest([tmp_path / n for n in bad] + [tmp_path / "nope.txt"], store,
                      Settings(max_bytes=20_000))
    assert sum(summary.new.values()) == 1
    issues = {i["source"].replace(str(tmp_path) + "/", ""): i["message"] for i in store.list_issues()}
    assert issues["empty.txt"] == "[L102] empty file"
    assert "binary" in issues["binary.txt"]
    assert "undecodable" in issues["undecodable.txt"]
    assert "over the 20000-byte cap" in issues["big.txt"]
    assert "malformed JSON line" in issues["lines.jsonl:2"]
    assert "no 'text' field" in issues["lines.jsonl:3"]
    assert "no such file" in issues["nope.txt"]


def test_near_duplicate_points_at_original(tmp_path, store, settings):
    original = seed_path("001").read_text(encoding="utf-8")
    copy = original.replace("a déclaré Jean-Noël Barrot", "a dit Jean-Noël Barrot") + "\nAvec AFP\n"
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(copy, encoding="utf-8")
    (tmp_path / "c.txt").write_text(seed_path("003").read_text(encoding="utf-8"), encoding="utf-8")
    summary = _ingest([tmp_path], store, settings)
    assert summary.duplicate == {"fr": 1} and summary.new == {"fr": 2}
    docs = {Path(d["source"]).name: d for d in _docs(store)}
    assert docs["b.txt"]["duplicate_of"] == docs["a.txt"]["id"]
    assert docs["c.txt"]["duplicate_of"] is None
    # a later run still knows the original
    (tmp_path / "d.txt").write_text(copy.replace("vendredi", "ce vendredi"), encoding="utf-8")
    _ingest([tmp_path / "d.txt"], store, settings)
    assert ({d["source"]: d for d in _docs(store)}[str(tmp_path / "d.txt")]["duplicate_of"]
            == docs["a.txt"]["id"])


def test_a_jsonl_collection_larger_than_the_cap_is_streamed_and_capped_per_article(tmp_path, store):
    import gzip
    article = seed_path("004").read_text(encoding="utf-8")
    path = tmp_path / "collection.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for n in range(6):      # six copies: the collection is over the cap, each article under it
            fh.write(json.dumps({"url": f"https://example.org/{n}", "text": article}) + "\n")
        fh.write(json.dumps({"url": "https://example.org/huge", "text": "word " * 5000}) + "\n")
    cap = len(article.encode()) * 3
    summary = _ingest([path], store, Settings(max_bytes=cap))
    assert sum(summary.new.values()) + sum(summary.duplicate.values()) == 6 and summary.failed == 1
    assert "[L103] record is" in store.list_issues()[0]["message"]
