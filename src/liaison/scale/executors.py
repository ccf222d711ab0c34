"""Executors: one interface, several ways to run `analyse_batch` over a stream of batches.

- SerialExecutor: in the runner's own process (the Python API default; `--workers 1`);
- ProcessExecutor: local worker processes (`--workers N`), each loading the pipeline once;
- DaskExecutor (dask_executor.py): an existing dask.distributed cluster (`--dask ADDRESS`).

`map` yields results as batches finish, whatever their order, and keeps at most `window` batches
in flight, so reading the sources never runs far ahead of the analysis (bounded memory).
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import chain

from liaison.errors import WorkerFailed
from liaison.pipeline import load_models
from liaison.records import Document
from liaison.scale.work import AnalysedBatch, analyse_batch, prepare_worker
from liaison.settings import Settings, get_settings


class Executor:
    """Runs batches; a context manager that starts and stops its workers."""

    name = "executor"
    workers = 1

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        pass

    def warm_up(self, docs: list[Document]) -> None:
        """Load everything and analyse `docs` on every worker before timing starts."""

    def map(self, batches: Iterable[list[Document]]) -> Iterator[AnalysedBatch]:
        raise NotImplementedError


class SerialExecutor(Executor):
    name = "serial"

    def warm_up(self, docs: list[Document]) -> None:
        load_models()
        analyse_batch(docs)
        gc.freeze()         # as a worker does once warm (work.prepare_worker): collections skip the models

    def map(self, batches: Iterable[list[Document]]) -> Iterator[AnalysedBatch]:
        for batch in batches:
            yield analyse_batch(batch)


class ProcessExecutor(Executor):
    """Local worker processes, started fresh (spawn: no state inherited from the runner), each
    preparing the pipeline once in its initializer."""

    name = "processes"

    def __init__(self, workers: int, settings: Settings | None = None, warm_up: list[Document] | None = None):
        self.workers = max(1, workers)
        self.settings = settings or get_settings()
        self._warm = warm_up or []
        self._pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_prepare_local_worker,
                                             initargs=(os.getpid(), self.settings.model_dump(), self._warm))
        return self._pool

    def warm_up(self, docs: list[Document]) -> None:
        """Start every worker now (each analyses `docs` as it starts) and wait until all are ready."""
        self.close()
        self._warm = docs
        pool = self._start()
        pids: set[int] = set()
        while len(pids) < self.workers:
            pids |= {f.result() for f in [pool.submit(os.getpid) for _ in range(self.workers)]}

    def map(self, batches: Iterable[list[Document]]) -> Iterator[AnalysedBatch]:
        batches = iter(batches)
        first = next(batches, None)
        if first is None:
            return      # nothing new to analyse (every document already stored): no worker loads a pipeline
        pool = self._start()
        submit = lambda batch: pool.submit(analyse_batch, batch)  # noqa: E731
        yield from bounded_map(submit, chain([first], batches), 2 * self.workers, _wait_first)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


# One thread per worker for the numeric libraries, as Dask's nanny sets for its workers: the
# parallelism is the processes; N workers each starting a BLAS thread per core would fight.
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _prepare_local_worker(parent: int, settings: dict, warm_up: list[Document]) -> None:
    for name, value in ONE_THREAD.items():      # before numpy loads (spawn: nothing is loaded yet)
        os.environ.setdefault(name, value)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    prepare_worker(settings, warm_up)


def _exit_with_parent(parent: int) -> None:
    # A runner killed with SIGKILL cannot stop its pool: each worker notices it was orphaned
    # and exits, instead of holding a spaCy pipeline in memory forever.
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _wait_first(futures: set) -> tuple[set, set]:
    return wait(futures, return_when=FIRST_COMPLETED)


def bounded_map(submit, batches: Iterable[list[Document]], window: int, wait_first,
                result=None) -> Iterator[AnalysedBatch]:
    """Submit batches while fewer than `window` are in flight; yield each result as it finishes."""
    pending: set = set()
    source = iter(batches)
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            batch = next(source, None)
            if batch is None:
                exhausted = True
            else:
                pending.add(submit(batch))
        if not pending:
            return
        done, pending = wait_first(pending)
        for future in done:
            yield (result or _result)(future)


def _result(future: Future) -> AnalysedBatch:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerFailed("a worker process died or could not start (out of memory, killed, or the "
                           "pipeline failed to load)",
                           hint="run again: analysed batches are kept; try fewer --workers") from exc


WORKER_MEMORY = 1 << 30        # a worker holding the spaCy pipelines peaks near 1 GiB


def default_workers() -> int:
    """The machine's cores (those this process may use), as many as its memory can hold."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return cores
    return max(1, min(cores, memory // WORKER_MEMORY))


def make_executor(workers: int | None = None, dask: str | None = None,
                  settings: Settings | None = None) -> Executor:
    """`--dask ADDRESS` wins; else `--workers N` (1: in this process; default: the machine's cores)."""
    if dask:
        from liaison.scale.dask_executor import DaskExecutor
        return DaskExecutor(dask, settings)
    workers = default_workers() if workers is None else workers
    return SerialExecutor() if workers <= 1 else ProcessExecutor(workers, settings)
