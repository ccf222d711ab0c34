"""Filling `listed` columns from the payloads (migrations 0006 and 0010): the projection is the
writer's own (listed.py), so migrated and relinked rows agree. Pages of BATCH rows by id: memory
stays bounded on a million events, and no read is open during a write."""
import json

import sqlalchemy as sa

BATCH = 2_000


def fill_listed(bind, table: str, project, where: str = "") -> None:
    """Set `listed` = project(record) on every row of `table` (those matching the SQL `where`)."""
    page = sa.text(f"SELECT id, payload FROM {table} WHERE {where + ' AND ' if where else ''}id > :last "
                   f"ORDER BY id LIMIT {BATCH}")
    update = sa.text(f"UPDATE {table} SET listed = :listed WHERE id = :id")
    last = ""
    while rows := bind.execute(page, {"last": last}).all():
        updates = []
        for row_id, payload in rows:
            record = {**(payload if isinstance(payload, dict) else json.loads(payload)), "id": row_id}
            updates.append({"id": row_id, "listed": json.dumps(project(record))})
        bind.execute(update, updates)
        last = rows[-1][0]
