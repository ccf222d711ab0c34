"""http(s) URLs and RSS/Atom feeds: timeouts, a size cap, at most N redirects, http/https only."""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import httpx

from liaison.records import RawDocument
from liaison.settings import Settings


def _error(source: str, message: str):
    from liaison.ingest.sources import IngestError
    return IngestError(source, message)


def fetch(url: str, settings: Settings) -> tuple[bytes, str, str] | str:
    """(body, content type, final URL) or an error message. Streams so the size cap holds."""
    if urlparse(url).scheme not in ("http", "https"):
        return "unsupported URL scheme: only http and https are fetched"
    try:
        with (httpx.Client(timeout=settings.http_timeout, follow_redirects=True,
                           max_redirects=settings.max_redirects,
                           headers={"User-Agent": "Liaison/0.1 (news analysis)"}) as client,
              client.stream("GET", url) as resp):
            if urlparse(str(resp.url)).scheme not in ("http", "https"):
                return "redirected to a non-http URL"
            if resp.status_code >= 400:
                return f"HTTP {resp.status_code} {resp.reason_phrase}"
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    return f"response over the {settings.max_bytes}-byte cap"
                chunks.append(chunk)
            return b"".join(chunks), resp.headers.get("content-type", ""), str(resp.url)
    except httpx.UnsupportedProtocol:
        return "redirected to a non-http URL: only http and https are fetched"
    except httpx.TooManyRedirects:
        return f"more than {settings.max_redirects} redirects"
    except httpx.TimeoutException:
        return f"timed out after {settings.http_timeout:g} s"
    except httpx.HTTPError as exc:
        return f"unreachable: {type(exc).__name__}: {exc}"


def read_url(url: str, settings: Settings) -> Iterator:
    from liaison.ingest.sources import decode, looks_like_feed, read_bytes
    got = fetch(url, settings)
    if isinstance(got, str):
        yield _error(url, got)
        return
    body, ctype, final = got
    ctype = ctype.lower()
    if "xml" in ctype or "rss" in ctype or "atom" in ctype:
        text = decode(body)
        if isinstance(text, str) and (looks_like_feed(text) or "<rss" in text[:2000]
                                      or "<feed" in text[:2000]):
            yield from read_feed(text, url, settings)
            return
    if "json" in ctype:
        yield from read_bytes(body, ".jsonl" if b"\n{" in body else ".json", url, settings, url=final)
        return
    suffix = ".html" if "html" in ctype else ".txt"
    yield from read_bytes(body, suffix, url, settings, url=final)


def read_feed(text: str, source: str, settings: Settings) -> Iterator:
    """Each feed entry: its page is fetched; when that fails, the entry's own summary is kept."""
    import feedparser
    parsed = feedparser.parse(text)
    given = 0
    for entry in parsed.entries:
        for item in _read_entry(entry, source, settings):
            given += isinstance(item, RawDocument)
            yield item
    if not given and parsed.bozo:
        yield _error(source, f"broken feed XML: {parsed.get('bozo_exception')}")
    elif not parsed.entries:
        yield _error(source, "feed has no entries")


def _read_entry(entry, source: str, settings: Settings) -> Iterator:
    """The entry's page; when that fails, the entry's own content or summary."""
    link = entry.get("link")
    published = _entry_date(entry)
    content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
    if link:
        got = list(read_url(link, settings))
        pages = [g for g in got if isinstance(g, RawDocument)]
        for page in pages:
            yield RawDocument(**{**page.__dict__, "title": page.title or entry.get("title"),
                                 "published": page.published or published})
        if pages:
            return
        if not content:
            yield from got          # the error, named by the entry's URL
            return
    if content:
        yield RawDocument(source=link or source, raw=content, url=link, title=entry.get("title"),
                          published=published, fmt="html" if "<" in content else "text")


def _entry_date(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
