"""Stage registry and runner: ingest -> clean -> store -> analyse (per-language NLP, understand,
extract) -> facts -> link.

Analysis stages are functions over a batch of Documents, declared in STAGES with a name and a
version; the pipeline version (a hash of those) is stored per document, so a killed run resumes
where it stopped and a changed stage re-analyses what it changed. A stage failing on one document
records an issue for that document and the batch goes on.
"""
from __future__ import annotations

import hashlib
import importlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from liaison.records import Document
from liaison.settings import Settings, get_settings
from liaison.store import Store


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    target: str            # "module:function"; function(list[Document]) -> list[Document]

    def load(self) -> Callable[[list[Document]], list[Document]]:
        module, func = self.target.split(":")
        return getattr(importlib.import_module(module), func)


# The ordered analysis stages (after ingest/clean/store). Each works on a batch of documents.
STAGES: tuple[Stage, ...] = (
    Stage("nlp", "1", "liaison.nlp.pipelines:parse_batch"),
    Stage("mentions", "2", "liaison.understand.mentions:find_mentions_batch"),
    Stage("actors", "2", "liaison.understand.actors:resolve_actors_batch"),
    Stage("extract", "2", "liaison.extract:extract_batch"),
)


def pipeline_version(stages: Sequence[Stage] = STAGES) -> str:
    blob = "|".join(f"{s.name}={s.version}" for s in stages)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


@dataclass
class RunSummary:
    new: Counter = field(default_factory=Counter)          # by language
    duplicate: Counter = field(default_factory=Counter)    # near-duplicates, by language
    unchanged: int = 0                                     # already stored (re-ingest is a no-op)
    failed: int = 0
    analysed: int = 0
    stage_failures: int = 0

    @property
    def ingested(self) -> int:
        return sum(self.new.values()) + sum(self.duplicate.values()) + self.unchanged


def run_stages(docs: list[Document], store: Store | None, stages: Sequence[Stage] = STAGES
               ) -> tuple[list[Document], int]:
    """Run every analysis stage over a batch; isolate failures per document."""
    failures = 0
    for stage in stages:
        func = stage.load()
        try:
            docs = func(docs)
        except Exception:
            survivors = []
            for doc in docs:
                try:
                    survivors.extend(func([doc]))
                except Exception as exc:
                    failures += 1
                    if store is not None:
                        store.record_issue(doc.source, stage.name, f"{type(exc).__name__}: {exc}", doc.id)
                    survivors.append(doc)      # keep what earlier stages found
            docs = survivors
    return docs, failures


def analyse(docs: list[Document]) -> list[Document]:
    """Analyse documents in memory, without a store (Python API and tests)."""
    return run_stages(list(docs), None)[0]


def analyse_pending(store: Store, settings: Settings | None = None, progress=None) -> tuple[int, int]:
    """Analyse every stored document not yet analysed by this pipeline version."""
    from liaison.facts import document_facts
    settings = settings or get_settings()
    version = pipeline_version()
    pending = store.pending_documents(version)
    done = failures = 0
    for i in range(0, len(pending), settings.batch_size):
        batch = [store.load_document(d) for d in pending[i:i + settings.batch_size]]
        batch, failed = run_stages(batch, store)
        failures += failed
        for doc in batch:
            store.save_analysis(doc.id, version, document_facts(doc))
            done += 1
        if progress:
            progress(len(batch))
    return done, failures


def ingest(sources: Iterable[str], store: Store, settings: Settings | None = None,
           progress=None) -> RunSummary:
    """Store and analyse every document the sources give; then re-link the corpus."""
    from liaison.ingest import store_sources
    from liaison.link import link_corpus
    settings = settings or get_settings()
    summary = RunSummary()
    store_sources(sources, store, settings, summary)
    summary.analysed, summary.stage_failures = analyse_pending(store, settings, progress)
    link_corpus(store)
    return summary
