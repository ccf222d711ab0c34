"""List rows: what a list shows of a record, not the record. Evidence, mentions, role evidence and
explanations stay on the detail route (`/api/entities/{id}`, `/api/events/{id}`); an entity named
in 3,000 articles is one short row here, not half a megabyte.
"""
from __future__ import annotations

ROW_ALIASES = 10


def entity_row(listed: dict) -> dict:
    """From the store's list projection (listed.listed_entity)."""
    return {**listed, "aliases": listed["aliases"][:ROW_ALIASES], "roles": listed["roles"][:ROW_ALIASES],
            "url": f"/api/entities/{listed['id']}"}


def event_row(listed: dict) -> dict:
    """From the store's list projection (listed.listed_event)."""
    return {**listed, "url": f"/api/events/{listed['id']}"}
