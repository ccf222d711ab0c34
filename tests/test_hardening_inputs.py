"""Inputs that used to break a batch or lose text: each becomes an issue naming the file and the
reason, or is read correctly, and the rest of the batch is stored. Real files, real SQLite store."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import pytest
from conftest import seed_path

from liaison.errors import ReaderFailed
from liaison.ingest.sources import guarded
from liaison.pipeline import pipeline_version
from liaison.records import RawDocument
from liaison.scale.documents import Intake, RunSummary, store_sources
from liaison.settings import Settings

ARTICLE = seed_path("002").read_text(encoding="utf-8")


def _ingest(sources, store, settings=None) -> RunSummary:
    summary = RunSummary()
    intake = Intake(store, settings or Settings(), summary, pipeline_version())
    for _ in store_sources([s if isinstance(s, RawDocument) else str(s) for s in sources], intake):
        pass                        # stored batch by batch; analysis is not what these tests look at
    return summary


def _issues(store, folder: Path) -> dict[str, str]:
    return {i["source"].replace(f"{folder}/", ""): i["message"] for i in store.list_issues()}


def test_a_gzip_bomb_is_refused_quickly_with_little_memory(tmp_path, store):
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        for _ in range(20):
            fh.write(b"a" * 1_000_000)                  # 20 MB of text
    assert bomb.stat().st_size < 40_000
    tracemalloc.start()
    start = time.monotonic()
    summary = _ingest([bomb, seed_path("004")], store)
    elapsed = time.monotonic() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 5 and peak < 40_000_000
    assert summary.failed == 1 and sum(summary.new.values()) == 1
    message = _issues(store, tmp_path)["bomb.txt.gz"]
    assert message.startswith("[L103] decompresses to over the 5000000-byte cap")


def test_a_truncated_gzip_file_is_reported(tmp_path, store):
    good = gzip.compress(ARTICLE.encode())
    (tmp_path / "cut.txt.gz").write_bytes(good[: len(good) // 2])
    _ingest([tmp_path / "cut.txt.gz"], store)
    assert _issues(store, tmp_path)["cut.txt.gz"].startswith("[L105] not a readable gzip file")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                                      "utf-32-be", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, store, encoding):
    data = ARTICLE.encode(encoding)
    if encoding.endswith(("-le", "-be")):           # these codecs write no mark: add the right one
        import codecs
        mark = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
                "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[encoding]
        data = mark + data
    (tmp_path / "a.txt").write_bytes(data)
    summary = _ingest([tmp_path / "a.txt"], store)
    assert summary.failed == 0 and sum(summary.new.values()) == 1
    [doc] = store.iter_documents()
    assert doc["raw"] == ARTICLE and "Tebboune" in doc["text"]


def test_a_windows_1252_guess_is_kept_and_reported(tmp_path, store):
    text = ("Le ministre de l'Intérieur a déclaré vendredi à Rabat que la coopération sécuritaire "
            "avec le Maroc serait renforcée « dès cette année ».\nLes retours forcés ont augmenté.\n")
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    summary = _ingest([tmp_path / "latin.txt"], store)
    assert summary.failed == 0 and sum(summary.new.values()) == 1          # kept, not a failure
    [doc] = store.iter_documents()
    assert doc["raw"] == text and "« dès cette année »" in doc["text"]
    message = _issues(store, tmp_path)["latin.txt"]
    assert message.startswith("[L109] not valid UTF-8") and "Windows-1252" in message


def test_json_nested_100k_deep_is_an_issue_and_the_batch_goes_on(tmp_path, store):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    good = json.dumps({"text": ARTICLE, "url": "https://example.org/a"})
    (tmp_path / "mixed.jsonl").write_text('{"a":' * 100_000 + "1" + "}" * 100_000 + "\n" + good + "\n",
                                          encoding="utf-8")
    summary = _ingest([tmp_path / "deep.json", tmp_path / "mixed.jsonl", seed_path("004")], store)
    assert sum(summary.new.values()) == 2 and summary.failed == 2
    issues = _issues(store, tmp_path)
    assert "nested too deeply" in issues["deep.json"] and issues["deep.json"].startswith("[L105]")
    assert "nested too deeply" in issues["mixed.jsonl:1"]


def test_a_json_lines_file_of_blank_lines_is_reported_not_skipped(tmp_path, store):
    (tmp_path / "blank.jsonl").write_text("  \n\n\t\n", encoding="utf-8")      # found by the fuzz run
    _ingest([tmp_path / "blank.jsonl"], store)
    assert _issues(store, tmp_path)["blank.jsonl"].startswith("[L102] no JSON records")


def test_json_fields_of_the_wrong_type_never_reach_the_store(tmp_path, store):
    records = [{"text": ARTICLE, "title": ["a", "list"], "lang": "x" * 500, "url": {"no": 1},
                "authors": [{"x": 1}, "Jane Doe", None], "published": 12, "outlet": True, "id": 3.5},
               {"text": "Le ministre \ud800 a parlé \x00 de migration avec son homologue à Rabat.",
                "lang": "FR"}]
    (tmp_path / "odd.json").write_text(json.dumps(records), encoding="utf-8")
    summary = _ingest([tmp_path / "odd.json"], store)
    assert summary.failed == 0 and sum(summary.new.values()) == 2
    docs = {d["source"].rsplit("#", 1)[1]: d for d in store.iter_documents()}
    assert "Jane Doe" in docs["1"]["authors"] and docs["1"]["lang"] == "en" and docs["1"]["url"] is None
    assert docs["2"]["lang"] == "fr" and "\x00" not in docs["2"]["raw"]


def test_html_nested_100k_deep_keeps_its_text(tmp_path, store):
    paragraphs = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines() if line.strip())
    page = "<html><body>" + "<div>" * 100_000 + paragraphs + "</div>" * 100_000 + "</body></html>"
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    summary = _ingest([tmp_path / "deep.html"], store)
    assert summary.failed == 0
    [doc] = store.iter_documents()
    assert "Abdelmadjid Tebboune" in doc["text"]


def test_a_reader_failure_ends_only_its_own_source():
    def reader():
        yield RawDocument(source="a", raw="kept")
        raise RecursionError("maximum recursion depth exceeded")
    got = list(guarded(reader(), "a"))
    assert got[0].raw == "kept" and isinstance(got[1], ReaderFailed)
    assert got[1].message.startswith("[L111] could not be read: RecursionError") and got[1].source == "a"


def test_posted_articles_over_the_cap_are_refused_one_by_one(store):
    big = RawDocument(source="api#1", raw="word " * 5000)
    small = RawDocument(source="api#2", raw=ARTICLE)
    summary = _ingest([big, small], store, Settings(max_bytes=20_000))
    assert summary.failed == 1 and sum(summary.new.values()) == 1
    assert store.list_issues()[0]["message"].startswith("[L103] text is 25000 characters")


PERMISSION_SCRIPT = """
import sys
from liaison.pipeline import pipeline_version
from liaison.scale.documents import Intake, RunSummary, store_sources
from liaison.settings import Settings
from liaison.store import connect
store = connect(sys.argv[1])
summary = RunSummary()
for _ in store_sources([sys.argv[2]], Intake(store, Settings(), summary, pipeline_version())):
    pass
print(sum(summary.new.values()), summary.failed)
"""


def _without_root_powers() -> list[str]:
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--securebits=+noroot,+noroot_locked"]


def test_unreadable_files_and_folders_are_issues_and_the_rest_is_stored():
    # root reads everything, so as root the reader runs without the capabilities that override
    # file permissions (setpriv, util-linux); chmod 000 then holds for it too.
    folder = Path(tempfile.mkdtemp(prefix="liaison-perm-"))
    try:
        (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
        (folder / "secret.txt").write_text(ARTICLE.replace("Algiers", "Oran"), encoding="utf-8")
        (folder / "locked").mkdir()
        (folder / "locked" / "inside.txt").write_text(ARTICLE, encoding="utf-8")
        os.chmod(folder / "secret.txt", 0)
        os.chmod(folder / "locked", 0)
        os.chmod(folder, 0o777)
        db = f"sqlite:///{folder / 'perm.db'}"
        command = [*_without_root_powers(), sys.executable, "-c", PERMISSION_SCRIPT, db, str(folder)]
        res = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert res.returncode == 0, res.stderr
        assert res.stdout.split() == ["1", "2"]
        from liaison.store import connect
        issues = _issues(connect(db), folder)
        assert issues["secret.txt"] == "[L106] cannot be read: Permission denied"
        assert issues["locked"].startswith("[L106] folder cannot be read: Permission denied")
    finally:
        os.chmod(folder / "locked", 0o755)
        import shutil
        shutil.rmtree(folder, ignore_errors=True)


def test_long_texts_are_parsed_in_pieces_with_their_offsets():
    import spacy

    from liaison.nlp.chunks import parse_texts, split_text
    text = ("Ministers met in Rabat. They agreed on returns.\n" * 40) + "word " * 300 + "x" * 700
    pieces = split_text(text, 500)
    assert "".join(pieces) == text and all(len(p) <= 500 for p in pieces)
    assert all(p.endswith(("\n", " ")) for p in pieces[:-2])        # cut at breaks while there are some
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 500
    short, long = list(parse_texts(nlp, ["Short one. Two.", text], batch_size=8))
    assert short.text == "Short one. Two." and long.text == text
    sents = [s.text for s in long.sents if s.text.strip()]
    assert sents[0] == "Ministers met in Rabat." and "They agreed on returns." in sents


def test_a_line_without_final_punctuation_is_parsed_apart_from_the_next():
    from liaison.nlp.chunks import split_after_open_lines
    text = ("Cyprus, Lebanon agree on migration curbs\n\n"
            "Cyprus and Lebanon agreed on measures.\nA second line.\n")
    assert split_after_open_lines(text) == ["Cyprus, Lebanon agree on migration curbs\n\n",
                                            "Cyprus and Lebanon agreed on measures.\nA second line.\n"]
    assert split_after_open_lines("") == [""] and split_after_open_lines("One line") == ["One line"]
