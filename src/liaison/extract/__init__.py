"""Extraction: events (PLOVER), commitments, figures, quotes (stage `extract`)."""
from __future__ import annotations

from liaison.records import Document


def extract_batch(docs: list[Document]) -> list[Document]:
    return docs
