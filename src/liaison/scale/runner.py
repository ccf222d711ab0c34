"""The runner: it owns the I/O. It reads the sources, stores documents, hands batches to an
executor (serial, local processes or Dask: the same documents come back whichever runs), writes each
batch's facts as it finishes, and links the corpus at the end.

A kill at any point loses at most the batches in flight: documents are stored before analysis,
each batch's facts and "analysed" mark are written in one transaction, and the next run picks up
every document still waiting (claims of a dead run are released).
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from liaison.errors import OfficeFileError
from liaison.link import LinkInput, link_records
from liaison.link.decisions import report_refused
from liaison.pipeline import pipeline_version
from liaison.records import Document
from liaison.scale.documents import Intake, IssueHook, RunSummary, claimed_documents
from liaison.scale.executors import Executor, SerialExecutor
from liaison.scale.work import AnalysedBatch
from liaison.settings import Settings, get_settings
from liaison.store import runs
from liaison.store.offices import curated_rows


def process(sources: Iterable[str], store, executor: Executor | None = None,
            settings: Settings | None = None, progress: Callable[[int], None] | None = None,
            on_issue: IssueHook | None = None) -> RunSummary:
    """Store and analyse every document the sources give, then re-link the corpus.

    `progress(n)` is called as each batch of n documents is written; `on_issue(source, message)`
    for each input that could not be used (it is also recorded in the issues table)."""
    settings = settings or get_settings()
    executor = executor or SerialExecutor()
    summary = RunSummary()
    intake = Intake(store, settings, summary, pipeline_version(), on_issue)
    run_id = runs.start_run(store)
    try:
        started = time.perf_counter()
        docs = claimed_documents(sources, intake, run_id)
        for result in executor.map(batches(docs, settings.batch_size)):
            save_batch(store, run_id, intake.version, result, summary)
            if progress:
                progress(len(result.facts))
        linking = time.perf_counter()
        summary.linked = link_corpus(store)
        summary.seconds = {"analyse": linking - started, "link": time.perf_counter() - linking}
    finally:
        runs.finish_run(store, run_id)
    return summary


def batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def save_batch(store, run_id: str, version: str, result: AnalysedBatch, summary: RunSummary) -> None:
    issues = [{"source": f.source, "stage": f.stage, "message": f.message, "doc_id": f.doc_id}
              for f in result.failures]
    store.save_analyses(version, result.facts, issues)
    runs.touch_run(store, run_id)
    summary.analysed += len(result.facts)
    summary.stage_failures += len(result.failures)


def _curated_offices(store) -> list[dict]:
    """The curated office terms; a broken curated file is an issue of the run, not the end of linking
    (the terms already loaded into the store still count)."""
    tsv = get_settings().offices_tsv
    try:
        return curated_rows(store, tsv)
    except OfficeFileError as exc:
        store.record_issue(str(tsv), "link", str(exc))
        return curated_rows(store)


def link_corpus(store) -> dict[str, int]:
    """Re-link the whole corpus from the stored facts and swap in the linked view; counts by kind.

    The one place linking is called from (ingest, `liaison link`, analyst decisions)."""
    with store.linking():
        facts: dict[str, list[dict]] = defaultdict(list)
        for row in store.iter_facts():
            facts[row["kind"]].append(row)
        decisions = store.decisions()
        given = LinkInput(facts=dict(facts), duplicates=store.duplicate_map(), decisions=decisions,
                          labels=store.document_labels(), published=store.document_days(),
                          curated_offices=_curated_offices(store))
        linked = store.replace_linked(link_records(given))
    report_refused(store, decisions)        # a decision that no longer fits is reported, not fatal
    return linked
