"""The work an executor ships: analyse one batch of documents. The same function runs in the
runner's process, in a local worker process or on a Dask worker, so every executor gives the same
documents back."""
from __future__ import annotations

import gc
from dataclasses import dataclass

from liaison.facts import document_facts
from liaison.pipeline import StageFailure, load_models, run_stages
from liaison.records import Document
from liaison.settings import Settings, use_settings


@dataclass(frozen=True)
class AnalysedBatch:
    facts: list[tuple[str, list[tuple[str, str, dict]]]]     # (document id, its stored facts)
    failures: list[StageFailure]


def analyse_batch(docs: list[Document]) -> AnalysedBatch:
    done, failures = run_stages(docs)
    # only the facts travel back to the runner, which stores them: the analysed documents (spaCy
    # parse, tokens, mentions) are several times larger, and pickling them cost the runner more
    # than writing their facts
    return AnalysedBatch([(d.id, document_facts(d)) for d in done], failures)


def prepare_worker(settings: dict, warm_up: list[Document] | None = None) -> None:
    """Run once per worker process: take the runner's settings, load every stage and spaCy
    pipeline, and analyse the warm-up documents (so the first real batch is not slower)."""
    use_settings(Settings(**settings))
    load_models()
    if warm_up:
        analyse_batch(warm_up)
    # The loaded models are ~680k objects that live as long as the worker: a full collection walked
    # them all (~0.2 s, about once per 150 articles). Frozen, collections see only the batches' objects.
    gc.freeze()
