"""Tokens of a document, the same shape for every language: what the lexicon patterns match on.

With a spaCy parse (English, French) a token carries the parser's lemma and part of speech; without
one (Spanish, German, Italian, Portuguese) a rule tokeniser splits words, numbers, punctuation and
elided articles ("dell'incontro" -> "dell'", "incontro"), and the lemma is the form itself. Every
token also carries the Snowball stem of its lower-case form, so that an inflection the lexicon
does not list ("suspending", "firmó", "unterzeichnete") still meets its dictionary form.
Forms are folded (lower case, accents off) so that "réunion", "Reunion" and "REUNIÓN" compare equal.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from liaison import lexicon
from liaison.folding import strip_accents
from liaison.records import Span

# an elided article or preposition ("l'", "dell'", "d’"), a word (with inner hyphens and
# apostrophes), a number (with separators), or any other single character
_TOKEN = re.compile(r"[^\W\d_]{1,5}['’](?=[^\W\d_])|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,]\d+)*|\S")


@dataclass(frozen=True, slots=True)
class Token:
    i: int            # position in the document's token list
    start: int        # character offsets into Document.text
    end: int
    text: str
    norm: str         # folded form
    lemma: str        # folded lemma (the folded form without a parser)
    stem: str         # folded Snowball stem of the lower-case form
    pos: str          # universal part of speech from the parser, "" without one
    sent: int         # index of the sentence it belongs to
    punct: bool


@functools.cache
def _spellings(lang: str | None) -> tuple[tuple[str, str], ...]:
    """Letters the language writes out before accents are dropped (German: ä -> ae, so that
    'würde' stays apart from 'wurde'; language.json `folding`)."""
    if not lexicon.supported(lang):
        return ()
    return tuple(lexicon.setting(lang, "folding", {}).items())


def fold_word_keep_accents(text: str, lang: str | None = None) -> str:
    """Lower case, the language's own spellings written out, one apostrophe."""
    lower = text.lower().replace("’", "'")
    for letter, written in _spellings(lang):
        lower = lower.replace(letter, written)
    return lower


@functools.lru_cache(maxsize=200_000)
def fold_word(text: str, lang: str | None = None) -> str:
    """Lower case, the language's own spellings, accents off, one apostrophe."""
    return strip_accents(fold_word_keep_accents(text, lang))


@functools.cache
def _stemmer(lang: str | None):
    name = lexicon.setting(lang, "stemmer") if lexicon.supported(lang) else None
    if not name:
        return None
    import snowballstemmer
    return snowballstemmer.stemmer(name)


@functools.lru_cache(maxsize=200_000)
def stem(word: str, lang: str | None) -> str:
    """The folded Snowball stem of a word (its folded form where the language has no stemmer)."""
    lower = fold_word_keep_accents(word, lang)
    stemmer = _stemmer(lang)
    return strip_accents(stemmer.stemWord(lower) if stemmer else lower)


def _sentence_index(sentences: tuple[Span, ...]):
    starts = [s.start for s in sentences]
    return lambda pos: max(0, bisect.bisect_right(starts, pos) - 1)


def _is_punct(text: str) -> bool:
    return not any(map(str.isalnum, text))      # map: no Python frame per character


def parsed_tokens(parsed, lang: str | None, sentences: tuple[Span, ...]) -> tuple[Token, ...]:
    """Tokens of a spaCy Doc (whitespace tokens left out)."""
    # This runs for every token of every article, and each spaCy Token object or attribute read
    # builds a Python object: the attributes are read as one array instead, the text cut by offset,
    # and the sentences walked alongside (tokens come in text order).
    from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, POS
    from spacy.parts_of_speech import NAMES

    starts = [s.start for s in sentences]
    strings, text = parsed.vocab.strings, parsed.text
    out = []
    sent = 0
    for idx, length, lemma, pos, space in parsed.to_array([IDX, LENGTH, LEMMA, POS, IS_SPACE]).tolist():
        if space:
            continue
        word = text[idx:idx + length]
        while sent + 1 < len(starts) and starts[sent + 1] <= idx:
            sent += 1
        out.append(Token(len(out), idx, idx + length, word, fold_word(word, lang),
                         fold_word(strings[lemma] or word, lang), stem(word, lang), NAMES.get(pos, ""), sent,
                         _is_punct(word)))
    return tuple(out)


def named_entities(parsed) -> tuple[tuple[int, int, str], ...]:
    """(start, end, label) of the parser's named entities. Read once per spaCy Doc and kept in its
    `user_data`: `Doc.ents` builds every span anew on each access, and three finders ask."""
    found = parsed.user_data.get(_ENTITIES)
    if found is None:
        found = parsed.user_data[_ENTITIES] = tuple((e.start_char, e.end_char, e.label_) for e in parsed.ents)
    return found


_ENTITIES = "liaison.named_entities"


def rule_tokens(text: str, lang: str | None, sentences: tuple[Span, ...]) -> tuple[Token, ...]:
    """Tokens of a text no parser has read."""
    sent_of = _sentence_index(sentences)
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        norm = fold_word(word, lang)
        out.append(Token(len(out), m.start(), m.end(), word, norm, norm, stem(word, lang), "",
                         sent_of(m.start()), _is_punct(word)))
    return tuple(out)


def tokens_of_sentence(tokens: tuple[Token, ...], k: int) -> list[Token]:
    """The tokens of sentence k, in order (`[t for t in tokens if t.sent == k]`).

    The extractors ask this of every sentence, several times each: a scan of the whole document per
    question. The last document's tokens are grouped by sentence once and reused (a tuple cannot
    change, so holding the same object means the same grouping)."""
    global _BY_SENTENCE
    held, by_sentence = _BY_SENTENCE
    if held is not tokens:
        if not isinstance(tokens, tuple):
            return [t for t in tokens if t.sent == k]
        by_sentence = {}
        for t in tokens:
            by_sentence.setdefault(t.sent, []).append(t)
        _BY_SENTENCE = (tokens, by_sentence)      # one assignment: a thread reads a matching pair
    return list(by_sentence.get(k, ()))


_BY_SENTENCE: tuple[tuple[Token, ...] | None, dict[int, list[Token]]] = (None, {})


def tokens_after(tokens: tuple[Token, ...], pos: int, n: int) -> list[Token]:
    """The n tokens starting at or after character `pos`, in the same sentence as the first."""
    k = bisect.bisect_left(tokens, pos, key=lambda t: t.start)
    out = list(tokens[k:k + n])
    return [t for t in out if t.sent == out[0].sent] if out else []


def tokens_before(tokens: tuple[Token, ...], pos: int, n: int) -> list[Token]:
    """The n tokens ending at or before character `pos`, in the same sentence as the last."""
    k = bisect.bisect_right(tokens, pos, key=lambda t: t.end)
    out = list(tokens[max(0, k - n):k])
    return [t for t in out if t.sent == out[-1].sent] if out else []


def noun_after_to(tokens: list[Token], end: int) -> bool:
    """tokens[end - 1] is 'to' and the next word (past punctuation: 'vowed to "chase…"') is one
    the parser tags as no verb: 'due to terrorist incidents' (a cause), 'committed to democracy',
    'our commitment to the coalition' (a stance), unlike 'committed to reduce'. Needs the parse."""
    if end >= len(tokens) or tokens[end - 1].norm != "to":
        return False
    words = [t for t in tokens[end:] if not t.punct]
    return bool(words) and bool(words[0].pos) and words[0].pos not in ("VERB", "AUX", "ADV", "PART")
