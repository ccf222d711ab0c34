"""The Dask executor: batches analysed on an existing dask.distributed cluster.

The pipeline is loaded once per worker by a worker plugin (registered when the runner connects,
and again by any worker that joins later); tasks carry documents only, never the pipeline. The
plugin also checks that the worker runs the same pipeline version as the runner, since a worker
with other code would store other facts.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from distributed import Client, WorkerPlugin, wait
from distributed.client import FutureCancelledError

from liaison.errors import SchedulerUnreachable, WorkerFailed
from liaison.pipeline import pipeline_version
from liaison.records import Document
from liaison.scale.executors import Executor, bounded_map
from liaison.scale.work import AnalysedBatch, analyse_batch, prepare_worker
from liaison.settings import Settings, get_settings


class PipelinePlugin(WorkerPlugin):
    name = "liaison-pipeline"

    def __init__(self, settings: dict, version: str):
        self.settings = settings
        self.version = version

    def setup(self, worker) -> None:
        here = pipeline_version()
        if here != self.version:
            raise RuntimeError(f"worker {worker.address} runs pipeline version {here}, the runner "
                               f"{self.version}: install the same liaison on every worker")
        prepare_worker(self.settings)


class DaskExecutor(Executor):
    name = "dask"

    def __init__(self, address: str, settings: Settings | None = None):
        self.address = address
        self.settings = settings or get_settings()
        self.client = self._connect()
        self.workers = max(1, sum(self.client.nthreads().values()))

    def _connect(self) -> Client:
        try:
            # waits distributed.comm.timeouts.connect (30 s; DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT)
            client = Client(self.address)
        except (OSError, TimeoutError, ValueError) as exc:
            raise SchedulerUnreachable(f"no Dask scheduler answers at {self.address} ({exc})",
                                       hint="start one with `dask scheduler` and workers with "
                                            "`dask worker ADDRESS --nthreads 1`") from None
        try:
            client.register_plugin(PipelinePlugin(self.settings.model_dump(), pipeline_version()))
        except Exception as exc:
            client.close()
            raise WorkerFailed(f"a Dask worker could not load the pipeline: {exc}") from None
        return client

    def warm_up(self, docs: list[Document]) -> None:
        self.client.run(analyse_batch, docs)

    def map(self, batches: Iterable[list[Document]]) -> Iterator[AnalysedBatch]:
        if not self.client.nthreads():
            raise WorkerFailed(f"the Dask cluster at {self.address} has no workers",
                               hint="start some with `dask worker ADDRESS --nthreads 1`")
        submit = lambda batch: self.client.submit(analyse_batch, batch, pure=False)  # noqa: E731
        yield from bounded_map(submit, batches, 2 * self.workers, _wait_first, result=_result)

    def close(self) -> None:
        self.client.close()


def _wait_first(futures: set) -> tuple[set, set]:
    done, pending = wait(list(futures), return_when="FIRST_COMPLETED")
    return set(done), set(pending)


def _result(future) -> AnalysedBatch:
    try:
        return future.result()
    except (FutureCancelledError, OSError) as exc:
        raise WorkerFailed(f"a Dask task was lost ({type(exc).__name__}: {exc})",
                           hint="run again: analysed batches are kept") from exc
    except Exception as exc:
        if type(exc).__name__ == "KilledWorker":
            raise WorkerFailed("Dask workers died while analysing a batch",
                               hint="run again: analysed batches are kept") from exc
        raise
