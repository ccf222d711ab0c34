"""SCHEMA.md JSON Lines: documents, entities, events, commitments, figures, quotes."""
from __future__ import annotations

import json
from pathlib import Path

DOCUMENT_FIELDS = ("id", "source", "url", "title", "lang", "published", "outlet", "authors", "text",
                   "duplicate_of")
KINDS = {"entities": "entity", "events": "event", "commitments": "commitment", "figures": "figure",
         "quotes": "quote"}


def write_jsonl(store, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    counts = {"documents": _write(out / "documents.jsonl",
                                  ({k: d[k] for k in DOCUMENT_FIELDS} for d in store.iter_documents()))}
    for name, kind in KINDS.items():
        counts[name] = _write(out / f"{name}.jsonl", (r.to_json() for r in store.records(kind)))
    return counts


def _write(path: Path, records) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n
