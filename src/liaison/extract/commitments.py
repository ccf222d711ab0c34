"""Commitments: promises, plans and announced future steps, with who commits and the deadline.

A clause with a commitment marker (commitments.json: strong ones such as 'pledged to', 'to be
created', 'within two weeks', 'visant à'; plain futures such as 'will', 'va') states one commitment.
A plain future counts only when a state, a body or a person is named before it, and not when it is
a hope ('hoped that ... would') or a prediction ('will help to'). A sentence may hold several
commitments, one per strong marker. The committing states are those of the statement, completed
with the article's main states (a bilateral article's promises bind the pair); the deadline is the
sentence's date when it does not lie in the past.
"""
from __future__ import annotations

import re

from liaison.extract import arguments as args
from liaison.extract import lexicon
from liaison.records import Actor, Commitment, DateValue, Document, Span

MAX_ACTION_CHARS = 240
MIN_WORDS = 5
FOLLOW_SENTENCES = 2        # 'These measures will ...' continues a promise stated this many sentences before
OWN_CLAUSE_CHARS = 40       # a plain future this far before a strong marker is a commitment of its own


def _markers(sentence: Span, lang: str | None) -> list[tuple[re.Match, bool]]:
    """Strong markers, each its own commitment, and the first plain future when it comes before them
    in a clause of its own ('The US will pay ..., as Panama's president pledged to close ...')."""
    strong_rx = lexicon.word_list(lang, "commitments", "strong")
    strong: list[tuple[re.Match, bool]] = []
    for m in strong_rx.finditer(sentence.text) if strong_rx else ():
        if not strong or strong[-1][0].end() + OWN_CLAUSE_CHARS < m.start():
            strong.append((m, True))    # markers close together belong to one clause
    plain_rx = lexicon.word_list(lang, "commitments", "markers")
    plain = plain_rx.search(sentence.text) if plain_rx else None
    if plain and (not strong or plain.end() + OWN_CLAUSE_CHARS < strong[0][0].start()):
        return [(plain, False)] + strong
    return strong


def _words_near(text: str, at: int, end: int, before: int, after: int) -> tuple[str, str]:
    return " ".join(text[:at].split()[-before:]), " ".join(text[end:].split()[:after])


def _hit(lang: str | None, key: str, text: str, name: str = "commitments") -> bool:
    rx = lexicon.word_list(lang, name, key)
    return bool(rx and text and rx.search(text))


def _rejected(doc: Document, sentence: Span, m: re.Match, strong: bool, follows: bool = False) -> bool:
    before, after = _words_near(sentence.text, m.start(), m.end(), 3, 3)
    if _hit(doc.lang, "negation", before, "events") or _hit(doc.lang, "negation", after, "events"):
        return True
    if strong:
        return False
    wider_before, next_words = _words_near(sentence.text, m.start(), m.end(), 8, 2)
    if _hit(doc.lang, "not_promise", wider_before):
        return True                     # 'hoped that the meeting would': a hope, not a promise
    if _hit(doc.lang, "prediction", next_words):
        return True                     # 'will help to', 'will make it possible': a prediction
    at = sentence.start + m.start()
    if follows and _hit(doc.lang, "anaphora", wider_before):
        return False                    # 'These reinforcements will increase ...': the promise goes on
    return not _state_subject(doc, sentence, at)


def _state_subject(doc: Document, sentence: Span, at: int) -> bool:
    """A plain future ('will') commits someone only when a state or one of its people is named before it."""
    before = (sentence.start, at)
    return bool(args.actors_in(doc, *before) or args.countries_in(doc, *before)
                or args.mentions_in(doc, *before, ("organization", "title")))


def _due(doc: Document, sentence: Span, at: int, lead_in: Span | None = None) -> tuple[DateValue | None, str]:
    dated = args.date_near(doc, sentence.start, sentence.end, at)
    if not dated and lead_in is not None:
        # 'Looking ahead to 2026, the minister announces ... . He mentions seven new posts to be
        # created': the forward date of the sentence that introduces the plan is its deadline
        dated = _forward_date(doc, lead_in)
    if not dated:
        return None, "no deadline stated"
    value, span = dated
    if doc.published and value.end and value.end < doc.published[:10]:
        return None, f"'{span.text}' lies in the past: no deadline"
    return value, f"due from '{span.text}'"


def _forward_date(doc: Document, span: Span) -> tuple[DateValue, Span] | None:
    """A date of the span that does not look back (no past tense, not before publication)."""
    for m in args.mentions_in(doc, span.start, span.end, ("date",)):
        value = DateValue.from_json(m.value) if isinstance(m.value, dict) else None
        if value is None or not value.start or (m.extra or {}).get("tense") == "past":
            continue
        if doc.published and value.end and value.end < doc.published[:10]:
            continue
        return value, m.span
    return None


def _committer(doc: Document, sentence: Span, at: int) -> Actor | None:
    placed = args.actors_in(doc, sentence.start, sentence.end)
    before = [p for p in placed if p.start < at]
    chosen = (before[-1] if before else placed[0]) if placed else None
    return chosen.actor if chosen else None


def _commitment(doc: Document, sentence: Span, m: re.Match, dyad: list[str],
                lead_in: Span | None = None) -> Commitment | None:
    at = sentence.start + m.start()
    actor = _committer(doc, sentence, at)
    countries = args.countries_in(doc, sentence.start, sentence.end)
    if actor and actor.country and actor.country not in countries:
        countries.insert(0, actor.country)
    countries += [c for c in dyad if c not in countries]
    if not countries:
        return None
    due, due_note = _due(doc, sentence, at, lead_in)
    action = sentence.text[m.start():].strip()[:MAX_ACTION_CHARS]
    who = f"{actor.name} ({actor.country})" if actor else ", ".join(countries)
    return Commitment(action=action, evidence=(sentence,), actor=actor, countries=tuple(countries), due=due,
                      explanation=f"commitment marker '{m.group(0)}'; committed: {who}; {due_note}")


def commitments_in(doc: Document, sentence: Span, dyad: list[str], lead_in: Span | None = None,
                   follows: bool = False) -> list[Commitment]:
    """The commitments of one sentence. `lead_in`: the sentence before it in its paragraph;
    `follows`: a commitment was stated just before (a demonstrative subject continues it)."""
    if len(sentence.text.split()) < MIN_WORDS or sentence.text.rstrip().endswith("?"):
        return []
    out = []
    for m, strong in _markers(sentence, doc.lang):
        if not _rejected(doc, sentence, m, strong, follows):
            c = _commitment(doc, sentence, m, dyad, lead_in)
            if c is not None:
                out.append(c)
    return out


def _same_paragraph(doc: Document, a: Span, b: Span) -> bool:
    return "\n\n" not in doc.text[a.end:b.start]


def extract_commitments(doc: Document, sentences: list[Span]) -> list[Commitment]:
    dyad = args.article_dyad(doc)
    out, seen = [], set()
    last_promise = -FOLLOW_SENTENCES - 1
    for i, sentence in enumerate(sentences):
        said = " ".join(sentence.text.split())
        if said in seen:
            continue                    # a repeated caption or headline
        seen.add(said)
        before = sentences[i - 1] if i and _same_paragraph(doc, sentences[i - 1], sentence) else None
        found = commitments_in(doc, sentence, dyad, before, i - last_promise <= FOLLOW_SENTENCES)
        if found:
            last_promise = i
        out += found
    return out
