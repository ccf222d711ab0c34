"""`make bench-api`: p50/p95 latency of the main API endpoints on a 1M-event PostgreSQL store.

    python benchmarks/api_scale.py                 # throwaway-style server kept in /tmp/liaison-bench-pg
    python benchmarks/api_scale.py --db URL        # a store of your own (generated when empty)

The store is generated once by synthetic_store.py (1M events, 200k entities, 100k documents) and
kept in --pgdata between runs. `liaison serve` runs as a separate process (one uvicorn worker), and
one client sends the requests in sequence over loopback: the figures are server latency, not load.
Query parameters are drawn at random (seeded) the way people filter: a country weighted by how often
it appears, a date window from one month to three years.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests"), str(ROOT / "src")]
from report import machine, write_section  # noqa: E402
from synthetic_store import World, _id, generate  # noqa: E402

REQUESTS = 200
TARGET_MS = 100       # issue 9: /api/events with a country and a date filter, p95


def window(rnd: random.Random) -> str:
    """A date window of one month, three months, one year or three years."""
    year, month = rnd.randint(2000, 2023), rnd.randint(1, 10)
    end = rnd.choice([(year, month), (year, month + 2), (year + 1, month), (year + 3, month)])
    return f"from={year}-{month:02d}-01&to={end[0]}-{end[1]:02d}-28"


def endpoints(world: World, counts: dict, names: list[str], client: httpx.Client, rnd: random.Random) -> dict:
    """name -> function returning the next URL to ask."""
    country = lambda: rnd.choices(world.countries, world.weights)[0]  # noqa: E731
    event = lambda: _id("event", rnd.randrange(counts["event"]))  # noqa: E731
    entity = lambda: _id("entity", rnd.randrange(counts["entity"]))  # noqa: E731

    def next_page() -> str:
        while True:
            url = f"/api/events?country={country()}&{window(rnd)}"
            first = client.get(url).json()
            if first.get("next"):
                return f"{url}&after={first['next']}"
    return {
        "/api/events?country&from&to": lambda: f"/api/events?country={country()}&{window(rnd)}",
        "/api/events?country (all dates)": lambda: f"/api/events?country={country()}",
        "/api/events (latest)": lambda: "/api/events",
        "/api/events?type": lambda: f"/api/events?type={rnd.choice(['CONSULT', 'AGREE', 'COOPERATE'])}",
        "/api/events/{id}": lambda: f"/api/events/{event()}",
        "/api/entities?kind&country": lambda: f"/api/entities?kind=person&country={country()}",
        "/api/entities/{id}": lambda: f"/api/entities/{entity()}",
        "/api/documents": lambda: "/api/documents",
        "/api/documents/{id}": lambda: f"/api/documents/{_id('doc', rnd.randrange(counts['documents']))}",
        "/api/search?q=(a name)": lambda: f"/api/search?q={rnd.choice(names)}",
        "next page by cursor (the first page is not timed)": next_page,
    }


def measure(client: httpx.Client, make_url, n: int) -> list[float]:
    times = []
    for i in range(n + 5):
        url = make_url()
        start = time.perf_counter()
        r = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        assert r.status_code == 200, (url, r.status_code, r.text[:300])
        if i >= 5:                 # the first five warm the server's caches
            times.append(elapsed)
    return times


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def serve(db: str, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([str(Path(sys.executable).parent / "liaison"), "--db", db, "serve", "--port",
                             str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=2)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"liaison serve did not start: {proc.stderr.read().decode()[-2000:]}")


def open_store(args):
    from liaison.store import connect
    if args.db:
        return None, connect(args.db), args.db
    import pgserver
    server = pgserver.start(keep=Path(args.pgdata))
    url = server.url("synthetic")
    try:
        store = connect(url)
    except Exception:
        import psycopg
        with psycopg.connect(server.admin_url.replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute('CREATE DATABASE "synthetic"')
        store = connect(url)
    return server, store, url


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="store URL (default: a kept local server, see --pgdata)")
    ap.add_argument("--pgdata", default="/tmp/liaison-bench-pg")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--entities", type=int, default=200_000)
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("-n", type=int, default=REQUESTS, help="timed requests per endpoint")
    args = ap.parse_args()
    host = machine()
    server, store, url = open_store(args)
    try:
        counts = store.counts()
        if not counts["event"]:
            start = time.perf_counter()
            print(f"generating {args.events:,} events, {args.entities:,} entities ...", flush=True)
            generate(store, args.events, args.entities, args.documents)
            print(f"generated in {time.perf_counter() - start:.0f} s", flush=True)
            counts = store.counts()
        world = World(1, counts["entity"], counts["documents"])
        names = _some_names(store, random.Random(2))
        port = int(os.environ.get("BENCH_PORT", "8765"))
        proc = serve(url, port)
        try:
            rows = run_all(world, counts, names, port, args.n)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    finally:
        if server:
            server.stop()
    table = "\n".join(f"| `{name}` | {p50:.1f} | {p95:.1f} |" for name, p50, p95 in rows)
    target = next(p95 for name, _, p95 in rows if name == "/api/events?country&from&to")
    body = (f"## API at scale (PostgreSQL)\n\nMachine: {host}. PostgreSQL 15 (Debian), default settings "
            f"apart from fsync off.\nStore: {counts['event']:,} events, {counts['entity']:,} entities, "
            f"{counts['documents']:,} documents (benchmarks/synthetic_store.py, seed 1). One client, "
            f"requests in sequence over loopback to `liaison serve`; {args.n} timed requests per endpoint "
            f"after 5 warm-up ones, parameters drawn at random.\n\n"
            f"| endpoint | p50 ms | p95 ms |\n|---|---:|---:|\n"
            f"{table}\n\nTarget (issue 9): p95 < {TARGET_MS} ms for `/api/events` with a country and a date "
            f"filter: **{'met' if target < TARGET_MS else 'not met'}** ({target:.1f} ms).\n"
            "Reproduce: `make bench-api` (generates the store once into /tmp/liaison-bench-pg).")
    print(body)
    write_section("api-scale", body)


def _some_names(store, rnd: random.Random) -> list[str]:
    from liaison.store import queries
    people = queries.entities_page(store, kind="person", limit=500).items
    return [p["name"].split()[-1] for p in rnd.sample(people, min(100, len(people)))]


def run_all(world: World, counts: dict, names: list[str], port: int, n: int
            ) -> list[tuple[str, float, float]]:
    rows = []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        for name, make_url in endpoints(world, counts, names, client, random.Random(7)).items():
            times = measure(client, make_url, n)
            label = "/api/events?country&from&to&after (2nd page)" if name.startswith("next page") else name
            rows.append((label, percentile(times, 50), percentile(times, 95)))
            print(f"{label:<45} p50 {rows[-1][1]:7.1f} ms   p95 {rows[-1][2]:7.1f} ms", flush=True)
    return rows


if __name__ == "__main__":
    main()
