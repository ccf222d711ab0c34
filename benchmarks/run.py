"""`make bench`: throughput of the analysis stages, printed as ratios measured side by side in one run.

- bare spaCy: nlp.pipe over the cleaned texts (the floor no analysis can beat);
- understanding: nlp + mentions + actors (people, places, dates, roles);
- full analysis: + extraction (events, commitments, figures, quotes);
- whole ingest into a fresh SQLite store (clean, dedupe, store, analyse, link).
Input: the first N English articles of ../shared/corpus/bulk (Wikinews), else the bundled samples.
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk" / "news-en.jsonl.gz"


def load_articles(n: int) -> list[dict]:
    if BULK.exists():
        with gzip.open(BULK, "rt", encoding="utf-8") as fh:
            return [json.loads(line) for _, line in zip(range(n), fh, strict=False)]
    return [json.loads(line)
            for line in (ROOT / "tests" / "data" / "dev-articles.jsonl").read_text().splitlines()]


def timed(label: str, func, n_docs: int, base: float | None = None) -> float:
    start = time.perf_counter()
    func()
    secs = time.perf_counter() - start
    ratio = f"  {secs / base:5.2f}x bare spaCy time" if base else ""
    print(f"{label:<28} {n_docs / secs:8.1f} docs/s  ({secs:6.2f} s){ratio}")
    return secs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=300, help="articles to process")
    args = ap.parse_args()
    from liaison.ingest.clean import clean
    from liaison.nlp.pipelines import load
    from liaison.pipeline import STAGES, run_stages
    from liaison.records import RawDocument
    articles = load_articles(args.n)
    docs = [clean(RawDocument(source=a.get("url") or str(i), raw=a["text"], url=a.get("url"),
                              published=a.get("published"), lang=a.get("lang")))
            for i, a in enumerate(articles)]
    docs = [d for d in docs if d.lang == "en"]
    nlp = load("en")
    list(nlp.pipe([d.text for d in docs[:5]]))          # warm-up: model loading is not throughput
    run_stages(docs[:5])
    n = len(docs)
    print(f"{n} English Wikinews articles, {sum(len(d.text) for d in docs) / 1e6:.2f} M characters")
    base = timed("bare spaCy (nlp.pipe)", lambda: list(nlp.pipe([d.text for d in docs])), n)
    understand = [s for s in STAGES if s.name != "extract"]
    timed("understanding stage", lambda: run_stages(docs, understand), n, base)
    timed("full analysis", lambda: run_stages(docs), n, base)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "bench.jsonl"
        src.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
        from liaison.scale import process
        from liaison.store import connect
        store = connect(f"sqlite:///{tmp}/bench.db")
        timed("ingest into SQLite (all)", lambda: process([str(src)], store),
              len(articles), base)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MiB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
