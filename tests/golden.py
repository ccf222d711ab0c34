"""Golden values of the dev articles (tests/data/dev-articles.jsonl), one per line of
tests/data/golden-dev.jsonl: `{"article": "dev002", "field": "date:ayer", "expected": ...}`.

`article` is devNNN, the article's 1-based line in dev-articles.jsonl. Fields:
- `published`, `published_month`: what cleaning reads as the publication day, and the month of a
  " date YYYY-MM" stamp when there is no day;
- `countries`: the sorted codes of the country and demonym mentions the gazetteer finds;
- `date:<text>`: the values of every date mention spelled <text> (DateValue JSON), in text order.

After an intended change, regenerate and review the diff:
    .venv/bin/python -m tests.golden --write              # recompute every listed value
    .venv/bin/python -m tests.golden --add dev005 date:maggio   # list one more value
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from liaison.records import Document, RawDocument

DATA = Path(__file__).resolve().parent / "data"
ARTICLES = DATA / "dev-articles.jsonl"
GOLDEN = DATA / "golden-dev.jsonl"


def read_golden(path: Path = GOLDEN) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def dev_documents(ids: set[str], parsed: set[str]) -> dict[str, Document]:
    """The cleaned dev articles with these ids; those in `parsed` also go through the nlp stage."""
    from liaison.ingest.clean import clean
    from liaison.nlp.pipelines import parse_batch
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    docs = {}
    for i, line in enumerate(lines):
        if (source := f"dev{i + 1:03d}") in ids:
            article = json.loads(line)
            docs[source] = clean(RawDocument(source=source, raw=article["text"], url=article["url"]))
    to_parse = [docs[i] for i in sorted(parsed & set(docs))]
    docs.update((d.source, d) for d in parse_batch(to_parse))
    return docs


def needs_parse(field: str) -> bool:
    return field.startswith("date:")


def value(doc: Document, field: str):
    """The current value of one golden field of one document (JSON-able)."""
    if field == "published":
        return doc.published
    if field == "published_month":
        return doc.meta.get("published_month")
    if field == "countries":
        from liaison.understand.places import geo_mentions
        return sorted({m.value for m in geo_mentions(doc) if m.kind in ("country", "demonym") and m.value})
    if field.startswith("date:"):
        from liaison.understand.dates import date_mentions
        return [m.value for m in date_mentions(doc) if m.span.text == field[5:]]
    raise ValueError(f"unknown golden field {field!r}: see tests/golden.py")


def documents_for(entries: list[dict]) -> dict[str, Document]:
    return dev_documents({e["article"] for e in entries},
                         {e["article"] for e in entries if needs_parse(e["field"])})


def write(entries: list[dict], path: Path = GOLDEN) -> None:
    docs = documents_for(entries)
    lines = [json.dumps({"article": e["article"], "field": e["field"],
                         "expected": value(docs[e["article"]], e["field"])}, ensure_ascii=False)
             for e in entries]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="recompute every listed value")
    parser.add_argument("--add", nargs=2, action="append", metavar=("ARTICLE", "FIELD"), default=[],
                        help="list one more (article, field) and compute it")
    args = parser.parse_args(argv)
    entries = read_golden() if GOLDEN.exists() else []
    known = {(e["article"], e["field"]) for e in entries}
    entries += [{"article": a, "field": f} for a, f in args.add if (a, f) not in known]
    if args.write or args.add:
        write(entries)
        print(f"{len(entries)} golden values -> {GOLDEN}")


if __name__ == "__main__":
    main()
