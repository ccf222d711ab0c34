"""Scale: the runner (sources in, facts and linked records out) and its executors.

    from liaison.scale import process, make_executor
    with make_executor(workers=2) as executor:          # or dask="tcp://HOST:8786"
        summary = process(["articles.jsonl"], store, executor)
"""
from __future__ import annotations

from liaison.scale.documents import RunSummary
from liaison.scale.executors import Executor, ProcessExecutor, SerialExecutor, default_workers, make_executor
from liaison.scale.runner import link_corpus, process

__all__ = ["Executor", "ProcessExecutor", "RunSummary", "SerialExecutor", "default_workers", "link_corpus",
           "make_executor", "process"]
