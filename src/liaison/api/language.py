"""The language of the interface: which one a request reads, and remembering a choice.

A page reads `?lang=xx` when given (and keeps it in a cookie), else the cookie, else the browser's
Accept-Language, else English. The list pages already use `lang` for the language of the
articles (a filter, in the address of bookmarked searches): there the interface's language comes
from the cookie or the browser, and the switch in the navigation (/language/xx) sets it on any page.
JSON answers (the API and the pages' twins) stay English unless `?lang=` asks: a program reading
them should not change with a browser setting.

Only the event sentences, dates and merge explanations are worded per language (wording.json); the
rest of the interface is English. A language without wording reads English (wording.ui_language).
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from fastapi import Request
from fastapi.responses import Response

from liaison import lexicon
from liaison.wording import EN, ui_language

COOKIE = "liaison_lang"
COOKIE_DAYS = 400
current: ContextVar[str] = ContextVar("ui_language", default=EN)   # what the template filters read


def readable(code: str | None) -> bool:
    """Whether the interface can be read in `code` (its folder has wording.json)."""
    return bool(code) and ui_language(code) == code


def offered() -> list[dict]:
    """The languages the switch offers: those whose folder words the interface, by their own name."""
    return [{"code": code, "name": lexicon.setting(code, "name", code)}
            for code in lexicon.languages() if readable(code)]


def asked(request: Request) -> str | None:
    """The `?lang=` of the address when the interface can read it, else None."""
    value = (request.query_params.get("lang") or "").strip().lower()
    return value if readable(value) else None


def browser_language(header: str | None) -> str | None:
    """The first language of an Accept-Language header we can word, by its weight ("fr-CH, fr;q=0.9,
    en;q=0.8" -> fr); None when none is."""
    ranked = []
    for i, item in enumerate((header or "").split(",")):
        tag, _, params = item.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                continue
        code = tag.strip().split("-")[0].lower()
        if code and weight > 0:
            ranked.append((-weight, i, code))
    return next((code for _, _, code in sorted(ranked) if readable(code)), None)


def for_page(request: Request, query: bool = True) -> str:
    """A page's language: ?lang= (unless `query` is False: the list pages filter on it), the
    cookie, the browser, English."""
    cookie = (request.cookies.get(COOKIE) or "").strip().lower()
    return ((asked(request) if query else None)
            or (cookie if readable(cookie) else None)
            or browser_language(request.headers.get("accept-language")) or EN)


def for_json(request: Request) -> str:
    """A JSON answer's language: ?lang= when asked, else English."""
    return asked(request) or EN


def remember(response: Response, lang: str, secure: bool = False) -> Response:
    """Keep the choice in a cookie (Secure when the page came over https)."""
    response.set_cookie(COOKIE, lang, max_age=COOKIE_DAYS * 86400, httponly=True, samesite="lax",
                        secure=secure)
    return response


@contextlib.contextmanager
def reading(lang: str) -> Iterator[None]:
    """The template filters (dates, sentences) word in `lang` while a page renders."""
    token = current.set(lang)
    try:
        yield
    finally:
        current.reset(token)
