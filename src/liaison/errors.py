"""Liaison's errors: one hierarchy with stable codes, as spaCy numbers its errors.

A user meets the same code wherever the problem surfaces: the CLI prints it, the API puts it in
its error envelope (`{"error": {"code", "message", ...}}`) and the issues table stores it, so a
message can be looked up in the README and scripts can test for it. Messages say what went wrong
and, in `hint`, what to do about it.

Code ranges, one per room:
  L1xx  input: files, folders, URLs, feeds (ingest)
  L2xx  store: database URLs, connections, migrations (store)
  L3xx  settings
  L4xx  data files and languages: lexicons, gazetteers, models (lexicons, gazetteer, nlp)
  L5xx  analyst decisions: merge / split (link)
  L6xx  analysis stages failing on a document (pipeline)
  L7xx  API requests (api)
  L8xx  executors: worker pools, Dask (scale)
Codes are never reused for another meaning; a retired code stays retired.
"""
from __future__ import annotations


class LiaisonError(Exception):
    """Base of every error Liaison raises on purpose."""

    code = "L000"

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"[{self.code}] {where}{self.message}{hint}"

    def to_json(self) -> dict:
        return {"code": self.code, "message": self.message, "source": self.source, "hint": self.hint}


# ---------------------------------------------------------------- L1xx input
class InputError(LiaisonError):
    """A source (file, folder, URL, feed item) could not be turned into an article."""

    code = "L100"


# ---------------------------------------------------------------- L2xx store
class StoreError(LiaisonError):
    """The database cannot be reached, opened or migrated."""

    code = "L200"


class DatabaseURLError(StoreError):
    """The database URL is malformed or names a scheme Liaison cannot use."""

    code = "L201"


class DatabaseUnreachable(StoreError):
    """No database server answers at the URL's host and port."""

    code = "L202"


class DatabaseAuthError(StoreError):
    """The server refused the URL's user name or password."""

    code = "L203"


class DatabaseOpenError(StoreError):
    """The server answered but the database cannot be opened (missing, not a database, no access)."""

    code = "L204"


class MigrationError(StoreError):
    """The schema could not be brought up to date."""

    code = "L205"


# ---------------------------------------------------------------- L3xx settings
class SettingsError(LiaisonError):
    """A setting (LIAISON_* variable or LIAISON_CONFIG file) is missing or invalid."""

    code = "L300"


# ---------------------------------------------------------------- L4xx data and languages
class DataFileError(LiaisonError):
    """A shipped data file (lexicon, gazetteer, model head) is missing or malformed."""

    code = "L400"


class LanguageNotSupported(DataFileError):
    """No lexicon folder exists for the language: the article is stored, not analysed."""

    code = "L401"


# ---------------------------------------------------------------- L5xx decisions
class DecisionError(LiaisonError):
    """An analyst's merge or split decision cannot be applied."""

    code = "L500"


# ---------------------------------------------------------------- L6xx stages
class StageError(LiaisonError):
    """An analysis stage failed on one document; the batch goes on."""

    code = "L600"


# ---------------------------------------------------------------- L7xx API
class RequestError(LiaisonError):
    """An API request is malformed or not allowed."""

    code = "L700"


# ---------------------------------------------------------------- L8xx executors
class ExecutorError(LiaisonError):
    """A worker pool or Dask cluster cannot run the batch."""

    code = "L800"


class SchedulerUnreachable(ExecutorError):
    """No Dask scheduler answers at the given address."""

    code = "L801"


class WorkerFailed(ExecutorError):
    """A worker process died or could not load the pipeline; the batch cannot go on there."""

    code = "L802"


class StageContractError(ExecutorError):
    """The stage registry is inconsistent: a stage needs a field no earlier stage assigns."""

    code = "L803"
