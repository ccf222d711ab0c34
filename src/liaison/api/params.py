"""Query parameters shared by the REST API and the pages, validated once (422 names the parameter)."""
from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import Query

from liaison import plover
from liaison.api.errors import invalid

EntityKind = Literal["person", "organization", "country", "place"]
Status = Literal["open", "fulfilled", "overdue", "unknown"]

MAX_OFFSET = 1_000_000_000       # far past any corpus, far below SQLite's 64-bit integers

Limit = Query(50, ge=1, le=500, description="Page size (1..500).")
Offset = Query(0, ge=0, le=MAX_OFFSET, description=f"Rows to skip (0..{MAX_OFFSET}).")
Country = Query(None, pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code, e.g. FRA.")


def event_type(value: str | None) -> str | None:
    if value is None:
        return None
    if not plover.is_type(value.upper()):
        raise invalid("type", f"{value!r} is not a PLOVER event type "
                              f"({', '.join(sorted(plover.types()))})")
    return value.upper()


def event_context(value: str | None) -> str | None:
    if value is None:
        return None
    if value.lower() not in plover.contexts():
        raise invalid("context", f"{value!r} is not a PLOVER context")
    return value.lower()


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def date_window(date_from: date | None, date_to: date | None) -> tuple[str | None, str | None]:
    if date_from and date_to and date_from > date_to:
        raise invalid("from", "must not be after 'to'")
    return iso(date_from), iso(date_to)
