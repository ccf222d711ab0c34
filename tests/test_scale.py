"""The runner and its executors: the stage contract, the same record from every executor (serial into
SQLite, two local worker processes into PostgreSQL, a real Dask LocalCluster of two workers into
PostgreSQL), streaming in batches, resume after SIGKILL with every executor, and two ingests at once
on each backend analysing each document once."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA, SEEDS, fresh_url
from sqlalchemy import text

from liaison.errors import StageContractError
from liaison.pipeline import STAGES, Stage, check_stages
from liaison.records import Document

LIAISON = str(Path(sys.executable).parent / "liaison")
DEV = DATA / "dev-articles.jsonl"
NEWS_150 = Path(__file__).parent / "fixtures" / "ingest" / "news-en-150.jsonl.gz"


def cli(db: str, *args: str, timeout: int = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([LIAISON, "--db", db, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "200", **(env or {})})


def scalar(store, sql: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(text(sql)).scalar_one()


def exported(db: str, out: Path) -> dict[str, list[str]]:
    """The jsonl export, each file's lines sorted: equal means byte-identical modulo order."""
    assert cli(db, "export", "--format", "jsonl", "--out", str(out)).returncode == 0
    return {p.name: sorted(p.read_text(encoding="utf-8").splitlines()) for p in sorted(out.glob("*.jsonl"))}


def _first_differences(want: dict[str, list[str]], got: dict[str, list[str]]) -> dict[str, tuple]:
    """Per export file, the first lines only one side has: what a failure needs to show."""
    out = {}
    for name in sorted(set(want) | set(got)):
        a, b = set(want.get(name, [])), set(got.get(name, []))
        if a != b:
            out[name] = (sorted(a - b)[:2], sorted(b - a)[:2])
    return out


@pytest.fixture(scope="module")
def dask_cluster():
    """A real dask.distributed LocalCluster: two worker processes, one thread each."""
    from distributed import LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


# ---------------------------------------------------------------- stage contract
def test_the_registry_refuses_a_stage_placed_before_what_it_needs():
    check_stages(STAGES)
    with pytest.raises(StageContractError, match="'actors' requires mentions"):
        check_stages([STAGES[0], STAGES[2], STAGES[1], STAGES[3]])
    with pytest.raises(StageContractError, match="fields a Document does not have"):
        check_stages([Stage("x", "1", "m:f", requires=("text",), assigns=("verdict",))])


def test_each_stage_changes_only_the_fields_it_assigns():
    from conftest import clean_file
    docs = [clean_file(p) for p in sorted(SEEDS.glob("*.txt"))[:2]]
    fields = [f for f in Document.__dataclass_fields__ if f != "parsed"]
    for stage in STAGES:
        done = stage.load()(docs)
        for before, after in zip(docs, done, strict=True):
            changed = {f for f in fields if getattr(before, f) != getattr(after, f)}
            assert changed <= set(stage.assigns), (stage.name, changed)
        docs = done


# ---------------------------------------------------------------- one record, whatever runs it
def test_every_executor_stores_the_same_record(tmp_path, request, dask_cluster):
    from fixtures.seeded import copied_url

    from liaison.evaluate.score import score
    serial_db = copied_url(tmp_path, str(DEV))            # the serial runner into SQLite, once per session
    reference = exported(serial_db, tmp_path / "serial")
    assert len(reference["documents.jsonl"]) == 24 and reference["events.jsonl"]
    runs = {"workers 2, PostgreSQL": ("--workers", "2"),
            "Dask 2 workers, PostgreSQL": ("--dask", dask_cluster)}
    for name, option in runs.items():
        db = fresh_url(request, "postgresql", "exec")
        res = cli(db, "ingest", *option, str(DEV))
        assert res.returncode == 0, res.stderr
        assert "24 new" in res.stdout and "analysed: 24" in res.stdout
        got = exported(db, tmp_path / name)
        assert got == reference, (name, _first_differences(reference, got))
        gold = DATA / "dev-gold.jsonl"
        assert score(gold, tmp_path / name)["scores"] == score(gold, tmp_path / "serial")["scores"]


def test_dask_workers_load_the_pipeline_once_through_the_plugin(dask_cluster):
    from distributed import Client

    from liaison.scale.dask_executor import DaskExecutor
    with DaskExecutor(dask_cluster) as executor:
        assert executor.workers == 2

        def loaded(dask_worker) -> tuple[bool, int]:
            from liaison.nlp.pipelines import load
            return "liaison-pipeline" in dask_worker.plugins, load.cache_info().currsize
        with Client(dask_cluster) as client:
            found = client.run(loaded)
    assert len(found) == 2 and all(plugin and models >= 2 for plugin, models in found.values())


def test_local_workers_start_only_when_there_is_something_to_analyse(tmp_path, store):
    """Ingesting articles already stored analyses nothing: no worker process starts and loads a
    pipeline (seconds each, and a gigabyte of memory)."""
    from liaison.scale import process
    from liaison.scale.executors import ProcessExecutor
    path = tmp_path / "one.jsonl"
    said = "Interior ministers of France and Morocco met in Rabat on Monday to discuss returns."
    path.write_text(json.dumps({"url": "https://example.org/1", "text": said}) + "\n", encoding="utf-8")
    with ProcessExecutor(2) as executor:
        assert process([str(path)], store, executor).analysed == 1 and executor._pool is not None
    with ProcessExecutor(2) as executor:
        assert process([str(path)], store, executor).analysed == 0 and executor._pool is None


# ---------------------------------------------------------------- streaming
def test_batches_are_written_before_the_sources_are_read_to_the_end(tmp_path, store):
    from liaison.scale import process
    from liaison.settings import Settings
    path = tmp_path / "many.jsonl"
    text = "Interior ministers of France and Morocco met in Rabat on day {} to discuss returns."
    path.write_text("".join(json.dumps({"url": f"https://example.org/{i}", "text": text.format(i)}) + "\n"
                            for i in range(40)), encoding="utf-8")
    stored_at_first_write = []

    def progress(_n: int) -> None:
        stored_at_first_write.append(store.counts()["documents"])
    summary = process([str(path)], store, settings=Settings(batch_size=5), progress=progress)
    assert summary.analysed == 40 and store.counts()["documents"] == 40
    assert stored_at_first_write[0] <= 10 and len(stored_at_first_write) == 8


# ---------------------------------------------------------------- resume after a kill
@pytest.mark.parametrize("executor, backend", [("--workers=1", "sqlite"), ("--workers=2", "postgresql"),
                                               ("dask", "postgresql")])
def test_a_killed_ingest_resumes_with_every_executor(tmp_path, request, executor, backend):
    import gzip

    from liaison.store import connect
    sample = tmp_path / "news.jsonl"
    with gzip.open(NEWS_150, "rt", encoding="utf-8") as fh:
        sample.write_text("".join(line for _, line in zip(range(40), fh, strict=False)), encoding="utf-8")
    option = f"--dask={request.getfixturevalue('dask_cluster')}" if executor == "dask" else executor
    db = fresh_url(request, backend, "kill")
    proc = subprocess.Popen([LIAISON, "--db", db, "ingest", option, str(sample)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    store, analysed, deadline = None, 0, time.time() + 180
    while time.time() < deadline and proc.poll() is None and analysed == 0:
        time.sleep(0.2)
        try:
            store = store or connect(db)
            analysed = scalar(store, "select count(*) from documents where analysed_version is not null")
        except Exception:
            continue            # schema not created yet
    assert proc.poll() is None, "the ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < analysed < 40
    res = cli(db, "ingest", option, str(sample))
    assert res.returncode == 0, res.stderr
    assert scalar(store, "select count(*) from documents") == 40
    assert scalar(store, "select count(*) from documents where analysed_version is null") == 0
    assert scalar(store, "select count(*) from documents where claimed_by is not null") == 0
    assert scalar(store, "select count(*) from (select id from facts group by id having count(*) > 1) d") == 0


# ---------------------------------------------------------------- two ingests at once
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_ingests_at_once_store_and_analyse_each_document_once(tmp_path, request, backend):
    from liaison.store import connect
    lines = DEV.read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(lines[:8]), encoding="utf-8")
    second.write_text("".join(lines[4:12]), encoding="utf-8")          # 4 articles in both
    db = fresh_url(request, backend, "twice")
    procs = [subprocess.Popen([LIAISON, "--db", db, "ingest", "--workers", "1", str(src)], text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for src in (first, second)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    analysed = [int(re.search(r"analysed: (\d+)", out).group(1)) for out, _ in outs]
    assert sum(analysed) == 12, analysed                   # each document analysed by one run only
    store = connect(db)
    assert scalar(store, "select count(*) from documents") == 12
    assert scalar(store, "select count(*) from documents where analysed_version is null") == 0
    assert not any("Error" in err for _, err in outs)
