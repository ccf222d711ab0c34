"""URL safety and fetch limits, against a real HTTP server on 127.0.0.1 started here.

Loopback is exactly what ingest must refuse, so the tests that need a fetch to succeed either set
allow_private_urls (as an operator would for an intranet) or let this server stand for a public
site by name (`public_fixture_host`); every other host goes through the real checks.
"""
from __future__ import annotations

import http.server
import ipaddress
import threading
import time

import pytest
from conftest import seed_path

from liaison.ingest.urlsafety import Target, check_url, non_public_kind, parse_ip_literal
from liaison.pipeline import pipeline_version
from liaison.scale.documents import Intake, RunSummary, store_sources
from liaison.settings import Settings

SEED = seed_path("002").read_bytes()


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        port = self.server.server_port
        if self.path.startswith("/hop-to/"):
            self.send_response(302)
            self.send_header("Location", self.path[len("/hop-to/"):].replace("PORT", str(port)))
            self.end_headers()
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(60):             # a byte every 0.25 s: 15 s if nobody stops it
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.25)
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(SEED)))
            self.end_headers()
            self.wfile.write(SEED)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.paths = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()


@pytest.fixture
def public_fixture_host(monkeypatch):
    """127.0.0.1 written exactly so stands for a public site; every other host is checked for real."""
    from liaison.ingest import web

    def check(url: str, allow_private: bool = False):
        got = check_url(url, allow_private)
        if url.startswith("http://127.0.0.1:"):
            return Target(url, "127.0.0.1", "127.0.0.1")
        return got
    monkeypatch.setattr(web, "check_url", check)


def _ingest(sources, store, settings) -> RunSummary:
    summary = RunSummary()
    intake = Intake(store, settings, summary, pipeline_version())
    for _ in store_sources([str(s) for s in sources], intake):
        pass                        # stored batch by batch; analysis is not what these tests look at
    return summary


@pytest.mark.parametrize("host, expected", [
    ("127.0.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0x7f000001", "127.0.0.1"),
    ("0177.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("10.1", "10.0.0.1"),
    ("[::1]", "::1"), ("::ffff:127.0.0.1", "::ffff:7f00:1"), ("example.org", None), ("1.2.3.4.5", None),
    ("4294967296", None), ("256.1.1.1", None),
])
def test_ip_literals_are_read_as_the_c_resolver_reads_them(host, expected):
    got = parse_ip_literal(host)
    assert (str(got) if got else None) == expected


@pytest.mark.parametrize("url, kind", [
    ("http://127.0.0.1/", "loopback"), ("http://localhost:8000/admin", "loopback"),
    ("http://2130706433/", "loopback"), ("http://0x7f000001/", "loopback"),
    ("http://017700000001/", "loopback"), ("http://127.1/", "loopback"), ("http://[::1]/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"), ("http://[::ffff:10.0.0.1]/", "private"),
    ("http://10.0.0.1/", "private"), ("http://192.168.1.1/", "private"),
    ("http://172.16.0.1/", "private"), ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://[fe80::1]/", "link-local"), ("http://224.0.0.1/", "multicast"),
    ("http://[ff02::1]/", "multicast"),
    ("http://0.0.0.0/", "unspecified"), ("http://[::]/", "unspecified"), ("http://240.0.0.1/", "reserved"),
    ("http://100.64.0.1/", "non-global"), ("http://[64:ff9b::7f00:1]/", "loopback"),
    ("http://[2002:7f00:1::]/", "loopback"), ("https://[fc00::1]/", "private"),
])
def test_non_public_hosts_are_refused_with_the_reason(url, kind):
    got = check_url(url)
    assert got.code == "L107" and f"a {kind} address" in got.message
    assert "LIAISON_ALLOW_PRIVATE_URLS" in got.message


def test_public_addresses_pass_and_are_pinned():
    got = check_url("https://93.184.216.34:8443/news?id=1")
    assert isinstance(got, Target) and got.address == "93.184.216.34"
    assert non_public_kind(ipaddress.ip_address("2606:4700:4700::1111")) is None
    assert check_url("ftp://93.184.216.34/x").code == "L110"
    assert check_url("http://[::1/").code == "L108"        # not a URL at all


def test_loopback_is_refused_at_the_first_hop_without_a_request(server, store):
    before = len(server.paths)
    port = server.server_port
    urls = [f"http://127.0.0.1:{port}/a", f"http://localhost:{port}/b", f"http://2130706433:{port}/c",
            f"http://[::ffff:127.0.0.1]:{port}/d"]
    summary = _ingest(urls + [seed_path("004")], store, Settings())
    assert summary.failed == 4 and sum(summary.new.values()) == 1          # the batch goes on
    issues = {i["source"]: i["message"] for i in store.list_issues()}
    assert set(issues) == set(urls) and all(m.startswith("[L107] refused") for m in issues.values())
    assert len(server.paths) == before                                      # nothing was fetched


def test_a_redirect_to_a_private_address_is_refused_at_that_hop(server, store, public_fixture_host):
    port = server.server_port
    good = f"http://127.0.0.1:{port}/hop-to//article.txt"
    bad = [f"http://127.0.0.1:{port}/hop-to/http://2130706433:PORT/secret",
           f"http://127.0.0.1:{port}/hop-to/http://localhost:PORT/secret",
           f"http://127.0.0.1:{port}/hop-to/http://[::ffff:7f00:1]:PORT/secret"]
    summary = _ingest([good, *bad], store, Settings())
    assert sum(summary.new.values()) == 1 and summary.failed == 3
    issues = {i["source"]: i["message"] for i in store.list_issues()}
    assert set(issues) == set(bad) and all("[L107]" in m and "loopback" in m for m in issues.values())
    assert "/secret" not in server.paths


def test_feed_items_pointing_inside_are_refused_and_reported(tmp_path, server, store):
    port = server.server_port
    links = [f"http://127.0.0.1:{port}/item1", f"http://2130706433:{port}/item2", "http://10.0.0.7/item3"]
    items = "".join(f"<item><title>Item {n}</title><link>{link}</link><description>Ministers from France "
                    f"and Algeria met in Algiers to discuss readmissions, item {n}.</description></item>"
                    for n, link in enumerate(links))
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}'
                    "</channel></rss>", encoding="utf-8")
    before = len(server.paths)
    summary = _ingest([feed], store, Settings())
    assert summary.ingested == 3 and summary.failed == 0                 # kept, and reported
    issues = {i["source"]: i["message"] for i in store.list_issues()}
    assert set(issues) == set(links)
    assert all("[L107]" in m and "summary was stored instead" in m for m in issues.values())
    assert len(list(store.iter_documents())) == 3           # the summaries, reported, not silent
    assert len(server.paths) == before


def test_a_trickling_server_cannot_hold_a_fetch_past_its_deadline(server, store):
    settings = Settings(allow_private_urls=True, fetch_deadline=1.5, http_timeout=1.0)
    start = time.monotonic()
    summary = _ingest([f"http://127.0.0.1:{server.server_port}/trickle"], store, settings)
    assert time.monotonic() - start < 3.0
    [issue] = store.list_issues()
    assert summary.failed == 1 and issue["message"].startswith("[L108] timed out")
    assert "deadline" in issue["message"]


def test_redirect_chains_are_checked_and_capped(server, store):
    port = server.server_port
    chain = "/hop-to/" * 3 + "/article.txt"
    summary = _ingest([f"http://127.0.0.1:{port}{chain}"], store,
                      Settings(allow_private_urls=True, max_redirects=2))
    assert summary.failed == 1 and "more than 2 redirects" in store.list_issues()[0]["message"]
