"""Role timelines from biographies: "He has served as … Prefect of Police of Paris before being
appointed Minister of the Interior in October 2025".

A sentence whose subject is a pronoun ("He", "Elle", …) and that names nobody speaks of the
person named last before it; its titles become that person's past and present roles. A title
after an "appointed" word starts at the next date of the sentence; titles before an "until" phrase
("before being appointed") end there.
"""
from __future__ import annotations

import re

from liaison.records import Document, Mention
from liaison.understand.coref import Cluster
from liaison.understand.roles import RoleFinding
from liaison.understand.titles import Lexicon, phrase_regex


def biography_roles(doc: Document, clusters: list[Cluster], titles: list[Mention],
                    lex: Lexicon) -> dict[int, list[RoleFinding]]:
    """Extra role findings keyed by the start of the person mention they attach to."""
    persons = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.span.start)
    dates = [m for m in doc.mentions if m.kind == "date"]
    appointed, until = phrase_regex(lex.appointed), phrase_regex(lex.until)
    out: dict[int, list[RoleFinding]] = {}
    for sent in sentence_spans(doc):
        if (not lex.grammar.pronoun.match(sent.text)
                or any(sent.start <= p.span.start < sent.end for p in persons)):
            continue
        prior = [p for p in persons if p.span.start < sent.start]
        if not prior:
            continue
        anchor = prior[-1]
        inside = [t for t in titles if sent.start <= t.span.start and t.span.end <= sent.end]
        found = _timeline(doc.text, sent, inside, dates, appointed, until)
        if found:
            out.setdefault(anchor.span.start, []).extend(found)
    return out


def sentence_spans(doc: Document):
    """The nlp stage's sentences, else a split at full stops and line breaks."""
    if doc.sentences:
        return doc.sentences
    from liaison.records import Span
    spans = []
    for m in re.finditer(r"[^.!?\n]+[.!?]?", doc.text):
        spans.append(Span(m.start(), m.end(), m.group()))
    return spans


def _timeline(text, sent, titles, dates, appointed, until) -> list[RoleFinding]:
    cut = until.search(text, sent.start, sent.end) if until else None
    start_date = None
    found = []
    for t in titles:
        if t.extra.get("holder") == "after":
            continue
        a = appointed.search(text, max(sent.start, t.span.start - 25), t.span.start) if appointed else None
        begins = None
        if a:
            nxt = [d for d in dates if t.span.end <= d.span.start <= t.span.end + 30]
            begins = _stated_start(nxt[0].value) if nxt else None
            start_date = begins or start_date
        found.append((t, begins, bool(cut and t.span.end <= cut.start())))
    return [RoleFinding(t.value, t.extra.get("organization"), None, "biography", t.span,
                        start=begins, end=start_date if ended else None)
            for t, begins, ended in found]


def _stated_start(value) -> str | None:
    """The first day of a date whose year the text states; None for a year assumed from the
    article's date ("appointed in October"): a role dated by a guessed year would show, and teach
    the office timeline, a year nobody wrote."""
    if not isinstance(value, dict) or value.get("year_unstated"):
        return None
    return value.get("start")
