"""People and role titles mentioned in an article (part of stage `mentions`).

Sources of person mentions, because each misses what the others find:
- the spaCy NER (PERSON / PER), which misses accented names in English ("François-Noël Buffet"),
  tags some as ORG ("Saïd Sayoud") and tags caption markers "(G)" / "(D)" as people;
- title patterns from lexicons/<lang>/titles.json: a capitalised name right after a role phrase,
  an honorific or rank, a "counterpart" word ("son homologue français, Laurent Nuñez") or a "led
  by" word ("il governo guidato dal socialista Olaf Scholz", "o governo Lula");
- for languages without a spaCy pipeline, the shape of a name that the text shows to be a
  person's (capitalised.py: "disse Fernando Grande-Marlaska"), and found names again by surname.
Bylines, photo and agency credits ("( POOL / Ludovic MARIN )", "Source (…)", Document.authors)
are not people of the article and are dropped. Role phrases are emitted as `title` mentions.
"""
from __future__ import annotations

import re

from liaison.folding import fold
from liaison.nlp.tokens import named_entities
from liaison.records import Document, Mention
from liaison.understand.capitalised import blocked_spans, shape_names, surname_mentions
from liaison.understand.grammar import Grammar
from liaison.understand.personnames import clean_name, plausible_name, scan_name, scan_name_back
from liaison.understand.titles import Lexicon, find_titles, lexicon, phrase_regex

NER_LABELS = ("PERSON", "PER")
SHAPE_SOURCES = ("shape", "leader", "surname")     # names found by their shape, not by a title
# "Nancy Faeser (SPD)": a name followed by a party acronym or party name (titles.json "party_names")
PARTY = r"\(\s*(?:[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{{0,5}}[A-ZÄÖÜ]{names})(?:/[A-Z]+)?\s*\)"


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


def credit_zones(doc: Document, g: Grammar) -> list[tuple[int, int]]:
    """Bylines, photo and source credits: "( POOL / Ludovic MARIN )", "Photo: …", "By …" lines."""
    return [m.span() for rx in (g.credit_paren, g.credit_line, g.credit_trail) for m in rx.finditer(doc.text)]


def _in_zones(start: int, end: int, zones: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in zones)


def _is_author(name: str, authors: set[str]) -> bool:
    key = fold(name)
    return any(key == a or (len(key) > 4 and key in a) for a in authors)


def _ner_candidates(doc: Document) -> list[tuple[int, int, str]]:
    if doc.parsed is None:
        return []
    return [(start, end, "ner") for start, end, label in named_entities(doc.parsed) if label in NER_LABELS]


def _anchored_candidates(doc: Document, lex: Lexicon, titles) -> list[tuple[int, int, str]]:
    """Names right after a title, an honorific/rank, a counterpart word or a "led by" word."""
    text, out, g = doc.text, [], lex.grammar
    anchors = [(t.end, "title_pattern", g.title_gap) for t in titles if t.holder != "after"]
    for words, source, gap in ((lex.honorifics + lex.ranks, "honorific", g.title_gap),
                               (lex.counterparts, "counterpart", g.counterpart_gap),
                               (lex.leaders, "leader", g.leader_gap)):
        rx = phrase_regex(tuple(words))
        if rx is not None:
            anchors += [(m.end(), source, gap) for m in rx.finditer(text)
                        if source != "honorific" or m.group()[:1].isupper()]
    back = [t.start for t in titles]
    rx = phrase_regex(lex.counterparts)
    back += [m.start() for m in rx.finditer(text)] if rx is not None else []
    for start in back:
        gap = g.back_gap.search(text, max(0, start - 60), start)
        found = scan_name_back(text, gap.start(), lex) if gap else None
        if found:
            out.append((found[0], found[1], "apposition"))
    out += _party_candidates(text, lex)
    demonyms = {m.span.start: m.span.end for m in doc.mentions if m.kind == "demonym"}
    for end, source, gap in anchors:
        m = gap.match(text, end)
        pos = m.end() if m else end
        # "la ministra dell'Interno tedesca Nancy Faeser": the state's adjective after the title
        pos = _after_demonym(text, pos, demonyms)
        for rank_end in _ranks_at(text, pos, lex):
            pos = rank_end
        found = scan_name(text, pos, lex)
        if found:
            out.append((found[0], found[1], source))
    return out


def _after_demonym(text: str, pos: int, demonyms: dict[int, int]) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if pos not in demonyms:
        return pos
    end = demonyms[pos]
    gap = re.match(r",?[ \t]+", text[end:])
    return end + gap.end() if gap else pos


def _party_candidates(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """"Nancy Faeser (SPD)": where the press names a politician's party in brackets after the name."""
    names = lex.party_names
    if names is None:
        return []
    rx = re.compile(PARTY.format(names="".join("|" + re.escape(n) for n in names)))
    return [(f[0], f[1], "party") for m in rx.finditer(text) if (f := scan_name_back(text, m.start(), lex))]


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


def _place_entities(doc: Document) -> list[tuple[int, int]]:
    """The spans the NER tags as places or peoples."""
    if doc.parsed is None:
        return []
    return [(start, end) for start, end, label in named_entities(doc.parsed)
            if label in ("GPE", "LOC", "NORP")]


def _after_titles_and_places(doc: Document, start: int, end: int, titles,
                             places: list[tuple[int, int]]) -> int:
    """Move a candidate's start past title words and place names ("Paris Laurent Nunez")."""
    for t in titles:
        if t.start <= start < t.end < end:
            start = t.end
    for place_start, place_end in places:
        if place_start <= start < place_end < end:
            start = place_end
    while start < end and doc.text[start] in " \t,":
        start += 1
    return start


def person_mentions(doc: Document) -> list[Mention]:
    """Person mentions (value: the name without titles) and title mentions (value: English title).

    `doc.mentions` holds what the finders before this one found (places, dates): a name is no
    place, and without an NER pipeline the shape of a name needs them to tell it from a place."""
    lex = lexicon(doc.lang)
    titles = find_titles(doc.text, doc.lang)
    zones = credit_zones(doc, lex.grammar) + headline_zones(doc.text)
    raw = _anchored_candidates(doc, lex, titles) + _ner_candidates(doc)
    blocked = blocked_spans(doc.mentions) + [(t.start, t.end) for t in titles]
    if doc.parsed is None:
        raw += shape_names(doc, lex, blocked, [(s, e) for s, e, _ in raw])
    found = _accepted(doc, lex, titles, zones, raw)
    if doc.parsed is None:
        taken = blocked + [(m.span.start, m.span.end) for m in found]
        full = [(m.span.start, m.span.end) for m in found if len(m.value.split()) > 1]
        found += _accepted(doc, lex, titles, zones, surname_mentions(doc, full, taken), taken)
    found += [Mention("title", doc.span(t.start, t.end), t.title, "title_lexicon",
                      {"organization": t.organization, "holder": t.holder, "country": t.country,
                       "plural": t.plural})
              for t in titles]
    return found


def _accepted(doc: Document, lex: Lexicon, titles, zones, raw: list[tuple[int, int, str]],
              taken: list[tuple[int, int]] | None = None) -> list[Mention]:
    """The candidates that are plausible names, outside credits and titles, first come first kept."""
    authors = {fold(a) for a in doc.authors}
    geo = blocked_spans(m for m in doc.mentions if m.kind != "date")
    raw = sorted(raw, key=lambda c: (c[0], -(c[1] - c[0])))
    found: list[Mention] = []
    taken = list(taken or [])
    places = _place_entities(doc)
    for start, end, source in raw:
        start = _after_titles_and_places(doc, start, end, titles, places)
        name, left, right = clean_name(doc.text[start:end], doc.lang)
        s, e = start + left, end - right
        if len(name.split()) < 2 and source not in ("ner", "title_pattern", "honorific", "surname", "leader"):
            continue        # a lone capitalised word next to a comma is usually a place
        if source in SHAPE_SOURCES and (any(s < b and a < e for a, b in geo)
                                        or re.match(r"[ \t]+[^\W\d_]", doc.text[e:e + 3], re.UNICODE)
                                        and doc.text[e:e + 3].strip()[:1].isupper()):
            continue        # "gobierno de Colombia", "led by the Moderate Party": a place or a body
        if not plausible_name(name, lex) or _in_zones(s, e, zones) or _is_author(name, authors):
            continue
        if any(w in lex.place_heads for w in name.split()):
            continue        # "Intelligence Directorate", "Estádio Santiago Bernabéu": a body or a place
        if any(s < b and a < e for a, b in taken):
            continue
        if any(t.start <= s and e <= t.end for t in titles):
            continue            # "Président de la République" tagged PER is a title
        taken.append((s, e))
        found.append(Mention("person", doc.span(s, e), name, source))
    return found
