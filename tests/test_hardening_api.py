"""API hardening, against the real app over a real store holding the ingested seed articles:
bounded integers, headers on every answer (500 included), body field names, Allow on 405,
literal LIKE, slim list rows, ingest as a background job with per-article results."""
from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from fixtures.seeded import seeded_store

from liaison.api.guard import SECURITY_HEADERS

TOKEN = {"X-Liaison-Token": "tok"}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from liaison.api.app import create_app
    from liaison.settings import Settings
    store = seeded_store(tmp_path_factory.mktemp("api-hardening"))
    app = create_app(store, Settings(api_token="tok", max_bytes=200_000))

    @app.get("/api/boom", include_in_schema=False)
    def boom():         # stands for any bug: the answer must still be a proper, headed 500
        raise RuntimeError("a bug")

    @app.get("/boom-page", include_in_schema=False)
    def boom_page():
        raise RuntimeError("a bug in a page")
    return TestClient(app, raise_server_exceptions=False), store


@pytest.mark.parametrize("path", ["/api/documents", "/api/entities", "/api/events", "/api/commitments",
                                  "/api/figures", "/api/quotes", "/api/search?q=France&"])
@pytest.mark.parametrize("offset", [2**63, 2**64 + 1, 10**30, -(2**63)])
def test_huge_offsets_are_422_not_500(world, path, offset):
    sep = "" if path.endswith("&") else "?"
    r = world[0].get(f"{path}{sep}offset={offset}")
    assert r.status_code == 422 and r.json()["error"]["parameter"] == "offset"


def test_the_largest_offset_allowed_answers_an_empty_page(world):
    body = world[0].get("/api/events?offset=1000000000").json()
    assert body["items"] == [] and body["total"] > 0


@pytest.mark.parametrize("method, path", [
    ("GET", "/api/events"), ("GET", "/api/nothing"), ("GET", "/api/events?offset=-1"),
    ("DELETE", "/api/events"), ("GET", "/api/boom"), ("GET", "/events"), ("GET", "/static/liaison.css")])
def test_every_answer_carries_the_security_headers(world, method, path):
    r = world[0].request(method, path)
    for name, value in SECURITY_HEADERS.items():
        assert r.headers.get(name) == value, (path, name)


def test_a_server_error_is_a_headed_json_envelope(world):
    r = world[0].get("/api/boom")
    assert r.status_code == 500
    assert r.json()["error"] == {"status": 500, "code": "L706", "type": "internal_error",
                                 "message": "the server failed on this request; its log has the details",
                                 "parameter": None}
    assert "a bug" not in r.text                        # no internals in the answer
    html = world[0].get("/api/boom", headers={"Accept": "text/html"})
    assert html.status_code == 500 and html.headers["content-type"].startswith("application/json")
    page = world[0].get("/boom-page", headers={"Accept": "text/html"})
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "the server failed" in page.text and page.headers["x-content-type-options"] == "nosniff"


def test_405_says_which_methods_are_allowed(world):
    r = world[0].delete("/api/events")
    assert r.status_code == 405 and r.headers["allow"] == "GET"
    assert r.json()["error"]["code"] == "L703"
    assert world[0].put("/api/ingest", headers=TOKEN).headers["allow"] == "POST"


@pytest.mark.parametrize("body, parameter", [
    ({"articles": [{"text": ""}]}, "articles[0].text"),
    ({"articles": [{"text": "ok"}, {"text": 5}]}, "articles[1].text"),
    ({"articles": "x"}, "articles"),
    ({}, "articles"),
])
def test_json_errors_name_the_body_field(world, body, parameter):
    r = world[0].post("/api/ingest", json=body, headers=TOKEN)
    assert r.status_code == 422 and r.json()["error"]["parameter"] == parameter


def test_a_body_that_is_not_json_is_named_body(world):
    r = world[0].post("/api/ingest", content=b'{"articles": [', headers={**TOKEN,
                                                                         "Content-Type": "application/json"})
    error = r.json()["error"]
    assert r.status_code == 422 and error["parameter"] == "body" and "not valid JSON" in error["message"]


def test_a_request_body_over_the_cap_is_413(world):
    r = world[0].post("/api/ingest", content=b"x" * 2_000_001,
                      headers={**TOKEN, "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "L707"


def test_like_wildcards_are_literal(world):
    client = world[0]
    everything = client.get("/api/entities?limit=1").json()["total"]
    assert client.get("/api/entities?q=%25&limit=1").json()["total"] < everything
    assert client.get("/api/entities?q=N%25ez").json()["total"] == 0
    assert client.get("/api/entities?q=Nu%C3%B1ez").json()["total"] >= 1
    assert client.get("/api/events?q=%25%25%25").json()["total"] == 0


def test_list_rows_are_slim_and_the_detail_has_the_record(world):
    client = world[0]
    rows = client.get("/api/entities?limit=500").json()["items"]
    assert rows and all("mentions" not in r and "explanation" not in r for r in rows)
    busiest = max(rows, key=lambda r: r["mention_count"])
    detail = client.get(busiest["url"]).json()["entity"]
    assert len(detail["mentions"]) == busiest["mention_count"] and detail["name"] == busiest["name"]
    events = client.get("/api/events?limit=500").json()["items"]
    assert events and all("evidence" not in e and "explanation" not in e for e in events)
    assert client.get(events[0]["url"]).json()["event"]["evidence"]


def _wait(client, job: dict) -> dict:
    for _ in range(1200):
        job = client.get(job["url"]).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job['id']} did not finish")


def test_ingest_is_a_background_job_with_one_result_per_article(world):
    client, store = world
    known = next(store.iter_documents())
    articles = [{"text": "Spain and Morocco agreed on Tuesday in Rabat to step up joint patrols against "
                         "migrant smuggling, the Spanish interior minister said.", "url": "https://e.org/1"},
                {"text": "   "},
                {"text": "word " * 50_000},
                {"text": known["raw"], "url": known["url"]} if known["url"] else {"text": known["raw"]}]
    r = client.post("/api/ingest", json={"articles": articles}, headers=TOKEN)
    assert r.status_code == 202 and r.headers["location"] == r.json()["job"]["url"]
    job = _wait(client, r.json()["job"])
    assert job["status"] == "done", job
    results = job["results"]
    assert [x["status"] for x in results] == ["new", "failed", "failed", "unchanged"]
    assert results[0]["doc_id"] and results[0]["analysed"] is True
    assert results[1]["reason"].startswith("[L105] JSON record has no 'text' field")
    assert results[2]["reason"].startswith("[L103] text is 250000 characters")
    assert results[3]["doc_id"] == known["id"]
    assert job["summary"]["new"] == 1 and job["summary"]["failed"] == 2


def test_an_unknown_job_is_404(world):
    r = world[0].get("/api/jobs/0123456789abcdef")
    assert r.status_code == 404 and r.json()["error"]["code"] == "L702"


def test_a_500_keeps_the_connection_open_on_a_real_server(world):
    import socket
    import threading

    import uvicorn
    server = uvicorn.Server(uvicorn.Config(world[0].app, host="127.0.0.1", port=0, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            answers = []
            for path in ("/api/boom", "/api/documents?limit=1"):     # the second on the same connection
                sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                head = b""
                while b"\r\n\r\n" not in head:
                    head += sock.recv(65536)
                length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
                body = head.split(b"\r\n\r\n", 1)[1]
                while len(body) < length:
                    body += sock.recv(65536)
                answers.append(head.split(b"\r\n")[0])
        assert answers == [b"HTTP/1.1 500 Internal Server Error", b"HTTP/1.1 200 OK"]
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_a_job_is_followed_from_another_server_process_and_a_dead_one_reads_failed(world):
    """Jobs live in the store: a second app on the same store (another `serve --workers` process)
    answers for a job the first one runs; a job left running by a process that died reads failed."""
    from liaison.api.app import create_app
    from liaison.settings import Settings
    from liaison.store import jobs as stored_jobs
    from liaison.store import schema as s
    client, store = world
    other = TestClient(create_app(store, Settings(api_token="tok")))
    r = client.post("/api/ingest", json={"articles": [{"text": "Spain and Morocco met in Rabat."}]},
                    headers=TOKEN)
    assert _wait(other, r.json()["job"])["status"] == "done"
    orphan = stored_jobs.add(store, "f" * 32, 3, keep=200)
    with store.writer.begin() as conn:      # as left by a server process that no longer exists
        conn.execute(s.jobs.update().where(s.jobs.c.id == orphan["id"])
                     .values(status="running", pid=2**22 + 7))        # past Linux's pid_max
    seen = other.get(f"/api/jobs/{orphan['id']}").json()
    assert seen["status"] == "failed" and "stopped" in seen["error"]


def test_serve_with_two_processes_answers_pages_and_jobs_from_either(tmp_path):
    """`liaison serve --workers 2`: the real CLI, two uvicorn processes on one port. Every request
    opens a new connection (either process may answer); an ingest job posted to one is followed to
    its end whichever process answers; killing the parent outright stops them."""
    import os
    import socket
    import subprocess
    import sys
    from pathlib import Path

    import httpx
    import pgserver
    port = pgserver.free_port()
    env = {**os.environ, "LIAISON_API_TOKEN": "tok"}
    cli = str(Path(sys.executable).parent / "liaison")
    server = subprocess.Popen([cli, "--db", f"sqlite:///{tmp_path / 'two.db'}", "serve", "--port", str(port),
                               "--workers", "2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        base = f"http://127.0.0.1:{port}"
        assert all(httpx.get(f"{base}/api/events").status_code == 200 for _ in range(6))
        posted = httpx.post(f"{base}/api/ingest", headers=TOKEN, json={"articles": [
            {"text": "Spain and Morocco agreed on Tuesday in Rabat to step up joint patrols.",
             "url": "https://e.org/two"}]}).json()["job"]
        for _ in range(1200):
            job = httpx.get(base + posted["url"]).json()        # a new connection each time
            if job["status"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert job["status"] == "done" and job["results"][0]["status"] == "new", job
        server.kill()           # killed outright: its server processes must not hold the port on
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                time.sleep(0.1)
            except OSError:
                break
        else:
            raise AssertionError("the server processes outlived their killed parent")
    finally:
        server.kill()
        out, err = server.communicate(timeout=30)
    assert b"2 process(es)" in out
