"""Watchlists: saved queries over the linked events, polled feeds, and the alerts they write.

- `queries`: what a watchlist is (person, dyad, type, phrase) and which events it matches;
- `outputs`: the Atom feed and JSONL file of a watchlist's delivered events;
- `poll`: one round of `liaison watch` (ingest the feeds, deliver what is new, write the files).
"""
