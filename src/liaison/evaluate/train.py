"""Train the learned backstop (extract/backstop.py) on the visible annotated sets, and measure it
leave-one-set-out: trained on two sets, the whole pipeline is scored on the third.

A sentence is a positive when it holds the evidence of a required gold event (its type is the type
head's label), a negative when it holds none; sentences of optional gold events are left out.

    python -m liaison.evaluate.train --out src/liaison/extract/backstop.npz   # train on all sets
    python -m liaison.evaluate.train --loso                                   # the honest figures
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from liaison.evaluate import sets as eval_sets
from liaison.evaluate.match import tokens as words_of

C_EVENT = 2.0  # inverse regularisation of the event head
C_TYPE = 2.0  # ... and of the type head
OVERLAP = 0.6  # share of a gold evidence's words a sentence must hold


@dataclass
class Sample:
    set: str
    text: str
    label: str | None  # PLOVER type, None for no event; "optional" to leave out


def _articles(shared: Path, name: str) -> tuple[list[tuple[str, str | None, str]], list[dict]]:
    """(source, url, text) of each gold document of a set, and its gold lines."""
    source, gold_path = eval_sets.SETS[name]
    gold = [
        json.loads(line) for line in (shared / gold_path).read_text(encoding="utf-8").splitlines() if line
    ]
    if source.endswith(".jsonl"):
        by_url = {
            a["url"]: a for a in map(json.loads, (shared / source).read_text(encoding="utf-8").splitlines())
        }
        return [(g["url"], g["url"], by_url[g["url"]]["text"]) for g in gold], gold
    folder = shared / source
    return [
        (str(folder / g["doc"]), None, (folder / g["doc"]).read_text(encoding="utf-8")) for g in gold
    ], gold


def _label(sentence: str, events: list[dict]) -> str | None:
    have = words_of(sentence)
    best = None
    for e in events:
        want = words_of(e.get("evidence", ""))
        if want and len(want & have) >= OVERLAP * len(want):
            if not e.get("optional"):
                return e["type"]
            best = "optional"
    return best


def samples(shared: Path, names: list[str]) -> list[Sample]:
    from liaison.ingest.clean import clean
    from liaison.nlp.pipelines import parse_batch
    from liaison.records import RawDocument

    out = []
    for name in names:
        articles, gold = _articles(shared, name)
        docs = parse_batch([clean(RawDocument(source=s, raw=t, url=u)) for s, u, t in articles])
        for doc, g in zip(docs, gold, strict=True):
            out += [Sample(name, s.text, _label(s.text, g.get("events", []))) for s in doc.sentences]
    return [s for s in out if s.label != "optional"]


def fit(train: list[Sample]) -> dict:
    """The two heads' weights, as saved in backstop.npz."""
    from sklearn.linear_model import LogisticRegression

    from liaison.nlp.vectors import embed

    x = embed([s.text for s in train])
    y = np.array([s.label is not None for s in train])
    event = LogisticRegression(C=C_EVENT, max_iter=3000, class_weight="balanced").fit(x, y)
    pos = [i for i, s in enumerate(train) if s.label]
    typed = LogisticRegression(C=C_TYPE, max_iter=3000).fit(x[pos], [train[i].label for i in pos])
    return {
        "event_w": event.coef_[0].astype(np.float32),
        "event_b": np.float32(event.intercept_[0]),
        "type_w": typed.coef_.T.astype(np.float32),
        "type_b": typed.intercept_.astype(np.float32),
        "types": np.array(typed.classes_),
    }


def save(weights: dict, path: Path) -> None:
    np.savez_compressed(path, **weights)


def leave_one_set_out(shared: Path, names: list[str]) -> dict[str, dict]:
    """For each set: train on the others, run the whole pipeline on it, score it."""
    from liaison.extract import backstop
    from liaison.settings import get_settings

    all_samples = samples(shared, names)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for held in names:
            weights = fit([s for s in all_samples if s.set != held])
            path = Path(tmp) / f"without-{held}.npz"
            save(weights, path)
            os.environ["LIAISON_BACKSTOP_MODEL"] = str(path)
            get_settings.cache_clear()
            backstop.load_heads.cache_clear()
            out[held] = eval_sets.run_set(shared, held, Path(tmp))
    os.environ.pop("LIAISON_BACKSTOP_MODEL", None)
    get_settings.cache_clear()
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=eval_sets.ROOT.parent / "shared")
    ap.add_argument("--sets", default=",".join(eval_sets.SETS))
    ap.add_argument("--out", type=Path, help="train on every set and write the weights here")
    ap.add_argument("--loso", action="store_true", help="print the leave-one-set-out scores")
    args = ap.parse_args(argv)
    names = args.sets.split(",")
    if args.out:
        train = samples(args.shared, names)
        save(fit(train), args.out)
        print(
            f"trained on {len(train)} sentences ({sum(1 for s in train if s.label)} with an event) "
            f"-> {args.out}"
        )
    if args.loso:
        print("leave-one-set-out (each column: trained on the other sets)")
        print(eval_sets.table(leave_one_set_out(args.shared, names)))


if __name__ == "__main__":
    main()
