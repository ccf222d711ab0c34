"""Link: across articles, one entity per real person or body and one event per real event;
commitments marked fulfilled or overdue. Rebuilds the linked tables from the stored facts."""
from __future__ import annotations

from liaison.link.corpus import link_corpus

__all__ = ["link_corpus"]
