"""View models of the watchlist pages: the list, one watchlist's delivered events with those new
since the reader's last visit, and its Atom feed.

"Last visit" is the reader's own: a cookie per watchlist holding when its page was last opened
(the JSON twin also takes `?since=`), so the pages stay read-only and two analysts do not share it.
"""
from __future__ import annotations

import datetime as dt

from liaison.store import watch as W

COOKIE = "liaison_seen_{}"
PAGE_HITS = 200


def now_stamp() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _after(found_at: str | None, since: str | None) -> bool:
    """Stamps compare as instants (both ISO, UTC); no last visit: everything is new."""
    if not since:
        return True
    try:
        return dt.datetime.fromisoformat(found_at) > _aware(dt.datetime.fromisoformat(since))
    except (TypeError, ValueError):
        return True


def _aware(stamp: dt.datetime) -> dt.datetime:
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def watchlists(store, seen: dict[int, str]) -> dict:
    """Every watchlist with its delivered and new-since-last-visit counts."""
    items = []
    for w in W.list_watchlists(store):
        since = seen.get(w["id"])
        new = sum(_after(h["found_at"], since) for h in W.hits(store, w["id"])) if since else w["hits"]
        items.append({**w, "new_since_visit": new, "last_visit": since})
    return {"items": items, "total": len(items)}


def watchlist_detail(store, ident: str, since: str | None, seen: dict[int, str]) -> dict | None:
    """One watchlist's latest hits; `since` (else the reader's last visit) decides which are new."""
    found = W.get_watchlist(store, ident)
    if found is None:
        return None
    since = since or seen.get(found["id"])
    hits = W.hits(store, found["id"], PAGE_HITS)
    items = [{"event_id": h["event_id"], "found_at": h["found_at"], "new": _after(h["found_at"], since),
              "event": h["record"]} for h in hits]
    return {"watchlist": found, "last_visit": since, "new_since_visit": sum(i["new"] for i in items),
            "items": items, "feed": f"/watchlists/{found['id']}.atom"}


def atom(store, ident: str, base_url: str) -> bytes | None:
    from liaison.watch.outputs import FEED_ENTRIES, atom_feed
    found = W.get_watchlist(store, ident)
    if found is None:
        return None
    return atom_feed(found, W.hits(store, found["id"], FEED_ENTRIES), base_url)
