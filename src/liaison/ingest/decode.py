"""Bytes to text, with the limits applied to what comes out, not to what goes in.

A 19 KB gzip file can hold 20 MB, so a cap on the file size alone means nothing: decompression
is streamed and stops one byte past the cap. Text is decoded by its byte-order mark (UTF-8,
UTF-16, UTF-32), else as UTF-8, else as Windows-1252 with a warning, since that guess can be wrong.
"""
from __future__ import annotations

import codecs
import gzip
import zlib
from dataclasses import dataclass
from pathlib import Path

from liaison.errors import (
    DecodedWithFallback,
    InputError,
    SourceMalformed,
    SourceTooLarge,
    SourceUndecodable,
)

# Longest mark first: the UTF-32 LE mark begins with the UTF-16 LE one.
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                    (codecs.BOM_UTF16_BE, "utf-16"))
CONTROL_SHARE_MAX = 0.02        # more C0 control characters than this: not prose


@dataclass(frozen=True)
class Decoded:
    text: str
    warning: InputError | None = None       # set when the encoding was a guess


def gunzip_capped(path: Path, cap: int) -> bytes | InputError:
    """The decompressed bytes of a gzip file, refused as soon as they pass `cap`."""
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read(cap + 1)         # streamed: never more than cap + 1 bytes in memory
    except (OSError, EOFError, zlib.error) as exc:
        return SourceMalformed(f"not a readable gzip file: {exc}")
    if len(data) > cap:
        return SourceTooLarge(f"decompresses to over the {cap}-byte cap (raise LIAISON_MAX_BYTES "
                              "to accept it)")
    return data


def decode(data: bytes, cap: int | None = None) -> Decoded | InputError:
    """Text from bytes; binary and undecodable content is refused, a Windows-1252 guess reported."""
    text, warning = _decode_by_mark(data), None
    if text is None:
        if b"\x00" in data[:4096]:
            return SourceUndecodable("binary file (NUL bytes and no UTF-16/UTF-32 byte-order mark): "
                                     "not an article")
        text, warning = _decode_utf8_or_cp1252(data)
    if isinstance(text, InputError):
        return text
    if _control_share(text) > CONTROL_SHARE_MAX:
        return SourceUndecodable("binary or undecodable content: too many control characters")
    if cap is not None and len(text) > cap:
        return SourceTooLarge(f"decoded text is {len(text)} characters, over the {cap} cap "
                              "(raise LIAISON_MAX_BYTES to accept it)")
    return Decoded(text, warning)


def _decode_by_mark(data: bytes) -> str | InputError | None:
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                return SourceUndecodable(f"starts with a {encoding.upper()} byte-order mark but is not "
                                         f"valid {encoding.upper()}: {exc.reason} at byte {exc.start}")
    return None


def _decode_utf8_or_cp1252(data: bytes) -> tuple[str | InputError, InputError | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        where = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return SourceUndecodable("undecodable bytes: neither UTF-8 nor Windows-1252"), None
    return text, DecodedWithFallback(f"not valid UTF-8 (first bad byte at {where}): read as "
                                     "Windows-1252; check accented letters", stage="decode")


def _control_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / max(1, len(sample))
