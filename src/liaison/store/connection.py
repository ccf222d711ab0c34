"""Opening a database: the URL checked, the server reached, the schema migrated under a lock.

Every way a URL can fail becomes one StoreError line naming the problem (bad scheme, no server,
refused credentials, missing database, a file that is no database), raised before anything is
written.
"""
from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, exc, make_url, text
from sqlalchemy.engine import URL

from liaison.errors import (
    DatabaseAuthError,
    DatabaseOpenError,
    DatabaseUnreachable,
    DatabaseURLError,
    MigrationError,
    StoreError,
)

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 7_415_212_901        # pg_advisory_xact_lock key: one migrator at a time
CONNECT_TIMEOUT_S = 10
SQLITE_BUSY_MS = 60_000


def open_engine(url: str) -> Engine:
    """An engine for `url` whose first connection succeeded; StoreError otherwise."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(parsed)
    else:
        engine = create_engine(parsed, connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
                               pool_pre_ping=True)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except exc.DBAPIError as error:
        engine.dispose()
        raise connection_error(parsed, error) from None
    return engine


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except exc.ArgumentError:
        raise DatabaseURLError(f"{url!r} is not a database URL",
                               hint="use sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB") from None
    backend = parsed.get_backend_name()
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")       # psycopg 3 is the driver shipped
    if backend not in ("sqlite", "postgresql") or parsed.drivername not in ("sqlite", "postgresql+psycopg"):
        raise DatabaseURLError(f"unsupported database scheme {parsed.drivername!r}",
                               hint="use sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB")
    if backend == "sqlite":
        _check_sqlite_path(parsed)
    return parsed


def _check_sqlite_path(url: URL) -> None:
    path = url.database
    if not path or path == ":memory:":
        raise DatabaseURLError("an in-memory SQLite database would vanish after this command",
                               hint="name a file: sqlite:///PATH")
    folder = Path(path).expanduser().resolve().parent
    if not folder.is_dir():
        raise DatabaseOpenError(f"cannot create the SQLite file {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise DatabaseOpenError(f"cannot write the SQLite file {path}: folder {folder} is not writable")


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_conn, _record) -> None:
    # Liaison opens transactions itself (below): pysqlite's own would leave DDL outside them.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")     # first: switching to WAL may wait for a lock
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn) -> None:
    # A writer takes the write lock when it begins, so it waits its turn (busy_timeout) instead of
    # failing when another process committed between its first read and its first write.
    immediate = conn.get_execution_options().get("sqlite_immediate")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def connection_error(url: URL, error: exc.DBAPIError) -> StoreError:
    """The one-line error for a failed first connection."""
    detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    where = url.render_as_string(hide_password=True)
    low = detail.lower()
    if url.get_backend_name() == "sqlite":
        return DatabaseOpenError(f"cannot open SQLite database {url.database}: {detail}")
    if "password authentication failed" in low or "no password supplied" in low or "role" in low:
        return DatabaseAuthError(f"the server at {url.host}:{url.port or 5432} refused user "
                                 f"{url.username!r}: {detail}", hint="check the user and password in --db")
    if "database" in low and "does not exist" in low:
        return DatabaseOpenError(f"{detail} on {url.host}:{url.port or 5432}",
                                 hint=f"create it (createdb {url.database}) or fix the URL")
    return DatabaseUnreachable(f"cannot reach the database server at {url.host}:{url.port or 5432} "
                               f"({detail})", hint=f"is PostgreSQL running there? URL: {where}")


# ---------------------------------------------------------------- migrations
def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; concurrent callers wait for the first one."""
    if current_revision(engine) == head_revision():
        return                  # the common case: no lock, no write
    try:
        with engine.execution_options(sqlite_immediate=True).begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except exc.DBAPIError as error:
        raise MigrationError(f"cannot update the database schema: {str(error.orig).splitlines()[0]}",
                             hint="the user needs the right to create tables (and, on PostgreSQL, "
                                  "the unaccent extension from postgresql-contrib)") from None
    # an upgrade may have rewritten rows (0006 fills a column on every event): a million dead row
    # versions made a type filter 20 times slower and search miss its fast plan until autovacuum
    refresh_statistics(engine)


def refresh_statistics(engine: Engine) -> None:
    """Refresh the planner statistics (and, on PostgreSQL, the visibility map index-only scans
    need), as after a bulk load or an upgrade that rewrote rows."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    else:
        with engine.execution_options(sqlite_immediate=True).begin() as conn:    # the write lock first
            conn.exec_driver_sql("ANALYZE")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg
