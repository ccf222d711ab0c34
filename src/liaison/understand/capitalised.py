"""Names found by their shape, for languages without an NER pipeline (es, de, it, pt).

A run of two to five capitalised words ("Fernando Grande-Marlaska", "Luiz Inácio Lula da Silva")
is a person's name only when the text says so, because institutions, places and clubs are
capitalised runs too ("Polícia Federal", "Santiago Bernabéu"), and German capitalises every noun.
What says so, each a fact about how news text speaks of people:
- a reporting verb next to the run ("disse Fernando Grande-Marlaska", "Ricardo Lewandowski
  afirmou", "sagte Scholz"): titles.json `speech_verbs`;
- the run coordinated with a person already found ("Fernando Grande-Marlaska e Abdelouafi Laftit");
- its last word used alone elsewhere in the article, as people are named again by surname.
Runs holding a country, place, organisation or demonym, a title, a date word or a word the
language lists as no name (titles.json `not_names`) are not names.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from liaison.folding import fold
from liaison.gazetteer import lookup_country, lookup_place
from liaison.records import Document, Mention
from liaison.understand.grammar import name_particles
from liaison.understand.personnames import WORD, is_cap
from liaison.understand.titles import Lexicon, phrase_regex

MAX_WORDS = 5
VERB_REACH = 30          # characters between a reporting verb and the name


def shape_names(doc: Document, lex: Lexicon, blocked: list[tuple[int, int]],
                persons: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, "shape") for the capitalised runs the text shows to be people's names.

    `blocked`: spans of geo, title and date mentions; `persons`: spans of names found otherwise."""
    text = doc.text
    runs = [r for r in _runs(text, lex) if not _overlaps(r, blocked)]
    verbs = phrase_regex(tuple(lex.speech_verbs))
    stop = function_words(lex.lang)
    found = [r for r in runs if _reported(text, r, verbs) or _surname_reused(text, r, runs, blocked, stop)]
    accepted = list(persons) + found
    grown = True
    while grown:            # the same name again, or "X e Y": coordinated with a name accepted
        names = {fold(text[s:e]) for s, e in accepted}
        new = [r for r in runs if r not in accepted and (fold(text[r[0]:r[1]]) in names
                                                         or _coordinated(text, r, accepted, lex))]
        accepted += new
        found += new
        grown = bool(new)
    return [(s, e, "shape") for s, e in sorted(set(found))]


def surname_mentions(doc: Document, names: Iterable[tuple[int, int]], taken: list[tuple[int, int]]
                     ) -> list[tuple[int, int, str]]:
    """Later mentions of a found name by its last word alone ("Grande-Marlaska … Marlaska" aside)."""
    out = []
    for s, e in names:
        words = doc.text[s:e].split()
        last = words[-1] if len(words) > 1 else None
        if not last or len(last) < 3:
            continue
        for m in re.finditer(rf"(?<![\w'’\-]){re.escape(last)}(?![\w\-])", doc.text):
            if not _overlaps((m.start(), m.end()), taken) and not _inside_run(doc.text, m.start(), m.end()):
                out.append((m.start(), m.end(), "surname"))
    return out


def _inside_run(text: str, start: int, end: int) -> bool:
    """A capitalised word right before (not one opening the sentence: "Dapprima Piantedosi") or after:
    part of a longer name ("Fernando Grande-Marlaska")."""
    window = max(0, start - 40)
    before = re.search(r"([^\W\d_][\w'’\-]*)[ \t]+$", text[window:start])
    opens = before is not None and _sentence_start(text, window + before.start(1))
    after = re.match(r"[ \t]+([^\W\d_])", text[end:end + 3])
    return bool(before and is_cap(before.group(1)) and not opens) or bool(after and after.group(1).isupper())


def _runs(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (particles inside), without leading non-name words; none that
    a place or institution word heads ("Estádio Santiago Bernabéu", "Real Madrid")."""
    out, words = [], []

    stop = function_words(lex.lang)

    def close():
        while words and (words[0][2].rstrip(".") in lex.not_names or not is_cap(words[0][2])
                         or words[0][2].lower() in stop):
            if words[0][2] in lex.place_heads:
                words.clear()
            else:
                words.pop(0)
        if words and words[0][2] in lex.place_heads:
            words.clear()
        while words and not is_cap(words[-1][2]):
            words.pop()
        if 2 <= len(words) <= MAX_WORDS and not any(w[2].rstrip(".") in lex.not_names for w in words):
            out.append((words[0][0], words[-1][1]))
        words.clear()

    pos = 0
    for m in WORD.finditer(text):
        word = m.group().rstrip(".")
        gap = text[pos:m.start()]
        joined = bool(words) and re.fullmatch(r"[ \t]+", gap) is not None
        if not joined:
            close()
        if is_cap(word) and not word.isupper() or (words and word.lower() in name_particles()):
            words.append((m.start(), m.start() + len(word), word))
        else:
            close()
        pos = m.start() + len(word)
    close()
    return out


@functools.cache
def function_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of the language ("Pero", "Durante" opening a sentence are no first names);
    none for a language spaCy does not know."""
    from spacy.util import get_lang_class
    try:
        return frozenset(w.lower() for w in get_lang_class(lang).Defaults.stop_words)
    except ImportError:
        return frozenset()


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


def _reported(text: str, run: tuple[int, int], verbs: re.Pattern | None) -> bool:
    """A reporting verb right before the name or right after it (", afirmou")."""
    if verbs is None:
        return False
    before = text[max(0, run[0] - VERB_REACH):run[0]]
    after = text[run[1]:run[1] + VERB_REACH]
    b = [m for m in verbs.finditer(before) if not re.search(r"[.;:!?\n«»\"“”]", before[m.end():])]
    a = verbs.match(after.lstrip(" ,"))
    return bool(b and re.fullmatch(r"\s+(?:\w+\s+)?", before[b[-1].end():])) or bool(a)


def _surname_reused(text: str, run: tuple[int, int], runs: list[tuple[int, int]],
                    blocked: list[tuple[int, int]], stop: frozenset[str]) -> bool:
    """The last word of the run alone elsewhere, not starting a sentence, not in another run, not
    after an article ("des États": a noun) and not the name of a place ("Real Madrid … em Madrid")."""
    last = text[run[0]:run[1]].split()[-1]
    if len(last) < 3 or lookup_place(last) or lookup_country(last):
        return False
    for m in re.finditer(rf"(?<![\w'’\-]){re.escape(last)}(?![\w\-])", text):
        before = re.search(r"(\w+)['’]?\s*$", text[max(0, m.start() - 20):m.start()])
        if (any(a <= m.start() < b for a, b in runs) or _sentence_start(text, m.start())
                or _overlaps((m.start(), m.end()), blocked) or (before and before.group(1).lower() in stop)):
            continue
        return True
    return False


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'“‘«(")
    return not before or before[-1] in ".!?\n:;"


def _coordinated(text: str, run: tuple[int, int], people: list[tuple[int, int]], lex: Lexicon) -> bool:
    and_gap = lex.grammar.and_gap
    return any(and_gap.match(text[e:run[0]]) or and_gap.match(text[run[1]:s])
               for s, e in people if e <= run[0] or run[1] <= s)


def blocked_spans(mentions: Iterable[Mention]) -> list[tuple[int, int]]:
    return [(m.span.start, m.span.end) for m in mentions
            if m.kind in ("country", "demonym", "place", "organization", "date")]
