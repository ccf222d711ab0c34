"""Commitments: promises, plans and announced future steps, with who commits and the deadline.

A sentence with a commitment marker (commitments.json: 'will', 'pledged to', 'to be created',
'within two weeks', 'va', 'visant à'...) that is not negated states one commitment. The committing
states are those of the statement, completed with the article's two main states (a bilateral
article's promises bind the pair); the deadline is the sentence's date when it lies ahead.
"""
from __future__ import annotations

from liaison.extract import arguments as args
from liaison.extract import lexicon
from liaison.records import Actor, Commitment, DateValue, Document, Span

MAX_ACTION_CHARS = 240
MIN_WORDS = 5


def _marker(sentence: Span, lang: str | None):
    """The strong marker ('pledged to', 'to be created') if any, else the first plain one ('will')."""
    for key in ("strong", "markers"):
        rx = lexicon.word_list(lang, "commitments", key)
        m = rx.search(sentence.text) if rx else None
        if m:
            return m, key == "strong"
    return None, False


def _state_subject(doc: Document, sentence: Span, at: int) -> bool:
    """A plain future ('will') commits someone only when a state or one of its people is named before it."""
    before = (sentence.start, at)
    return bool(args.actors_in(doc, *before) or args.countries_in(doc, *before)
                or args.mentions_in(doc, *before, ("organization", "title")))


def _negated(sentence: Span, at: int, lang: str | None) -> bool:
    rx = lexicon.word_list(lang, "events", "negation")
    before = " ".join(sentence.text[:at].split()[-3:])
    after = " ".join(sentence.text[at:].split()[:3])
    return bool(rx and (rx.search(before) or rx.search(after)))


def _due(doc: Document, sentence: Span, at: int) -> tuple[DateValue | None, str]:
    dated = args.date_near(doc, sentence.start, sentence.end, at)
    if not dated:
        return None, "no deadline stated"
    value, span = dated
    if doc.published and value.end and value.end < doc.published[:10]:
        return None, f"'{span.text}' lies in the past: no deadline"
    return value, f"due from '{span.text}'"


def _committer(doc: Document, sentence: Span, at: int) -> Actor | None:
    placed = args.actors_in(doc, sentence.start, sentence.end)
    before = [p for p in placed if p.start < at]
    chosen = (before[-1] if before else placed[0]) if placed else None
    return chosen.actor if chosen else None


def commitment_in(doc: Document, sentence: Span, dyad: list[str]) -> Commitment | None:
    if len(sentence.text.split()) < MIN_WORDS or sentence.text.rstrip().endswith("?"):
        return None
    m, strong = _marker(sentence, doc.lang)
    if m is None or _negated(sentence, m.start(), doc.lang):
        return None
    at = sentence.start + m.start()
    if not strong and not _state_subject(doc, sentence, at):
        return None
    actor = _committer(doc, sentence, at)
    countries = args.countries_in(doc, sentence.start, sentence.end)
    if actor and actor.country and actor.country not in countries:
        countries.insert(0, actor.country)
    countries += [c for c in dyad if c not in countries]
    if not countries:
        return None
    due, due_note = _due(doc, sentence, at)
    action = sentence.text[m.start():].strip()[:MAX_ACTION_CHARS]
    who = f"{actor.name} ({actor.country})" if actor else ", ".join(countries)
    return Commitment(action=action, evidence=(sentence,), actor=actor, countries=tuple(countries), due=due,
                      explanation=f"commitment marker '{m.group(0)}'; committed: {who}; {due_note}")


def extract_commitments(doc: Document, sentences: list[Span]) -> list[Commitment]:
    dyad = args.article_dyad(doc)
    out, seen = [], set()
    for sentence in sentences:
        c = commitment_in(doc, sentence, dyad)
        if c is not None and " ".join(sentence.text.split()) not in seen:
            seen.add(" ".join(sentence.text.split()))
            out.append(c)
    return out
