"""Curated office terms (office_terms) and the inputs the office index needs from the store."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from sqlalchemy import delete, insert, select

from liaison.errors import OfficeFileError
from liaison.store import schema as s

COLUMNS = ("office", "country", "person", "start", "end", "source")
DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")


def read_terms_tsv(path: Path) -> list[dict]:
    """Rows of a curated TSV with the header office, country, person, start, end, source; dates are
    ISO (a year or a month is allowed), an empty end means "still in office"."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise OfficeFileError(f"{path}: missing column(s) {', '.join(missing)}",
                                      hint="the header is: office, country, person, start, end, source")
            rows = [{c: (r.get(c) or "").strip() or None for c in COLUMNS} for r in reader]
    except OSError as exc:
        raise OfficeFileError(f"cannot read {path}: {exc.strerror}") from None
    for n, row in enumerate(rows, start=2):
        if not row["office"] or not row["person"]:
            raise OfficeFileError(f"{path} line {n}: office and person are required")
        for key in ("start", "end"):
            if row[key] and not DAY.match(row[key]):
                raise OfficeFileError(f"{path} line {n}: {key} {row[key]!r} is not an ISO date (YYYY-MM-DD)")
        row["country"] = (row["country"] or "").upper() or None
    return rows


def replace_terms(store, rows: list[dict]) -> int:
    """Swap in a curated file's terms (a reload replaces, never duplicates)."""
    with store.writer.begin() as conn:
        conn.execute(delete(s.office_terms))
        if rows:
            conn.execute(insert(s.office_terms), rows)
    return len(rows)


def curated_terms(store, country: str | None = None) -> list[dict]:
    c = s.office_terms.c
    query = select(s.office_terms).order_by(c.country, c.office, c.start)
    if country:
        query = query.where(c.country == country.upper())
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def document_dates(store, doc_ids) -> dict[str, dict]:
    """doc_id -> {"published", "text"} for the articles given."""
    c = s.documents.c
    out: dict[str, dict] = {}
    ids = list(doc_ids)
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            rows = conn.execute(select(c.id, c.published, c.text).where(c.id.in_(ids[i:i + 500])))
            out.update({d: {"published": p, "text": t} for d, p, t in rows})
    return out


def persons(store, country: str | None = None) -> list[dict]:
    """Person entities (their records), with `country` only those of that state or of none: the
    office timeline of one state need not decode every person of the corpus."""
    e = s.entities.c
    query = select(e.payload).where(e.kind == "person")
    if country:
        query = query.where((e.country == country.upper()) | e.country.is_(None))
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(query.order_by(e.id))]
