"""Page speed of the analyst's desk (issue 11): every page of the web UI, timed on a real store.

    python benchmarks/pages.py --db /tmp/liaison-bulk.db     # the bulk corpus (built on first use)

`liaison serve` runs on the store; each page is requested by one client in sequence, after warm-up
requests, and its median and 95th-percentile latency are written to benchmarks/results.md (section
"pages") with the machine description. Target: every page under 1 s.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import build, drive, free_port, start_server
from report import machine, write_section

TARGET_MS = 1000.0
WARM = 3


def _json(port: int, path: str):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as answer:
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
    person = _items(_json(port, "/api/entities?kind=person&limit=1"))
    if person:
        out.append(f"/entities/{person[0]['id']}")
    dyads = _items(_json(port, "/dyads.json"))
    if dyads:
        busiest = max(dyads, key=lambda d: d.get("events") or d.get("n") or 0)
        out.append(f"/dyads/{urllib.parse.quote(busiest['id'])}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path,
                        default=Path(os.environ.get("LIAISON_BULK_DB", "/tmp/liaison-bulk.db")))
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page")
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db)
    described = machine()
    port = free_port()
    server = start_server(args.db, port)
    try:
        rows = []
        for path in pages(port):
            asyncio.run(drive(port, path, 1, WARM))
            rows.append(asyncio.run(drive(port, path, 1, args.requests)))
    finally:
        server.terminate()
        server.wait(timeout=10)
    lines = [f"{'page':48} {'p50 ms':>8} {'p95 ms':>8} {'KB':>6}  status"]
    table = ["| page | p50 ms | p95 ms | body KB | status |", "|---|---:|---:|---:|---|"]
    for r in rows:
        over = "" if r["p95"] < TARGET_MS else " (over 1 s)"
        lines.append(f"{r['path'][:48]:48} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['bytes'] / 1000:>6.0f}  "
                     f"{r['statuses']}{over}")
        table.append(f"| `{r['path']}` | {r['p50']:.0f} | {r['p95']:.0f} | {r['bytes'] / 1000:.0f} | "
                     f"{', '.join(f'{k}×{v}' for k, v in r['statuses'].items())}{over} |")
    print("\n".join(lines))
    worst = max(rows, key=lambda r: r["p95"])
    verdict = ("met" if worst["p95"] < TARGET_MS else "**not met**") + f" (slowest p95: `{worst['path']}` "
    verdict += f"{worst['p95']:.0f} ms)"
    size = args.db.stat().st_size // 1_000_000
    write_section("pages", "\n".join([
        "## Page speed of the web UI (issue 11)", "",
        f"Machine: {described}.",
        f"Store: `{args.db}` ({size} MB), built with `liaison ingest` from the bulk corpus "
        "(../shared/corpus/bulk, 5,939 articles). One client, requests in sequence to `liaison serve`, "
        f"{args.requests} timed requests per page after {WARM} warm-up ones.", "",
        *table, "",
        f"Target (issue 11): every page under 1 s: {verdict}.",
        "Reproduce: `python benchmarks/pages.py --db /tmp/liaison-bulk.db` (part of `make bench`).",
    ]))


if __name__ == "__main__":
    main()
