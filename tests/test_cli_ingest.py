"""`liaison ingest` as a user runs it: exit codes, one stderr line per bad input, `liaison issues`,
and an ingest killed with SIGKILL mid-analysis that, run again, stores every document once."""
from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import seed_path

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
LIAISON = [str(Path(sys.executable).parent / "liaison")]
SAMPLE = 40


def _run(db: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([*LIAISON, "--db", f"sqlite:///{db}", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_only_bad_inputs_exit_non_zero_with_one_line_each(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    db = tmp_path / "x.db"
    res = _run(db, "ingest", str(tmp_path / "empty.txt"), str(tmp_path / "photo.txt"))
    assert res.returncode != 0
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 2
    assert "empty.txt: [L102] empty file" in lines[0] and "photo.txt: [L104] binary" in lines[1]
    issues = _run(db, "issues").stdout
    assert "empty.txt" in issues and "photo.txt" in issues


def test_good_input_beside_bad_ones_exits_zero(tmp_path):
    (tmp_path / "broken.jsonl").write_text('{"text": "unterminated\n', encoding="utf-8")
    db = tmp_path / "x.db"
    res = _run(db, "ingest", str(tmp_path / "broken.jsonl"), str(seed_path("002")))
    assert res.returncode == 0, res.stderr
    assert "broken.jsonl:1: [L105] malformed JSON line" in res.stderr
    assert "1 new" in res.stdout and "1 failed" in res.stdout
    assert _count(db, "select count(*) from documents") == 1
    again = _run(db, "ingest", str(seed_path("002")))
    assert again.returncode == 0 and "1 already stored" in again.stdout



def test_ingest_ends_with_what_was_found_and_export_writes_every_table(tmp_path):
    db = tmp_path / "x.db"
    res = _run(db, "ingest", str(seed_path("002")))
    found = next(ln for ln in res.stdout.splitlines() if ln.startswith("found: "))
    events = _count(db, "select count(*) from events")
    people = _count(db, "select count(*) from entities where kind = 'person'")
    assert found.startswith(f"found: 1 documents, {events} events, {people} people, ")
    assert events > 0 and people > 0 and found.endswith(" issues")
    out = _run(db, "export", "--format", "csv", "--out", str(tmp_path / "csv"))
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "commitments.csv", "documents.csv", "entities.csv", "events.csv", "figures.csv", "quotes.csv"]
    assert f"events: {events}," in out.stdout


def test_counting_local_articles_for_the_progress_total(tmp_path):
    from liaison.console import count_articles
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("z", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    assert count_articles([str(tmp_path)]) == 3
    assert count_articles([str(tmp_path / "b.txt"), "https://example.org/feed"]) is None


def test_killed_ingest_resumes_and_stores_each_document_once(tmp_path):
    # 40 of the 150 articles, still gzipped: two batches (32 + 8), so the kill after the first
    # written batch lands while the other is being analysed, and the resume has work left to do
    sample = tmp_path / "news.jsonl.gz"
    with gzip.open(FIXTURES / "news-en-150.jsonl.gz", "rt", encoding="utf-8") as fh:
        lines = [line for _, line in zip(range(SAMPLE), fh, strict=False)]
    with gzip.open(sample, "wt", encoding="utf-8") as out:
        out.write("".join(lines))
    db = tmp_path / "kill.db"
    proc = subprocess.Popen([*LIAISON, "--db", f"sqlite:///{db}", "ingest", str(sample)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    analysed = 0
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            analysed = _count(db, "select count(*) from documents where analysed_version is not null")
        except sqlite3.OperationalError:
            continue            # schema not created yet
        if analysed > 0:
            break
    assert proc.poll() is None, "the ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < analysed < SAMPLE
    res = _run(db, "ingest", str(sample))
    assert res.returncode == 0, res.stderr
    assert _count(db, "select count(*) from documents") == SAMPLE
    assert _count(db, "select count(distinct id) from documents") == SAMPLE
    assert _count(db, "select count(*) from documents where analysed_version is null") == 0
    assert _count(db, "select count(*) from (select id from facts group by id having count(*) > 1)") == 0
