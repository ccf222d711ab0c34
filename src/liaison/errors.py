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
  L9xx  watchlists and curated office terms (watch, offices)
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
    """A source (file, folder, URL, feed item) could not be turned into an article.

    Ingest yields these instead of raising them, one per bad source, so a batch goes on; each
    becomes an `issues` row whose message leads with the code ("[L102] empty file").
    """

    code = "L100"
    stage = "ingest"        # the issues row's stage
    warning = False         # True: the article was kept and the row only reports a doubt

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None,
                 stage: str | None = None):
        super().__init__(message, source=source, hint=hint)
        self.reason = message
        self.message = f"[{self.code}] {message}"
        if stage:
            self.stage = stage

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message}" + (f" ({self.hint})" if self.hint else "")

    def at(self, source: str) -> InputError:
        """The same problem, named by another source (a decoder does not know its file)."""
        return type(self)(self.reason, source=source, hint=self.hint, stage=self.stage)


class SourceMissing(InputError):
    """No such file or folder: check the path."""

    code = "L101"


class SourceEmpty(InputError):
    """The file or download holds no bytes."""

    code = "L102"


class SourceTooLarge(InputError):
    """Over the size cap (LIAISON_MAX_BYTES), counted after decompression and decoding."""

    code = "L103"


class SourceUndecodable(InputError):
    """Binary content, or bytes no supported encoding reads."""

    code = "L104"


class SourceMalformed(InputError):
    """A JSON, JSON Lines, gzip or feed file that its parser refuses (or nests too deep)."""

    code = "L105"


class SourceUnreadable(InputError):
    """The operating system refused to read the file or folder (permissions, I/O)."""

    code = "L106"


class UnsafeURL(InputError):
    """A URL whose host is a loopback, private, link-local, multicast or reserved address
    (set LIAISON_ALLOW_PRIVATE_URLS=true to fetch such hosts on purpose)."""

    code = "L107"


class FetchFailed(InputError):
    """A download failed: HTTP error, timeout, overall deadline, too many redirects, unreachable."""

    code = "L108"


class DecodedWithFallback(InputError):
    """A warning: the bytes are not valid UTF-8 and were read as Windows-1252; the article is kept."""

    code = "L109"
    warning = True


class UnsupportedScheme(InputError):
    """Only http and https URLs are fetched."""

    code = "L110"


class ReaderFailed(InputError):
    """A reader failed on this source in a way nobody foresaw; the batch goes on without it."""

    code = "L111"


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


class SelfMerge(DecisionError):
    """A merge names the same entity twice."""

    code = "L501"


class UnknownEntity(DecisionError):
    """A decision names an entity id that the linked view does not hold."""

    code = "L502"


class MergeNeedsOther(DecisionError):
    """A merge names only one entity: give the id of the entity to merge into it."""

    code = "L503"


class UnknownAction(DecisionError):
    """A decision is neither merge nor split."""

    code = "L504"


class NothingToSplit(DecisionError):
    """A split names an entity seen in one document only: there is nothing to take apart."""

    code = "L505"


class DecisionNotApplied(DecisionError):
    """A stored decision no longer matches the linked corpus (its entity is gone); it is skipped."""

    code = "L506"


# ---------------------------------------------------------------- L6xx stages
class StageError(LiaisonError):
    """An analysis stage failed on one document; the batch goes on."""

    code = "L600"


# ---------------------------------------------------------------- L7xx API
class RequestError(LiaisonError):
    """An API request is malformed or not allowed."""

    code = "L700"


class InvalidParameter(RequestError):
    """A query, path or body field is missing or out of range (HTTP 422)."""

    code = "L701"


class NotFound(RequestError):
    """No record, job or page at this address (HTTP 404)."""

    code = "L702"


class MethodNotAllowed(RequestError):
    """The address exists but not for this HTTP method; see the Allow header (HTTP 405)."""

    code = "L703"


class Unauthorized(RequestError):
    """A write without the right API token (HTTP 401)."""

    code = "L704"


class WritesDisabled(RequestError):
    """Writes are off: the server has no LIAISON_API_TOKEN (HTTP 403)."""

    code = "L705"


class ServerFailed(RequestError):
    """The server failed on a valid request; its log has the traceback (HTTP 500)."""

    code = "L706"


class RequestTooLarge(RequestError):
    """The request body is over the size the server accepts (HTTP 413)."""

    code = "L707"


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


# ---------------------------------------------------------------- L9xx watchlists, offices
class WatchError(LiaisonError):
    """A watchlist cannot be saved or found (unknown kind, bad value, unknown id or name)."""

    code = "L900"


class OfficeFileError(LiaisonError):
    """A curated office-terms TSV cannot be read (missing column, bad date)."""

    code = "L910"
