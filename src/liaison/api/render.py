"""Rendering: HTML through Jinja2 (autoescaped), or the page's JSON twin, or CSV for list pages."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from liaison import wording as W
from liaison.api import language as L
from liaison.api.views import number, row_sentence

WEB = Path(__file__).resolve().parents[1] / "web"
templates = Jinja2Templates(directory=str(WEB / "templates"))


def safe_url(value: str | None) -> str | None:
    """Only http(s) links are rendered as links: `javascript:` and friends become plain text."""
    if not value or urlsplit(value.strip()).scheme.lower() not in ("http", "https"):
        return None
    return value.strip()


def compact(value) -> str:
    return json.dumps(value, ensure_ascii=False)


templates.env.filters["safe_url"] = safe_url
templates.env.filters["compact"] = compact


HIT_MARKS = ("\ue000", "\ue001")       # private-use characters: never in article text


def marked(snippet: str | None) -> list[tuple[str, bool]]:
    """Cut a snippet whose hits are wrapped in HIT_MARKS into (text, is_hit) pieces for the template."""
    out = []
    for i, piece in enumerate(re.split("[\ue000\ue001]", snippet or "")):
        if piece:
            out.append((piece, i % 2 == 1))
    return out


def date_html(d: dict | None) -> Markup:
    """Every date on every page: its span, its precision, and "year not stated" / "inferred" when
    the text did not give the year or the sentence gave no date (the `date` macro's body, in Python:
    a list page has one per row, and a macro with four filters was a tenth of the page's time). In
    the page's language (language.current)."""
    lang = L.current.get()
    if not d or not d.get("start"):
        return Markup(f"<small>{escape(W.words(lang)['undated'])}</small>")
    uncertain = " uncertain" if W.is_uncertain(d) else ""
    # escape() and an f-string: Markup.format runs Python's string.Formatter, ten times slower
    return Markup(f'<span class="date{uncertain}" title="{escape(W.date_title(d, lang))}">'
                  f'{escape(W.date_span(d))} <small>({escape(W.date_note(d, lang))})</small></span>')


def sentence(event: dict) -> str:
    """An event as a sentence in the page's language (views.row_sentence)."""
    return row_sentence(event, L.current.get())


templates.env.filters["number"] = number
templates.env.filters["date_html"] = date_html
templates.env.filters.update(date_span=W.date_span, date_note=lambda d: W.date_note(d, L.current.get()),
                             date_title=lambda d: W.date_title(d, L.current.get()),
                             date_doubts=lambda d: W.date_doubts(d, L.current.get()), sentence=sentence)
templates.env.filters["marked"] = marked


def wanted_format(request: Request, suffix: str | None) -> str:
    if suffix in ("json", "csv"):
        return suffix
    accept = request.headers.get("accept", "")
    if "application/json" in accept and "text/html" not in accept:
        return "json"
    return "html"


def split_suffix(ident: str) -> tuple[str, str | None]:
    """`abc.json` -> ("abc", "json"): record pages take their twin's suffix on the id."""
    for suffix in ("json", "csv"):
        if ident.endswith("." + suffix):
            return ident[: -len(suffix) - 1], suffix
    return ident, None


def respond(request: Request, template: str, ctx: dict, fmt: str,
            csv_rows: list[dict] | Callable[[], list[dict]] | None = None, query_lang: bool = True):
    """The page as HTML, JSON or CSV; `csv_rows` may be a function, so only the CSV twin pays for it.
    The HTML reads in the interface's language (language.for_page; `query_lang` False where `lang`
    is a filter of the page), and a `?lang=` it reads is remembered in a cookie."""
    if fmt == "json":
        return JSONResponse(ctx)
    if fmt == "csv":
        rows = csv_rows() if callable(csv_rows) else csv_rows
        return csv_response(rows or [], template.rsplit("/", 1)[-1].replace(".html", ".csv"))
    lang = L.for_page(request, query_lang)
    response = render_page(request, template, {"data": ctx, "page": template}, lang)
    secure = request.url.scheme == "https"
    return L.remember(response, lang, secure) if query_lang and L.asked(request) else response


def render_page(request: Request, template: str, context: dict, lang: str,
                status_code: int = 200) -> HTMLResponse:
    """A template rendered in `lang`: <html lang>, the language switch, and the filters' words."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    with L.reading(lang):       # Starlette renders here, inside the response's constructor
        return templates.TemplateResponse(request, template, {**context, "ui_lang": lang, "here": here,
                                                              "ui_languages": L.offered()},
                                          status_code=status_code)


def csv_response(rows: list[dict], filename: str) -> Response:
    buf = io.StringIO()
    fields = list(dict.fromkeys(k for row in rows for k in row))
    writer = csv.DictWriter(buf, fieldnames=fields or ["id"])
    writer.writeheader()
    for row in rows:
        writer.writerow({k: compact(v) if isinstance(v, (list, dict)) else v for k, v in row.items()})
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def render_error(request: Request, status: int, error: dict) -> HTMLResponse:
    return render_page(request, "error.html", {"data": {"error": error}, "page": "error"},
                       L.for_page(request), status)
