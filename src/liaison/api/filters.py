"""The filters list pages share, read from the query string so a view is an address to share.

Every value arrives as text (an empty form field is "no filter"): dates as YYYY-MM-DD, a country
by name or code in any language the gazetteer knows ("France", "Frankreich", "FRA"), a person by
name or entity id, a language as ISO 639-1, an outlet by part of its name.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from urllib.parse import urlencode

from fastapi import Query, Request

from liaison.api.errors import invalid
from liaison.api.params import event_context, event_type

PAGE_SIZE = 50


@dataclass(frozen=True)
class Filters:
    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None
    context: str | None = None
    country: str | None = None          # alpha-3, resolved from what was typed
    country_typed: str | None = None    # as typed, to put back in the form
    person: str | None = None
    lang: str | None = None
    outlet: str | None = None
    q: str | None = None
    kind: str | None = None
    status: str | None = None
    partner: str | None = None          # alpha-3 of a second state (?with=): a pair's events

    def shown(self) -> dict:
        """For the template and the JSON twin: what is set, as the form shows it."""
        out = {k: v for k, v in asdict(self).items() if v and k != "country_typed"}
        if self.country:
            out["country_name"] = country_label(self.country)
        return out


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _day(name: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise invalid(name, f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2025-11-25") from None


def resolve_country(value: str | None, name: str = "country") -> str | None:
    """An alpha-3 code for a country name or code in any language; a clear 422 otherwise."""
    from liaison.gazetteer import lookup_country
    value = _blank(value)
    if value is None:
        return None
    code = lookup_country(value)
    if code is None:
        raise invalid(name, f"no country is known as {value!r}: write its name in any language "
                                 "(France, Frankreich, Algérie) or its ISO code (FRA, DZA)")
    return code


def country_label(code: str | None) -> str:
    from liaison.gazetteer import country_name
    return f"{country_name(code) or code} ({code})" if code else ""


def _lang(value: str | None) -> str | None:
    value = _blank(value)
    if value is not None and not (len(value) == 2 and value.isalpha()):
        raise invalid("lang", f"{value!r} is not a language code: use ISO 639-1, e.g. en, fr, de")
    return value.lower() if value else None


# async, like every cheap dependency: a plain `def` would cost a worker-thread hop per request
async def list_filters(date_from: str | None = Query(None, alias="from", max_length=10,
                                               description="Earliest date, YYYY-MM-DD."),
                 date_to: str | None = Query(None, alias="to", max_length=10,
                                             description="Latest date, YYYY-MM-DD."),
                 type: str | None = Query(None, max_length=16, description="PLOVER event type."),
                 context: str | None = Query(None, max_length=40, description="PLOVER context."),
                 country: str | None = Query(None, max_length=80,
                                             description="Country: name in any language or ISO code."),
                 person: str | None = Query(None, max_length=120, description="Name or entity id."),
                 lang: str | None = Query(None, max_length=8, description="Language of the articles."),
                 outlet: str | None = Query(None, max_length=120, description="Part of an outlet's name."),
                 q: str | None = Query(None, max_length=200, description="A word in the record."),
                 kind: str | None = Query(None, max_length=16),
                 status: str | None = Query(None, max_length=16),
                 partner: str | None = Query(None, alias="with", max_length=80,
                                             description="A second country the event names (with "
                                                         "`country`: the events of a pair of states)."),
                 ) -> Filters:
    start, end = _day("from", date_from), _day("to", date_to)
    if start and end and start > end:
        raise invalid("from", "must not be after 'to'")
    kind, status = _blank(kind), _blank(status)
    if _blank(partner) and not _blank(country):
        raise invalid("with", "a second state needs the first: give `country` too (?country=FRA&with=DZA)")
    if kind and kind not in ("person", "organization", "country", "place"):
        raise invalid("kind", "expected person, organization, country or place")
    if status and status not in ("open", "fulfilled", "overdue", "unknown"):
        raise invalid("status", "expected open, fulfilled, overdue or unknown")
    return Filters(start, end, event_type(_blank(type)), event_context(_blank(context)),
                   resolve_country(country), _blank(country), _blank(person), _lang(lang), _blank(outlet),
                   _blank(q), kind, status, resolve_country(partner, "with"))


def page_link(request: Request, **changes) -> str:
    """This page's address with some query parameters changed (None removes one); the same from
    the page and its JSON twin."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    query = urlencode({k: v for k, v in params.items() if v != ""})
    path = request.url.path.removesuffix(".json").removesuffix(".csv")     # the twins link to the page
    return path + (f"?{query}" if query else "")
