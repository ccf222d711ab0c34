"""(being written)"""
from __future__ import annotations

from liaison.records import Document, Mention


def date_mentions(doc: Document) -> list[Mention]:
    return []
