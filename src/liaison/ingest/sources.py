"""Input sources: files (.txt .md .html .json .jsonl, gzipped or not), folders, http(s) URLs,
RSS/Atom feeds, and RawDocuments built in memory (the API's posted articles).

`read_sources` yields a RawDocument for each article and an IngestError for each input that could
not be read, so one broken input never stops a batch: whatever a reader raises on one source
(a parser's RecursionError, a PermissionError, a library bug) becomes that source's error.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from liaison.errors import (
    InputError,
    ReaderFailed,
    SourceEmpty,
    SourceMissing,
    SourceTooLarge,
    SourceUnreadable,
    UnsupportedScheme,
)
from liaison.ingest.decode import decode, gunzip_capped
from liaison.ingest.jsonfile import json_record, looks_like_html, read_json_records, safe_text
from liaison.records import RawDocument
from liaison.settings import Settings

__all__ = ["IngestError", "decode", "json_record", "looks_like_feed", "looks_like_html", "read_bytes",
           "read_json_records", "read_path", "read_sources"]

# Every ingest problem is an InputError (liaison.errors, codes L1xx) carrying .source, .stage and
# .message; the name IngestError is what the ingest runner tests for.
IngestError = InputError

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | {".gz"}


def read_sources(sources: Iterable[str | RawDocument | InputError], settings: Settings
                 ) -> Iterator[RawDocument | IngestError]:
    for source in sources:
        if isinstance(source, InputError):
            yield source            # refused before it got here (a posted record without text)
            continue
        name = source.source if isinstance(source, RawDocument) else str(source)
        yield from guarded(_read_one(source, settings), name)


def guarded(items: Iterator[RawDocument | IngestError], source: str) -> Iterator[RawDocument | IngestError]:
    """The items of one source; an exception ends that source only, as an error naming it."""
    try:
        yield from items
    except Exception as exc:        # deliberately broad: nothing one input does may stop the batch
        yield ReaderFailed(f"could not be read: {type(exc).__name__}: {exc}"[:500], source=source)


def _read_one(source: str | RawDocument, settings: Settings) -> Iterator[RawDocument | IngestError]:
    if isinstance(source, RawDocument):
        yield from _read_posted(source, settings)
    elif source.startswith(("http://", "https://")):
        from liaison.ingest.web import read_url
        yield from read_url(source, settings)
    elif "://" in source:
        yield UnsupportedScheme("unsupported URL scheme: only http and https are fetched", source=source)
    else:
        yield from read_path(Path(source), settings, source)


def _read_posted(raw: RawDocument, settings: Settings) -> Iterator[RawDocument | IngestError]:
    """An article built in memory: the same cap as a file, the same text hygiene as JSON."""
    if len(raw.raw) > settings.max_bytes:
        yield SourceTooLarge(f"text is {len(raw.raw)} characters, over the {settings.max_bytes} cap "
                             "(raise LIAISON_MAX_BYTES to accept it)", source=raw.source)
        return
    yield RawDocument(**{**raw.__dict__, "raw": safe_text(raw.raw)})


def read_path(path: Path, settings: Settings, given: str) -> Iterator[RawDocument | IngestError]:
    try:
        if path.is_dir():
            yield from read_folder(path, settings)
            return
        if not path.exists():
            yield SourceMissing("no such file or folder", source=given)
            return
        yield from read_file(path, settings, given)
    except OSError as exc:
        yield SourceUnreadable(f"cannot be read: {exc.strerror or exc}", source=given)


def read_folder(folder: Path, settings: Settings) -> Iterator[RawDocument | IngestError]:
    """Every article file below `folder`, in path order; an unreadable subfolder is reported."""
    refused: list[OSError] = []
    files = []
    for root, _dirs, names in os.walk(folder, onerror=refused.append):
        files += [Path(root) / n for n in names
                  if Path(n).suffix.lower() in KNOWN_SUFFIXES and not n.startswith(".")]
    for exc in refused:
        yield SourceUnreadable(f"folder cannot be read: {exc.strerror or exc}; its files were skipped",
                               source=str(exc.filename or folder))
    for child in sorted(files):
        if child.is_file():
            yield from guarded(read_path(child, settings, str(child)), str(child))


JSON_LINES = {".jsonl", ".ndjson"}


def read_file(path: Path, settings: Settings, given: str) -> Iterator[RawDocument | IngestError]:
    size = path.stat().st_size
    if size == 0:
        yield SourceEmpty("empty file", source=given)
        return
    inner = path.with_suffix("") if path.suffix.lower() == ".gz" else path
    if inner.suffix.lower() in JSON_LINES:      # a collection: streamed, capped per article
        from liaison.ingest.jsonfile import stream_json_lines
        yield from stream_json_lines(path, settings.max_bytes, given)
        return
    if size > settings.max_bytes:
        yield SourceTooLarge(f"file is {size} bytes, over the {settings.max_bytes}-byte cap "
                             "(raise LIAISON_MAX_BYTES to accept it)", source=given)
        return
    if path.suffix.lower() == ".gz":
        data = gunzip_capped(path, settings.max_bytes)
        path = path.with_suffix("")
    else:
        data = path.read_bytes()
    if isinstance(data, InputError):
        yield data.at(given)
        return
    yield from read_bytes(data, path.suffix.lower(), given, settings)


def read_bytes(data: bytes, suffix: str, source: str, settings: Settings,
               url: str | None = None) -> Iterator[RawDocument | IngestError]:
    if not data:
        yield SourceEmpty("no content", source=source)
        return
    decoded = decode(data, settings.max_bytes)
    if isinstance(decoded, InputError):
        yield decoded.at(source)
        return
    if decoded.warning:
        yield decoded.warning.at(source)
    text = decoded.text
    if suffix in JSON_SUFFIXES:
        yield from read_json_records(text, source, suffix)
    elif suffix in FEED_SUFFIXES or looks_like_feed(text):
        from liaison.ingest.feeds import read_feed
        yield from read_feed(text, source, settings)
    elif suffix in HTML_SUFFIXES or looks_like_html(text):
        yield RawDocument(source=source, raw=safe_text(text), url=url, fmt="html")
    else:
        yield RawDocument(source=source, raw=safe_text(text), url=url, fmt="text")


def looks_like_feed(text: str) -> bool:
    head = text[:1000].lower()
    return head.lstrip().startswith("<?xml") and ("<rss" in head or "<feed" in head)
