"""Round trips of the linked records (records.LINKED), as sqlite-utils tests its own: a record
survives its JSON shape, the store (facts, documents and the linked view, on SQLite and PostgreSQL)
and the JSONL export unchanged; and every record carries the SCHEMA.md fields.

LIAISON_FUZZ_EXAMPLES sets the examples per property (default small, for the suite).
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SHARED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison.records import (
    LINKED,
    PRECISIONS,
    DateValue,
    Document,
    Evidence,
    LinkedActor,
    LinkedCommitment,
    LinkedEntity,
    LinkedEvent,
    LinkedFigure,
    LinkedQuote,
    LinkedRole,
    Location,
)

EXAMPLES = int(os.environ.get("LIAISON_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))
FILES = {"entity": "entities", "event": "events", "commitment": "commitments", "figure": "figures",
         "quote": "quotes"}

# text as articles give it: any character but NUL (PostgreSQL JSON and text refuse it) and lone surrogates
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
maybe_text = st.none() | text
ident = st.text("0123456789abcdef", min_size=4, max_size=16)
code = st.sampled_from(["FRA", "DZA", "MAR", "VNM", "GBR"])       # the store's columns hold alpha-3
number = st.floats(allow_nan=False, allow_infinity=False, width=64) | st.integers(-10**6, 10**6)
degrees = st.floats(-180, 180, allow_nan=False)
iso_day = st.dates().map(lambda d: d.isoformat())
codes = st.lists(code, max_size=3).map(tuple)
ids = st.lists(ident, max_size=3).map(tuple)

evidence = st.builds(Evidence, ident, st.integers(0, 10**6), st.integers(0, 10**6), text)
spans = st.lists(evidence, max_size=3).map(tuple)
actor = st.builds(LinkedActor, st.none() | ident, maybe_text, maybe_text, st.none() | code,
                  st.sampled_from(["source", "target", "participant"]))
date = st.none() | st.builds(DateValue, st.none() | iso_day, st.none() | iso_day, st.sampled_from(PRECISIONS),
                             st.booleans(), st.sampled_from([None, "stated", "inferred"]))
location = st.none() | st.builds(Location, maybe_text, st.none() | code, st.none() | degrees,
                                 st.none() | degrees)
day = st.none() | iso_day
role = st.builds(LinkedRole, maybe_text, maybe_text, st.none() | code, day, day, spans)

RECORDS = {
    "entity": st.builds(LinkedEntity, ident, st.sampled_from(["person", "organization", "country", "place"]),
                        text, st.lists(text, max_size=3).map(tuple), st.none() | code,
                        st.lists(role, max_size=2).map(tuple), spans, st.none() | degrees,
                        st.none() | degrees, st.none() | st.from_regex(r"Q[1-9][0-9]{0,6}", fullmatch=True),
                        ids, text),
    "event": st.builds(LinkedEvent, ident, st.sampled_from(["CONSULT", "AGREE", "AID", "REJECT"]),
                       st.none() | st.sampled_from(["visit", "sign"]), st.lists(text, max_size=2).map(tuple),
                       date, location, st.lists(actor, max_size=3).map(tuple), codes, text, spans, ids,
                       st.floats(0, 1), text, st.sampled_from(["main", "background"])),
    "commitment": st.builds(LinkedCommitment, ident, text, st.none() | actor, codes, date,
                            st.sampled_from(["open", "fulfilled", "overdue", "unknown"]), spans, ids, text,
                            st.none() | ident, maybe_text),
    "figure": st.builds(LinkedFigure, ident, number, maybe_text, maybe_text, date, st.none() | actor, spans,
                        ids, text),
    "quote": st.builds(LinkedQuote, ident, text, st.none() | actor, st.none() | st.sampled_from(["en", "fr"]),
                       spans, ids),
}


def unique(kind: str):
    """Records of one kind with distinct ids (as the linked view holds them)."""
    return st.lists(RECORDS[kind], max_size=6, unique_by=lambda r: r.id)


@pytest.mark.parametrize("kind", list(LINKED))
def test_a_record_survives_its_json_shape(kind):
    @FUZZ
    @given(RECORDS[kind])
    def check(record):
        assert LINKED[kind].from_json(record.to_json()) == record
        assert LINKED[kind].from_json(json.loads(json.dumps(record.to_json()))) == record
        assert set(LINKED[kind].SCHEMA_FIELDS) <= set(record.to_json())
    check()


def _schema_fields(kind: str) -> list[str]:
    """The fields SCHEMA.md lists for one file (`## events.jsonl` then a `{"id", "type", ...}` line)."""
    schema = (SHARED / "SCHEMA.md").read_text(encoding="utf-8")
    block = schema.split(f"## {FILES[kind]}.jsonl", 1)[1]
    return re.findall(r'"(\w+)"', block.split("\n")[1].split("}")[0])


@pytest.mark.skipif(not (SHARED / "SCHEMA.md").exists(), reason="no ../shared/SCHEMA.md")
@pytest.mark.parametrize("kind", list(LINKED))
def test_every_record_holds_the_schema_fields_in_its_order(kind):
    assert list(LINKED[kind].SCHEMA_FIELDS) == _schema_fields(kind)


def test_a_stored_linked_view_reads_back_as_equal_records(any_store):
    @FUZZ
    @given(st.fixed_dictionaries({kind: unique(kind) for kind in LINKED}))
    def check(records):
        any_store.replace_linked(records)
        for kind, written in records.items():
            assert any_store.records(kind) == sorted(written, key=lambda r: r.id)
    check()


documents = st.builds(
    Document, ident, text, text, raw=text, url=maybe_text, title=maybe_text,
    lang=st.none() | st.sampled_from(["en", "fr"]), published=st.none() | iso_day, outlet=maybe_text,
    authors=st.lists(text, max_size=2).map(tuple),
    offset_map=st.lists(st.tuples(st.integers(0, 999), st.integers(0, 999)), max_size=3).map(tuple),
    meta=st.dictionaries(st.sampled_from(["feed", "stamp"]), text, max_size=2))
facts = st.lists(st.sampled_from(list(LINKED)).flatmap(lambda k: st.tuples(st.just(k), RECORDS[k])),
                 max_size=5)


def test_stored_documents_and_their_facts_read_back_equal(any_store):
    made: list[int] = []

    @FUZZ
    @given(st.lists(st.tuples(documents, facts), max_size=3, unique_by=lambda pair: pair[0].id))
    def check(batch):
        made.append(len(made))      # one store for every example: ids of this example only
        batch = [(replace(doc, id=f"{made[-1]}-{doc.id}"), found) for doc, found in batch]
        any_store.insert_documents([_row(doc) for doc, _ in batch])
        any_store.save_analyses("fuzz", [(doc.id, [(k, "extract", r.to_json()) for k, r in found])
                                         for doc, found in batch])
        for doc, found in batch:
            assert any_store.load_document(doc.id) == doc
            stored = [(f["kind"], LINKED[f["kind"]].from_json(f["payload"]))
                      for f in any_store.iter_facts() if f["doc_id"] == doc.id]
            # one fact per distinct payload, as fact ids count them
            distinct = {(k, json.dumps(r.to_json(), sort_keys=True)): (k, r) for k, r in found}
            assert sorted(stored, key=repr) == sorted(distinct.values(), key=repr)
    check()


def _row(doc: Document) -> dict:
    from liaison.store.db import document_row
    return document_row(doc, None)


@FUZZ
@given(st.fixed_dictionaries({kind: unique(kind) for kind in LINKED}))
def test_the_jsonl_export_parses_back_to_the_stored_records(records):
    from liaison.export import export
    from liaison.store import connect
    with tempfile.TemporaryDirectory() as tmp:
        store = connect(f"sqlite:///{Path(tmp) / 'x.db'}")
        store.replace_linked(records)
        export(store, "jsonl", Path(tmp) / "out")
        for kind, written in records.items():
            lines = (Path(tmp) / "out" / f"{FILES[kind]}.jsonl").read_text(encoding="utf-8")
            lines = lines.split("\n")[:-1]     # JSON Lines end at "\n" only (U+2028 may stand in a text)
            assert [LINKED[kind].from_json(json.loads(line)) for line in lines] == \
                sorted(written, key=lambda r: r.id)
            assert lines == [json.dumps(r.to_json(), ensure_ascii=False)
                             for r in sorted(written, key=lambda r: r.id)]
