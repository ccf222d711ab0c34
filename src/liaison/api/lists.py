"""List pages (events, documents, entities, commitments, figures, quotes): keyset pages with a
`next` link, sortable, filtered from the query string (filters.py), each with a JSON twin and a
CSV twin (every row the filters select, not just the page)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from liaison import plover
from liaison.api import language as L
from liaison.api import views as V
from liaison.api.errors import invalid
from liaison.api.filters import Filters, list_filters, page_link
from liaison.api.render import respond, split_suffix, wanted_format
from liaison.api.rows import entity_row
from liaison.api.writes import get_store
from liaison.export import table as T
from liaison.records import LINKED
from liaison.store import browse as B
from liaison.store import queries as Q

router = APIRouter(include_in_schema=False)
PageLimit = Query(50, ge=1, le=500, description="Rows per page (1..500).")
After = Query(None, max_length=400, description="The cursor of the next page (from the `next` link).")
CSV_CAP = 100_000           # a CSV twin holds at most this many rows

# per list: the sort keys offered (the first is the default; "-" = descending) and the column they sort
SORTS = {"events": ("-date", "date"), "documents": ("-published", "published"),
         "entities": ("name", "-articles"),
         "commitments": ("due", "-due"),
         "figures": ("subject", "-subject"), "quotes": ("speaker", "-speaker")}


def _fmt(request: Request) -> str:
    return wanted_format(request, split_suffix(request.url.path.rsplit("/", 1)[-1])[1])


def _sort(name: str, sort: str | None) -> tuple[str, bool]:
    sort = (sort or "").strip() or SORTS[name][0]
    if sort not in SORTS[name]:
        raise invalid("sort", f"expected one of {', '.join(SORTS[name])}")
    return sort, sort.startswith("-")


def _typed(kind: str, row):
    """A CSV twin: the export's row builder (it reads typed records) over a page's dicts."""
    return lambda record, urls: row(LINKED[kind].from_json(record), urls)


def _listing(request: Request, name: str, template: str, fetch, filters: Filters, sort: str,
             row, csv_row, extra: dict | None = None, timeline: bool = False):
    """Fetch a page (or, for the CSV twin, every page) and answer in the wanted format."""
    fmt = _fmt(request)
    if fmt == "csv":
        records, cursor = [], None
        while len(records) < CSV_CAP:
            found = _fetch(fetch, cursor)
            records += found.items
            if not (cursor := found.next):
                break
        doc_ids = {s for r in records for s in r.get("sources") or []}
        docs = Q.document_titles(request.app.state.store, doc_ids)
        urls = {d: doc.get("url") or doc.get("source") for d, doc in docs.items()}
        return respond(request, template, {}, fmt, [csv_row(r, urls) for r in records])
    after = request.query_params.get("after")
    found = _fetch(fetch, after)
    ctx = {"items": _with_originals(request, [row(r) for r in found.items]) if name in ORIGINALS
                    else [row(r) for r in found.items], "total": found.total, "filters": filters.shown(),
           "sort": sort, "sorts": {key: page_link(request, sort=key, after=None) for key in SORTS[name]},
           "cursor": found.next, "next": page_link(request, after=found.next) if found.next else None,
           "first": page_link(request, after=None) if after else None,
           "csv": page_link(request, after=None).replace(f"/{name}", f"/{name}.csv", 1),
           **(extra or {})}
    # `lang` filters these lists by the articles' language: the interface's comes from the cookie
    # or the browser here (language.py), and the JSON twin stays English
    lang = L.for_page(request, query=False) if fmt == "html" else L.EN
    if timeline:
        ctx["timeline"] = V.timeline_items(ctx["items"], lang)     # English: the rows' own sentences
    return respond(request, template, ctx, fmt, query_lang=False)


ORIGINALS = ("commitments", "figures", "quotes")       # rows that link their first article's address


def _with_originals(request: Request, items: list[dict]) -> list[dict]:
    """Each item with `original`: the URL of the article its first evidence is in (None for files)."""
    first = {i["id"]: (i.get("evidence") or [{}])[0].get("doc_id") for i in items}
    docs = Q.document_titles(request.app.state.store, [d for d in first.values() if d])
    return [{**i, "original": (docs.get(first[i["id"]]) or {}).get("url")} for i in items]


def _fetch(fetch, after):
    try:
        return fetch(after)
    except ValueError as exc:
        raise invalid("after", str(exc)) from None


# ---------------------------------------------------------------- events
async def events(request: Request, filters: Filters = Depends(list_filters), sort: str | None = None,
           limit: int = PageLimit, after: str | None = After, store=Depends(get_store)):
    sort, descending = _sort("events", sort)
    f = filters
    csv = _fmt(request) == "csv"        # a CSV row carries the evidence: the whole record
    fetch = lambda a: Q.events_page(store, f.type, f.context, f.country, f.person, f.date_from,  # noqa: E731
                                    f.date_to, f.q, limit if not csv else 500, 0, a,
                                    lang=f.lang, outlet=f.outlet, ascending=not descending,
                                    partner=f.partner, full=csv)
    extra = {"types": sorted(plover.types()), "contexts": list(plover.contexts())}
    return _listing(request, "events", "events.html", fetch, filters, sort, lambda e: e,
                    _typed("event", T.event_row), extra, timeline=True)


# ---------------------------------------------------------------- documents
async def documents(request: Request, filters: Filters = Depends(list_filters), sort: str | None = None,
              limit: int = PageLimit, after: str | None = After, store=Depends(get_store)):
    sort, descending = _sort("documents", sort)
    f = filters
    fetch = lambda a: Q.documents_page(store, limit if _fmt(request) != "csv" else 500, 0, a,  # noqa: E731
                                       lang=f.lang, outlet=f.outlet, date_from=f.date_from,
                                       date_to=f.date_to, ascending=not descending, country=f.country,
                                       person=f.person)
    return _listing(request, "documents", "documents.html", fetch, filters, sort, lambda d: d,
                    lambda d, _: T.document_row(d))


# ---------------------------------------------------------------- entities
async def entities(request: Request, filters: Filters = Depends(list_filters), sort: str | None = None,
             limit: int = PageLimit, after: str | None = After, store=Depends(get_store)):
    sort, most_named = _sort("entities", sort)
    f = filters
    fetch = lambda a: Q.entities_page(store, f.kind, f.q or f.person, f.country,  # noqa: E731
                                      limit if _fmt(request) != "csv" else 500, 0, a, most_named)
    return _listing(request, "entities", "entities.html", fetch, filters, sort, entity_row,
                    lambda e, _: T.entity_row(e))


# ---------------------------------------------------------------- commitments, figures, quotes
async def commitments(request: Request, filters: Filters = Depends(list_filters), sort: str | None = None,
                limit: int = PageLimit, after: str | None = After, store=Depends(get_store)):
    sort, descending = _sort("commitments", sort)
    f = filters
    fetch = lambda a: B.commitments_page(store, f.status, f.country, f.date_from, f.date_to,  # noqa: E731
                                         f.person, f.q, f.lang, f.outlet,
                                         limit if _fmt(request) != "csv" else 500, 0, a, descending)
    return _listing(request, "commitments", "commitments.html", fetch, filters, sort, V.commitment_item,
                    lambda c, urls: {"group": V.commitment_item(c)["group"],
                                     **_typed("commitment", T.commitment_row)(c, urls)})


async def figures(request: Request, filters: Filters = Depends(list_filters), sort: str | None = None,
            limit: int = PageLimit, after: str | None = After, store=Depends(get_store)):
    sort, descending = _sort("figures", sort)
    f = filters
    fetch = lambda a: B.figures_page(store, f.q, f.person, f.lang, f.outlet,  # noqa: E731
                                     limit if _fmt(request) != "csv" else 500, 0, a, descending,
                                     f.date_from, f.date_to, f.country)
    return _listing(request, "figures", "figures.html", fetch, filters, sort, lambda r: r,
                    _typed("figure", T.figure_row))


async def quotes(request: Request, filters: Filters = Depends(list_filters), sort: str | None = None,
           limit: int = PageLimit, after: str | None = After, store=Depends(get_store)):
    sort, descending = _sort("quotes", sort)
    f = filters
    fetch = lambda a: B.quotes_page(store, f.q, f.person, f.lang, f.outlet,  # noqa: E731
                                    limit if _fmt(request) != "csv" else 500, 0, a, descending,
                                    f.date_from, f.date_to, f.country)
    return _listing(request, "quotes", "quotes.html", fetch, filters, sort, lambda r: r,
                    _typed("quote", T.quote_row))


for _name, _handler in [("documents", documents), ("events", events), ("entities", entities),
                        ("commitments", commitments), ("figures", figures), ("quotes", quotes)]:
    for _path in (f"/{_name}", f"/{_name}.json", f"/{_name}.csv"):
        router.add_api_route(_path, _handler, methods=["GET"])
