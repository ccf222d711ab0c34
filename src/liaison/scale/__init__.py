"""Scale: the runner (sources in, facts and linked records out) and its executors.

    from liaison.scale import make_executor, process
    with make_executor(workers=2) as executor:          # or dask="tcp://HOST:8786"
        summary = process(["articles.jsonl"], store, executor)
"""
from __future__ import annotations

# Imported on first use, so that a command failing early (a bad --db URL) fails fast.
_NAMES = {"RunSummary": "liaison.scale.documents", "Executor": "liaison.scale.executors",
          "ProcessExecutor": "liaison.scale.executors", "SerialExecutor": "liaison.scale.executors",
          "default_workers": "liaison.scale.executors", "make_executor": "liaison.scale.executors",
          "link_corpus": "liaison.scale.runner", "process": "liaison.scale.runner"}


def __getattr__(name: str):
    if name in _NAMES:
        import importlib
        return getattr(importlib.import_module(_NAMES[name]), name)
    raise AttributeError(f"module 'liaison.scale' has no attribute {name!r}")


__all__ = sorted(_NAMES)
