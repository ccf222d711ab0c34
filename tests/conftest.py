"""Shared fixtures: the real seed articles and dev articles, a fresh store, analysed seeds.

The seeds are bundled in examples/news (with their sources); the dev corpus is read from
../shared when present.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from liaison.evaluate.score import read_jsonl

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "news"
SHARED = ROOT.parent / "shared"
DATA = ROOT / "tests" / "data"


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def data_articles(folder: Path, name: str, *numbers: int) -> Path:
    """Articles of a bundled annotated set (tests/data/{name}-articles.jsonl, as the held-out sets
    are fed: {url, text}), by their number in that set (dev 008 = 8), written to one JSONL file, so
    tests need no ../shared checkout."""
    lines = (DATA / f"{name}-articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    out = folder / f"{name}-{'-'.join(f'{n:03d}' for n in numbers)}.jsonl"
    out.write_text("".join(lines[n - 1] for n in numbers), encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def dev_articles() -> list[dict]:
    """The 24 annotated dev articles as fed to the held-out evaluation ({url, text})."""
    path = DATA / "dev-articles.jsonl"
    return read_jsonl(path)


@pytest.fixture(scope="session")
def dev_docs(dev_articles) -> dict[str, object]:
    """The dev articles cleaned and parsed (the nlp stage only), keyed dev001, dev002, ..."""
    from liaison.ingest.clean import clean
    from liaison.nlp.pipelines import parse_batch
    from liaison.records import RawDocument
    docs = [clean(RawDocument(source=f"dev{i + 1:03d}", raw=a["text"], url=a["url"]))
            for i, a in enumerate(dev_articles)]
    return {d.source: d for d in parse_batch(docs)}


@pytest.fixture
def store(tmp_path):
    from liaison.store import connect
    return connect(f"sqlite:///{tmp_path / 'test.db'}")


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL server (tests/pgserver.py), started on first use, stopped at the end."""
    import pgserver
    server = pgserver.start()
    yield server
    server.stop()


def fresh_url(request, backend: str, name: str) -> str:
    """A new empty database on `backend`: a SQLite file, or a database on the test server."""
    if backend == "sqlite":
        return f"sqlite:///{request.getfixturevalue('tmp_path_factory').mktemp(name) / f'{name}.db'}"
    return request.getfixturevalue("postgres").create_database(name)


def seeded_url(request, backend: str, name: str, *sources: str) -> str:
    """A new database on `backend` holding `sources` (the seeds by default) ingested and linked by the
    real runner: ingested once per session and backend, then copied (tests/fixtures/seeded.py)."""
    from fixtures.seeded import copied_url, pg_copy
    if backend == "sqlite":
        return copied_url(request.getfixturevalue("tmp_path_factory").mktemp(name), *sources)
    return pg_copy(request.getfixturevalue("postgres"), name, *sources)


@pytest.fixture(scope="module", params=BACKENDS)
def seeded_db_url(request) -> str:
    """Module-wide, like db_url: a copy of the ingested seeds, on SQLite then on PostgreSQL."""
    return seeded_url(request, request.param, request.module.__name__.rsplit(".", 1)[-1][:20])


@pytest.fixture(scope="module", params=BACKENDS)
def db_url(request) -> str:
    """Module-wide: the module's tests run once on SQLite and once on PostgreSQL."""
    return fresh_url(request, request.param, request.module.__name__.rsplit(".", 1)[-1][:20])


@pytest.fixture(params=BACKENDS)
def any_store(request):
    """A fresh store on each backend (one test, twice)."""
    from liaison.store import connect
    return connect(fresh_url(request, request.param, "s"))


def clean_file(path: Path):
    from liaison.ingest.clean import clean
    from liaison.records import RawDocument
    return clean(RawDocument(source=str(path), raw=path.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def parsed_seeds() -> dict[str, object]:
    """The five seeds cleaned and parsed (the nlp stage only), keyed by their 3-digit prefix."""
    from liaison.nlp.pipelines import parse_batch
    docs = parse_batch([clean_file(p) for p in sorted(SEEDS.glob("*.txt"))])
    return {Path(d.source).name[:3]: d for d in docs}


@pytest.fixture(scope="session")
def analysed_seeds() -> dict[str, object]:
    """The five seeds cleaned and analysed by every stage, keyed by their 3-digit prefix."""
    from liaison.pipeline import analyse
    docs = [clean_file(p) for p in sorted(SEEDS.glob("*.txt"))]
    return {Path(d.source).name[:3]: d for d in analyse(docs)}
