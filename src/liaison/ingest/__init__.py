"""Ingest: read sources, clean, identify language, detect near-duplicates, store raw + clean text."""
from __future__ import annotations

from collections.abc import Iterable

from liaison.ingest.clean import clean
from liaison.ingest.dedupe import NearDuplicateIndex
from liaison.ingest.sources import IngestError, read_sources
from liaison.settings import Settings


def store_sources(sources: Iterable[str], store, settings: Settings, summary) -> None:
    """Store every document the sources give, exactly once; record a clear issue for each failure."""
    index = NearDuplicateIndex.from_store(store, settings.near_duplicate_threshold)
    for item in read_sources(sources, settings):
        if isinstance(item, IngestError):
            # a warning (the article was kept, e.g. decoded as Windows-1252) is reported, not counted failed
            _fail(store, summary, item.source, item.stage, item.message, counted=not item.warning)
            continue
        try:
            doc = clean(item)
        except Exception as exc:
            _fail(store, summary, item.source, "clean", f"{type(exc).__name__}: {exc}")
            continue
        if not doc.text.strip():
            _fail(store, summary, item.source, "clean", "no article text left after cleaning")
            continue
        stored, _ = store.document_state(doc.id)
        if stored:
            summary.unchanged += 1
            continue
        signature = index.signature(doc.text)
        doc = doc.with_(duplicate_of=index.find(signature))
        store.insert_document(doc, signature)
        index.add(doc.id, signature, is_duplicate=doc.duplicate_of is not None)
        (summary.duplicate if doc.duplicate_of else summary.new)[doc.lang or "und"] += 1


def _fail(store, summary, source: str, stage: str, message: str, counted: bool = True) -> None:
    summary.failed += counted
    store.record_issue(source, stage, message)
    from rich.markup import escape

    from liaison.console import warn
    warn(escape(f"{source}: {message}"))
