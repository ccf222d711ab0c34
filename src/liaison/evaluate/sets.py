"""`make eval`: the pipeline on every visible annotated set, scored, in one table.

The three sets of ../shared/corpus (seeds, dev, dev-clusters) are ingested as a user would feed
them into temporary SQLite stores, exported as JSONL and scored by the shared scorer
(`../shared/tools/score`, the one the hidden sets are scored with), else by `liaison eval`'s own.
The table has one column per set, the lowest value of each row, and each set's languages.

    python -m liaison.evaluate.sets [--shared ../shared] [--json out.json] [-v]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SETS = {
    "seeds": ("corpus/seeds", "corpus/dev-gold.jsonl"),
    "dev": ("corpus/dev/articles.jsonl", "corpus/dev/gold.jsonl"),
    "clusters": ("corpus/dev-clusters/articles.jsonl", "corpus/dev-clusters/gold.jsonl"),
}
ROWS = (
    ("events lenient F1", "events_lenient", "f1"),
    ("events strict F1", "events_strict", "f1"),
    ("events lenient P", "events_lenient", "precision"),
    ("events lenient R", "events_lenient", "recall"),
    ("main-event recall", "events_lenient", "main_recall"),
    ("date exact", "events_lenient", "date_exact"),
    ("merge recall", "merging", "merge_recall"),
    ("false merges", "merging", "false_merges"),
    ("persons F1", "persons", "f1"),
    ("role accuracy", "persons", "role_accuracy"),
    ("country accuracy", "persons", "country_accuracy"),
    ("commitments F1", "commitments", "f1"),
    ("figures F1", "figures", "f1"),
    ("published accuracy", "documents", "published_accuracy"),
    ("language accuracy", "documents", "lang_accuracy"),
)


def run_set(shared: Path, name: str, work: Path, verbose: bool = False) -> dict:
    """Ingest one set into a fresh store, export it and score it; the scorer's JSON."""
    from liaison.export import export
    from liaison.scale import process as ingest
    from liaison.store import connect

    source, gold = SETS[name]
    store = connect(f"sqlite:///{work / (name + '.db')}")
    ingest([str(shared / source)], store)
    out = work / name
    export(store, "jsonl", out)
    return score(shared, shared / gold, out, work / f"{name}.json", verbose)


def score(shared: Path, gold: Path, pred: Path, json_out: Path, verbose: bool) -> dict:
    scorer = shared / "tools" / "score"
    if scorer.exists():
        args = [
            sys.executable,
            str(scorer),
            "--gold",
            str(gold),
            "--pred",
            str(pred),
            "--json",
            str(json_out),
        ]
        report = subprocess.run(
            args + (["-v"] if verbose else []), capture_output=True, text=True, check=True
        )
        if verbose:
            print(report.stdout)
        return json.loads(json_out.read_text(encoding="utf-8"))
    from liaison.evaluate.score import score as own_score

    return own_score(gold, pred)["scores"]


def table(results: dict[str, dict]) -> str:
    names = list(results)
    lines = [f"{'':22}" + "".join(f"{n:>10}" for n in names) + f"{'lowest':>10}"]
    for label, kind, key in ROWS:
        values = [results[n].get(kind, {}).get(key) for n in names]
        shown = [v for v in values if isinstance(v, (int, float))]
        worst = (max if key == "false_merges" else min)(shown) if shown else None
        cells = "".join(f"{_fmt(v):>10}" for v in values)
        lines.append(f"{label:22}{cells}{_fmt(worst):>10}")
    for n in names:
        langs = results[n].get("by_language", {})
        lines.append(
            f"{n} by language: "
            + "  ".join(
                f"{lang}: events strict {_fmt(v.get('events_strict_f1'))} persons {_fmt(v.get('persons_f1'))}"
                f" ({v.get('documents')} docs)"
                for lang, v in sorted(langs.items())
            )
        )
    return "\n".join(lines)


def _fmt(v) -> str:
    return "-" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated: seeds,dev,clusters")
    ap.add_argument("--json", type=Path, help="write every set's scores here")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each set's misses and extras")
    args = ap.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets.split(","):
            results[name] = run_set(args.shared, name, Path(tmp), args.verbose)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
