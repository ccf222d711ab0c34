"""Link: across articles, one entity per real person or body and one event per real event;
commitments marked fulfilled or overdue. Pure functions over fact records: the runner
(`liaison.scale.link_corpus`) reads the facts from the store and writes the linked view."""
from __future__ import annotations

from liaison.link.corpus import LinkInput, link_records

__all__ = ["LinkInput", "link_records"]
