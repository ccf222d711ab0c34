"""Liaison: news about state cooperation on security and migration, turned into a sourced record.

The Python API:

    from liaison import analyse, clean_text, connect, process
    store = connect("sqlite:///liaison.db")
    summary = process(["examples/news"], store)       # store, analyse and link, as `liaison ingest`
    [doc] = analyse([clean_text("...article...", source="note.txt")])   # in memory, no store
    doc.events, doc.entities, doc.commitments, doc.figures, doc.quotes

`process` takes an executor for parallel runs: `liaison.scale.make_executor(workers=4)` or
`make_executor(dask="tcp://HOST:8786")`.
"""
from __future__ import annotations

__version__ = "0.1.0"

# Imported on first use: `import liaison.settings` in a worker process stays light.
_API = {"analyse": "liaison.pipeline", "connect": "liaison.store", "process": "liaison.scale"}


def __getattr__(name: str):
    if name in _API:
        import importlib
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'liaison' has no attribute {name!r}")


def clean_text(text: str, source: str = "<text>", url: str | None = None, published: str | None = None):
    """A Document from plain article text (cleaned, language identified), ready for `analyse`."""
    from liaison.ingest.clean import clean
    from liaison.records import RawDocument
    return clean(RawDocument(source=source, raw=text, url=url, published=published))


__all__ = ["analyse", "clean_text", "connect", "process", "__version__"]
