"""`liaison watch`: poll feeds, ingest what is new, deliver the matching new events per watchlist.

One round is the ordinary ingest (the runner: re-reading a feed stores only the articles not stored
yet, and an interrupted round resumes) followed by `deliver`, which matches every watchlist against
the linked events and writes the alerts. Rounds repeat every `--every` until interrupted.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from liaison.errors import WatchError
from liaison.store import queries as Q
from liaison.store import watch as W
from liaison.watch.outputs import FEED_ENTRIES, write_outputs
from liaison.watch.queries import new_matches

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass
class Round:
    """What one polling round did: the ingest summary and the new events per watchlist name."""
    ingest: object = None
    delivered: dict[str, int] = field(default_factory=dict)
    files: dict[str, dict[str, Path]] = field(default_factory=dict)


def parse_every(text: str) -> float:
    """"15m" -> 900.0; "30s", "2h", "1d"; a bare number is minutes."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text or "")
    if not found or float(found[1]) <= 0:
        raise WatchError(f"--every {text!r}: expected a duration like 30s, 15m, 2h or 1d")
    return float(found[1]) * UNITS[found[2] or "m"]


def deliver(store, out_dir: Path | None, base_url: str = "") -> Round:
    """Match every watchlist against the linked events; record and write the new ones."""
    done = Round()
    events = Q.all_events(store)
    for watchlist in W.list_watchlists(store):
        delivered = [h["record"] for h in W.hits(store, watchlist["id"])]
        new = W.add_hits(store, watchlist["id"], new_matches(watchlist, events, delivered))
        done.delivered[watchlist["name"]] = len(new)
        if out_dir is not None:
            latest = W.hits(store, watchlist["id"], FEED_ENTRIES)
            done.files[watchlist["name"]] = write_outputs(out_dir, watchlist, new, latest, base_url)
    return done


def poll_once(feeds: Iterable[str], store, out_dir: Path | None, executor=None, settings=None,
              on_issue=None, base_url: str = "") -> Round:
    from liaison.scale.runner import process
    summary = process(list(feeds), store, executor, settings, on_issue=on_issue)
    done = deliver(store, out_dir, base_url)
    done.ingest = summary
    return done


def watch(feeds: list[str], store, out_dir: Path | None, every_s: float, once: bool,
          report: Callable[[Round], None], sleep: Callable[[float], None] = time.sleep, **options) -> None:
    """Poll until interrupted (or once); each round is reported when it ends."""
    while True:
        started = time.monotonic()
        report(poll_once(feeds, store, out_dir, **options))
        if once:
            return
        sleep(max(0.0, every_s - (time.monotonic() - started)))
