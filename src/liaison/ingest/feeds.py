"""RSS and Atom feeds: each entry's page is fetched; when that fails, the entry's own text is kept.

A link refused for safety (a private or loopback host) is reported as an issue even when the
entry's summary is kept instead, so a feed pointing inside the network never passes silently.
"""
from __future__ import annotations

from collections.abc import Iterator

from liaison.errors import InputError, SourceMalformed, UnsafeURL
from liaison.records import RawDocument
from liaison.settings import Settings


def looks_like_feed_body(text: str) -> bool:
    head = text[:2000].lower()
    return "<rss" in head or "<feed" in head


def read_feed(text: str, source: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    import feedparser
    parsed = feedparser.parse(text)
    given = 0
    for entry in parsed.entries:
        for item in _read_entry(entry, source, settings):
            given += isinstance(item, RawDocument)
            yield item
    if not given and parsed.bozo:
        yield SourceMalformed(f"broken feed XML: {parsed.get('bozo_exception')}", source=source)
    elif not parsed.entries:
        yield SourceMalformed("feed has no entries", source=source)


def _read_entry(entry, source: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    """The entry's page; when that fails, the entry's own content or summary."""
    from liaison.ingest.web import read_url
    link = _text(entry.get("link"))
    published = _entry_date(entry)
    content = _text((entry.get("content") or [{}])[0].get("value")) or _text(entry.get("summary"))
    if link:
        got = list(read_url(link, settings))
        pages = [g for g in got if isinstance(g, RawDocument)]
        for page in pages:
            yield RawDocument(**{**page.__dict__, "title": page.title or _text(entry.get("title")),
                                 "published": page.published or published})
        if pages:
            return
        errors = [g for g in got if isinstance(g, InputError)]
        if not content:
            yield from errors           # named by the entry's URL
            return
        yield from (_kept_summary(e) for e in errors if isinstance(e, UnsafeURL))
    if not content:
        return          # an entry with neither link nor text: nothing to keep
    yield RawDocument(source=link or source, raw=content, url=link, title=_text(entry.get("title")),
                      published=published, fmt="html" if "<" in content else "text")


def _kept_summary(error: InputError) -> InputError:
    kept = type(error)(f"{error.reason}; the feed entry's own summary was stored instead",
                       source=error.source, stage=error.stage)
    kept.warning = True         # reported, but the entry is not lost
    return kept


def _text(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _entry_date(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
