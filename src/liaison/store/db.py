"""Repository functions: the only SQL in the project. SQLite by default (WAL, one writer)."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, delete, event, insert, select, update

from liaison.records import Document
from liaison.store import schema as s


def connect(url: str) -> Store:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine)
    store.migrate()
    return store


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def fact_id(doc_id: str, kind: str, payload: dict) -> str:
    blob = json.dumps([doc_id, kind, payload], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    # ------------------------------------------------------------------ schema
    def migrate(self) -> None:
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    # ------------------------------------------------------------------ documents
    def document_state(self, doc_id: str) -> tuple[bool, str | None]:
        """(stored?, analysed_version)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(s.documents.c.analysed_version)
                               .where(s.documents.c.id == doc_id)).first()
        return (row is not None, row[0] if row else None)

    def insert_document(self, doc: Document, minhash: list[int] | None) -> None:
        row = doc.document_json()
        row.update(raw=doc.raw, offset_map=[list(p) for p in doc.offset_map], meta=doc.meta,
                   minhash=minhash, analysed_version=None)
        with self.engine.begin() as conn:
            conn.execute(insert(s.documents).values(**row))

    def minhashes(self) -> Iterator[tuple[str, list[int]]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.documents.c.id, s.documents.c.minhash)
                                .where(s.documents.c.duplicate_of.is_(None))
                                .where(s.documents.c.minhash.is_not(None)))
            yield from map(tuple, rows)     # plain (id, minhash) tuples, not Row objects

    def load_document(self, doc_id: str) -> Document:
        with self.engine.connect() as conn:
            row = conn.execute(select(s.documents).where(s.documents.c.id == doc_id)).mappings().one()
        return _row_to_document(row)

    def pending_documents(self, version: str) -> list[str]:
        """Ids of stored documents whose analysis is missing or older than `version` (resume)."""
        c = s.documents.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.id).where((c.analysed_version.is_(None)) |
                                                   (c.analysed_version != version)).order_by(c.id))
            return [r[0] for r in rows]

    def save_analysis(self, doc_id: str, version: str, rows: Iterable[tuple[str, str, dict]]) -> None:
        """Replace a document's facts and mark it analysed, in one transaction (kill-safe)."""
        with self.engine.begin() as conn:
            conn.execute(delete(s.facts).where(s.facts.c.doc_id == doc_id))
            seen = set()
            for kind, stage, payload in rows:
                fid = fact_id(doc_id, kind, payload)
                if fid in seen:
                    continue
                seen.add(fid)
                conn.execute(insert(s.facts).values(id=fid, doc_id=doc_id, kind=kind,
                                                    stage=stage, payload=payload))
            conn.execute(update(s.documents).where(s.documents.c.id == doc_id)
                         .values(analysed_version=version))

    def iter_documents(self) -> Iterator[dict]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(s.documents).order_by(s.documents.c.id)).mappings():
                yield dict(row)

    def iter_facts(self, kind: str | None = None) -> Iterator[dict]:
        q = select(s.facts).order_by(s.facts.c.doc_id, s.facts.c.id)
        if kind:
            q = q.where(s.facts.c.kind == kind)
        with self.engine.connect() as conn:
            for row in conn.execute(q).mappings():
                yield dict(row)

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
        with self.engine.begin() as conn:
            conn.execute(insert(s.issues).values(source=source, stage=stage, message=message,
                                                 doc_id=doc_id))

    def list_issues(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(s.issues).order_by(s.issues.c.id)).mappings()]

    # ------------------------------------------------------------------ linked view
    def replace_linked(self, tables: dict[str, list[dict]]) -> None:
        """Swap in a freshly linked view, all tables in one transaction."""
        with self.engine.begin() as conn:
            for kind, rows in tables.items():
                table = s.LINKED_TABLES[kind]
                conn.execute(delete(table))
                if rows:
                    conn.execute(insert(table), rows)

    def linked(self, kind: str) -> list[dict]:
        table = s.LINKED_TABLES[kind]
        with self.engine.connect() as conn:
            return [r["payload"]
                    for r in conn.execute(select(table.c.payload).order_by(table.c.id)).mappings()]

    def decisions(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(s.decisions).order_by(s.decisions.c.id)).mappings()]

    def add_decision(self, action: str, entity_a: str, entity_b: str | None, note: str = "") -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(s.decisions).values(action=action, entity_a=entity_a,
                                                    entity_b=entity_b, note=note))

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func
        out = {}
        with self.engine.connect() as conn:
            for name, table in [("documents", s.documents), *s.LINKED_TABLES.items(), ("issues", s.issues)]:
                out[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
        return out


def _row_to_document(row) -> Document:
    return Document(id=row["id"], source=row["source"], text=row["text"], raw=row["raw"],
                    url=row["url"], title=row["title"], lang=row["lang"],
                    published=row["published"], outlet=row["outlet"],
                    authors=tuple(row["authors"] or ()), duplicate_of=row["duplicate_of"],
                    offset_map=tuple(tuple(p) for p in row["offset_map"] or ()),
                    meta=row["meta"] or {})
