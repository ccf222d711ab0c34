"""Office terms in the store: the curated ones (office_terms) and the attestations the learned ones
are made of (office_attestations, written with the entities)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from sqlalchemy import Connection, delete, insert, select

from liaison.attestations import attestations
from liaison.errors import OfficeFileError
from liaison.store import schema as s
from liaison.store.bulk import insert_rows

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


def curated_rows(store, tsv: str | None = None) -> list[dict]:
    """The curated terms loaded into the store, plus those of the settings' TSV file, if any."""
    return curated_terms(store) + (read_terms_tsv(Path(tsv)) if tsv else [])


# ---------------------------------------------------------------- learned: the attestation projection
def write_attestations(conn: Connection, entities: list[dict]) -> None:
    """The office attestations of freshly written entity records (their people's titled roles),
    with their articles' dates and sentences: the entity writer's step (db.replace_linked)."""
    people = [e for e in entities if e.get("kind") == "person" and e.get("roles")]
    doc_ids = {sp["doc_id"] for e in people for r in e["roles"] for sp in r.get("evidence") or []}
    insert_rows(conn, s.office_attestations, attestations(people, _documents(conn, doc_ids)))


def _documents(conn: Connection, doc_ids) -> dict[str, dict]:
    c = s.documents.c
    out: dict[str, dict] = {}
    ids = sorted(doc_ids)
    for i in range(0, len(ids), 500):
        rows = conn.execute(select(c.id, c.published, c.text).where(c.id.in_(ids[i:i + 500])))
        out.update({d: {"published": p, "text": t} for d, p, t in rows})
    return out


a_ = s.office_attestations.c
IN_ORDER = (a_.entity_id, a_.office, a_.country, a_.published, a_.doc_id)


def learned_of_state(store, country: str) -> list[dict]:
    """One row per (person, office) of the state: first and last day attested, the latest stated
    end, without the evidence (evidence_of gives it for the holders). People of that state or of none:
    a person of another state called by its title is left to that state."""
    from sqlalchemy import func
    code = country.upper()
    query = (select(a_.entity_id, a_.office, a_.country, func.min(a_.person).label("person"),
                    func.min(a_.first_day).label("start"), func.max(a_.last_day).label("end"),
                    func.max(a_.ended_on).label("ended_on"))
             .where(a_.country == code, (a_.entity_country == code) | a_.entity_country.is_(None))
             .group_by(a_.entity_id, a_.office, a_.country).order_by(a_.entity_id, a_.office))
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def evidence_of(store, entity_id: str, office: str, country: str) -> list[dict]:
    """The articles attesting one person in one office of a state, oldest first."""
    query = (select(a_.doc_id, a_.published, a_.text, a_.sentence)
             .where(a_.country == country, a_.entity_id == entity_id, a_.office == office)
             .order_by(a_.published, a_.doc_id))
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def attestations_of_person(store, entity_id: str) -> list[dict]:
    query = select(s.office_attestations).where(a_.entity_id == entity_id).order_by(*IN_ORDER)
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def person_names(store, country: str | None) -> list[dict]:
    """{id, name, aliases, country} of the people of `country` (and of none), from the list
    projection: what links a curated term's person to an entity."""
    e = s.entities.c
    query = select(e.id, e.name, e.country, e.listed).where(e.kind == "person")
    if country:
        query = query.where((e.country == country.upper()) | e.country.is_(None))
    with store.engine.connect() as conn:
        return [{"id": i, "name": n, "country": c, "aliases": (listed or {}).get("aliases") or []}
                for i, n, c, listed in conn.execute(query.order_by(e.id))]
