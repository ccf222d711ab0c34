"""(being written)"""
from __future__ import annotations

from liaison.records import Document, Mention


def geo_mentions(doc: Document) -> list[Mention]:
    return []
