"""A watchlist's alerts as files: an Atom feed (the latest hits, rebuilt each time) and a JSONL file
(one line per delivered event, appended), named after the watchlist.

The Atom feed is built with ElementTree, so article text in titles and summaries is escaped, never
markup; each entry links to the event's page when a base URL is given.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from liaison.watch.queries import describe

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 100


def slug(watchlist: dict) -> str:
    """A file name for a watchlist: "3-laurent-nunez"."""
    from liaison.folding import fold
    words = re.sub(r"\s+", "-", fold(watchlist["name"]))[:60].strip("-")
    return f"{watchlist['id']}-{words}" if words else str(watchlist["id"])


def atom_feed(watchlist: dict, hits: list[dict], base_url: str = "") -> bytes:
    """The Atom document of a watchlist's hits (newest first, as given)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", f"urn:liaison:watchlist:{watchlist['id']}")
    _text(feed, "title", f"Liaison watchlist: {watchlist['name']} ({describe(watchlist)})")
    updated = hits[0]["found_at"] if hits else watchlist.get("checked_at") or watchlist.get("created_at")
    _text(feed, "updated", _stamp(updated))
    if base_url:
        ET.SubElement(feed, f"{{{ATOM}}}link", rel="self",
                      href=f"{base_url}/watchlists/{watchlist['id']}.atom")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "Liaison")
    for hit in hits[:FEED_ENTRIES]:
        feed.append(_entry(hit, base_url))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _entry(hit: dict, base_url: str) -> ET.Element:
    event = hit["record"]
    entry = ET.Element(f"{{{ATOM}}}entry")
    _text(entry, "id", f"urn:liaison:event:{event['id']}")
    what = event.get("summary") or ", ".join(event.get("countries") or [])
    _text(entry, "title", f"{event.get('type')}: {what}")
    _text(entry, "updated", _stamp(hit["found_at"]))
    date = event.get("date") or {}
    # a month or a year is no instant, and a guessed year is no fact
    if date.get("start") and date.get("precision") == "day" and not date.get("year_unstated"):
        _text(entry, "published", f"{date['start']}T00:00:00Z")
    if base_url:
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=f"{base_url}/events/{event['id']}")
    for code in event.get("countries") or []:
        ET.SubElement(entry, f"{{{ATOM}}}category", term=code)
    _text(entry, "summary", _summary(event))
    return entry


def _summary(event: dict) -> str:
    date = event.get("date") or {}
    when = date.get("start") or "undated"
    if date.get("year_unstated"):
        when += " (year not stated, inferred)"
    elif date.get("basis") and date.get("basis") != "stated":
        when += f" ({date['basis']})"
    quotes = " … ".join(f"“{(sp.get('text') or '').strip()}”" for sp in (event.get("evidence") or [])[:2])
    return f"{when}. {event.get('explanation') or ''} {quotes}".strip()


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    el.text = value
    return el


def _stamp(value: str | None) -> str:
    """ISO stamps in RFC 3339 as Atom wants them (UTC, 'Z')."""
    if not value:
        return "1970-01-01T00:00:00Z"
    return value.replace("+00:00", "Z") if "T" in value else f"{value}T00:00:00Z"


def write_outputs(out_dir: Path, watchlist: dict, new_hits: list[dict], all_hits: list[dict],
                  base_url: str = "") -> dict[str, Path]:
    """Append the new hits to <slug>.jsonl and rewrite <slug>.atom from all hits (newest first)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    name = slug(watchlist)
    jsonl, atom = out_dir / f"{name}.jsonl", out_dir / f"{name}.atom"
    with jsonl.open("a", encoding="utf-8") as fh:
        for hit in new_hits:
            fh.write(json.dumps({"watchlist": watchlist["name"], "found_at": hit["found_at"],
                                 "event": hit["record"]}, ensure_ascii=False) + "\n")
    tmp = atom.with_suffix(".atom.tmp")
    tmp.write_bytes(atom_feed(watchlist, all_hits, base_url))
    tmp.replace(atom)           # a reader never sees half a feed
    return {"jsonl": jsonl, "atom": atom}
