"""spaCy pipelines, one per language (settings.pipelines), loaded once per process, run in batches.

Known model weaknesses handled here: headings without final punctuation merge into the next
sentence, so every line break is a sentence boundary before the parser runs, and a line without
final punctuation is parsed apart from the next (nlp.chunks).
"""
from __future__ import annotations

import functools
import importlib.util

from liaison.nlp.chunks import parse_texts
from liaison.nlp.sentences import split_sentences
from liaison.nlp.tokens import parsed_tokens, rule_tokens
from liaison.records import Document, Span
from liaison.settings import get_settings


@functools.cache
def load(lang: str):
    """The spaCy Language for `lang`, or None when no pipeline is configured or installed."""
    package = get_settings().pipelines.get(lang)
    if not package or importlib.util.find_spec(package) is None:
        return None
    import warnings

    import spacy
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")        # W095: pipeline packaged for an older 3.x
        nlp = spacy.load(package)
    if "line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


from spacy.language import Language  # noqa: E402


@Language.component("line_breaks")
def line_breaks(doc):
    """A token after a line break starts a sentence; a line break token never does, nor does a
    word in lower case after a word ('d'au moins 132 personnes | ce 3 mai 2023.': the date of the
    arrests is in their sentence)."""
    for i, token in enumerate(doc[1:], 1):
        prev = doc[i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
        elif token.text[:1].islower() and prev.text[:1].isalnum():
            token.is_sent_start = False
    return doc


def parse_batch(docs: list[Document]) -> list[Document]:
    """Attach sentences and tokens to each document, and the spaCy parse where the language has a
    pipeline (`parsed` stays in memory, it is never stored)."""
    by_lang: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        by_lang.setdefault(doc.lang or "und", []).append(i)
    out = list(docs)
    for lang, idx in by_lang.items():
        nlp = load(lang)
        if nlp is None:
            for i in idx:
                out[i] = without_parser(docs[i])
            continue
        texts = [docs[i].text for i in idx]
        for i, parsed in zip(idx, parse_texts(nlp, texts, get_settings().batch_size), strict=True):
            sentences = tuple(Span(s.start_char, s.end_char, s.text) for s in parsed.sents
                              if s.text.strip())
            out[i] = docs[i].with_(sentences=sentences, parsed=parsed,
                                   tokens=parsed_tokens(parsed, lang, sentences))
    return out


def without_parser(doc: Document) -> Document:
    """Sentences from the rule splitter and tokens from the rule tokeniser."""
    sentences = tuple(split_sentences(doc.text))
    return doc.with_(sentences=sentences, tokens=rule_tokens(doc.text, doc.lang, sentences))


def with_tokens(doc: Document) -> Document:
    """The document with sentences and tokens (a document built by hand skips the nlp stage)."""
    return doc if doc.tokens or not doc.text else without_parser(doc)
