"""People and role titles mentioned in an article (part of stage `mentions`).

Two sources of person mentions, because each misses what the other finds:
- the spaCy NER (PERSON / PER), which misses accented names in English ("François-Noël Buffet"),
  tags some as ORG ("Saïd Sayoud") and tags caption markers "(G)" / "(D)" as people;
- title patterns from lexicons/<lang>/titles.json: a capitalised name right after a role phrase,
  an honorific or rank, or a "counterpart" word ("son homologue français, Laurent Nuñez"); these
  are the only source for languages without a spaCy pipeline.
Bylines, photo and agency credits ("( POOL / Ludovic MARIN )", "Source (…)", Document.authors)
are not people of the article and are dropped. Role phrases are emitted as `title` mentions.
"""
from __future__ import annotations

import re

from liaison.folding import fold
from liaison.records import Document, Mention
from liaison.understand.personnames import clean_name, plausible_name, scan_name, scan_name_back
from liaison.understand.titles import Lexicon, find_titles, lexicon, phrase_regex

NER_LABELS = ("PERSON", "PER")
# "( POOL / Name )", "(Source: …)", "Photo: …", "By …" / "Par …" lines: credits, not actors
CREDIT_PAREN = re.compile(r"\((?:[^()]*/[^()]*|\s*(?:source|photo|crédit|credit|foto|bild)\b[^()]*)\)",
                          re.IGNORECASE)
CREDIT_LINE = re.compile(r"^(?:by|par|por|di|von|de|photo|crédit|credit|source)\b[^\n]{0,80}$",
                         re.IGNORECASE | re.MULTILINE)
SOURCE_TRAIL = re.compile(r"\bSource\s*\([^)]*\)", re.IGNORECASE)
# what may sit between a title and the name it introduces: commas, articles, one adjective
# ("presidenta de Honduras, Xiomara Castro", "ministro de Defensa venezolano, Vladimir Padrino")
_COMPLEMENT = (r"(?:(?:of|for|de|del|du|des|di|da|dell['’]|von|der|in|en|and|et|y|e|und)\b"
               r"[^,\n.;]{1,70}|[a-zà-ÿ]+)")
_ARTICLE = r"(?:(?:the|le|la|el|il|lo|der|die|o|a)[ \t]+|l['’])?"
TITLE_GAP = re.compile(rf"[ \t]*(?:,[ \t]*|{_COMPLEMENT},[ \t]*)?{_ARTICLE}")
COUNTERPART_GAP = re.compile(rf"[ \t]*(?:[^\W\d_]+[ \t]*)?(?:,[ \t]*)?{_ARTICLE}")
# "Nancy Faeser (SPD)": a name followed by a party acronym
PARTY = re.compile(r"\(\s*(?:[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,5}[A-ZÄÖÜ]|Grüne|Linke)(?:/[A-Z]+)?\s*\)")

# "Saïd Sayoud, Nuñez’s Algerian counterpart", "Laurent Nunez, Minister of the Interior"
BACK_GAP = re.compile(r",[ \t]*(?:(?:the|le|la|el|il|der|die)[ \t]+|l['’])?(?:[^\W\d_][\w\-]*['’]s[ \t]+)?"
                      r"(?:[^\W\d_]+[ \t]+){0,2}$")


HEADLINE_WORDS = 20     # longer all-capitalised lines are captions listing people ("L-R: X, Minister of …")


def headline_zones(text: str) -> list[tuple[int, int]]:
    """Title-case lines ("Greek FM Holds Talks With Haftar"): every word capitalised, no names to trust."""
    zones, pos = [], 0
    for line in text.split("\n"):
        words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
        if (HEADLINE_WORDS >= len(words) >= 4 and not line.rstrip().endswith((".", "»", "”", '"'))
                and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)):
            zones.append((pos, pos + len(line)))
        pos += len(line) + 1
    return zones


def credit_zones(doc: Document) -> list[tuple[int, int]]:
    text = doc.text
    zones = [m.span() for rx in (CREDIT_PAREN, CREDIT_LINE, SOURCE_TRAIL) for m in rx.finditer(text)]
    return zones


def _in_zones(start: int, end: int, zones: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in zones)


def _is_author(name: str, authors: set[str]) -> bool:
    key = fold(name)
    return any(key == a or (len(key) > 4 and key in a) for a in authors)


def _ner_candidates(doc: Document) -> list[tuple[int, int, str]]:
    if doc.parsed is None:
        return []
    return [(e.start_char, e.end_char, "ner") for e in doc.parsed.ents if e.label_ in NER_LABELS]


def _anchored_candidates(doc: Document, lex: Lexicon, titles) -> list[tuple[int, int, str]]:
    """Names right after a title, an honorific/rank or a counterpart word."""
    text, out = doc.text, []
    anchors = [(t.end, "title_pattern", TITLE_GAP) for t in titles if t.holder != "after"]
    for words, source, gap in ((lex.honorifics + lex.ranks, "honorific", TITLE_GAP),
                               (lex.counterparts, "counterpart", COUNTERPART_GAP)):
        rx = phrase_regex(tuple(words))
        if rx is not None:
            anchors += [(m.end(), source, gap) for m in rx.finditer(text)
                        if source != "honorific" or m.group()[:1].isupper()]
    back = [t.start for t in titles]
    rx = phrase_regex(lex.counterparts)
    back += [m.start() for m in rx.finditer(text)] if rx is not None else []
    for start in back:
        g = BACK_GAP.search(text, max(0, start - 60), start)
        found = scan_name_back(text, g.start(), lex) if g else None
        if found:
            out.append((found[0], found[1], "apposition"))
    if doc.lang == "de":
        out += [(f[0], f[1], "party") for m in PARTY.finditer(text)
                if (f := scan_name_back(text, m.start(), lex))]
    for end, source, gap in anchors:
        g = gap.match(text, end)
        pos = g.end() if g else end
        for rank_end in _ranks_at(text, pos, lex):
            pos = rank_end
        found = scan_name(text, pos, lex)
        if found:
            out.append((found[0], found[1], source))
    return out


def _ranks_at(text: str, pos: int, lex: Lexicon):
    """Skip ranks/honorifics between a title and a name ("… Security Lieutenant General X")."""
    rx = phrase_regex(lex.honorifics + lex.ranks)
    while rx is not None:
        m = rx.match(text, pos)
        if not m:
            return
        pos = m.end()
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        yield pos


def _after_titles_and_places(doc: Document, start: int, end: int, titles) -> int:
    """Move a candidate's start past title words and place names ("Paris Laurent Nunez")."""
    for t in titles:
        if t.start <= start < t.end < end:
            start = t.end
    if doc.parsed is not None:
        for ent in doc.parsed.ents:
            if ent.label_ in ("GPE", "LOC", "NORP") and ent.start_char <= start < ent.end_char < end:
                start = ent.end_char
    while start < end and doc.text[start] in " \t,":
        start += 1
    return start


def person_mentions(doc: Document) -> list[Mention]:
    """Person mentions (value: the name without titles) and title mentions (value: English title)."""
    lex = lexicon(doc.lang)
    titles = find_titles(doc.text, doc.lang)
    zones = credit_zones(doc) + headline_zones(doc.text)
    authors = {fold(a) for a in doc.authors}
    raw = _anchored_candidates(doc, lex, titles) + _ner_candidates(doc)
    raw.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for start, end, source in raw:
        start = _after_titles_and_places(doc, start, end, titles)
        name, left, right = clean_name(doc.text[start:end], doc.lang)
        s, e = start + left, end - right
        if len(name.split()) < 2 and source not in ("ner", "title_pattern", "honorific"):
            continue        # a lone capitalised word next to a comma is usually a place
        if not plausible_name(name, lex) or _in_zones(s, e, zones) or _is_author(name, authors):
            continue
        if any(s < b and a < e for a, b in taken):
            continue
        if any(t.start <= s and e <= t.end for t in titles):
            continue            # "Président de la République" tagged PER is a title
        taken.append((s, e))
        found.append(Mention("person", doc.span(s, e), name, source))
    found += [Mention("title", doc.span(t.start, t.end), t.title, "title_lexicon",
                      {"organization": t.organization, "holder": t.holder, "country": t.country})
              for t in titles]
    return found
