"""The stage registry: the ordered analysis stages, what each needs and assigns, and their versions.

Each stage is a function over a batch of Documents (list[Document] -> list[Document]) declared
here with a name, a version, the Document fields it requires and the fields it assigns, as spaCy
components declare theirs; `check_stages` refuses a list where a stage needs a field that neither
ingest nor an earlier stage assigns. The pipeline version (a hash of names and versions) is stored
per document, so a changed stage re-analyses what it changed.

`run_stages` is pure: it touches no file or database. A stage failing on one document is retried
document by document; the failure is returned for the caller (the runner) to record, and the
batch goes on. The runner and its executors live in `liaison.scale`.
"""
from __future__ import annotations

import functools
import hashlib
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from liaison.errors import StageContractError
from liaison.records import Document

# What ingest (clean) fills in before any stage runs.
INGESTED = ("id", "source", "text", "raw", "url", "title", "lang", "published", "outlet", "authors",
            "duplicate_of", "offset_map", "meta")


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    target: str                          # "module:function"; function(list[Document]) -> list[Document]
    requires: tuple[str, ...] = ()       # Document fields read
    assigns: tuple[str, ...] = ()        # Document fields written

    def load(self) -> Callable[[list[Document]], list[Document]]:
        return _load(self.target)


@functools.cache
def _load(target: str) -> Callable[[list[Document]], list[Document]]:
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)


STAGES: tuple[Stage, ...] = (
    Stage("nlp", "4", "liaison.nlp.pipelines:parse_batch",
          requires=("text", "lang"), assigns=("sentences", "parsed", "tokens")),
    Stage("mentions", "3", "liaison.understand.mentions:find_mentions_batch",
          requires=("text", "lang", "published", "meta", "sentences", "parsed"), assigns=("mentions",)),
    Stage("actors", "3", "liaison.understand.actors:resolve_actors_batch",
          requires=("text", "lang", "mentions", "sentences", "parsed"), assigns=("entities",)),
    Stage("extract", "3", "liaison.extract:extract_batch",
          requires=("text", "raw", "lang", "published", "meta", "sentences", "parsed", "tokens", "mentions",
                    "entities"),
          assigns=("events", "commitments", "figures", "quotes")),
)


def check_stages(stages: Sequence[Stage] = STAGES) -> None:
    """Every field a stage requires is assigned by ingest or by an earlier stage."""
    available = set(INGESTED)
    fields = set(Document.__dataclass_fields__)
    for stage in stages:
        unknown = (set(stage.requires) | set(stage.assigns)) - fields
        if unknown:
            raise StageContractError(f"stage {stage.name!r} names fields a Document does not have: "
                                     f"{', '.join(sorted(unknown))}")
        missing = set(stage.requires) - available
        if missing:
            raise StageContractError(f"stage {stage.name!r} requires {', '.join(sorted(missing))}, "
                                     "which no earlier stage assigns", hint="reorder the stages in STAGES")
        available |= set(stage.assigns)


def pipeline_version(stages: Sequence[Stage] = STAGES) -> str:
    blob = "|".join(f"{s.name}={s.version}" for s in stages)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class StageFailure:
    """One document a stage could not process: recorded as an issue, the document goes on."""
    source: str
    doc_id: str
    stage: str
    message: str


def run_stages(docs: list[Document], stages: Sequence[Stage] = STAGES
               ) -> tuple[list[Document], list[StageFailure]]:
    """Run every stage over a batch; a document a stage fails on keeps what earlier stages found."""
    failures: list[StageFailure] = []
    for stage in stages:
        func = stage.load()
        try:
            docs = func(docs)
        except Exception:
            docs = [_run_one(func, stage, doc, failures) for doc in docs]
    return docs, failures


def _run_one(func, stage: Stage, doc: Document, failures: list[StageFailure]) -> Document:
    try:
        [done] = func([doc])
        return done
    except Exception as exc:
        failures.append(StageFailure(doc.source, doc.id, stage.name, f"{type(exc).__name__}: {exc}"))
        return doc


def analyse(docs: list[Document]) -> list[Document]:
    """Analyse documents in memory, without a store (Python API and tests)."""
    return run_stages(list(docs))[0]


def load_models(languages: Sequence[str] | None = None) -> list[str]:
    """Load every stage and the spaCy pipeline of each configured language now (a worker does this
    once when it starts, not per task); returns the languages whose pipeline loaded."""
    from liaison.nlp.pipelines import load
    from liaison.settings import get_settings
    for stage in STAGES:
        stage.load()
    langs = languages if languages is not None else sorted(get_settings().pipelines)
    return [lang for lang in langs if load(lang) is not None]


check_stages()
