"""Stage `mentions`: every named and temporal mention, normalised, with its span.

Composes the finders of this room, each a function Document -> list[Mention]:
- places.geo_mentions: countries, demonyms and compound adjectives, places, organisations
  (gazetteer matches, also for languages without an NLP pipeline);
- dates.date_mentions: temporal expressions normalised against the publication date;
- persons.person_mentions: people (NER plus title patterns) and role titles.
"""
from __future__ import annotations

from liaison import lexicon
from liaison.records import Document
from liaison.understand import dates, persons, places

FINDERS = (places.geo_mentions, dates.date_mentions, persons.person_mentions)


def find_mentions(doc: Document) -> Document:
    """LanguageNotSupported for a language without lexicons: the runner records it as the article's
    issue, and the article is not read with another language's rules."""
    lexicon.require(doc.lang)
    found: list = []
    for finder in FINDERS:      # each finder sees what the ones before it found
        found += finder(doc.with_(mentions=tuple(found)))
    found.sort(key=lambda m: (m.span.start, -m.span.end))
    return doc.with_(mentions=tuple(found))


def find_mentions_batch(docs: list[Document]) -> list[Document]:
    return [find_mentions(doc) for doc in docs]
