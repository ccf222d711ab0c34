"""`make bench`: Liaison's throughput against bare spaCy, and its time and memory as the corpus grows.

1. Throughput, side by side in one run, on the same N English articles of the bulk corpus
   (../shared/corpus/bulk), every contender warmed up the same way first (its models loaded and the
   same 20 other articles analysed), then timed in interleaved rounds, each keeping its best:
   - bare spaCy: `nlp.pipe` over the cleaned texts, one process, the very pipeline Liaison loads
     (every component enabled, same batch size): the floor no analysis can beat;
   - Liaison ingest (clean, store, analyse, write facts, link) into a fresh SQLite file with
     1 worker (in process), 2 local worker processes, and a Dask LocalCluster of 2 workers.
2. Scale: fresh ingests (2 workers) of the first 1k, 2k, 4k and all ~6k bulk articles: wall time,
   link time, and the peak memory of the runner process and of its largest worker.

Figures go to benchmarks/results.md with the machine description.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# One BLAS/OpenMP thread everywhere, before numpy loads: "1 worker" uses one core, as bare spaCy
# does, and N workers use N (Dask's nanny and Liaison's local workers set the same).
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "src")]
from report import machine, write_section  # noqa: E402

WARM_UP = 20


def bulk_lines(n: int | None = None, skip: int = 0, langs: tuple[str, ...] = ("en",)) -> list[str]:
    lines: list[str] = []
    for lang in langs:
        with gzip.open(BULK / f"news-{lang}.jsonl.gz", "rt", encoding="utf-8") as fh:
            lines += [line for line in fh if line.strip()]
    return lines[skip:skip + n if n else None]


def cleaned(lines: list[str]):
    from liaison.ingest.clean import clean
    from liaison.ingest.sources import json_record
    return [clean(json_record(json.loads(line), f"bench:{i}")) for i, line in enumerate(lines)]


# ---------------------------------------------------------------- 1. throughput
def bare_spacy(nlp, texts: list[str], batch: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch):     # consumed as they come, as the stages do
        pass
    return time.perf_counter() - start


def liaison_ingest(source: Path, executor, db: str) -> float:
    from liaison.scale import process
    from liaison.store import connect
    store = connect(db)
    start = time.perf_counter()
    summary = process([str(source)], store, executor)
    took = time.perf_counter() - start
    assert summary.analysed == summary.ingested, summary
    return took


def throughput(n: int, rounds: int) -> str:
    """Every contender warmed once, then `rounds` interleaved rounds; each keeps its best time (on a
    shared machine the best of several runs is the one least disturbed by others)."""
    from distributed import LocalCluster

    from liaison.nlp.pipelines import load
    from liaison.scale.dask_executor import DaskExecutor
    from liaison.scale.executors import ProcessExecutor, SerialExecutor
    from liaison.settings import get_settings
    lines, warm_lines = bulk_lines(n), bulk_lines(WARM_UP, skip=n)
    docs, warm = cleaned(lines), cleaned(warm_lines)
    texts, batch = [d.text for d in docs], get_settings().batch_size
    nlp = load("en")
    for _ in nlp.pipe([d.text for d in warm], batch_size=batch):
        pass
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp_name, \
            LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            ProcessExecutor(2) as pool, DaskExecutor(cluster.scheduler_address) as dask:
        tmp = Path(tmp_name)
        source = tmp / "bench.jsonl"
        source.write_text("".join(lines), encoding="utf-8")
        serial = SerialExecutor()
        contenders = {"Liaison ingest, 1 worker": serial, "Liaison ingest, 2 workers": pool,
                      "Liaison ingest, Dask 2 workers": dask}
        for executor in contenders.values():
            executor.warm_up(warm)
        for r in range(rounds):
            times = {"bare spaCy nlp.pipe (1 process)": bare_spacy(nlp, texts, batch)}
            for name, executor in contenders.items():
                times[name] = liaison_ingest(source, executor, f"sqlite:///{tmp / f'{r}-{len(times)}.db'}")
            print(f"round {r + 1}: " + ", ".join(f"{k} {v:.1f} s" for k, v in times.items()), flush=True)
            best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    return throughput_table(best, n, sum(len(t) for t in texts), rounds)


def throughput_table(results: dict[str, float], n: int, chars: int, rounds: int) -> str:
    bare = results["bare spaCy nlp.pipe (1 process)"]
    one = results["Liaison ingest, 1 worker"]
    rows = []
    for name, secs in results.items():
        vs_bare = f"{bare / secs:.2f}×" if "Liaison" in name else ""
        vs_one = f"{one / secs:.2f}×" if "Liaison" in name else ""
        rows.append(f"| {name} | {secs:.1f} | {n / secs:.1f} | {vs_bare} | {vs_one} |")
    checks = [("1 worker ≥ 0.85× bare spaCy", bare / one, 0.85),
              ("2 workers ≥ 1.7× 1 worker", one / results["Liaison ingest, 2 workers"], 1.7),
              ("Dask 2 workers ≥ 1.6× 1 worker", one / results["Liaison ingest, Dask 2 workers"], 1.6)]
    verdicts = "\n".join(f"- {label}: {value:.2f} — **{'met' if value >= floor else 'not met'}**"
                         for label, value, floor in checks)
    return (f"{n} English bulk articles ({chars / 1e6:.2f} M characters after cleaning); warm-up: {WARM_UP} "
            f"other articles through each contender first; best of {rounds} interleaved rounds.\n\n"
            "| contender | seconds | articles/s | throughput vs bare spaCy | vs 1 worker |\n"
            "|---|---:|---:|---:|---:|\n"
            + "\n".join(rows) + "\n\nTargets (issue 9):\n" + verdicts)


# ---------------------------------------------------------------- 2. scale
STEP = """
import json, resource, sys, time
sys.path.insert(0, {src!r})
from liaison.scale import process
from liaison.scale.executors import ProcessExecutor
from liaison.store import connect
store = connect(sys.argv[1])
start = time.perf_counter()
with ProcessExecutor(2) as executor:
    summary = process([sys.argv[2]], store, executor)
print(json.dumps({{"wall": time.perf_counter() - start, "link": summary.seconds["link"],
                  "analysed": summary.analysed, "events": summary.linked.get("event"),
                  "rss_runner": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}))
"""


def scale(sizes: list[int]) -> str:
    everything = bulk_lines(langs=("en", "fr"))
    rows, first = [], None
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for size in sizes:
            source = tmp / f"bulk-{size}.jsonl"
            source.write_text("".join(everything[:size]), encoding="utf-8")
            res = subprocess.run([sys.executable, "-c", STEP.format(src=str(ROOT / "src")),
                                  f"sqlite:///{tmp / f'scale-{size}.db'}", str(source)],
                                 capture_output=True, text=True, check=True)
            got = json.loads(res.stdout.strip().splitlines()[-1])
            first = first or got
            rows.append(f"| {got['analysed']:,} | {got['wall']:.0f} | {got['analysed'] / got['wall']:.1f} | "
                        f"{got['link']:.1f} | {got['events']:,} | {got['rss_runner']:.0f} | "
                        f"{got['rss_runner'] / first['rss_runner']:.2f}× | {got['rss_worker']:.0f} |")
            print(rows[-1], flush=True)
    return ("Fresh SQLite store per size, `--workers 2`, bulk articles in file order (English, then the "
            "100 French).\n\n| articles | wall s | articles/s | link s | linked events | peak RSS runner MiB "
            "| vs first | peak RSS largest worker MiB |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n"
            + "\n".join(rows) + "\n\nTarget (issue 9): the largest run's runner RSS within 1.3× the first's.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=400, help="articles for the throughput comparison")
    ap.add_argument("--rounds", type=int, default=3,
                    help="interleaved rounds (each contender keeps its best)")
    ap.add_argument("--sizes", default="1000,2000,4000,6000",
                    help="corpus sizes for the scale runs ('' to skip)")
    args = ap.parse_args()
    host = machine()
    body = f"## Throughput\n\nMachine: {host}.\n\n" + throughput(args.n, args.rounds)
    print(body, flush=True)
    write_section("throughput", body + "\n\nReproduce: `make bench` (or `python benchmarks/run.py -n N`).")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if sizes:
        body = f"## Corpus size: link time and peak memory\n\nMachine: {machine()}.\n\n" + scale(sizes)
        print(body)
        write_section("scale", body + "\n\nReproduce: `make bench`.")
    print(f"peak memory of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
