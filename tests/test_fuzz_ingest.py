"""Property tests for the input side: whatever bytes, encodings, nesting or sizes arrive, reading
and cleaning give articles or clear per-source errors, never an exception, and lose nothing.

LIAISON_FUZZ_EXAMPLES sets the examples per property (default small, for the suite); the
≥10,000-input campaign runs this file with a large value (benchmarks/results-hardening.md).
"""
from __future__ import annotations

import codecs
import gzip
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison.errors import InputError, ReaderFailed
from liaison.ingest.clean import clean
from liaison.ingest.decode import Decoded, decode, gunzip_capped
from liaison.ingest.sources import KNOWN_SUFFIXES, read_bytes, read_sources
from liaison.records import RawDocument
from liaison.settings import Settings

EXAMPLES = int(os.environ.get("LIAISON_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))
SETTINGS = Settings(max_bytes=200_000)
RUNS: dict[str, int] = {}


def counted(name: str) -> None:
    RUNS[name] = RUNS.get(name, 0) + 1


@pytest.fixture(scope="module", autouse=True)
def report_counts():
    yield
    print(f"\nfuzzed inputs: {sum(RUNS.values())} ({RUNS})")


def _only_articles_or_errors(items: list) -> None:
    for item in items:
        assert isinstance(item, RawDocument | InputError), type(item)
        if isinstance(item, RawDocument):
            assert isinstance(item.raw, str) and item.raw.encode("utf-8")      # storable text
        else:
            assert item.message.startswith("[L1") and item.source is not None
            assert not isinstance(item, ReaderFailed), item.message           # nothing unforeseen


text_like = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(alphabet=st.characters(codec="latin-1"), max_size=2000).map(lambda t: t.encode("latin-1")),
)


@FUZZ
@given(data=text_like)
def test_decode_never_raises(data):
    counted("decode")
    got = decode(data, 100_000)
    assert isinstance(got, Decoded | InputError)
    if isinstance(got, Decoded):
        assert isinstance(got.text, str) and len(got.text) <= 100_000


@FUZZ
@given(text=st.text(min_size=1, max_size=1500).filter(lambda t: "\x00" not in t),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-32-be"]))
def test_text_with_a_byte_order_mark_round_trips(text, encoding):
    counted("bom")
    marks = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-32-be": codecs.BOM_UTF32_BE}
    try:
        data = marks.get(encoding, b"") + text.encode(encoding)
    except UnicodeEncodeError:
        return                                      # lone surrogates have no encoding
    got = decode(data)
    if isinstance(got, Decoded):
        assert got.text.lstrip("\ufeff") == text.lstrip("\ufeff") and got.warning is None
    else:
        assert "control characters" in got.message  # text that is mostly control characters


@FUZZ
@given(data=text_like, suffix=st.sampled_from(sorted(KNOWN_SUFFIXES - {".gz"}) + [".csv", ""]))
def test_any_bytes_as_any_kind_of_file(data, suffix):
    counted("bytes")
    _only_articles_or_errors(list(read_bytes(data, suffix, "fuzz" + suffix, SETTINGS)))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=200),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children,
                                                                    max_size=5),
    max_leaves=30)
records = st.fixed_dictionaries({}, optional={
    "text": st.one_of(st.text(max_size=800), json_values), "url": json_values, "title": json_values,
    "published": st.one_of(st.text(max_size=40), json_values),
    "lang": st.one_of(st.text(max_size=8), json_values),
    "authors": json_values, "outlet": json_values, "id": json_values})


@FUZZ
@given(items=st.lists(st.one_of(records, json_values), max_size=6), depth=st.integers(0, 3000),
       as_lines=st.booleans())
def test_json_of_any_shape_and_depth(items, depth, as_lines):
    counted("json")
    if as_lines:
        body = "\n".join(json.dumps(i) for i in items) + "\n" + "[" * depth + "]" * depth
        got = list(read_bytes(body.encode(), ".jsonl", "fuzz.jsonl", SETTINGS))
    else:
        body = "[" * depth + json.dumps(items) + "]" * depth
        got = list(read_bytes(body.encode(), ".json", "fuzz.json", SETTINGS))
    _only_articles_or_errors(got)
    good = [i for i in items if isinstance(i, dict) and isinstance(i.get("text"), str) and i["text"].strip()]
    if as_lines or depth == 0:      # every good record is kept (nothing lost beside a bad one)
        assert len([g for g in got if isinstance(g, RawDocument)]) == len(good)


@FUZZ
@given(lines=st.lists(st.text(max_size=300), max_size=25), fmt=st.sampled_from(["text", "html"]),
       nest=st.integers(0, 400))
def test_cleaning_any_text_gives_a_document_with_offsets_into_the_raw(lines, fmt, nest):
    counted("clean")
    body = "\n".join(lines).replace("\x00", "")
    if fmt == "html":
        body = "<html><body>" + "<div>" * nest + "".join(f"<p>{x}</p>" for x in lines) + "</div>" * nest
    doc = clean(RawDocument(source="fuzz", raw=body, fmt=fmt))
    assert isinstance(doc.text, str) and len(doc.id) == 24
    for clean_start, raw_start in doc.offset_map:
        assert 0 <= clean_start <= len(doc.text) and 0 <= raw_start <= len(body)


@FUZZ
@given(size=st.integers(0, 400_000), cap=st.integers(1, 300_000))
def test_gzip_cap_holds_on_the_decompressed_size(size, cap):
    counted("gzip")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.txt.gz"
        path.write_bytes(gzip.compress(b"a" * size, compresslevel=1))
        got = gunzip_capped(path, cap)
    assert (isinstance(got, InputError) and got.code == "L103") if size > cap else got == b"a" * size


@FUZZ
@given(files=st.lists(st.tuples(text_like, st.sampled_from(sorted(KNOWN_SUFFIXES) + [".txt"])),
                      min_size=1, max_size=5))
def test_a_folder_of_random_files_never_stops_the_batch(files):
    counted("folder")
    with tempfile.TemporaryDirectory() as tmp:
        for n, (data, suffix) in enumerate(files):
            if suffix == ".gz":
                data, suffix = gzip.compress(data), ".txt.gz"
            (Path(tmp) / f"f{n}{suffix}").write_bytes(data)
        items = list(read_sources([tmp, str(Path(tmp) / "missing.txt")], SETTINGS))
    _only_articles_or_errors(items)
    named = {Path(i.source.split("#")[0].split(":")[0]).name for i in items}
    expected = {f"f{n}{'.txt.gz' if s == '.gz' else s}" for n, (_, s) in enumerate(files)}
    assert named >= expected | {"missing.txt"}          # every file answered for: an article or why not
