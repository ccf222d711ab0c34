"""Feminine and plural forms of demonyms, by the regular rules of each language (lexicons/<lang>/
words.json `demonym_forms`: the first rule whose ending fits the word gives its forms).

The data file gives base forms (masculine singular; German adjective stems in lower case and
nouns capitalised); irregular forms are listed there explicitly and pass through unchanged
(a rule applied to an already-inflected form only adds harmless extra strings).
"""
from __future__ import annotations

from liaison import lexicon


def forms(word: str, lang: str) -> set[str]:
    out = {word}
    if " " in word or not lexicon.supported(lang):
        return out
    for rule in lexicon.words(lang, "words", "demonym_forms"):
        if rule.get("lower") and not word[:1].islower():
            continue
        if any(word.endswith(end) for end in rule["ends"]):
            stem = word[: len(word) - rule.get("cut", 0)]
            return out | {f.format(w=stem) for f in rule["forms"]}
    return out
