"""http(s) URLs: public hosts only (checked on every redirect hop), an overall deadline, a size
cap on the decoded body, at most N redirects, http/https only.

Redirects are followed here rather than by httpx, so that each hop's host is resolved and checked
(urlsafety) before anything connects to it.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from liaison.errors import FetchFailed, InputError, SourceTooLarge, UnsupportedScheme
from liaison.ingest.urlsafety import Target, check_url
from liaison.settings import Settings

REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = "Liaison/0.1 (news analysis)"


@dataclass(frozen=True)
class Fetched:
    body: bytes
    content_type: str
    url: str                # after redirects


def fetch(url: str, settings: Settings) -> Fetched | InputError:
    """The body at `url`, or why not. Never longer than settings.fetch_deadline in all."""
    deadline = time.monotonic() + settings.fetch_deadline
    try:
        with httpx.Client(follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
            for _hop in range(settings.max_redirects + 1):
                target = check_url(url, settings.allow_private_urls)
                if isinstance(target, InputError):
                    return target
                got = _get(client, target, settings, deadline)
                if not isinstance(got, str):
                    return got
                url = got           # a redirect: check the next hop before following it
            return FetchFailed(f"more than {settings.max_redirects} redirects")
    except httpx.TimeoutException:
        return FetchFailed(f"timed out after {settings.http_timeout:g} s")
    except httpx.HTTPError as exc:
        return FetchFailed(f"unreachable: {type(exc).__name__}: {exc}")


def _get(client: httpx.Client, target: Target, settings: Settings,
         deadline: float) -> Fetched | InputError | str:
    """One hop: the body, an error, or the URL a redirect points to."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return _overdue(settings)
    request_url, headers, extensions = httpx.URL(target.url), {}, {}
    if target.address:          # connect to the address that was checked, name the host as given
        headers["Host"] = request_url.netloc.decode("ascii")
        extensions["sni_hostname"] = target.host
        request_url = request_url.copy_with(host=target.address)
    timeout = httpx.Timeout(min(settings.http_timeout, remaining))
    with client.stream("GET", request_url, headers=headers, extensions=extensions,
                       timeout=timeout) as resp:
        if resp.status_code in REDIRECTS and "location" in resp.headers:
            return _next_hop(target.url, resp.headers["location"])
        if resp.status_code >= 400:
            return FetchFailed(f"HTTP {resp.status_code} {resp.reason_phrase}")
        body = _read_capped(resp, settings, deadline)
        if isinstance(body, InputError):
            return body
        return Fetched(body, resp.headers.get("content-type", ""), target.url)


def _next_hop(current: str, location: str) -> str | InputError:
    url = urljoin(current, location.strip())
    if not url.lower().startswith(("http://", "https://")):
        return UnsupportedScheme("redirected to a non-http URL: only http and https are fetched")
    return url


def _read_capped(resp: httpx.Response, settings: Settings, deadline: float) -> bytes | InputError:
    """The decoded body (gzip and friends undone), stopped at the size cap or the deadline: a
    server trickling a byte at a time cannot hold the fetch past its deadline."""
    chunks, size = [], 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > settings.max_bytes:
            return SourceTooLarge(f"response over the {settings.max_bytes}-byte cap (decoded)")
        if time.monotonic() > deadline:
            return _overdue(settings)
        chunks.append(chunk)
    return b"".join(chunks)


def _overdue(settings: Settings) -> InputError:
    return FetchFailed(f"timed out: the download took longer than the {settings.fetch_deadline:g} s "
                       "deadline (LIAISON_FETCH_DEADLINE)")


def read_url(url: str, settings: Settings) -> Iterator:
    from liaison.ingest.feeds import looks_like_feed_body, read_feed
    from liaison.ingest.sources import read_bytes
    got = fetch(url, settings)
    if isinstance(got, InputError):
        yield got.at(url)
        return
    ctype = got.content_type.lower()
    if "xml" in ctype or "rss" in ctype or "atom" in ctype:
        from liaison.ingest.decode import decode
        decoded = decode(got.body, settings.max_bytes)
        if not isinstance(decoded, InputError) and looks_like_feed_body(decoded.text):
            yield from read_feed(decoded.text, url, settings)
            return
    if "json" in ctype:
        suffix = ".jsonl" if b"\n{" in got.body else ".json"
        yield from read_bytes(got.body, suffix, url, settings, url=got.url)
        return
    suffix = ".html" if "html" in ctype else ".txt"
    yield from read_bytes(got.body, suffix, url, settings, url=got.url)
