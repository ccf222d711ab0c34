"""Page speed of the analyst's desk (issue 11): every page of the web UI, timed on a real store.

    python benchmarks/pages.py --db /tmp/liaison-bulk.db     # the bulk corpus (built on first use)
    python benchmarks/pages.py --synthetic                   # the 1M-event PostgreSQL store of
                                                             # `make bench-api` (generated there)

`liaison serve` runs on the store; each page is requested by one client in sequence, after warm-up
requests, and its median and 95th-percentile latency are written to benchmarks/results.md (section
"pages") with the machine description. Target: every page under 1 s.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import signal
import sys
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import build, drive, free_port, start_server
from report import machine, write_section

TARGET_MS = 1000.0
WARM = 3
PROBE_S = 30.0      # a page that does not answer within this is reported, not timed


def _json(port: int, path: str):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=PROBE_S) as answer:
        return json.load(answer)


def _items(payload) -> list[dict]:
    if isinstance(payload, list):
        return payload
    for key in ("items", "data", "rows", "results"):
        if isinstance(payload.get(key), list):
            return payload[key]
    return []


def pages(port: int) -> list[str]:
    """The desk's pages, with ids taken from the store itself (a person, an event, the busiest dyad)."""
    out = ["/", "/events", "/events?country=France", "/events?from=2006-01-01&to=2006-12-31",
           "/events?type=COERCE", "/documents", "/entities", "/entities?kind=person", "/commitments",
           "/figures", "/quotes", "/relations", "/dyads", "/watchlists", "/search?q=minister"]
    event = _items(_json(port, "/api/events?limit=1"))
    if event:
        out.append(f"/events/{event[0]['id']}")
    document = _items(_json(port, "/api/documents?limit=1"))
    if document:
        out.append(f"/documents/{document[0]['id']}")
    watchlist = _items(_json(port, "/api/watchlists"))
    if watchlist:
        out.append(f"/watchlists/{watchlist[0]['id']}")
    person = _items(_json(port, "/api/entities?kind=person&limit=1"))
    if person:
        out.append(f"/entities/{person[0]['id']}")
    try:
        dyads = _items(_json(port, "/dyads.json"))
    except OSError:           # the dyad list itself too slow on this store: its page is reported apart
        dyads = []
        print("/dyads.json did not answer: the busiest dyad's page is not timed", flush=True)
    if dyads:
        busiest = max(dyads, key=lambda d: d.get("events") or d.get("n") or 0)
        out.append(f"/dyads/{urllib.parse.quote(busiest['id'])}")
    return out


def synthetic_store(pgdata: Path):
    """(server, URL) of the generated 1M-event PostgreSQL store kept by `make bench-api`."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import pgserver
    if not pgdata.exists():
        raise SystemExit(f"no synthetic store in {pgdata}: run `make bench-api` first (it generates it)")
    server = pgserver.start(keep=pgdata)
    return server, server.url("synthetic")


def answers_within(port: int, path: str, seconds: float) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=seconds) as answer:
            answer.read()
        return True
    except OSError:           # a timeout (or a refused connection): the page did not answer in time
        return False


def stop(server) -> None:
    # a page still computing would hold a graceful stop: kill the server's whole process group
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=30)


def time_pages(target, requests: int) -> list[dict]:
    """Each page probed once with a deadline, then timed; a page over the deadline is reported as
    such (and the server restarted: the abandoned request would go on computing)."""
    port = free_port()
    server = start_server(target, port)
    rows = []
    try:
        for path in pages(port):
            if not answers_within(port, path, PROBE_S):
                rows.append({"path": path, "p50": float("inf"), "p95": float("inf"), "bytes": 0,
                             "statuses": {f"no answer in {PROBE_S:.0f} s": 1}})
                stop(server)
                port = free_port()
                server = start_server(target, port)
                continue
            asyncio.run(drive(port, path, 1, WARM))
            rows.append(asyncio.run(drive(port, path, 1, requests)))
    finally:
        stop(server)
    return rows


def _ms(value: float) -> str:
    return f"> {PROBE_S * 1000:.0f}" if math.isinf(value) else f"{value:.0f}"


def report(rows: list[dict], section: str, title: str, store: str, reproduce: str, requests: int,
           described: str) -> None:
    lines = [f"{'page':48} {'p50 ms':>8} {'p95 ms':>8} {'KB':>6}  status"]
    table = ["| page | p50 ms | p95 ms | body KB | status |", "|---|---:|---:|---:|---|"]
    for r in rows:
        over = "" if r["p95"] < TARGET_MS else " (over 1 s)"
        lines.append(f"{r['path'][:48]:48} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['bytes'] / 1000:>6.0f}  "
                     f"{r['statuses']}{over}")
        table.append(f"| `{r['path']}` | {_ms(r['p50'])} | {_ms(r['p95'])} | {r['bytes'] / 1000:.0f} | "
                     f"{', '.join(f'{k}×{v}' for k, v in r['statuses'].items())}{over} |")
    print("\n".join(lines))
    worst = max(rows, key=lambda r: r["p95"])
    verdict = ("met" if worst["p95"] < TARGET_MS else "**not met**") + f" (slowest p95: `{worst['path']}` "
    verdict += f"{_ms(worst['p95'])} ms)"
    write_section(section, "\n".join([
        title, "", f"Machine: {described}.",
        f"Store: {store}. One client, requests in sequence to `liaison serve`, "
        f"{requests} timed requests per page after {WARM} warm-up ones.", "",
        *table, "",
        f"Target (issue 11): every page under 1 s: {verdict}.",
        f"Reproduce: `{reproduce}`.",
    ]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path,
                        default=Path(os.environ.get("LIAISON_BULK_DB", "/tmp/liaison-bulk.db")))
    parser.add_argument("--synthetic", action="store_true",
                        help="time the pages on the 1M-event PostgreSQL store of `make bench-api` instead")
    parser.add_argument("--pgdata", type=Path, default=Path("/tmp/liaison-bench-pg"))
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page")
    args = parser.parse_args()
    described = machine()
    if args.synthetic:
        server, url = synthetic_store(args.pgdata)
        try:
            rows = time_pages(url, args.requests)
        finally:
            server.stop()
        report(rows, "pages-synthetic", "## Page speed of the web UI on the synthetic large store (issue 11)",
               "the PostgreSQL store of `make bench-api` (benchmarks/synthetic_store.py, seed 1: 1,000,000 "
               "events, 200,000 entities, 100,000 documents)", "python benchmarks/pages.py --synthetic",
               args.requests, described)
        return
    if not args.db.exists():
        build(args.db)
    rows = time_pages(args.db, args.requests)
    size = args.db.stat().st_size // 1_000_000
    report(rows, "pages", "## Page speed of the web UI (issue 11)",
           f"`{args.db}` ({size} MB), built with `liaison ingest` from the bulk corpus "
           "(../shared/corpus/bulk, 5,939 articles)", "python benchmarks/pages.py --db /tmp/liaison-bulk.db "
           "(part of `make bench`)", args.requests, described)


if __name__ == "__main__":
    main()
