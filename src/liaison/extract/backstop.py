"""The learned backstop: which sentences report a state's act, when no lexicon word says so.

Multilingual sentence vectors (nlp/vectors.py) feed two small
logistic-regression heads trained on the visible annotated sets only (`liaison.evaluate.train`):
- `p_event`: the probability that the sentence reports an event an analyst would code;
- `types`: a distribution over PLOVER types for the sentence.
The weights are a small file in the package (backstop.npz, or `settings.backstop_model`), so the
same input always gives the same output and nothing is downloaded. The events stage uses the
backstop to add a sentence no trigger fired on when `p_event` is high, and to drop a weak trigger
in a sentence the backstop finds very unlikely to report an act (a word in another sense).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from liaison.nlp.vectors import embed  # noqa: F401 - the backstop's input, re-exported for training

MODEL_FILE = Path(__file__).with_name("backstop.npz")


@dataclass(frozen=True)
class Heads:
    event_w: np.ndarray    # (512,)
    event_b: float
    type_w: np.ndarray     # (512, T)
    type_b: np.ndarray     # (T,)
    types: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    p_event: float
    type: str
    p_type: float


def model_path() -> Path | None:
    from liaison.settings import get_settings
    configured = get_settings().backstop_model
    if configured:
        return Path(configured)
    return MODEL_FILE if MODEL_FILE.exists() else None


@functools.cache
def load_heads(path: str | None) -> Heads | None:
    if path is None:
        return None
    data = np.load(path)
    return Heads(data["event_w"], float(data["event_b"]), data["type_w"], data["type_b"],
                 tuple(str(t) for t in data["types"]))


def heads() -> Heads | None:
    path = model_path()
    return load_heads(str(path) if path else None)


def read_vectors(vectors: np.ndarray, h: Heads) -> list[Reading]:
    p = 1.0 / (1.0 + np.exp(-(vectors @ h.event_w + h.event_b)))
    logits = vectors @ h.type_w + h.type_b
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(axis=1, keepdims=True)
    best = probs.argmax(axis=1)
    return [Reading(float(p[i]), h.types[best[i]], float(probs[i, best[i]])) for i in range(len(vectors))]


def read_sentences(vectors: np.ndarray) -> list[Reading] | None:
    """The backstop's reading of each sentence vector, or None when no model is installed."""
    h = heads()
    return None if h is None else read_vectors(vectors, h)
