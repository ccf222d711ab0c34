"""Role titles, honorifics and ranks per language (data in lexicons/<lang>/titles.json).

A role phrase found in the text becomes a `TitleMatch`: its span and the canonical English title
it stands for ("ministre de l'Intérieur" -> "Minister of the Interior"). Patterns are matched
case-insensitively at word boundaries, longest first, so "Deputy Minister of Public Security"
wins over "Minister"; patterns written in capitals ("FM", "PM") match only in capitals.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from liaison import lexicon as lexicons
from liaison.understand.alternation import FirstCharAlternation
from liaison.understand.grammar import Grammar, compiled, grammar

APOS = "['’]"


@dataclass(frozen=True)
class TitleMatch:
    start: int
    end: int
    title: str
    organization: str | None = None
    holder: str = "both"        # "after": only the name before it (apposition) holds the office
    country: str | None = None  # a title only one state has ("Bundesinnenministerin", "Home Secretary")
    plural: bool = False        # "les ministres …": each name of the list that follows holds it


@dataclass(frozen=True)
class Lexicon:
    lang: str
    honorifics: tuple[str, ...]
    ranks: tuple[str, ...]
    counterparts: tuple[str, ...]
    appointed: tuple[str, ...]
    until: tuple[str, ...]
    not_names: frozenset[str]
    roles: tuple[dict, ...]
    role_regex: FirstCharAlternation | None
    cased_regex: FirstCharAlternation | None
    prefix_regex: re.Pattern | None     # honorifics and ranks, to strip from a name
    adjective_slot: str = ""            # regex of the adjectives after a title's head ("ministre français …")
    portfolios: tuple[tuple[str, re.Pattern], ...] = ()   # (English portfolio, words in this language)
    definite: re.Pattern | None = None  # definite articles ("the", "le", "der"), for "the minister said"
    generic: frozenset[str] = frozenset()   # titles that name no office in particular ("Minister")
    grammar: Grammar | None = None      # the function words around titles and names
    party_names: tuple[str, ...] | None = None  # None: the press does not put parties after names
    definite_clauses: bool = False      # "Der für … eingesetzte Sonderbevollmächtigte" (German)
    not_offices: frozenset[str] = frozenset()   # titles that are no public office ("Journalist")
    speech_verbs: tuple[str, ...] = ()  # "said", "afirmou": a name next to one is a person's
    place_heads: frozenset[str] = frozenset()   # "Estádio", "Aeroporto": they head no person's name
    leaders: tuple[str, ...] = ()       # "led by", "governo": a name after one is a person's
    portfolio_verbatim: bool = False    # English: the text's portfolio words are the English title's
    former: tuple[str, ...] = ()        # "former", "ancien", "ex": the office is in the past


# capitals often lose their accents ("secrétaire d'Etat"): an accented letter also matches its bare form
_BARE = {c: b for b, cs in {"e": "éèêë", "a": "àâä", "i": "îï", "o": "ôö", "u": "ûüù", "c": "ç"}.items()
         for c in cs}
ADJ = r"[a-zà-ÿ][a-zà-ÿ\-]{3,}"


def adjectives(and_words: tuple[str, ...]) -> str:
    """The adjectives a title's head may take ("ministre français", "ministres marocain et français")."""
    conj = "|".join(re.escape(w) for w in and_words) or r"(?!x)x"
    return rf"(?:\s+{ADJ}(?:\s*,\s*{ADJ})*(?:\s+(?:{conj})\s+{ADJ})?)?"


def _word(word: str) -> str:
    return "".join(f"[{c}{_BARE[c]}]" if c in _BARE else re.escape(c) for c in word)


def _surface(pattern: str, adjective_slot: str = "") -> str:
    """A lexicon phrase -> regex: any apostrophe, any run of spaces, accents optional.

    With an `adjective_slot` (regex), adjectives may follow the first word of a multi-word phrase
    ("ministre français de l'Intérieur", "ministro libico dell'Interno").
    """
    parts = [_word(p) for p in pattern.replace("’", "'").split()]
    if adjective_slot and len(parts) > 1:
        return parts[0] + adjective_slot + r"\s+" + r"\s+".join(parts[1:]).replace("'", APOS)
    return r"\s+".join(parts).replace("'", APOS)


def _first_char(pattern: str) -> str | None:
    """The regex of a lexicon phrase's first character, as `_surface` writes it (None: not a letter
    or digit, which `_surface` may rewrite)."""
    first = pattern.replace("’", "'").lstrip()[:1]
    return _word(first) if first.isalnum() else None


def _alternation(items: list[tuple[str, int, str | None]], flags: int = 0) -> FirstCharAlternation | None:
    """Role phrases as one alternation, longest first; (regex, role index, first-character regex)."""
    if not items:
        return None
    items = sorted(items, key=lambda x: -len(x[0]))
    alternatives = [(f"(?P<r{idx}_{n}>{rx})", first) for n, (rx, idx, first) in enumerate(items)]
    return FirstCharAlternation(r"(?<![\w-])", alternatives, r"(?![\w])", flags)


def generic_titles(roles) -> frozenset[str]:
    """Titles of roles marked `generic`: they name no office in particular ("Minister")."""
    return frozenset(r["title"] for r in roles if r.get("generic"))


def no_office_titles(roles) -> frozenset[str]:
    """Titles of roles marked `"office": false`: no public office ("Journalist")."""
    return frozenset(r["title"] for r in roles if r.get("office") is False)


@functools.cache
def private_titles() -> frozenset[str]:
    """Titles of roles marked `"private": true` in any language (titles are English in every
    lexicon): private professions whose holders act for no state."""
    return frozenset(r["title"] for lang in lexicons.languages()
                     for r in lexicons.load(lang, "titles").get("roles", []) if r.get("private"))


def not_single_office_titles(lang: str | None) -> frozenset[str]:
    """`generic` and `not_offices` of the language's Lexicon, read from the data alone: linking asks
    this of every language, and compiling each one's title regexes for it took over a second."""
    roles = lexicons.load(lang, "titles").get("roles", [])
    return generic_titles(roles) | no_office_titles(roles)


@compiled("titles")
def lexicon(lang: str | None) -> Lexicon:
    """The titles lexicon of `lang`: LanguageNotSupported when the language has no folder."""
    data = lexicons.load(lang, "titles")
    roles = tuple(data.get("roles", []))
    slot = adjectives(tuple(data.get("and_words", []))) if data.get("adjective_slot") else ""
    plain, cased = [], []
    for idx, role in enumerate(roles):
        for p in role.get("patterns", []):
            (cased if p.isupper() else plain).append((_surface(p, slot), idx, _first_char(p)))
        for rx in role.get("regex", []):
            plain.append((rx, idx, None))
    role_rx = _alternation(plain, re.IGNORECASE)
    prefixes = sorted(data.get("honorifics", []) + data.get("ranks", []), key=len, reverse=True)
    prefix_rx = None
    if prefixes:
        alternatives = "|".join(_surface(p) for p in prefixes)
        prefix_rx = re.compile(rf"^(?:(?:{alternatives})(?:\s+|(?<=\.)|$))+", re.IGNORECASE)
    portfolios = tuple((name, phrase_regex(tuple(words)))
                       for name, words in data.get("portfolios", {}).items() if not name.startswith("_"))
    return Lexicon(lexicons.require(lang), tuple(data.get("honorifics", [])), tuple(data.get("ranks", [])),
                   tuple(data.get("counterparts", [])), tuple(data.get("appointed", [])),
                   tuple(data.get("until", [])), frozenset(data.get("not_names", [])), roles,
                   role_rx, _alternation(cased), prefix_rx, slot, portfolios,
                   _definite(tuple(data.get("definite", []))),
                   generic_titles(roles), grammar(lang),
                   tuple(data["party_names"]) if "party_names" in data else None,
                   bool(data.get("definite_clauses")),
                   no_office_titles(roles),
                   tuple(data.get("speech_verbs", [])), frozenset(data.get("place_heads", [])),
                   tuple(data.get("leaders", [])), bool(data.get("portfolio_verbatim")),
                   tuple(data.get("former", [])))


def _role_index(match: re.Match) -> int:
    name = next(k for k, v in match.groupdict().items() if v is not None)
    return int(name[1:].split("_")[0])


def find_titles(text: str, lang: str | None) -> list[TitleMatch]:
    """Every role phrase in `text`, longest match first, non-overlapping."""
    lex = lexicon(lang)
    found: list[TitleMatch] = []
    for rx in (lex.role_regex, lex.cased_regex):
        if rx is None:
            continue
        for m in rx.finditer(text):
            role = lex.roles[_role_index(m)]
            found.append(TitleMatch(m.start(), m.end(), role["title"], role.get("organization"),
                                    role.get("holder", "both"), role.get("country"),
                                    bool(role.get("plural"))))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[TitleMatch] = []
    for t in found:
        if out and t.start < out[-1].end:
            continue
        out.append(_with_portfolio(text, t, lex))
    return out


# generic heads that name their portfolio in a complement ("ministre de la Sécurité et de l'Intérieur")
COMPOSABLE = frozenset({"Minister", "Deputy Minister", "Secretary", "Commissioner", "Chief"})
# an English portfolio of one to three capitalised words ("Maritime Affairs", "Trade and Industry")
VERBATIM = re.compile(r"[ \t]+((?:the[ \t]+)?[A-Z][\w'’\-]+"
                      r"(?:[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w'’\-]+){0,2})(?![\w'’\-])")
COMPLEMENT_END = re.compile(r"[,;:.\n()«»\"“”]")


def _with_portfolio(text: str, t: TitleMatch, lex: Lexicon) -> TitleMatch:
    """"Minister" + " of/de/für <portfolio words>" -> "Minister of <portfolio>", span widened."""
    if t.title not in COMPOSABLE or not lex.portfolios:
        return t
    adj = re.match(lex.adjective_slot, text[t.end:]) if lex.adjective_slot else None
    link = lex.grammar.portfolio_link.match(text, t.end + (adj.end() if adj else 0))
    if not link:
        return t
    stop = COMPLEMENT_END.search(text, link.end(), link.end() + 70)
    end = stop.start() if stop else min(len(text), link.end() + 70)
    for name, rx in lex.portfolios:
        hit = rx.search(text, link.end(), end) if rx is not None else None
        if hit:
            title = "Chief of Police" if name == "Police" and t.title == "Chief" else f"{t.title} of {name}"
            return TitleMatch(t.start, hit.end(), title, t.organization, t.holder, t.country, t.plural)
    own = VERBATIM.match(text, link.end()) if lex.portfolio_verbatim else None
    if own and not re.match(r"[ \t]+[A-Z]", text[own.end():]):
        # "Minister of Maritime Affairs, Rt. Hon. X": the text's own English portfolio
        return TitleMatch(t.start, own.end(), f"{t.title} of {own.group(1)}", t.organization, t.holder,
                          t.country, t.plural)
    return t


def strip_prefixes(name: str, lang: str | None) -> tuple[str, int]:
    """Remove leading honorifics and ranks ("Major-General X" -> "X"); returns (rest, chars cut)."""
    rx = lexicon(lang).prefix_regex
    m = rx.match(name) if rx else None
    cut = m.end() if m else 0
    return name[cut:], cut


def _definite(words: tuple[str, ...]) -> re.Pattern | None:
    """Articles at word boundaries; an elided one ("l'") runs into the next word."""
    if not words:
        return None
    body = "|".join(_surface(w) + ("" if w.endswith(("'", "’")) else r"(?!\w)") for w in words)
    return re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def phrase_regex(words: tuple[str, ...]) -> re.Pattern | None:
    """A case-insensitive alternation of lexicon phrases at word boundaries (built once per word
    list: the finders ask for the same lists for every article)."""
    if not words:
        return None
    body = "|".join(_surface(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
