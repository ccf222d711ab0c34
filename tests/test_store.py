"""The store on both backends (a SQLite file and the test PostgreSQL server): migrations, the
frozen first revision, round trips of linked records, keyset pages against a brute-force filter,
upserts and claims, search with folded accents (and stemming on PostgreSQL)."""
from __future__ import annotations

import random
import subprocess
import sys

import pytest
from conftest import fresh_url
from sqlalchemy import create_engine, inspect, text

from liaison.store import connect, queries, runs
from liaison.store.connection import head_revision
from liaison.store.db import document_row
from liaison.store.search import search

COUNTRIES = ["FRA", "DZA", "GBR", "MAR", "ITA", "TUN"]


def _events(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        day = None if i % 9 == 0 else f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        end = day if not day or i % 4 else f"2026-{rnd.randint(1, 3):02d}-01"
        out.append({"id": f"{i:04d}{rnd.randrange(16**8):08x}", "type": rnd.choice(["CONSULT", "AGREE"]),
                    "date": {"start": day, "end": end, "precision": "day"} if day else None,
                    "countries": rnd.sample(COUNTRIES, rnd.randint(0, 3)), "summary": f"event {i}",
                    "evidence": [{"doc_id": "d", "start": 0, "end": 1, "text": "ü"}], "actors": []})
    return out


def _walk(fetch) -> list[dict]:
    """Every item of a keyset-paginated list, page by page."""
    items, after = [], None
    while True:
        page = fetch(after)
        items += page.items
        if page.next is None:
            return items
        after = page.next


def test_migrations_reach_head_and_a_second_connect_changes_nothing(any_store):
    with any_store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()
    names = set(inspect(any_store.engine).get_table_names())
    assert {"documents", "facts", "events", "event_countries", "runs", "decisions"} <= names
    again = connect(any_store.url)
    assert again.counts() == any_store.counts()


FROZEN_0001 = {     # the tables revision 0001 built on the day it shipped: it must never change
    "documents": ["id", "source", "url", "title", "lang", "published", "outlet", "authors", "text", "raw",
                  "offset_map", "meta", "duplicate_of", "minhash", "analysed_version", "ingested_at"],
    "facts": ["id", "doc_id", "kind", "stage", "payload"],
    "issues": ["id", "source", "doc_id", "stage", "message", "created_at"],
    "entities": ["id", "kind", "name", "country", "lat", "lon", "payload"],
    "events": ["id", "type", "mode", "date_start", "date_end", "countries", "location", "latitude",
               "longitude", "summary", "payload"],
    "commitments": ["id", "status", "due_end", "countries", "action", "payload"],
    "figures": ["id", "value", "unit", "subject", "payload"],
    "quotes": ["id", "speaker", "text", "payload"],
    "decisions": ["id", "action", "entity_a", "entity_b", "note", "created_at"],
}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_revision_0001_is_frozen_and_0003_fills_the_country_index_from_old_rows(request, backend):
    from alembic import command

    from liaison.store.connection import _alembic_config
    url = fresh_url(request, backend, "m")
    engine = create_engine(url)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    found = {t: [c["name"] for c in inspect(engine).get_columns(t)] for t in FROZEN_0001}
    assert found == FROZEN_0001
    with engine.begin() as conn:      # a store of the 0002 days, with a linked event in it
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(text("INSERT INTO events (id, type, date_start, date_end, countries, payload) "
                          "VALUES ('e1', 'AGREE', '2025-03-01', NULL, ' FRA DZA ', '{}')"))
    engine.dispose()
    store = connect(url)
    page = queries.events_page(store, country="DZA", date_from="2025-01-01", full=True)
    assert page.total == 1 and page.items == [{}]
    assert queries.events_page(store, country="DZA").items[0]["id"] == "e1"    # 0006 lists it too


def test_downgrade_to_nothing_and_up_again(any_store):
    from alembic import command

    from liaison.store.connection import _alembic_config
    cfg = _alembic_config()
    with any_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert "documents" not in inspect(any_store.engine).get_table_names()
    assert connect(any_store.url).counts()["documents"] == 0


def test_linked_records_round_trip_unchanged(any_store):
    events = _events(40)
    people = [{"id": f"p{i}", "kind": "person", "name": f"Nuñez {i}", "country": "FRA", "aliases": ["é"],
               "nested": {"list": [1, 2.5, None, True]}} for i in range(5)]
    counts = any_store.replace_linked({"event": events, "entity": people})
    assert counts == {"event": 40, "entity": 5}
    assert any_store.linked("event") == sorted(events, key=lambda e: e["id"])
    assert any_store.linked("entity") == people


@pytest.mark.parametrize("filters", [
    {}, {"country": "FRA"}, {"country": "dza", "date_from": "2025-06-01"},
    {"country": "GBR", "date_from": "2025-03-01", "date_to": "2025-09-30"},
    {"type": "AGREE", "date_to": "2025-05-31"}, {"country": "ITA", "type": "CONSULT"}])
def test_event_pages_equal_a_brute_force_filter_by_offset_and_by_cursor(any_store, filters):
    events = _events(120)
    any_store.replace_linked({"event": events})

    def wanted(e):
        d = e["date"] or {}
        start, end = d.get("start"), d.get("end") or d.get("start")
        return ((not filters.get("country") or filters["country"].upper() in e["countries"])
                and (not filters.get("type") or e["type"] == filters["type"])
                and (not filters.get("date_from") or (end or "") >= filters["date_from"])
                and (not filters.get("date_to") or (start is not None and start <= filters["date_to"])))
    expected = sorted((e for e in events if wanted(e)), key=lambda e: ((e["date"] or {}).get("start") or "",
                                                                        e["id"]), reverse=True)
    by_cursor = _walk(lambda after: queries.events_page(any_store, limit=7, after=after, **filters))
    assert [e["id"] for e in by_cursor] == [e["id"] for e in expected]
    by_offset = [e for off in range(0, len(expected) + 7, 7)
                 for e in queries.events_page(any_store, limit=7, offset=off, **filters).items]
    assert by_offset == by_cursor
    assert queries.events_page(any_store, limit=1, **filters).total == len(expected)


def test_entity_and_document_pages_walk_every_row_once(any_store):
    people = [{"id": f"{i:03d}", "kind": "person" if i % 3 else "place", "name": f"N{i % 7}",
               "country": COUNTRIES[i % 6]} for i in range(50)]
    any_store.replace_linked({"entity": people})
    walked = _walk(lambda after: queries.entities_page(any_store, country="FRA", limit=3, after=after))
    assert [p["id"] for p in walked] == [p["id"] for p in sorted(
        (p for p in people if p["country"] == "FRA"), key=lambda p: (p["kind"], p["name"], p["id"]))]
    from liaison.ingest.clean import clean
    from liaison.records import RawDocument
    docs = [clean(RawDocument(source=f"s{i}", raw=f"Article number {i} about border police.",
                              published=None if i % 4 == 0 else f"2025-01-{i % 28 + 1:02d}"))
            for i in range(30)]
    any_store.insert_documents([document_row(d, None) for d in docs])
    walked = _walk(lambda after: queries.documents_page(any_store, limit=4, after=after))
    assert sorted(d["id"] for d in walked) == sorted(d.id for d in docs)
    assert [d["published"] or "" for d in walked] == sorted((d.published or "" for d in docs), reverse=True)
    with pytest.raises(ValueError):
        queries.documents_page(any_store, after="not-a-cursor")


def test_document_insert_is_an_upsert_and_claims_are_exclusive(any_store):
    from liaison.ingest.clean import clean
    from liaison.records import RawDocument
    docs = [clean(RawDocument(source=f"a{i}", raw=f"Ministers met in Rabat, day {i}.")) for i in range(6)]
    rows = [document_row(d, None) for d in docs]
    assert any_store.insert_documents(rows[:4]) == {d.id for d in docs[:4]}
    assert any_store.insert_documents(rows) == {d.id for d in docs[4:]}        # the first copy stays
    ids = [d.id for d in docs]
    first, second = runs.start_run(any_store), runs.start_run(any_store)
    mine = runs.claim(any_store, first, ids[:4], "v1")
    theirs = runs.claim(any_store, second, ids, "v1")
    assert mine == set(ids[:4]) and theirs == set(ids[4:])
    any_store.save_analyses("v1", [(i, []) for i in mine])
    assert runs.claim(any_store, second, ids[:4], "v1") == set()              # analysed at v1
    assert runs.claim(any_store, second, ids[:4], "v2") == set(ids[:4])       # a new pipeline version


def test_claims_of_a_dead_run_are_released(any_store):
    from liaison.ingest.clean import clean
    from liaison.records import RawDocument
    doc = clean(RawDocument(source="x", raw="Interior ministers agreed on returns."))
    any_store.insert_documents([document_row(doc, None)])
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    run = runs.start_run(any_store)
    with any_store.writer.begin() as conn:      # the run's process has exited: its claims are stale
        conn.execute(text("UPDATE runs SET pid = :pid WHERE id = :id"), {"pid": int(gone), "id": run})
    assert runs.claim(any_store, run, [doc.id], "v1") == {doc.id}
    other = runs.start_run(any_store)            # starting a run releases dead claims
    assert runs.claim(any_store, other, [doc.id], "v1") == {doc.id}


def test_search_folds_accents_and_ranks_documents_and_facts(any_store):
    from liaison.ingest.clean import clean
    from liaison.records import RawDocument
    docs = [clean(RawDocument(source="fr", raw="Les retours forcés ont augmenté.\nLe ministre a parlé.",
                              lang="fr")),
            clean(RawDocument(source="en", raw="The interior ministers held a meeting in Rabat.", lang="en"))]
    any_store.insert_documents([document_row(d, None) for d in docs])
    any_store.replace_linked({"entity": [{"id": "e1", "kind": "person", "name": "Laurent Nuñez",
                                          "aliases": ["Laurent Nunez"]}]})
    hits, total, exact = search(any_store, "forces")
    assert total == 1 and exact and hits[0]["id"] == docs[0].id and "«" in hits[0]["snippet"]
    assert {h["id"] for h in search(any_store, "NUNEZ")[0]} == {"e1"}
    assert search(any_store, "rabat ministers")[1] == 1 and search(any_store, "rabat paris")[1] == 0
    if any_store.engine.dialect.name == "postgresql":      # language configurations stem words
        assert {h["id"] for h in search(any_store, "meetings")[0]} == {docs[1].id}
        assert {h["id"] for h in search(any_store, "retour forcé")[0]} == {docs[0].id}


def test_a_word_with_more_hits_than_ranked_says_more_than(any_store, monkeypatch):
    """PostgreSQL ranks at most RANK_CAP hits per kind and says the total is a lower bound;
    SQLite counts every hit."""
    from liaison.store import search as S
    any_store.replace_linked({"entity": [{"id": f"e{i}", "kind": "person", "name": f"Minister Number{i}"}
                                         for i in range(5)]})
    monkeypatch.setattr(S, "RANK_CAP", 3)
    hits, total, exact = S.search(any_store, "minister", limit=10)
    if any_store.engine.dialect.name == "postgresql":
        assert (total, exact, len(hits)) == (3, False, 3)
    else:
        assert (total, exact, len(hits)) == (5, True, 5)
    assert S.search(any_store, "number2", limit=10)[1:] == (1, True)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_processes_opening_a_fresh_store_at_once_migrate_it_once(request, backend):
    url = fresh_url(request, backend, "race")
    code = ("import sys; from liaison.store import connect; s = connect(sys.argv[1]); "
            "s.record_issue('race', 'test', 'opened')")
    procs = [subprocess.Popen([sys.executable, "-c", code, url], stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, errors
    store = connect(url)
    assert len(store.list_issues()) == 4
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1


def test_kept_totals_equal_the_rows_after_every_kind_of_write(any_store):
    from liaison.ingest.clean import clean
    from liaison.records import RawDocument
    from liaison.store import schema
    docs = [clean(RawDocument(source=f"t{i}", raw=f"Border officers met on day {i}.")) for i in range(7)]
    rows = [document_row(d, None) for d in docs]
    any_store.insert_documents(rows[:5])
    any_store.insert_documents(rows)                             # 2 new, 5 already there
    any_store.record_issue("x", "test", "one")
    issue = {"source": "y", "stage": "s", "message": "m", "doc_id": None}
    any_store.save_analyses("v", [(docs[0].id, [])], [issue])
    any_store.replace_linked({"event": _events(30), "entity": []})
    any_store.replace_linked({"event": _events(12)})
    with any_store.engine.connect() as conn:
        real = {name: conn.execute(text(f"SELECT count(*) FROM {table.name}")).scalar_one()
                for name, table in schema.COUNTED.items()}
    assert any_store.counts() == real
    assert real["documents"] == 7 and real["issues"] == 2 and real["event"] == 12
    assert queries.events_page(any_store).total == 12 and queries.documents_page(any_store).total == 7


def _pair_counts(events: list[dict]) -> dict[str, int]:
    """Events per pair of states, counted the slow way: every event, every pair it names."""
    from itertools import combinations
    out: dict[str, int] = {}
    for e in events:
        for a, b in combinations(sorted(set(e["countries"])), 2):
            out[f"{a}-{b}"] = out.get(f"{a}-{b}", 0) + 1
    return out


def test_pairs_of_states_summary_follows_the_events(any_store):
    from liaison.store import dyads
    events = _events(60)
    any_store.replace_linked({"event": events})
    listed, total = dyads.pairs(any_store, with_months=True)
    assert {d["id"]: d["events"] for d in listed} == _pair_counts(events) and total == len(listed)
    assert [d["events"] for d in listed] == sorted((d["events"] for d in listed), reverse=True)
    for d in listed:                       # the monthly tallies add up to the pair's events
        assert sum(d["by_month"].values()) == d["events"] == sum(d["by_type"].values())
    alone = dict(dyads.states(any_store))
    assert alone == {c: sum(c in e["countries"] for e in events) for c in alone}
    fra = dyads.pairs(any_store, "FRA")[0]
    assert fra and all("FRA" in (d["a"], d["b"]) for d in fra)
    any_store.replace_linked({"event": events[:10]})           # a relink replaces the summary
    assert {d["id"]: d["events"] for d in dyads.pairs(any_store)[0]} == _pair_counts(events[:10])


def test_migration_fills_the_pairs_summary_from_stored_events(any_store):
    """A store linked before the summary existed gets it from its events on upgrade, the same rows
    the writer makes."""
    from alembic import command

    from liaison.store import dyads
    from liaison.store.connection import _alembic_config
    events = _events(50)
    for e in events[::4]:
        if e["date"]:
            e["date"]["year_unstated"] = True
    any_store.replace_linked({"event": events})
    written = dyads.pairs(any_store, with_months=True)
    assert any(tally[3] for pair in written[0] for tally in pair["monthly"].values())
    cfg = _alembic_config()
    with any_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    assert "dyads" not in inspect(any_store.engine).get_table_names()
    reopened = connect(any_store.url)
    assert dyads.pairs(reopened, with_months=True) == written


def test_postgres_search_gives_the_same_hits_whichever_plan_answers(any_store, monkeypatch):
    """Reading rows in order is given SCAN_FIRST_MS; past it the GIN index answers: the same hits."""
    if any_store.engine.dialect.name != "postgresql":
        pytest.skip("the two plans are PostgreSQL's")
    from liaison.store import search as S
    any_store.replace_linked({"entity": [{"id": f"e{i}", "kind": "person", "name": f"Minister Name{i}",
                                          "aliases": [f"Ministre Alias{i}"] * 20} for i in range(4000)]})
    answers = []
    for budget in (S.SCAN_FIRST_MS, 1):
        monkeypatch.setattr(S, "SCAN_FIRST_MS", budget)
        answers.append([S.search(any_store, word, limit=5) for word in ("minister", "name3999", "nowhere")])
    assert answers[0] == answers[1]
    assert answers[0][0][1:] == (S.RANK_CAP, False) and answers[0][1][1:] == (1, True)


def test_entity_lists_read_the_list_projection_also_after_migration(any_store):
    """Lists read `entities.listed` (listed.listed_entity), the writer's and the migration's alike."""
    from alembic import command

    from liaison.listed import listed_entity
    from liaison.store.connection import _alembic_config
    people = [{"id": f"p{i}", "kind": "person", "name": f"Nuñez {i}", "country": "FRA", "aliases": ["N"],
               "roles": [{"title": "minister"}, {"title": "minister"}], "documents": ["d1", "d2"],
               "mentions": [{"doc_id": "d1", "start": 0, "end": 1, "text": "N"}] * 3} for i in range(4)]
    any_store.replace_linked({"entity": people})
    listed = queries.entities_page(any_store, limit=10).items
    assert listed == [listed_entity(p) for p in people]
    assert listed[0]["roles"] == ["minister"] and listed[0]["mention_count"] == 3
    cfg = _alembic_config()
    with any_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    assert queries.entities_page(connect(any_store.url), limit=10).items == listed


def test_event_lists_read_the_list_projection_and_csv_the_whole_record(any_store):
    from liaison.listed import listed_event
    events = _events(12)
    any_store.replace_linked({"event": events})
    by_id = {e["id"]: e for e in events}
    listed = queries.events_page(any_store, limit=50).items
    assert listed and all(item == listed_event(by_id[item["id"]]) for item in listed)
    assert all("evidence" not in item and item["sentence"] for item in listed)
    full = queries.events_page(any_store, limit=50, full=True).items
    assert [e["id"] for e in full] == [e["id"] for e in listed] and all("evidence" in e for e in full)


def test_the_pairs_summary_counts_months_placed_in_an_assumed_year(any_store):
    """A barometer month holding events whose year the text did not state says so (issue 11: no
    page shows an inferred year without saying so)."""
    from liaison.barometer import series_from_months
    from liaison.store import dyads
    events = _events(40)
    for e in events[::3]:
        if e["date"]:
            e["date"]["year_unstated"] = True
    any_store.replace_linked({"event": events})
    for pair in dyads.pairs(any_store, with_months=True)[0]:
        a, b = pair["a"], pair["b"]
        mine = [e for e in events if {a, b} <= set(e["countries"]) and e["date"]]
        for point in series_from_months(pair["monthly"]):
            month = [e for e in mine if e["date"]["start"][:7] == point["month"]]
            assert point["n"] == len(month)
            assert point["year_unstated"] == sum(bool(e["date"].get("year_unstated")) for e in month)


def test_entities_most_named_first_also_after_migration(any_store):
    """`most_named` walks entities by the number of articles naming them, most first, by keyset;
    0008 fills the count of a store linked before it."""
    from alembic import command

    from liaison.store.connection import _alembic_config
    people = [{"id": f"p{i:02d}", "kind": "person", "name": f"N{i}", "country": "FRA",
               "documents": [f"d{j}" for j in range(i % 7)]} for i in range(20)]
    any_store.replace_linked({"entity": people})
    walked = _walk(lambda after: queries.entities_page(any_store, limit=3, after=after, most_named=True))
    counts = [e["document_count"] for e in walked]
    assert len(walked) == 20 and counts == sorted(counts, reverse=True) and counts[0] == 6
    cfg = _alembic_config()
    with any_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    again = _walk(lambda after: queries.entities_page(connect(any_store.url), limit=3, after=after,
                                                      most_named=True))
    assert [e["id"] for e in again] == [e["id"] for e in walked]
