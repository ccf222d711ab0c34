"""The tense of the clause a date expression sits in: "past", "future" or None.

With a spaCy parse (en, fr) the verb governing the date decides: its morphology (Tense=Past/Fut), its
auxiliaries ("will", "would", "shall"; French "aller" + infinitive) and participles under "have/avoir/être".
Without a parse (es, de, it, pt) or when the parse is silent, the cue regexes of the language's dates.json
decide: the cue nearest the date in its sentence wins.
"""
from __future__ import annotations

import bisect

from liaison.records import Document
from liaison.understand.dates_lexicon import DateLexicon


def sentence_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The sentence containing [start, end) (the whole text when sentences are unknown)."""
    sents = doc.sentences
    if not sents:
        return 0, len(doc.text)
    i = bisect.bisect_right([s.start for s in sents], start) - 1
    if i < 0:
        return 0, sents[0].end
    return sents[i].start, max(sents[i].end, end)


def _governing_verb(span):
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _verb_tense(verb, lex: DateLexicon) -> str | None:
    """The tense of a parsed verb: its morphology, else its auxiliaries (dates.json
    `future_auxiliaries`: will, shall, aller…; `past_auxiliaries`: have, avoir, être… with a participle)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:pass", "aux:tense", "auxpass")]
    words = {a.lower_ for a in auxes} | {a.lemma_.lower() for a in auxes}
    if (words & set(lex.words("future_auxiliaries")) or "Fut" in verb.morph.get("Tense")
            or any("Fut" in a.morph.get("Tense") for a in auxes)):
        return "future"
    if "Past" in verb.morph.get("Tense") and (verb.tag_ != "VBN" or auxes) and verb.tag_ != "VBG":
        return "past"
    if any("Past" in a.morph.get("Tense") for a in auxes):
        return "past"
    if verb.morph.get("VerbForm") == ["Part"] and words & set(lex.words("past_auxiliaries")):
        return "past"
    return None


def is_pluperfect(verb, lex: DateLexicon) -> bool:
    """A participle under a perfect auxiliary in a past tense (dates.json `perfect_auxiliaries`:
    'had refused', 'avait refusé'): done before the time the text speaks of."""
    if verb.pos_ not in ("VERB", "AUX") or "Part" not in verb.morph.get("VerbForm"):
        return False
    perfect = set(lex.words("perfect_auxiliaries"))
    return any(c.dep_ in ("aux", "aux:tense") and c.lemma_.lower() in perfect
               and ({"Past", "Imp"} & set(c.morph.get("Tense"))) for c in verb.children)


def _parsed_tense(doc: Document, start: int, end: int, lex: DateLexicon) -> str | None:
    span = doc.parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = _governing_verb(span)
    return _verb_tense(verb, lex) if verb is not None else None


def cue_tense(text: str, start: int, end: int, lex: DateLexicon) -> str | None:
    """The tense of the cue (lexicon regex) nearest the stretch [start, end) of `text`."""
    best: tuple[int, str] | None = None
    for tense, cues in (("past", lex.past_cues), ("future", lex.future_cues)):
        for rx in cues:
            for m in rx.finditer(text):
                if m.start() < end and m.end() > start:
                    if not (m.start() < start and m.end() > end):
                        continue      # the date phrase itself ("dernier") is read as a direction elsewhere
                    gap = 0           # a verb bracket around the date ("haben am Sonntag … beschlossen")
                else:
                    gap = start - m.end() if m.end() <= start else m.start() - end
                if best is None or gap < best[0]:
                    best = (gap, tense)
    return best[1] if best else None


def tense_at(doc: Document, start: int, end: int, lex: DateLexicon) -> str | None:
    """Tense of the clause around the date at [start, end) of doc.text."""
    if doc.parsed is not None:
        try:
            found = _parsed_tense(doc, start, end, lex)
        except (ValueError, IndexError):
            found = None
        if found:
            return found
    s, e = sentence_bounds(doc, start, end)
    return cue_tense(doc.text[s:e], start - s, end - s, lex)
