"""Titles that stand for a person named just before: "Gérald Darmanin a été reçu … Au sortir de
l'audience, le ministre français de l'Intérieur s'est prononcé …", "Der für … eingesetzte
Sonderbevollmächtigte ist …" (German noun phrases may hold a whole participle clause).

A definite title ("the/le/der <title>") that introduces no name, in a sentence that names nobody,
speaks of a person named in the two sentences before it: the nearest one that has no specific
title yet and whose country does not contradict the title's ("son homologue ivoirien" is not
"le ministre français"), or who holds that very title with no state yet when the title names one
("Piantedosi … Il titolare del Viminale").
"""
from __future__ import annotations

import re
from collections.abc import Callable

from liaison.records import Mention, Span
from liaison.understand.roles import RoleFinding, country_near
from liaison.understand.titles import Lexicon

LOOK_BACK = 2          # sentences
CLAUSE = 90            # "Der für den Abschluss … eingesetzte Sonderbevollmächtigte": article to title


def _definite_before(text: str, start: int, sent_start: int, definite: re.Pattern | None,
                     long_phrases: bool) -> bool:
    if definite is None:
        return False
    before = text[max(sent_start, start - CLAUSE):start]
    if re.search(r"[,;:()«»\"“”]", before):
        before = re.split(r"[,;:()«»\"“”]", before)[-1]
    hits = list(definite.finditer(before))
    if not hits:
        return False
    last = hits[-1]
    direct = not before[last.end():].strip()
    # German article … participle … noun: the sentence opens with one long noun phrase
    opens = definite.match(before.lstrip())
    clause = (long_phrases and bool(opens) and start - CLAUSE <= sent_start
              and before.strip() == text[sent_start:start].strip())
    return direct or clause


def definite_title_roles(text: str, sentences: list[Span], titles: list[Mention], persons: list[Mention],
                         used: set[int], cluster_of: dict[int, int], titled: Callable[[int], set[str]],
                         country_of: Callable[[int], str | None], geo: list[Mention], lex: Lexicon
                         ) -> dict[int, list[RoleFinding]]:
    """Extra role findings keyed by the start of the person mention they attach to."""
    out: dict[int, list[RoleFinding]] = {}
    definite, long_phrases = lex.definite, lex.definite_clauses
    for t in titles:
        if t.span.start in used or t.value in lex.generic or t.extra.get("holder") == "after":
            continue
        idx = next((i for i, s in enumerate(sentences) if s.start <= t.span.start < s.end), None)
        if idx is None or any(sentences[idx].start <= p.span.start < sentences[idx].end for p in persons):
            continue
        if not _definite_before(text, t.span.start, sentences[idx].start, definite, long_phrases):
            continue
        window = sentences[max(0, idx - LOOK_BACK)].start
        country = t.extra.get("country") or country_near(text, t.span.start, t.span.end, geo, window=0)
        seen: set[int] = set()
        for p in sorted((p for p in persons if window <= p.span.start < t.span.start),
                        key=lambda p: -p.span.start):
            c = cluster_of.get(p.span.start)
            if c is None or c in seen:
                continue
            seen.add(c)
            if country and country_of(c) not in (None, country):
                continue
            held = titled(c)
            # "Il titolare del Viminale": the office someone already holds, now with its state
            if held and not (country and t.value in held and country_of(c) is None):
                continue
            out.setdefault(p.span.start, []).append(
                RoleFinding(t.value, t.extra.get("organization"), country, "definite_title", t.span))
            break
    return out
