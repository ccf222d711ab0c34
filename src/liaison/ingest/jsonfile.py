"""JSON and JSON Lines inputs: one article per object, `text` required, other fields optional.

Every field is checked for its type before it becomes part of a RawDocument, because the store
trusts RawDocument: a title that is a list, a language code 500 characters long or a lone UTF-16
surrogate would otherwise fail at insert time, outside any per-source error handling.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

from liaison.errors import InputError, SourceEmpty, SourceMalformed
from liaison.records import RawDocument, parse_day

LANG_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")
MAX_FIELD_CHARS = 2000          # metadata fields (title, url, outlet, author): longer is not metadata


def read_json_records(text: str, source: str, suffix: str) -> Iterator[RawDocument | InputError]:
    """A JSON array or object (.json), else JSON Lines; a bad line is reported and the rest kept."""
    stripped = text.lstrip()
    if suffix == ".json" and stripped[:1] in "[{":
        data = _loads(text)
        if isinstance(data, InputError):
            yield data.at(source)
            return
        items = data if isinstance(data, list) else [data]
        for n, obj in enumerate(items, 1):
            yield json_record(obj, f"{source}#{n}")
        return
    given = 0
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        given += 1
        obj = _loads(line, line_mode=True)
        if isinstance(obj, InputError):
            yield obj.at(f"{source}:{n}")
            continue
        yield json_record(obj, f"{source}:{n}")
    if not given:
        yield SourceEmpty("no JSON records: the file holds only blank lines", source=source)


def _loads(text: str, line_mode: bool = False):
    what = "malformed JSON line" if line_mode else "malformed JSON"
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if line_mode else f"line {exc.lineno}, column {exc.colno}"
        return SourceMalformed(f"{what}: {exc.msg} ({where})")
    except RecursionError:
        return SourceMalformed(f"{what}: nested too deeply to read (arrays or objects inside each other "
                               "thousands of levels deep)")


def json_record(obj, where: str) -> RawDocument | InputError:
    if not isinstance(obj, dict):
        return SourceMalformed("JSON record is not an object", source=where)
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        return SourceMalformed("JSON record has no 'text' field", source=where)
    authors = obj.get("authors") or ()
    if isinstance(authors, str):
        authors = (authors,)
    if not isinstance(authors, list | tuple):
        authors = ()
    url = _field(obj.get("url"))
    # The scorer and analysts identify a record by its URL, else by file and line.
    return RawDocument(source=url or where, raw=safe_text(body), url=url,
                       title=_field(obj.get("title")), published=_iso_day(obj.get("published")),
                       lang=_lang(obj.get("lang")), outlet=_field(obj.get("outlet")),
                       authors=tuple(a for a in map(_field, authors) if a),
                       external_id=_field(obj.get("id")),
                       fmt="html" if looks_like_html(body) else "text")


def safe_text(value: str) -> str:
    """Text every database can store: NUL characters and lone UTF-16 surrogates (JSON allows
    "\\ud800") are replaced."""
    if "\x00" in value:
        value = value.replace("\x00", " ")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def _field(value) -> str | None:
    """A metadata field as short text, or None: numbers become text, lists and objects are dropped."""
    if value is None or isinstance(value, bool | list | dict):
        return None
    text = safe_text(str(value)).strip()
    return text[:MAX_FIELD_CHARS] or None


def _lang(value) -> str | None:
    text = _field(value)
    return text.lower() if text and LANG_CODE.match(text) else None


def _iso_day(value) -> str | None:
    text = _field(value)
    if not text:
        return None
    day = parse_day(text)
    if day:
        return day.isoformat()
    import dateparser
    try:
        parsed = dateparser.parse(text[:100], settings={"STRICT_PARSING": True})
    except (ValueError, OverflowError):     # dateparser raises on some odd strings
        return None
    return parsed.date().isoformat() if parsed else None


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def stream_json_lines(path, cap: int, given: str) -> Iterator[RawDocument | InputError]:
    """A JSON Lines file (gzipped or not) read line by line, so that a collection of 100k articles
    never sits in memory: the size cap holds for each article, not for the collection."""
    import gzip
    import zlib

    opener = gzip.open if str(path).lower().endswith(".gz") else open
    given_any = False
    try:
        with opener(path, "rb") as fh:
            for n, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                given_any = True
                yield _json_line(raw, cap, f"{given}:{n}")
    except (OSError, EOFError, zlib.error) as exc:
        yield SourceMalformed(f"not a readable file: {exc}", source=given)
        return
    if not given_any:
        yield SourceEmpty("no JSON records: the file holds only blank lines", source=given)


def _json_line(raw: bytes, cap: int, where: str) -> RawDocument | InputError:
    from liaison.errors import SourceTooLarge, SourceUndecodable
    if len(raw) > cap:
        return SourceTooLarge(f"record is {len(raw)} bytes, over the {cap}-byte cap "
                              "(raise LIAISON_MAX_BYTES to accept it)", source=where)
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return SourceUndecodable(f"JSON line is not UTF-8: {exc.reason} at byte {exc.start}", source=where)
    obj = _loads(line, line_mode=True)
    return obj.at(where) if isinstance(obj, InputError) else json_record(obj, where)
