"""The setting of an article's events: which states it is about, who it follows, when it speaks.

What a sentence leaves unsaid is read from here, each with a rule an analyst can check:
- `states`: the states the article is about — named at least twice, or once in the headline or
  lead; a state named once in passing (a suspect's nationality, an outlet's country) is not one;
- `dyad`: the first two of them, the followed official's state first;
- `reference`: the date a statement without a date of its own is given, marked inferred — the
  stated day of the lead's first dated act (when close to publication), else the publication day,
  else the month of a ' date YYYY-MM' stamp; never "the latest date in the text" (mostly background);
- paragraph neighbours: the states of the sentences just before, in the same paragraph.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from liaison.extract import arguments as args
from liaison.records import DateValue, Document, Entity, Span
from liaison.understand.allegiance import SIDE_SHARE  # one notion of an article's side, for people and acts

LEAD_SENTENCES = 3  # headline and lead: what the article is about
MIN_MENTIONS = 2  # a state named this often is one the article is about
LEAD_DATE_DAYS = 7  # the lead's own date dates the article when this close to publication
NEIGHBOURS = 2  # sentences before, in the paragraph, whose states a sentence may take


@dataclass
class Setting:
    doc: Document
    sentences: list[Span]
    lead: set[int]
    states: list[str]
    dyad: list[str]
    protagonist: Entity | None
    reference: DateValue | None
    reference_note: str
    counts: Counter = field(default_factory=Counter)   # state_counts of the article
    _sentence_states: dict[int, list[str]] = field(default_factory=dict)

    def is_a_side(self, state: str) -> bool:
        """Is the state one the article is about, named at least SIDE_SHARE as often as the most
        named one? A state named in passing is no side of the article's pair."""
        return self.counts[state] >= SIDE_SHARE * max(self.counts.values(), default=0)

    def states_of(self, k: int) -> list[str]:
        if k not in self._sentence_states:
            s = self.sentences[k]
            self._sentence_states[k] = args.countries_in(self.doc, s.start, s.end)
        return self._sentence_states[k]

    def lead_states(self) -> set[str]:
        """The states the headline and lead name: what the article is about."""
        return {c for i in self.lead for c in self.states_of(i)}

    def neighbour_states(self, k: int) -> list[str]:
        """States named in the sentences just before sentence k, in the same paragraph (nearest first)."""
        out: list[str] = []
        for j in range(k - 1, max(-1, k - 1 - NEIGHBOURS), -1):
            if "\n\n" in self.doc.text[self.sentences[j].end : self.sentences[k].start]:
                break
            out += [c for c in self.states_of(j) if c not in out]
        return out


def lead_indices(sentences: list[Span]) -> set[int]:
    substantial = [i for i, s in enumerate(sentences) if len(s.text.split()) >= 5]
    return set(substantial[:LEAD_SENTENCES])


def main_states(
    doc: Document, sentences: list[Span], lead: set[int], counts: Counter | None = None
) -> list[str]:
    """The states the article is about, most named first (`counts`: its state_counts, when known)."""
    counts = state_counts(doc) if counts is None else counts
    in_lead = {c for i in lead for c in args.countries_in(doc, sentences[i].start, sentences[i].end)}
    ranked = sorted(counts, key=lambda c: -counts[c])
    return [c for c in ranked if counts[c] >= MIN_MENTIONS or c in in_lead]


def state_counts(doc: Document) -> Counter:
    """How often the article names each state: its names, demonyms and places, and the mentions of
    the people and bodies serving it."""
    counts: Counter = Counter()
    for c in args.article_countries(doc):
        counts[c] = 0
    for m in doc.mentions:
        for c in args.mention_countries(m):
            counts[c] += 1
    for e in doc.entities:
        if e.kind in ("person", "organization") and e.country:
            counts[e.country] += len(e.mentions) or 1
    return counts


def reference_date(doc: Document, lead_date: DateValue | None) -> tuple[DateValue | None, str]:
    """The date given to statements that state none, and where it comes from: the day of the act
    the lead reports (a report published on Tuesday about Friday's operation speaks of Friday),
    else the publication day, else the day of the latest social post the page embeds (a page
    without a publication day that embeds 'July 6, 2025' posts was written on or after it)."""
    if lead_date is not None:
        return _inferred(lead_date), "the date of the lead's first dated act"
    if doc.published:
        day = doc.published[:10]
        return DateValue(day, day, "day", basis="inferred"), "the publication day"
    posted = (doc.meta or {}).get("embedded_post_day")
    if posted:
        return DateValue(posted, posted, "day", basis="inferred"), "the day of a post the page embeds"
    month = (doc.meta or {}).get("published_month")
    if month:
        from liaison.understand.dates_calendar import month_range

        first, last = month_range(int(month[:4]), int(month[5:7]))
        return DateValue(
            first.isoformat(), last.isoformat(), "month", basis="inferred"
        ), "the page's month stamp"
    return None, "no date: the article gives no publication date"


def _inferred(value: DateValue) -> DateValue:
    return DateValue(value.start, value.end, value.precision, value.year_unstated, basis="inferred")


def close_to_publication(doc: Document, value: DateValue) -> bool:
    if not doc.published or not value.start:
        return True
    try:
        gap = (dt.date.fromisoformat(doc.published[:10]) - dt.date.fromisoformat(value.start[:10])).days
    except ValueError:
        return False
    return 0 <= gap <= LEAD_DATE_DAYS


def article_setting(doc: Document, sentences: list[Span], lead_date) -> Setting:
    lead = lead_indices(sentences)
    counts = state_counts(doc)
    states = main_states(doc, sentences, lead, counts)
    followed = args.protagonist(doc)
    dyad = list(states[:2])
    if followed is not None and followed.country in states:
        dyad = [followed.country] + [c for c in states if c != followed.country][:1]
    reference, note = reference_date(doc, lead_date(doc, sentences, lead))
    return Setting(doc, sentences, lead, states, dyad, followed, reference, note, counts)
