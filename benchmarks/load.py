"""Load check: latency of the busiest pages under 20 concurrent connections on loopback.

Serves a store with `liaison serve` (the real server, one process, as shipped) and drives it with
N keep-alive HTTP/1.1 connections from one asyncio client, each sending its next request as soon
as the last answer is read. Prints p50 / p95 / p99 and requests per second for each path.

    python benchmarks/load.py --db /tmp/bulk.db             # a store built once from the bulk corpus
    python benchmarks/load.py --db /tmp/bulk.db --build     # build it first (~10 min of one core)

The target (issue 10): p95 < 150 ms for /api/entities and /events on the 5,839-article store.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = [ROOT.parent / "shared" / "corpus" / "bulk" / name
        for name in ("news-en.jsonl.gz", "news-fr.jsonl.gz")]
PATHS = ["/api/entities", "/events", "/api/events", "/entities", "/api/entities?offset=9000",
         "/api/events?country=USA"]
TARGET_MS = 150

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import machine, write_section  # noqa: E402


def liaison(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "liaison"), *args]


def build(db: Path) -> None:
    sources = [str(p) for p in BULK if p.exists()]
    print(f"building {db} from {', '.join(sources)} (minutes)...", flush=True)
    subprocess.run(liaison("--db", f"sqlite:///{db}", "ingest", *sources), check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path | str, port: int, workers: int | None = None) -> subprocess.Popen:
    """`liaison serve` on a SQLite file (a Path) or on any store URL (a str), with its default
    number of processes unless `workers` is given."""
    url = db if isinstance(db, str) else f"sqlite:///{db}"
    extra = ["--workers", str(workers)] if workers else []
    # its own session: stopping it may kill the whole group (its server processes too)
    proc = subprocess.Popen(liaison("--db", url, "serve", "--port", str(port), *extra),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"server did not start: {proc.stderr.read().decode()[-2000:]}")


async def fetch(reader, writer, path: str) -> tuple[int, int]:
    """One request on an open connection: (status, body bytes)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html,application/json\r\n\r\n"
                 .encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(int(v) for k, _, v in (ln.partition(":") for ln in lines[1:])
                  if k.lower() == "content-length")
    await reader.readexactly(length)
    return status, length


async def drive(port: int, path: str, connections: int, requests: int) -> dict:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    sizes: list[int] = []
    left = requests

    async def worker():
        nonlocal left
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while left > 0:
            left -= 1
            start = time.perf_counter()
            status, size = await fetch(reader, writer, path)
            latencies.append((time.perf_counter() - start) * 1000)
            statuses[status] = statuses.get(status, 0) + 1
            sizes.append(size)
        writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100)
    return {"path": path, "requests": len(latencies), "rps": len(latencies) / elapsed, "p50": q[49],
            "p95": q[94], "p99": q[98], "statuses": statuses, "bytes": statistics.median(sizes)}


def report(rows: list[dict]) -> None:
    print(f"{'path':32} {'req':>5} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'body':>8}  status")
    for r in rows:
        flag = "" if r["p95"] < TARGET_MS else "  (over target)"
        print(f"{r['path']:32} {r['requests']:>5} {r['rps']:>7.1f} {r['p50']:>8.1f} {r['p95']:>8.1f} "
              f"{r['p99']:>8.1f} {int(r['bytes']):>8}  {r['statuses']}{flag}")


def record(rows: list[dict], args, described: str) -> None:
    """The figures into benchmarks/results.md (section "load"), with the machine they ran on."""
    table = ["| path | req/s | p50 ms | p95 ms | body KB | status |", "|---|---:|---:|---:|---:|---|"]
    for r in rows:
        table.append(f"| `{r['path']}` | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | "
                     f"{r['bytes'] / 1000:.0f} | {r['statuses']} |")
    worst = max(rows, key=lambda r: r["p95"])
    verdict = "met" if worst["p95"] < TARGET_MS else "**not met**"
    write_section("load", "\n".join([
        "## Load: the busiest paths at 20 connections (issue 10)", "",
        f"Machine: {described}.",
        f"Store: `{args.db}` ({args.db.stat().st_size // 1_000_000} MB, the bulk corpus). "
        f"{args.connections} connections on loopback to one `liaison serve`, {args.requests} requests "
        "per path after 20 warm-up ones.", "", *table, "",
        f"Target (issue 10): p95 < {TARGET_MS:.0f} ms: {verdict} (slowest p95: `{worst['path']}` "
        f"{worst['p95']:.0f} ms).",
        "Reproduce: `python benchmarks/load.py --db /tmp/liaison-bulk.db` (part of `make bench`).",
    ]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path,
                        default=Path(os.environ.get("LIAISON_BULK_DB", "/tmp/liaison-bulk.db")))
    parser.add_argument("--build", action="store_true", help="build the store from the bulk corpus first")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400, help="requests per path")
    parser.add_argument("--path", action="append", help="path to load (repeatable; default: the busiest)")
    parser.add_argument("--workers", type=int, help="server processes (default: `liaison serve`'s own)")
    args = parser.parse_args()
    if args.build or not args.db.exists():
        build(args.db)
    described = machine()
    port = free_port()
    server = start_server(args.db, port, args.workers)
    try:
        rows = []
        for path in args.path or PATHS:
            asyncio.run(drive(port, path, 2, 20))                  # warm: imports, caches, templates
            rows.append(asyncio.run(drive(port, path, args.connections, args.requests)))
        print(f"store {args.db} ({args.db.stat().st_size // 1_000_000} MB), {args.connections} connections")
        report(rows)
        record(rows, args, described)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
