"""Repository functions: the only SQL in the project. SQLite by default (WAL, one writer at a time),
PostgreSQL by URL. Writes go through `Store.writer`, which on SQLite takes the write lock up front."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from sqlalchemy import Engine, delete, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from liaison.records import LINKED, Document
from liaison.store import dyads, offices, totals
from liaison.store import schema as s
from liaison.store.bulk import insert_rows
from liaison.store.connection import migrate, open_engine, refresh_statistics
from liaison.store.rows import event_country_rows, longest_span_days, record_links, table_rows

IN_CHUNK = 500           # ids per IN (...) list


def connect(url: str) -> Store:
    """Open (and migrate) the store at `url`; a StoreError with one clear line when it cannot."""
    engine = open_engine(url)
    migrate(engine)
    return Store(engine)


def fact_id(doc_id: str, kind: str, payload: dict) -> str:
    blob = json.dumps([doc_id, kind, payload], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def document_row(doc: Document, minhash: list[int] | None) -> dict:
    row = doc.document_json()
    row.update(raw=doc.raw, offset_map=[list(p) for p in doc.offset_map], meta=doc.meta,
               minhash=minhash, analysed_version=None)
    return row


LINK_LOCK = 7_415_212_902      # pg_advisory_lock key: one relink at a time


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.writer = engine.execution_options(sqlite_immediate=True)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=False)

    # ------------------------------------------------------------------ documents
    def document_states(self, ids: Iterable[str]) -> dict[str, str | None]:
        """id -> analysed_version (None: stored, not analysed) for the ids that are stored."""
        c = s.documents.c
        out: dict[str, str | None] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(list(ids)):
                out.update(conn.execute(select(c.id, c.analysed_version).where(c.id.in_(chunk))).all())
        return out

    def document_state(self, doc_id: str) -> tuple[bool, str | None]:
        """(stored?, analysed_version)."""
        states = self.document_states([doc_id])
        return doc_id in states, states.get(doc_id)

    def insert_documents(self, rows: list[dict]) -> set[str]:
        """Insert documents that are not stored yet (an upsert that keeps the first copy); returns
        the ids this call inserted, so two writers of one document never both count it new."""
        if not rows:
            return set()
        dialect_insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        stmt = (dialect_insert(s.documents).values(rows).on_conflict_do_nothing(index_elements=["id"])
                .returning(s.documents.c.id))
        with self.writer.begin() as conn:
            inserted = {r[0] for r in conn.execute(stmt)}
            totals.add(conn, "documents", len(inserted))
        return inserted

    def insert_document(self, doc: Document, minhash: list[int] | None) -> bool:
        return bool(self.insert_documents([document_row(doc, minhash)]))

    def load_documents_bulk(self, rows: Iterable[dict]) -> int:
        """Insert many new documents at once (COPY on PostgreSQL): for generated stores, not ingest."""
        with self.writer.begin() as conn:
            n = insert_rows(conn, s.documents, rows)
            totals.add(conn, "documents", n)
        return n

    def optimise(self) -> None:
        """Refresh the planner statistics after a bulk load (connection.refresh_statistics)."""
        refresh_statistics(self.engine)

    def minhashes(self) -> Iterator[tuple[str, list[int]]]:
        c = s.documents.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.id, c.minhash).where(c.duplicate_of.is_(None))
                                .where(c.minhash.is_not(None)).order_by(c.id))
            yield from map(tuple, rows)     # plain (id, minhash) tuples, not Row objects

    def load_documents(self, ids: list[str]) -> list[Document]:
        """The stored documents with these ids, in the order given."""
        found: dict[str, Document] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                rows = conn.execute(select(s.documents).where(s.documents.c.id.in_(chunk))).mappings()
                found.update((r["id"], _row_to_document(r)) for r in rows)
        return [found[i] for i in ids if i in found]

    def load_document(self, doc_id: str) -> Document:
        [doc] = self.load_documents([doc_id])
        return doc

    def pending_documents(self, version: str) -> list[str]:
        """Ids of stored documents whose analysis is missing or older than `version` (resume)."""
        c = s.documents.c
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(c.id).where(_not_analysed(version)).order_by(c.id))]

    def save_analyses(self, version: str, analyses: list[tuple[str, list[tuple[str, str, dict]]]],
                      issues: list[dict] = ()) -> None:
        """Replace the facts of a batch of documents, mark them analysed and record the batch's
        issues, in one transaction (a kill leaves each document analysed with all its facts, or
        waiting)."""
        ids = [doc_id for doc_id, _ in analyses]
        rows = [{"id": fid, "doc_id": doc_id, "kind": kind, "stage": stage, "payload": payload}
                for doc_id, facts in analyses for fid, kind, stage, payload in _unique_facts(doc_id, facts)]
        with self.writer.begin() as conn:
            for chunk in _chunks(ids):
                conn.execute(delete(s.facts).where(s.facts.c.doc_id.in_(chunk)))
            insert_rows(conn, s.facts, rows)
            for chunk in _chunks(ids):
                conn.execute(update(s.documents).where(s.documents.c.id.in_(chunk))
                             .values(analysed_version=version, claimed_by=None))
            if issues:
                conn.execute(insert(s.issues), list(issues))
                totals.add(conn, "issues", len(issues))

    def save_analysis(self, doc_id: str, version: str, rows: Iterable[tuple[str, str, dict]]) -> None:
        self.save_analyses(version, [(doc_id, list(rows))])

    def iter_documents(self) -> Iterator[dict]:
        with self.engine.connect().execution_options(yield_per=200) as conn:
            for row in conn.execute(select(s.documents).order_by(s.documents.c.id)).mappings():
                yield dict(row)

    def iter_facts(self, kind: str | None = None) -> Iterator[dict]:
        q = select(s.facts).order_by(s.facts.c.doc_id, s.facts.c.id)
        if kind:
            q = q.where(s.facts.c.kind == kind)
        with self.engine.connect().execution_options(yield_per=2000) as conn:
            for row in conn.execute(q).mappings():
                yield dict(row)

    def document_days(self) -> dict[str, str | None]:
        """id -> published day: the dates office attestations are read on at linking."""
        c = s.documents.c
        with self.engine.connect() as conn:
            return dict(conn.execute(select(c.id, c.published)).all())

    def document_labels(self) -> dict[str, str]:
        """id -> "outlet, date" (or the source name): how explanations name a document."""
        c = s.documents.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.id, c.outlet, c.source, c.published)).all()
        return {i: f"{outlet or Path(str(source)).name}, {published or 'undated'}"
                for i, outlet, source, published in rows}

    def duplicate_map(self) -> dict[str, str]:
        c = s.documents.c
        with self.engine.connect() as conn:
            return dict(conn.execute(select(c.id, c.duplicate_of).where(c.duplicate_of.is_not(None))).all())

    # ------------------------------------------------------------------ issues
    def record_issue(self, source: str, stage: str, message: str, doc_id: str | None = None) -> None:
        self.record_issues([{"source": source, "stage": stage, "message": message, "doc_id": doc_id}])

    def record_issues(self, issues: list[dict]) -> None:
        if issues:
            with self.writer.begin() as conn:
                conn.execute(insert(s.issues), issues)
                totals.add(conn, "issues", len(issues))

    def list_issues(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(s.issues).order_by(s.issues.c.id)).mappings()]

    # ------------------------------------------------------------------ linked view
    @contextmanager
    def linking(self):
        """One relink at a time. On PostgreSQL two ingests that end together would each read the
        facts, then each swap in a linked view; the second one's delete cannot see the first one's
        fresh rows and its inserts collide. A session advisory lock makes the second wait and then
        link the facts of both. (SQLite's writer lock already serialises the swap.)"""
        if self.engine.dialect.name != "postgresql":
            yield
            return
        with self.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LINK_LOCK})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LINK_LOCK})
                conn.commit()

    def replace_linked(self, records: dict[str, Iterable]) -> dict[str, int]:
        """Swap in freshly linked records (by kind: SCHEMA.md dicts or records.LINKED records), all
        tables in one transaction; the row builders give each table its filter columns. Records may
        stream (any iterable): they are written a chunk at a time."""
        counts = {}
        with self.writer.begin() as conn:
            for kind, recs in records.items():
                conn.execute(delete(s.LINKED_TABLES[kind]))
                conn.execute(delete(s.record_entities).where(s.record_entities.c.kind == kind))
                conn.execute(delete(s.record_documents).where(s.record_documents.c.kind == kind))
                if kind == "event":
                    conn.execute(delete(s.event_countries))
                if kind == "entity":
                    conn.execute(delete(s.office_attestations))
                spans, tally = [0], dyads.DyadTally()
                counts[kind] = sum(_write_linked(conn, kind, chunk, spans, tally)
                                   for chunk in _chunks(recs, 5_000))
                totals.set_total(conn, kind, counts[kind])
                if kind == "event":
                    totals.set_total(conn, totals.EVENT_SPAN, max(spans))
                    dyads.replace(conn, tally)
        return counts

    def linked(self, kind: str) -> list[dict]:
        table = s.LINKED_TABLES[kind]
        with self.engine.connect() as conn:
            return [r["payload"]
                    for r in conn.execute(select(table.c.payload).order_by(table.c.id)).mappings()]

    def records(self, kind: str) -> list:
        """The linked view as typed records (records.LINKED: LinkedEvent, LinkedEntity, ...), by id."""
        return [LINKED[kind].from_json(payload) for payload in self.linked(kind)]

    def decisions(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(s.decisions).order_by(s.decisions.c.id)).mappings()]

    def add_decision(self, action: str, entity_a: str, entity_b: str | None, note: str = "") -> None:
        with self.writer.begin() as conn:
            conn.execute(insert(s.decisions).values(action=action, entity_a=entity_a,
                                                    entity_b=entity_b, note=note))

    def counts(self) -> dict[str, int]:
        """Rows per table (documents, entity, event, commitment, figure, quote, issues), as kept
        by the writers."""
        with self.engine.connect() as conn:
            kept = totals.read_all(conn)
        return {name: kept[name] for name in s.COUNTED}


def _write_linked(conn, kind: str, records: list, spans: list[int], tally: dyads.DyadTally) -> int:
    records = [r if isinstance(r, dict) else r.to_json() for r in records]
    rows = table_rows(kind, records)
    insert_rows(conn, s.LINKED_TABLES[kind], rows)
    if kind == "event":
        insert_rows(conn, s.event_countries, event_country_rows(rows))
        spans.append(longest_span_days(rows))
        tally.add(rows)
    if kind == "entity":
        offices.write_attestations(conn, records)
    entities, documents = record_links(kind, records)
    insert_rows(conn, s.record_entities, entities)
    insert_rows(conn, s.record_documents, documents)
    return len(rows)


def _not_analysed(version: str):
    c = s.documents.c
    return c.analysed_version.is_(None) | (c.analysed_version != version)


def _unique_facts(doc_id: str, facts: list[tuple[str, str, dict]]) -> Iterator[tuple[str, str, str, dict]]:
    seen = set()
    for kind, stage, payload in facts:
        fid = fact_id(doc_id, kind, payload)
        if fid not in seen:
            seen.add(fid)
            yield fid, kind, stage, payload


def _chunks(items: Iterable, size: int = IN_CHUNK) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _row_to_document(row) -> Document:
    return Document(id=row["id"], source=row["source"], text=row["text"], raw=row["raw"],
                    url=row["url"], title=row["title"], lang=row["lang"],
                    published=row["published"], outlet=row["outlet"],
                    authors=tuple(row["authors"] or ()), duplicate_of=row["duplicate_of"],
                    offset_map=tuple(tuple(p) for p in row["offset_map"] or ()),
                    meta=row["meta"] or {})
