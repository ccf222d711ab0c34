"""Bulk writes: COPY on PostgreSQL, batched executemany on SQLite. One call for any row count."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from sqlalchemy import JSON, Connection, Table, insert

CHUNK = 5_000


def insert_rows(conn: Connection, table: Table, rows: Iterable[dict]) -> int:
    """Insert `rows` (dicts keyed by column name; missing columns are NULL) inside `conn`'s transaction."""
    if conn.dialect.name == "postgresql":
        return _copy(conn, table, rows)
    n = 0
    for chunk in _chunks(rows):
        conn.execute(insert(table), chunk)
        n += len(chunk)
    return n


def _copy(conn: Connection, table: Table, rows: Iterable[dict]) -> int:
    it = iter(rows)
    first = next(it, None)
    if first is None:
        return 0
    # the columns the rows name; the others take their server defaults
    columns = [c for c in table.columns if c.name in first]
    json_cols = {c.name for c in columns if isinstance(c.type, JSON)}
    cursor = conn.connection.dbapi_connection.cursor()
    n = 0
    with cursor.copy(f"COPY {table.name} ({', '.join(c.name for c in columns)}) FROM STDIN") as copy:
        for row in chain([first], it):
            # JSON as the text SQLAlchemy's JSON type writes, so both write paths store the same payload
            copy.write_row([json.dumps(row[c.name]) if c.name in json_cols and row[c.name] is not None
                            else row.get(c.name) for c in columns])
            n += 1
    return n


def _chunks(rows: Iterable[dict]) -> Iterator[list[dict]]:
    it = iter(rows)
    while chunk := list(islice(it, CHUNK)):
        yield chunk
