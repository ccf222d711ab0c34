"""A synthetic store for API measurements at scale: 1M events, 200k entities (and documents,
commitments, figures, quotes around them), written with COPY through the store's own bulk writers.

    python benchmarks/synthetic_store.py --db postgresql+psycopg://USER@HOST:PORT/DB

Records have the SCHEMA.md shapes and realistic sizes (an event payload is ~1 KB with evidence,
actors and explanation). Countries follow a Zipf law, so France or the UK appear in a third of
the events, as in real coverage; dates spread over 2000-2026, 5% undated. Seeded: the same
arguments give the same store. Run once, outside the test suite (minutes, not seconds).
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SYLLABLES = ["ka", "lo", "mi", "ne", "ra", "so", "tu", "vel", "dan", "mar", "ber", "lin", "zo", "chi", "fa",
             "gre", "hol", "ist", "jun", "kor"]
WORDS = ["minister", "interior", "border", "police", "cooperation", "agreement", "readmission", "returns",
         "migrants", "smuggling", "network", "security", "talks", "visit", "officials", "liaison", "officer",
         "counterpart", "joint", "operation", "trafficking", "terrorism", "intelligence", "sharing", "agreed",
         "signed", "announced", "meeting", "capital", "delegation"]
CONTEXTS = ["migration", "crime", "terrorism", "diplomacy", "border"]


def _id(*parts) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]


def _name(rnd: random.Random, words: int) -> str:
    return " ".join("".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 3))).title()
                    for _ in range(words))


def _sentence(rnd: random.Random, n: int = 18) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


class World:
    """The shared draws: countries with Zipf weights, entity and document ids."""

    def __init__(self, seed: int, entities: int, documents: int):
        import pycountry
        self.rnd = random.Random(seed)
        codes = sorted(c.alpha_3 for c in pycountry.countries)
        lead = ["FRA", "GBR", "DEU", "ITA", "ESP", "MAR", "DZA", "TUN", "TUR", "USA", "GRC", "LBY"]
        rest = [c for c in codes if c not in lead]
        random.Random(seed).shuffle(rest)
        self.countries = lead + rest[:70]
        self.weights = [1 / (rank + 1) for rank in range(len(self.countries))]
        self.entity_ids = [_id("entity", i) for i in range(entities)]
        self.doc_ids = [_id("doc", i) for i in range(documents)]

    def some_countries(self, k: int) -> list[str]:
        return sorted(set(self.rnd.choices(self.countries, self.weights, k=k)))

    def date(self) -> dict | None:
        if self.rnd.random() < 0.05:
            return None
        day = f"{self.rnd.randint(2000, 2025)}-{self.rnd.randint(1, 12):02d}-{self.rnd.randint(1, 28):02d}"
        return {"start": day, "end": day, "precision": "day"}

    def evidence(self, k: int) -> list[dict]:
        return [{"doc_id": self.rnd.choice(self.doc_ids), "start": 0, "end": 120, "text": _sentence(self.rnd)}
                for _ in range(k)]


def documents(world: World) -> Iterator[dict]:
    rnd = world.rnd
    for i, doc_id in enumerate(world.doc_ids):
        text = "\n".join(_sentence(rnd, 24) for _ in range(5))
        date = world.date()
        published = date["start"] if date and i % 20 else None
        yield {"id": doc_id, "source": f"https://news.example.org/{i}", "url": f"https://news.example.org/{i}",
               "title": _sentence(rnd, 8), "lang": "en", "published": published, "outlet": "news.example.org",
               "authors": [], "text": text, "raw": text, "offset_map": [[0, 0]], "meta": {},
               "duplicate_of": None, "minhash": None, "analysed_version": "synthetic"}


def entities(world: World) -> Iterator[dict]:
    rnd = world.rnd
    kinds = ["person"] * 15 + ["organization"] * 3 + ["place"] * 2
    for i, entity_id in enumerate(world.entity_ids):
        kind = kinds[i % len(kinds)]
        country = world.some_countries(1)[0]
        mentions = world.evidence(2)
        yield {"id": entity_id, "kind": kind, "name": _name(rnd, 2 if kind == "person" else 3),
               "aliases": [_name(rnd, 1)], "country": country,
               "roles": [{"title": "Minister of the Interior", "organization": None, "country": country,
                          "start": None, "end": None, "evidence": mentions[:1]}] if kind == "person" else [],
               "mentions": mentions, "lat": None, "lon": None, "wikidata": None,
               "documents": sorted({m["doc_id"] for m in mentions}), "explanation": "synthetic"}


def events(world: World, n: int, types: list[str]) -> Iterator[dict]:
    rnd = world.rnd
    for i in range(n):
        evidence = world.evidence(rnd.randint(1, 3))
        actors = [{"entity_id": rnd.choice(world.entity_ids), "name": _name(rnd, 2), "role": None,
                   "country": None, "side": side} for side in ("source", "target")[:rnd.randint(1, 2)]]
        yield {"id": _id("event", i), "type": rnd.choice(types), "mode": None,
               "contexts": sorted(set(rnd.choices(CONTEXTS, k=2))), "date": world.date(),
               "location": None, "actors": actors, "countries": world.some_countries(rnd.randint(1, 3)),
               "summary": _sentence(rnd, 10), "evidence": evidence,
               "sources": sorted({e["doc_id"] for e in evidence}), "confidence": round(rnd.random(), 2),
               "salience": "main", "explanation": "synthetic: " + _sentence(rnd, 12)}


def simple(world: World, kind: str, n: int) -> Iterator[dict]:
    rnd = world.rnd
    for i in range(n):
        evidence = world.evidence(1)
        who = {"entity_id": rnd.choice(world.entity_ids), "name": _name(rnd, 2)}
        if kind == "commitment":
            yield {"id": _id(kind, i), "actor": who, "countries": world.some_countries(2),
                   "action": _sentence(rnd, 8), "due": world.date(),
                   "status": rnd.choice(["open", "overdue"]),
                   "evidence": evidence, "sources": [evidence[0]["doc_id"]]}
        elif kind == "figure":
            yield {"id": _id(kind, i), "value": rnd.randint(1, 10_000), "unit": "people",
                   "subject": _sentence(rnd, 3), "period": None, "speaker": who, "evidence": evidence,
                   "sources": [evidence[0]["doc_id"]]}
        else:
            yield {"id": _id(kind, i), "speaker": who, "text": evidence[0]["text"], "lang": "en",
                   "evidence": evidence}


def generate(store, n_events: int, n_entities: int, n_documents: int, seed: int = 1) -> dict[str, int]:
    from liaison import plover
    world = World(seed, n_entities, n_documents)
    counts = {"documents": store.load_documents_bulk(documents(world))}
    side = max(1, n_events // 50)
    counts.update(store.replace_linked({
        "entity": entities(world), "event": events(world, n_events, sorted(plover.types())),
        "commitment": simple(world, "commitment", side), "figure": simple(world, "figure", side),
        "quote": simple(world, "quote", side)}))
    store.optimise()
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="store URL (an empty database)")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--entities", type=int, default=200_000)
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    from liaison.store import connect
    store = connect(args.db)
    if store.counts()["event"]:
        sys.exit(f"{args.db} already holds events: give an empty database")
    start = time.perf_counter()
    counts = generate(store, args.events, args.entities, args.documents, args.seed)
    print(f"{counts} in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
