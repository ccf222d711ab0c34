"""The runner's input side: sources read lazily, cleaned, de-duplicated and stored a batch at a time,
then handed on as the documents this run has claimed for analysis.

Nothing here holds more than one batch of articles: a 100k-article JSONL or feed streams through.
What grows with the corpus is the near-duplicate index (64 integers per original document).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from liaison.ingest.clean import clean
from liaison.ingest.dedupe import NearDuplicateIndex
from liaison.ingest.sources import IngestError, read_sources
from liaison.records import Document
from liaison.settings import Settings
from liaison.store import runs
from liaison.store.db import document_row

IssueHook = Callable[[str, str], None]          # (source, message): an input that could not be used


@dataclass
class RunSummary:
    new: Counter = field(default_factory=Counter)          # by language
    duplicate: Counter = field(default_factory=Counter)    # near-duplicates, by language
    unchanged: int = 0                                     # already stored (re-ingest is a no-op)
    failed: int = 0
    analysed: int = 0
    stage_failures: int = 0
    linked: dict = field(default_factory=dict)             # linked records by kind
    seconds: dict = field(default_factory=dict)            # wall time by phase: analyse, link

    @property
    def ingested(self) -> int:
        return sum(self.new.values()) + sum(self.duplicate.values()) + self.unchanged


@dataclass
class Intake:
    """One run's reading of its sources: the store, the settings, the tallies."""
    store: object
    settings: Settings
    summary: RunSummary
    version: str                        # the pipeline version documents are analysed at
    on_issue: IssueHook | None = None

    def fail(self, source: str, stage: str, message: str, counted: bool = True) -> None:
        # a warning (the article was kept, e.g. decoded as Windows-1252) is reported, not counted failed
        self.summary.failed += counted
        self.store.record_issue(source, stage, message)
        if self.on_issue:
            self.on_issue(source, message)


def store_sources(sources: Iterable[str], intake: Intake) -> Iterator[tuple[list[Document], list[str]]]:
    """Store every document the sources give, exactly once; per batch, yield the documents stored
    now and the ids of those stored before whose analysis is still missing."""
    index = NearDuplicateIndex.from_store(intake.store, intake.settings.near_duplicate_threshold)
    docs = cleaned_documents(sources, intake)
    while chunk := list(islice(docs, intake.settings.batch_size)):
        yield store_batch(chunk, intake, index)


def cleaned_documents(sources: Iterable[str], intake: Intake) -> Iterator[Document]:
    for item in read_sources(sources, intake.settings):
        if isinstance(item, IngestError):
            intake.fail(item.source, item.stage, item.message, counted=not item.warning)
            continue
        try:
            doc = clean(item)
        except Exception as exc:
            intake.fail(item.source, "clean", f"{type(exc).__name__}: {exc}")
            continue
        if not doc.text.strip():
            intake.fail(item.source, "clean", "no article text left after cleaning")
            continue
        yield doc


def store_batch(chunk: list[Document], intake: Intake, index: NearDuplicateIndex
                ) -> tuple[list[Document], list[str]]:
    """Insert the new documents of a batch (in input order, so the first copy is the original);
    returns (inserted documents, ids stored earlier and not yet analysed)."""
    store, summary = intake.store, intake.summary
    states = store.document_states(d.id for d in chunk)
    fresh: dict[str, tuple[Document, list[int]]] = {}
    waiting: list[str] = []
    for doc in chunk:
        if doc.id in states or doc.id in fresh:
            summary.unchanged += 1
            if doc.id in states and states[doc.id] != intake.version and doc.id not in waiting:
                waiting.append(doc.id)
            continue
        signature = index.signature(doc.text)
        doc = doc.with_(duplicate_of=index.find(signature))
        index.add(doc.id, signature, is_duplicate=doc.duplicate_of is not None)
        fresh[doc.id] = (doc, signature)
    inserted = store.insert_documents([document_row(d, sig) for d, sig in fresh.values()])
    for doc, _ in fresh.values():
        if doc.id in inserted:
            (summary.duplicate if doc.duplicate_of else summary.new)[doc.lang or "und"] += 1
        else:
            summary.unchanged += 1      # another run stored it a moment ago
    return [d for d, _ in fresh.values() if d.id in inserted], waiting


def claimed_documents(sources: Iterable[str], intake: Intake, run_id: str) -> Iterator[Document]:
    """The documents this run analyses, claimed a batch at a time: those the sources add, then
    every stored document still waiting for analysis at `version` that no live run holds."""
    store, version = intake.store, intake.version
    for inserted, waiting in store_sources(sources, intake):
        ids = [d.id for d in inserted] + waiting
        claimed = runs.claim(store, run_id, ids, version)
        yield from (d for d in inserted if d.id in claimed)
        yield from store.load_documents([i for i in waiting if i in claimed])
    runs.release_dead_claims(store)
    for ids in runs.unclaimed_pending(store, version, intake.settings.batch_size):
        claimed = runs.claim(store, run_id, ids, version)
        yield from store.load_documents([i for i in ids if i in claimed])
