"""What a watchlist asks for, and which linked events answer it.

A watchlist is one saved query of one kind:
- person: an entity id, or a name matched (accents and case ignored) against the event's actors;
- dyad: a pair of states ("DZA-FRA", "Algeria-France" or "Algérie France"): both among its countries;
- type: a PLOVER type, optionally with a mode ("COERCE" or "COERCE.deport");
- phrase: words found (accents and case ignored) in the event's summary or evidence sentences.

An event counts once per watchlist: it is new when none of its evidence sentences was delivered
before, so a later article reporting the same event (which renumbers the linked event) is not an
alert again, while a genuinely new report is.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from liaison import plover
from liaison.errors import WatchError
from liaison.folding import fold

KINDS = ("person", "dyad", "type", "phrase")


def normalise(kind: str, value: str) -> str:
    """The stored form of a query; WatchError saying what is expected when it cannot be one."""
    value = (value or "").strip()
    if kind not in KINDS:
        raise WatchError(f"unknown watchlist kind {kind!r}: expected one of {', '.join(KINDS)}")
    if not value:
        raise WatchError(f"a {kind} watchlist needs a value")
    if kind == "dyad":
        return _dyad(value)
    if kind == "type":
        return _event_type(value)
    return " ".join(value.split())


def _dyad(value: str) -> str:
    from liaison.gazetteer import lookup_country
    parts = [p for p in re.split(r"\s*[-–,/]\s*|\s+", value) if p] if "-" in value or "," in value \
        or "/" in value or "–" in value else value.split()
    if len(parts) != 2:
        raise WatchError(f"dyad {value!r}: expected two states, like DZA-FRA or 'Algeria,France'")
    codes = [lookup_country(p) for p in parts]
    unknown = [p for p, c in zip(parts, codes, strict=True) if not c]
    if unknown:
        raise WatchError(f"dyad {value!r}: {', '.join(unknown)} is not a known country name or code")
    if codes[0] == codes[1]:
        raise WatchError(f"dyad {value!r}: the two states are the same")
    return "-".join(sorted(codes))


def _event_type(value: str) -> str:
    type_, _, mode = value.partition(".")
    type_ = type_.strip().upper()
    if not plover.is_type(type_):
        raise WatchError(f"{type_!r} is not a PLOVER type: expected one of {', '.join(plover.types())}")
    mode = mode.strip().lower()
    if mode and mode not in plover.modes(type_):
        raise WatchError(f"{mode!r} is not a mode of {type_}: expected one of "
                         f"{', '.join(plover.modes(type_)) or '(none)'}")
    return f"{type_}.{mode}" if mode else type_


def matches(kind: str, value: str, event: dict) -> bool:
    if kind == "person":
        wanted = fold(value)
        return any(a.get("entity_id") == value or fold(a.get("name")) == wanted
                   or (len(wanted.split()) == 1 and wanted in fold(a.get("name")).split())
                   for a in event.get("actors") or [])
    if kind == "dyad":
        return set(value.split("-")) <= set(event.get("countries") or [])
    if kind == "type":
        type_, _, mode = value.partition(".")
        return event.get("type") == type_ and (not mode or event.get("mode") == mode)
    if kind == "phrase":
        said = [sp.get("text") or "" for sp in event.get("evidence") or []]
        text = " ".join([event.get("summary") or "", *said])
        return f" {fold(value)} " in f" {fold(text)} "
    return False


def evidence_keys(event: dict) -> set[str]:
    """The sentences an event stands on: what makes it the same event after a re-link."""
    return {f"{sp.get('doc_id')}:{sp.get('start')}:{sp.get('end')}" for sp in event.get("evidence") or []} \
        or {event["id"]}


def new_matches(watchlist: dict, events: Iterable[dict], delivered: Iterable[dict]) -> list[dict]:
    """The events matching `watchlist` none of whose evidence was in an event delivered before."""
    seen = set().union(*(evidence_keys(r) for r in delivered))
    out = []
    for event in events:
        if matches(watchlist["kind"], watchlist["value"], event):
            keys = evidence_keys(event)
            if not keys & seen:
                out.append(event)
                seen |= keys
    return out


def describe(watchlist: dict) -> str:
    """"person Laurent Nuñez", "dyad DZA-FRA", ... for feed titles and listings."""
    return f"{watchlist['kind']} {watchlist['value']}"
