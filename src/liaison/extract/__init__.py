"""Extraction: events (PLOVER), commitments, figures, quotes (stage `extract`).

Only articles about state action on security, migration, crime or diplomacy yield events,
commitments and figures (relevance.py); quotes are kept for every article. Figures are the numbers
of a story between states: an article in which no act of a state is found (a court ruling, a
domestic crime wave, a phone network's plans) yields none, whatever its topic words.
"""
from __future__ import annotations

from liaison import lexicon
from liaison.extract.commitments import extract_commitments
from liaison.extract.contexts import context_counts
from liaison.extract.events import extract_events
from liaison.extract.figures import extract_figures
from liaison.extract.quotes import extract_quotes
from liaison.extract.relevance import is_relevant
from liaison.extract.setting import lead_indices, main_states
from liaison.nlp.pipelines import with_tokens
from liaison.nlp.sentences import sentences
from liaison.records import Document


def extract(doc: Document) -> Document:
    if not lexicon.supported(doc.lang):
        return doc          # reported by the mentions stage; nothing can be read without lexicons
    doc = with_tokens(doc)
    quotes = tuple(extract_quotes(doc))
    if not is_relevant(doc):
        return doc.with_(events=(), commitments=(), figures=(), quotes=quotes)
    spans = sentences(doc)
    article_ctx = context_counts(doc.tokens, doc.lang)
    doc = doc.with_(events=tuple(extract_events(doc, spans, article_ctx)))   # commitments read them
    states = main_states(doc, spans, lead_indices(spans))   # the article's states, read once
    figures = tuple(extract_figures(doc, spans, states)) if doc.events else ()
    return doc.with_(commitments=tuple(extract_commitments(doc, spans, states)), figures=figures,
                     quotes=quotes)


def extract_batch(docs: list[Document]) -> list[Document]:
    return [extract(doc) for doc in docs]
