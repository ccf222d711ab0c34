"""Personal names in running text: scanning a capitalised name, cleaning it, telling it from clutter.

Used by the person finder (after a title: "ministro dell'Interno, Matteo Piantedosi") and to
clean NER spans ("Nuñez’s" -> "Nuñez", "Major-General Abdelkader Aït-Ouarabi" -> "Abdelkader
Aït-Ouarabi", "Président de la République" -> nothing).
"""
from __future__ import annotations

import re

from liaison.understand.grammar import name_particles
from liaison.understand.titles import Lexicon, strip_prefixes

WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X{1,2})$")
POSSESSIVE = re.compile(r"['’]s$")
MAX_WORDS = 5


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def scan_name(text: str, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    """The capitalised name starting at `pos` (after spaces), as (start, end), or None."""
    i = pos
    while i < len(text) and text[i] in " \t":
        i += 1
    start, end, words = i, i, 0
    while words < MAX_WORDS:
        m = WORD.match(text, i)
        if not m:
            break
        word = m.group()
        if is_cap(word):
            if word.rstrip(".") in lex.not_names and words == 0:
                if i - pos > 20 or not text[m.end():m.end() + 1].isspace():
                    return None
                i = m.end() + 1         # a leading title word or acronym ("presidente Fvg X")
                start = i
                continue
            if word in lex.not_names and word.lower() not in name_particles():
                break
            if word.endswith(".") and len(word.rstrip(".")) > 2 and word not in ("Jr.", "Sr."):
                end, words = m.end() - 1, words + 1      # a full stop ends the sentence
                break
            end, words = m.end(), words + 1
        elif word.lower() not in name_particles() or words == 0:
            break
        gap = re.match(r"[ \t]+", text[m.end():])
        if not gap:
            break
        i = m.end() + gap.end()
    return (start, end) if words else None


def scan_name_back(text: str, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The capitalised name ending at `end` (before spaces), as (start, end), or None."""
    words = list(re.finditer(r"\S+", text[max(0, end - 120):end]))
    base = max(0, end - 120)
    start, count = None, 0
    for m in reversed(words):
        word = m.group()
        if WORD.fullmatch(word) and is_cap(word) and word not in lex.not_names:
            start, count = base + m.start(), count + 1
        elif word.lower() in name_particles() and count and not _compound_before(words, m):
            continue
        else:
            break
        if count >= MAX_WORDS or "\n" in text[base + m.start() - 1:base + m.start()]:
            break
    if start is None:
        return None
    stop = end
    while stop > start and text[stop - 1] in " \t":
        stop -= 1
    return start, stop


def _compound_before(words: list, m: re.Match) -> bool:
    """"Marokko-Reise von Joachim Stamp": a hyphenated compound before a particle is no first name."""
    i = words.index(m)
    return i == 0 or "-" in words[i - 1].group()


def clean_name(text: str, lang: str | None) -> tuple[str, int, int]:
    """Strip honorifics, ranks, possessives and punctuation; returns (name, cut_left, cut_right)."""
    rest, left = strip_prefixes(text, lang)
    name = POSSESSIVE.sub("", rest)
    name = name.rstrip(" .,;:’'\")-")
    if name.endswith(" Jr") or name.endswith(" Sr"):
        name += "."         # "Jr." lost its dot to the strip above
    stripped = len(name) - len(name.lstrip(" (\"“"))
    left += stripped
    name = name.strip(" (\"“")
    return name, left, len(text) - left - len(name)


def plausible_name(name: str, lex: Lexicon) -> bool:
    """A person's name, not a caption marker, a title, an acronym or a date."""
    words = name.split()
    if not words or len(name) < 3 or any(c.isdigit() for c in name):
        return False
    caps = [w for w in words if is_cap(w)]
    if not caps or not is_cap(words[0]):
        return False
    if all(w.rstrip(".") in lex.not_names for w in caps):
        return False
    if any(w.lower() not in name_particles() and not is_cap(w) for w in words):
        return False
    # acronyms ("Sky ECC", "NU") are bodies; a regnal number ("Mohammed VI") is not an acronym
    # initials ("JN Barrot") are short and come first
    for i, w in enumerate(words):
        bare = w.replace(".", "")
        if (len(bare) > 1 and bare.isupper() and not ROMAN.match(bare)
                and (len(bare) > 2 or i == len(words) - 1)):
            return False
    return True

