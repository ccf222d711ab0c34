"""Gazetteer mentions: countries, demonyms (plain and compound), places and organisations.

Works on the text alone, so it runs for every language; when spaCy parsed the document its
PERSON entities veto places and ambiguous country names inside person names ("Nancy Faeser").
Organisations whose country depends on the context (generic ministries, acronyms shared by
several states' bodies) are resolved after the countries of the article are known.
"""
from __future__ import annotations

import functools
import re

from liaison import gazetteer, lexicon
from liaison.gazetteer.context import (
    ContextCountries,
    compound_span,
    in_person,
    is_caps_line,
    person_spans,
    sentence_bounds,
)
from liaison.gazetteer.matcher import Entry, Match, joined, tokens_of
from liaison.records import Document, Mention
from liaison.understand.grammar import name_particles

# "Indonesian National Police (INP)": an acronym the article defines for an organisation
DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")

KIND_ORDER = ("organization", "country", "region", "place", "demonym")


def geo_mentions(doc: Document) -> list[Mention]:
    text = doc.text
    if not text:
        return []
    tokens = tokens_of(text)
    matches = gazetteer.index().scan(text, doc.lang, tokens)
    persons = person_spans(doc)
    picked = [(m, e) for m in matches if (e := _reading(m, text, tokens, doc.lang, persons))
              and e.kind != "region"]
    surnames = _surname_places(text, tokens, matches, doc.lang) | _ending_a_person(matches, persons, text)
    picked = [(m, e) for m, e in picked if e.kind != "place" or e.alias not in surnames]
    geo = [_geo_mention(doc, m, e, tokens) for m, e in picked if e.kind != "organization"]
    geo = _drop_contained([g for g in geo if g])
    context = ContextCountries(text, geo, sentence_bounds(doc))
    links = {" ".join(w.replace("’", "'").split()) for w in lexicon.words(doc.lang, "words", "state_links")}
    orgs = [_org_mention(doc, m, context, links) for m, e in picked if e.kind == "organization"]
    orgs = _as_defined(doc, orgs)
    return sorted(geo + orgs, key=lambda m: (m.span.start, -m.span.end))


def _as_defined(doc: Document, orgs: list[Mention]) -> list[Mention]:
    """An acronym the article defines ('The Australian Federal Police (AFP)') is that body wherever it
    stands alone in the article, though the gazetteer reads it alone as another body sharing it
    ('AFP': the news agency Agence France-Presse)."""
    defined = {}
    for o in orgs:
        d = DEFINED_ACRONYM.match(doc.text, o.span.end)
        if d:
            defined.setdefault(d.group(1), o)
    return [_defined_as(m, defined[m.span.text])
            if m.span.text in defined and m.value != defined[m.span.text].value else m for m in orgs]


def _defined_as(use: Mention, body: Mention) -> Mention:
    return Mention(use.kind, use.span, body.value, "defined_acronym", body.extra)


def _drop_contained(mentions: list[Mention]) -> list[Mention]:
    """'Moroccan' inside the compound 'Moroccan-Spanish' is not a mention of its own."""
    compounds = [m.span for m in mentions if m.extra.get("form") == "compound"]
    return [m for m in mentions if not any(c.start <= m.span.start and m.span.end <= c.end
                                           and (c.start, c.end) != (m.span.start, m.span.end)
                                           for c in compounds)]


def _surname_places(text: str, tokens: list, matches: list[Match], lang: str | None) -> set[str]:
    """City names used as a surname somewhere in the article ('Xiomara Castro'): a person there,
    so 'Castro' alone later is the same person, not the city."""
    found, capitalised = set(), _nouns_capitalised(lang)
    for match in matches:
        entry = match.entries[0]
        if entry.kind == "place" and len(match.entries) == 1 and not capitalised and match.first > 0:
            prev = tokens[match.first - 1]
            word = text[prev[0]:prev[1]]
            initial = len(word) == 1 and text[prev[1]:prev[1] + 1] == "."     # 'George W. Bush'
            gap = text[prev[1]:match.start]
            if ((gap == " " and word[:1].isupper() and not word.isupper() or initial and gap == ". ")
                    and not _starts_sentence(text, prev[0])):
                found.add(entry.alias)
    return found


def _ending_a_person(matches: list[Match], persons, text: str) -> set[str]:
    """Place names that end a person's name the parser found ('Maher Arar, a Syrian-born Canadian'):
    alone later in the article, 'Arar' is that person, not the Saudi town."""
    return {m.entries[0].alias for m in matches
            if m.entries[0].kind == "place" and _surname_of(persons, m, text)}


def _surname_of(persons, match: Match, text: str) -> bool:
    """The name ends a person's name right after a capitalised name ('Maher Arar', 'General Badrodin
    Haiti'), not after a word linking a person to a state ('Abdullah II of Jordan')."""
    return any(s < match.start and match.end == e and (before := text[s:match.start].split())
               and before[-1][:1].isupper() for s, e in persons)


def _reading(match: Match, text: str, tokens: list, lang: str | None, persons) -> Entry | None:
    """The entry a match stands for, or None when the context says it is not a geo name."""
    entries = sorted(match.entries, key=lambda e: KIND_ORDER.index(e.kind) if e.kind in KIND_ORDER else 9)
    entry = entries[0]
    surface = text[match.start:match.end]
    filters = gazetteer.place_filters()
    folded = gazetteer.fold(surface)
    if entry.policy == "exact" and is_caps_line(text, match.start):
        return None       # "LET US", "CAR BOMB": acronyms are unreliable in upper-case headlines
    if entry.kind in ("place", "country") and entry.policy != "exact":
        if entry.kind == "place" and surface.isupper() and len(surface) > 1:
            return None
        if in_person(persons, match.start, match.end) and (entry.kind == "place"
                                                           or folded in filters["name_like"]
                                                           or _surname_of(persons, match, text)):
            return None
        if folded in filters["name_like"] and _followed_by_name(text, tokens, match):
            return None
        if folded in filters["common_word"] and _starts_sentence(text, match.start):
            return None
        if entry.kind == "place" and not _nouns_capitalised(lang) and _next_to_name(text, tokens, match):
            return None
        if entry.kind == "place" and _nouns_capitalised(lang) and _after_noun_marker(tokens, match, lang):
            return None
    if entry.kind == "demonym" and _after_language_cue(tokens, match, text, lang):
        return None
    if entry.kind in ("country", "organization") and _currency_sign_after(text, match.end):
        return None       # 'AU$1 billion' is Australian dollars, not the African Union
    return entry


CURRENCY_SIGNS = "$£€¥"


def _currency_sign_after(text: str, end: int) -> bool:
    """'US$4 million', 'HK$200', 'NZ$': a country's letters glued to a currency sign write the
    currency, not the state (an amount in dollars does not make the United States a party)."""
    following = text[end:end + 1]
    return bool(following) and following in CURRENCY_SIGNS


def _followed_by_name(text: str, tokens: list, match: Match, at: int | None = None) -> bool:
    """A capitalised word right after ('Jordan Peterson'), or a name particle and one ('Dominique de
    Villepin')."""
    at = match.last if at is None else at
    if at >= len(tokens) or not joined(text, tokens[at - 1], tokens[at]):
        return False
    nxt = text[tokens[at][0]:tokens[at][1]]
    if text[tokens[at - 1][1]:tokens[at][0]] != " ":
        return False
    if nxt in name_particles() and at == match.last:
        return _followed_by_name(text, tokens, match, at + 1)
    return nxt[:1].isupper() and not nxt.isupper()


def _nouns_capitalised(lang: str | None) -> bool:
    """German capitalises every noun: a capitalised word next to a city name says nothing."""
    return bool(lexicon.setting(lang, "nouns_capitalised", False))


def _after_noun_marker(tokens: list, match: Match, lang: str | None) -> bool:
    """'beider Länder', 'die Halle': in German an article or determiner introduces a common noun;
    city names take none (words.json "noun_markers")."""
    return match.first > 0 and tokens[match.first - 1][2] in _noun_markers(lang)


@functools.cache
def _noun_markers(lang: str | None) -> frozenset[str]:
    return frozenset(gazetteer.fold(w) for w in lexicon.words(lang, "words", "noun_markers"))


def _next_to_name(text: str, tokens: list, match: Match) -> bool:
    """'Xiomara Castro', 'President Vladimir Putin': a city name inside a run of capitalised
    words is a person's name. German is exempt: its nouns are capitalised."""
    if _followed_by_name(text, tokens, match):
        return True
    if match.first == 0:
        return False
    prev = tokens[match.first - 1]
    word = text[prev[0]:prev[1]]
    return (text[prev[1]:match.start] == " " and word[:1].isupper() and not word.isupper()
            and not _starts_sentence(text, prev[0]))


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘«(")
    return not before or before[-1] in ".!?\n:;"


def _language_cues(lang: str | None) -> set[str]:
    """Words before a language name (words.json "language_cues"): "in English", "en français"."""
    return {gazetteer.fold(w) for w in lexicon.words(lang, "words", "language_cues")}


def _after_language_cue(tokens: list, match: Match, text: str, lang: str | None) -> bool:
    """'in English.', 'en français,': a language, not a nationality."""
    if match.first == 0:
        return False
    prev = tokens[match.first - 1]
    gap = text[prev[1]:tokens[match.first][0]]
    return gap == " " and prev[2] in _language_cues(lang) and _ends_clause(text, match.end)


def _ends_clause(text: str, end: int) -> bool:
    rest = text[end:end + 2]
    return not rest or rest[0] in ".,;:!?)\n\"”»"


def _geo_mention(doc: Document, match: Match, entry: Entry, tokens: list) -> Mention | None:
    if entry.kind in ("demonym", "country"):
        start, codes = compound_span(doc.text, tokens, match, entry)
        if len(codes) > 1:
            return Mention("demonym", doc.span(start, match.end), codes[0], "gazetteer",
                           {"countries": codes, "form": "compound"})
        if entry.kind == "demonym":
            return Mention("demonym", doc.span(match.start, match.end), entry.value, "gazetteer",
                           {"countries": [entry.value], "form": "adjective"})
        return Mention("country", doc.span(match.start, match.end), entry.value, "gazetteer",
                       {"name": gazetteer.country_name(entry.value)})
    place = entry.data
    return Mention("place", doc.span(match.start, match.end), place["name"], "gazetteer",
                   {"country": place["country"], "lat": place["lat"], "lon": place["lon"]})


def _org_mention(doc: Document, match: Match, context: ContextCountries, links: set[str]) -> Mention:
    """A body; a name several states use ("ministère de l'Intérieur") takes the state its own name
    phrase gives it, else none here: the actors stage may give it the state of the official named as
    its head in the same sentence. A demonym elsewhere in the sentence or the article's most named
    country says nothing of whose ministry it is."""
    entries = [e for e in match.entries if e.kind == "organization"]
    needs_context = len({e.data["country"] for e in entries}) > 1 or any(
        e.data["country"] is None and e.data["scope"] == "national" for e in entries)
    country = context.in_name(match.start, match.end, links) if needs_context else None
    source = "name phrase" if country else ""
    if needs_context and not country:       # a weaker guess, which a head named in the sentence overrides
        country, source = context.sentence_or_article(match.start)
    record = gazetteer.organization_record(entries, country)
    surface = doc.text[match.start:match.end]
    acronym = surface if entries[0].policy == "exact" else record["acronym"]
    return Mention("organization", doc.span(match.start, match.end), record["name"], "gazetteer",
                   {"country": record["country"], "acronym": acronym, "scope": record["scope"],
                    "country_from": source or "gazetteer"})
