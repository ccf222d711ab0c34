"""Input sources: files (.txt .md .html .json .jsonl), folders, http(s) URLs and RSS/Atom feeds.

`read_sources` yields RawDocument for each article and IngestError for each input that could not
be read, so one broken input never stops a batch.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from liaison.records import RawDocument, parse_day
from liaison.settings import Settings

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | {".gz"}
JSON_FIELDS = ("url", "title", "published", "lang", "outlet", "authors", "id")


@dataclass(frozen=True)
class IngestError:
    source: str
    message: str
    stage: str = "ingest"


def read_sources(sources: Iterable[str], settings: Settings) -> Iterator[RawDocument | IngestError]:
    for source in sources:
        if source.startswith(("http://", "https://")):
            from liaison.ingest.web import read_url
            yield from read_url(source, settings)
        elif "://" in source:
            yield IngestError(source, "unsupported URL scheme: only http and https are fetched")
        else:
            yield from read_path(Path(source), settings, source)


def read_path(path: Path, settings: Settings, given: str) -> Iterator[RawDocument | IngestError]:
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in KNOWN_SUFFIXES and not child.name.startswith("."):
                yield from read_path(child, settings, str(child))
        return
    if not path.exists():
        yield IngestError(given, "no such file or folder")
        return
    size = path.stat().st_size
    if size == 0:
        yield IngestError(given, "empty file")
        return
    if size > settings.max_bytes:
        yield IngestError(given, f"file is {size} bytes, over the {settings.max_bytes}-byte cap "
                                 "(raise LIAISON_MAX_BYTES to accept it)")
        return
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        import gzip
        try:
            data = gzip.decompress(data)
        except OSError as exc:
            yield IngestError(given, f"not a readable gzip file: {exc}")
            return
        path = path.with_suffix("")
    yield from read_bytes(data, path.suffix.lower(), given, settings)


def read_bytes(data: bytes, suffix: str, source: str, settings: Settings,
               url: str | None = None) -> Iterator[RawDocument | IngestError]:
    text = decode(data)
    if isinstance(text, IngestError):
        yield IngestError(source, text.message)
        return
    if suffix in JSON_SUFFIXES:
        yield from read_json_records(text, source, suffix)
    elif suffix in FEED_SUFFIXES or looks_like_feed(text):
        from liaison.ingest.web import read_feed
        yield from read_feed(text, source, settings)
    elif suffix in HTML_SUFFIXES or looks_like_html(text):
        yield RawDocument(source=source, raw=text, url=url, fmt="html")
    else:
        yield RawDocument(source=source, raw=text, url=url, fmt="text")


def decode(data: bytes) -> str | IngestError:
    """UTF-8 (with BOM) else cp1252/latin-1 when the bytes look like text; binary is refused."""
    if b"\x00" in data[:4096]:
        return IngestError("", "binary file (NUL bytes): not an article")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) > 0.02:
            return IngestError("", "binary or undecodable content: too many control characters")
        return text
    return IngestError("", "undecodable bytes: neither UTF-8 nor Windows-1252")


def _control_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / max(1, len(sample))


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def looks_like_feed(text: str) -> bool:
    head = text[:1000].lower()
    return head.lstrip().startswith("<?xml") and ("<rss" in head or "<feed" in head)


def read_json_records(text: str, source: str, suffix: str) -> Iterator[RawDocument | IngestError]:
    """One article per object: a JSON array or object, or JSON Lines; `text` is required."""
    stripped = text.lstrip()
    if suffix == ".json" and stripped[:1] in "[{":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield IngestError(source, f"malformed JSON: {exc}")
            return
        items = data if isinstance(data, list) else [data]
        for n, obj in enumerate(items, 1):
            yield json_record(obj, f"{source}#{n}")
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(f"{source}:{n}", f"malformed JSON line: {exc.msg} at column {exc.colno}")
            continue
        yield json_record(obj, f"{source}:{n}")


def json_record(obj, where: str) -> RawDocument | IngestError:
    if not isinstance(obj, dict):
        return IngestError(where, "JSON record is not an object")
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        return IngestError(where, "JSON record has no 'text' field")
    authors = obj.get("authors") or ()
    if isinstance(authors, str):
        authors = (authors,)
    # The scorer and analysts identify a record by its URL, else by file and line.
    return RawDocument(source=obj.get("url") or where, raw=body, url=obj.get("url"),
                       title=obj.get("title"), published=_iso_day(obj.get("published")),
                       lang=obj.get("lang"), outlet=obj.get("outlet"),
                       authors=tuple(str(a) for a in authors), external_id=_str(obj.get("id")),
                       fmt="html" if looks_like_html(body) else "text")


def _str(value) -> str | None:
    return None if value is None else str(value)


def _iso_day(value) -> str | None:
    if not value:
        return None
    text = str(value).strip()
    day = parse_day(text)
    if day:
        return day.isoformat()
    import dateparser
    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None
