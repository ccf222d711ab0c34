"""Liaison: news about state cooperation on security and migration, turned into a sourced record.

The Python API:

    from liaison import analyse, clean_text, connect, process
    store = connect("sqlite:///liaison.db")
    summary = process(["examples/news"], store)       # store, analyse and link, as `liaison ingest`
    [doc] = analyse([clean_text("...article...", source="note.txt")])   # in memory, no store
    doc.events, doc.entities, doc.commitments, doc.figures, doc.quotes
"""
from __future__ import annotations

from liaison.pipeline import analyse
from liaison.pipeline import ingest as process  # `liaison.ingest` is the ingest package
from liaison.store import connect

__version__ = "0.1.0"


def clean_text(text: str, source: str = "<text>", url: str | None = None, published: str | None = None):
    """A Document from plain article text (cleaned, language identified), ready for `analyse`."""
    from liaison.ingest.clean import clean
    from liaison.records import RawDocument
    return clean(RawDocument(source=source, raw=text, url=url, published=published))


__all__ = ["analyse", "clean_text", "connect", "process", "__version__"]
