"""The function words around titles and names, per language, compiled into the gap regexes.

The person and role rules look at the few words between a title and a name ("ministro de Defensa
venezolano, Vladimir Padrino", "Laurent Nunez, Minister of the Interior"): articles, the
prepositions that open a title's complement, conjunctions, byline and credit words, subject
pronouns. Those words are language knowledge and live in lexicons/<lang>/titles.json; this module
only builds the regexes from them, once per language.

Keys read from titles.json (each a list of words; a word ending in an apostrophe is elided and
joins the next word: "l'", "dell'"):
  definite           articles that may stand between a title and a name ("le ministre, le général X")
  complement_links   prepositions/conjunctions opening a title's complement ("of", "de", "für")
  portfolio_links    what links a generic title to its portfolio ("Minister for", "ministre chargé de")
  and_words          "and": two names coordinated ("Toshiya Fujita and Kiyoto Imamura")
  other_coordinators "or", "with": after them no apposition follows
  byline_words       words that open a byline ("By", "Par", "Von")
  credit_words       photo/source credits ("Photo", "Foto", "Quelle")
  pronouns           subject pronouns that open a sentence about the person named before
  possessive         the possessive ending of a name ("'s": "Nuñez's counterpart"), if the language has one
  name_particles     lower-case words inside personal names ("von der", "da", "bin")
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from liaison import lexicon as lexicons

T = TypeVar("T")
PAREN = r"(?:\([^()\n]{1,30}\)\s*)?"      # "(DGSI)", "(SPD)" between a title and a name
NONE = r"(?!x)x"                          # an alternation with nothing in it matches nothing


@dataclass(frozen=True)
class Grammar:
    lang: str
    particles: frozenset[str]       # this language's name particles
    title_gap: re.Pattern           # after a title, before the name it introduces
    counterpart_gap: re.Pattern     # after "counterpart", before the name
    leader_gap: re.Pattern          # after "led by": an article and one word ("dal socialista Olaf Scholz")
    back_gap: re.Pattern            # "X, Nuñez's Algerian counterpart": between a name and a title after it
    credit_paren: re.Pattern
    credit_line: re.Pattern
    credit_trail: re.Pattern        # "Source (…)" at the end of a caption
    gap_before: re.Pattern          # the whole gap between a title and the name after it
    complement: re.Pattern          # the same, with the title's complement in between
    gap_after: re.Pattern           # between a name and its apposition ("X, the Minister")
    counter_before: re.Pattern      # between a counterpart word and the name after it
    owned: re.Pattern               # "X, Nuñez's …": a counterpart phrase owned by a name before it
    possessive_gap: re.Pattern      # only a possessive ending between a state and a title ("Britain's")
    and_gap: re.Pattern             # " and " between two names
    portfolio_link: re.Pattern      # "Minister" + " of "/" chargé de " + portfolio
    pronoun: re.Pattern             # a sentence opening with a subject pronoun
    qualifier: re.Pattern           # a title's complement naming something ("de EE. UU.", "of Guyana")
    list_gap: re.Pattern            # between the items of a list of names (", e de ", " et ")


def _words(data: dict, key: str) -> list[str]:
    return [w.replace("’", "'") for w in data.get(key, [])]


def _phrase(word: str) -> str:
    return r"\s+".join(re.escape(p) for p in word.split()).replace("'", "['’]")


def _alt(words: list[str]) -> str:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(_phrase(w) for w in words) + ")" if words else NONE


def _article(words: list[str], space: str) -> str:
    """An optional article before a name: a full one ends at a space, an elided one ("l'") at the name."""
    full = [w for w in words if not w.endswith("'")]
    elided = [w[:-1] for w in words if w.endswith("'")]
    parts = [f"{_alt(full)}{space}+"] if full else []
    parts += [f"{_alt(elided)}['’]"] if elided else []
    return f"(?:{'|'.join(parts)})?" if parts else ""


def _linked(words: list[str]) -> str:
    """A link word at a word boundary; an elided one runs into the next word."""
    return rf"{_alt(words)}(?:(?<=['’])|(?![\w']))"


def compiled(name: str) -> Callable[[Callable[[str | None], T]], Callable[[str | None], T]]:
    """Cache what is compiled from lexicons/<lang>/<name>.json for as long as the loader holds that
    file: `lexicon.reset()` (a test adding a language folder) makes it compile again."""
    def wrap(build: Callable[[str | None], T]) -> Callable[[str | None], T]:
        memo: dict[str | None, tuple[dict, T]] = {}

        @functools.wraps(build)
        def get(lang: str | None) -> T:
            data = lexicons.load(lang, name)
            hit = memo.get(lang)
            if hit is None or hit[0] is not data:
                hit = memo[lang] = (data, build(lang))
            return hit[1]
        return get
    return wrap


@compiled("titles")
def grammar(lang: str | None) -> Grammar:
    """The compiled gap regexes of `lang` (LanguageNotSupported when it has no folder)."""
    data = lexicons.load(lang, "titles")
    definite, links = _words(data, "definite"), _words(data, "complement_links")
    art_t, art_s = _article(definite, r"[ \t]"), _article(definite, r"\s")
    complement = rf"(?:{_linked(links)}[^,\n.;]{{1,70}}|[a-zà-ÿ]+)"
    possessive = _alt(_words(data, "possessive"))
    owner = rf"(?:[^\W\d_][\w\-]*{possessive}[ \t]+)?"
    not_coordinator = rf"(?!{_alt(_words(data, 'and_words') + _words(data, 'other_coordinators'))}\s)"
    credits, bylines = _words(data, "credit_words"), _words(data, "byline_words")
    i, im = re.IGNORECASE, re.IGNORECASE | re.MULTILINE
    return Grammar(
        lang=lexicons.require(lang),
        particles=frozenset(w.lower() for w in _words(data, "name_particles")),
        title_gap=re.compile(rf"[ \t]*(?:,[ \t]*|{complement},[ \t]*)?{art_t}", i),
        counterpart_gap=re.compile(rf"[ \t]*(?:[^\W\d_]+[ \t]*)?(?:,[ \t]*)?{art_t}", i),
        leader_gap=re.compile(rf"[ \t]*{art_t}(?:[a-zà-ÿ]+[ \t]+)?"),
        back_gap=re.compile(rf",[ \t]*{art_t}{owner}(?:[^\W\d_]+[ \t]+){{0,2}}$", i),
        credit_paren=re.compile(rf"\((?:[^()]*/[^()]*|\s*{_alt(credits)}\b[^()]*)\)", i),
        credit_line=re.compile(rf"^{_alt(bylines + credits)}\b[^\n]{{0,80}}$", im),
        credit_trail=re.compile(rf"\b{_alt(credits)}\s*\([^)]*\)", i),
        gap_before=re.compile(rf"^\s*{PAREN}[\s,]*{art_s}$", i),
        complement=re.compile(rf"^\s*{complement}?\s*{PAREN},?\s*{art_s}$", i),
        gap_after=re.compile(rf"^\s*{PAREN},\s*{art_s}(?P<owner>[^\W\d_][\w\-]*{possessive}\s+)?"
                             rf"(?:{not_coordinator}[^\W\d_]+\s+){{0,2}}$", i),
        counter_before=re.compile(rf"^\s*(?:[^\W\d_]+\s*)?,?\s*{art_s}$", i),
        owned=re.compile(rf",\s*[^\W\d_][\w\-]*{possessive}\s+(?:[^\W\d_]+\s+)?$"),
        possessive_gap=re.compile(rf"^{possessive}\s*$"),
        and_gap=re.compile(rf"^[ \t]+{_alt(_words(data, 'and_words'))}[ \t]+$", i),
        portfolio_link=re.compile(rf"[ \t]+{_linked(_words(data, 'portfolio_links'))}", i),
        pronoun=re.compile(rf"^\W*{_alt(_words(data, 'pronouns'))}\b", i),
        qualifier=re.compile(rf"[ \t]*{_linked(links)}[ \t]*{art_t}[A-Z]"),
        list_gap=re.compile(rf"(?:[\s,]|{_alt(_words(data, 'and_words'))}(?!\w)|{_linked(links)}|{art_s})*",
                            i),
    )


def name_particles() -> frozenset[str]:
    """The particles of every language: names travel ("Ursula von der Leyen" in a French text)."""
    return _particles(lexicons.languages())


@functools.cache
def _particles(langs: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p for lang in langs for p in grammar(lang).particles)
