"""Feminine and plural forms of demonyms, by regular rules per language.

The data file gives base forms (masculine singular; German adjective stems in lower case and
nouns capitalised); irregular forms are listed there explicitly and pass through unchanged
(a rule applied to an already-inflected form only adds harmless extra strings).
"""
from __future__ import annotations

_ACCENTED_FINAL = {"és": "es", "án": "an", "ín": "in", "ón": "on", "ês": "es", "ão": "ão"}


def forms(word: str, lang: str) -> set[str]:
    rule = _RULES.get(lang)
    out = {word}
    if rule and " " not in word:
        out |= rule(word)
    return out


def _en(word: str) -> set[str]:
    # nouns of people: "Moroccans", "Iraqis", "Filipinos", "Swedes"
    if word.endswith(("an", "i", "o", "e", "k", "t", "g", "b", "p", "r")) and not word.endswith("ese"):
        return {word + "s"}
    return set()


def _fr(word: str) -> set[str]:
    if word.endswith("e"):
        fem = word
    elif word.endswith(("en", "on")):
        fem = word + "ne"
    elif word.endswith("è"):
        fem = word + "s"
    else:
        fem = word + "e"
    masc_pl = word if word.endswith(("s", "x")) else word + "s"
    return {fem, masc_pl, fem + "s"}


def _strip_final_accent(word: str) -> str:
    for accented, plain in _ACCENTED_FINAL.items():
        if word.endswith(accented):
            return word[: -len(accented)] + plain
    return word


def _es(word: str) -> set[str]:
    if word.endswith("o"):
        stem = word[:-1]
        return {stem + "a", stem + "os", stem + "as"}
    if word.endswith(("e", "a")):
        return {word + "s"}
    if word.endswith(("í", "ú")):
        return {word + "es", word + "s"}
    if word.endswith(("és", "án", "ín", "ón", "ol", "al")):
        stem = _strip_final_accent(word)
        return {stem + "a", stem + "es", stem + "as"}
    return {word + "es"}


def _it(word: str) -> set[str]:
    if word.endswith("o"):
        stem = word[:-1]
        return {stem + "a", stem + "i", stem + "e"}
    if word.endswith("e"):
        return {word[:-1] + "i"}
    if word.endswith("a"):
        return {word[:-1] + "i", word[:-1] + "e"}
    return set()


def _pt(word: str) -> set[str]:
    if word.endswith("o"):
        stem = word[:-1]
        return {stem + "a", stem + "os", stem + "as"}
    if word.endswith(("e", "a")):
        return {word + "s"}
    if word.endswith("ês"):
        stem = word[:-2] + "es"
        return {stem + "a", stem + "es", stem + "as"}
    if word.endswith("u"):
        return {word + "s"}
    return set()


def _de(word: str) -> set[str]:
    if word[:1].islower():            # adjective: "deutsch" -> "deutsche", "deutschen", ...
        return {word + ending for ending in ("e", "en", "er", "es", "em")}
    if word.endswith("e"):            # weak noun: "Franzose" -> "Franzosen"
        return {word + "n"}
    if word.endswith("er"):           # "Marokkaner" -> "Marokkanern"; "Deutscher" handled as listed
        return {word + "n"}
    if word.endswith("in"):           # "Französin" -> "Französinnen"
        return {word + "nen"}
    return {word + "n", word + "s"}


_RULES = {"en": _en, "fr": _fr, "es": _es, "it": _it, "pt": _pt, "de": _de}
