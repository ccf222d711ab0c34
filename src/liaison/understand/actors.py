"""Who is who inside one article (stage `actors`): fills `Document.entities`.

One entity per person (linked mentions, aliases, roles with their evidence, country, and an
explanation of the rules that decided them), plus one per country, organisation and place
mentioned (from the gazetteer mentions of stage `mentions`).
A person needs a full name somewhere in the article, a title right before a lone surname, or a
"led by" / "governo" word before it ("o governo Lula"):
single capitalised words the NER calls people ("Elysée", "Rabat") are not kept on their own.
"""
from __future__ import annotations

import re
from collections import Counter

from liaison import lexicon as lexicons
from liaison.folding import fold, has_diacritics
from liaison.gazetteer import country_name, lookup_country
from liaison.records import Document, Entity, Mention, Role
from liaison.understand.allegiance import Allegiance, states_from_relations
from liaison.understand.anaphora import definite_title_roles
from liaison.understand.biography import biography_roles, sentence_spans
from liaison.understand.coref import Cluster, link_mentions, tokens
from liaison.understand.places import DEFINED_ACRONYM
from liaison.understand.roles import RoleContext, RoleFinding, roles_for
from liaison.understand.titles import Lexicon, lexicon, phrase_regex

TITLE_RULES = ("title_before", "apposition", "biography", "definite_title", "plural_title")


def resolve_actors_batch(docs: list[Document]) -> list[Document]:
    return [resolve_actors(doc) for doc in docs]


def resolve_actors(doc: Document) -> Document:
    if not lexicons.supported(doc.lang):
        return doc          # reported by the mentions stage
    persons = [m for m in doc.mentions if m.kind == "person"]
    titles = [m for m in doc.mentions if m.kind == "title"]
    named = [(p.span.start, p.span.end) for p in persons]
    # "Badrodin Haiti" is a man, not a country
    geo = [m for m in doc.mentions if m.kind in ("country", "demonym")
           and not any(a <= m.span.start < b for a, b in named)]
    lex = lexicon(doc.lang)
    ctx = RoleContext(doc.text, titles, geo, _organisations(doc), phrase_regex(lex.honorifics + lex.ranks),
                      phrase_regex(lex.counterparts), tuple(named), lex.grammar, phrase_regex(lex.leaders),
                      phrase_regex(lex.former))
    findings = {m.span.start: roles_for(ctx, m) for m in persons}

    def title_of(m: Mention) -> str | None:
        return next((f.title for f in findings[m.span.start] if f.rule == "title_before"), None)

    clusters = [c for c in link_mentions(persons, title_of) if _keep(c, findings)]
    clusters = _drop_glued_names(clusters)
    for start, found in biography_roles(doc, clusters, titles, lex).items():
        findings.setdefault(start, []).extend(found)
    _add_definite_titles(doc, clusters, findings, titles, geo, lex)
    entities = _person_entities(doc, clusters, findings, lex)
    entities += _unique_keys(_geo_entities(doc, entities))
    return doc.with_(entities=tuple(entities))


def _organisations(doc: Document) -> list[Mention]:
    """Organisation mentions, plus the later uses of an acronym the article defines."""
    orgs = [m for m in doc.mentions if m.kind == "organization" and isinstance(m.value, str)]
    extra = []
    for o in orgs:
        d = DEFINED_ACRONYM.match(doc.text, o.span.end)
        if not d:
            continue
        for use in re.finditer(rf"(?<![\w-]){re.escape(d.group(1))}(?![\w-])", doc.text):
            if not any(x.span.start <= use.start() < x.span.end for x in orgs):
                extra.append(Mention("organization", doc.span(use.start(), use.end()), o.value,
                                     "defined_acronym", o.extra))
    return sorted(orgs + extra, key=lambda m: m.span.start)


def _add_definite_titles(doc, clusters, findings, titles, geo, lex) -> None:
    cluster_of = {m.span.start: i for i, c in enumerate(clusters) for m in c.mentions}
    used = {f.evidence.start for fs in findings.values() for f in fs if f.title}

    def titled(i: int) -> set[str]:
        return {f.title for m in clusters[i].mentions for f in findings.get(m.span.start, [])
                if f.title and f.rule in TITLE_RULES}

    def country_of(i: int) -> str | None:
        found = [f.country for m in clusters[i].mentions for f in findings.get(m.span.start, []) if f.country]
        return Counter(found).most_common(1)[0][0] if found else None

    persons = [m for c in clusters for m in c.mentions]
    sentences = list(sentence_spans(doc))
    extra = definite_title_roles(doc.text, sentences, titles, persons, used, cluster_of, titled,
                                 country_of, geo, lex)
    for start, found in extra.items():
        findings.setdefault(start, []).extend(found)


def _keep(c: Cluster, findings: dict) -> bool:
    if c.full_names:
        return True
    if lookup_country(c.mentions[0].value):
        return False
    if any(m.source == "leader" for m in c.mentions):
        return True         # "o governo Lula", "led by Petro": the head of a government or body
    return any(m.source in ("title_pattern", "honorific") and
               any(f.rule == "title_before" for f in findings[m.span.start]) for m in c.mentions)


def _drop_glued_names(clusters: list[Cluster]) -> list[Cluster]:
    """"Gerapetritis Haftar" (a tag line) glues the surnames of two people: not a third person."""
    surnames = {}
    for i, c in enumerate(clusters):
        for n in c.full_names:
            surnames.setdefault(tokens(n)[-1], set()).add(i)
    out = []
    for i, c in enumerate(clusters):
        names = {fold(n) for n in c.full_names}
        if len(names) == 1:
            toks = tokens(c.full_names[0])
            owners = [surnames.get(t, set()) - {i} for t in toks]
            if len(toks) == 2 and all(owners) and owners[0] != owners[1]:
                continue
        out.append(c)
    return out


def _display_name(c: Cluster) -> str:
    names = c.full_names or [m.value for m in c.mentions]
    counts = Counter(names)
    return max(names, key=lambda n: (has_diacritics(n), not n.isupper(), len(tokens(n)) > 1,
                                     "." not in n.split()[0], counts[n], len(n)))


def _person_entities(doc: Document, clusters: list[Cluster], findings: dict, lex: Lexicon) -> list[Entity]:
    by_start = {m.span.start: i for i, c in enumerate(clusters) for m in c.mentions}
    resolved: dict[int, Allegiance] = {}
    # two passes: counterparts take the office of the other party, known after the first pass
    for _ in range(2):
        for i, c in enumerate(clusters):
            resolved[i] = _allegiance(doc.text, c, findings, resolved, by_start, lex.generic)
    # the states of officials the text qualifies ("son homologue français"), not of other people named
    states_from_relations(doc, resolved, _organisations(doc), lex)
    entities = []
    for i, c in enumerate(clusters):
        # no clue, no country: the outlet's, the host's or the most named state is a guess
        a = resolved[i]
        country = a.country
        roles = [r if r.country or a.international else
                 Role(r.title, r.organization, country, r.start, r.end, r.evidence) for r in a.roles]
        name = _display_name(c)
        aliases = sorted({m.value for m in c.mentions if len(tokens(m.value)) > 1} - {name})
        key = "person:" + fold(name)
        explanation = "; ".join(w for w in a.why + c.reasons if w) or "named by " + c.mentions[0].source
        foreign_to = None if country else _counterpart_state(i, resolved)
        if foreign_to:
            explanation += f"; state not stated, but the counterpart of an official of {foreign_to}"
        entities.append(Entity(key, "person", name, tuple(aliases), country, tuple(roles),
                               tuple(m.span for m in c.mentions), explanation=explanation,
                               foreign_to=foreign_to, country_inferred=bool(country) and a.inferred))
    return _unique_keys(entities)


def _counterpart_state(i: int, resolved: dict[int, Allegiance]) -> str | None:
    """'Laftit and his Spanish counterpart Grande-Marlaska': whatever Laftit's state, it is not
    Spain's; the pair is between two states even when the text never names the other one."""
    mine = resolved[i].counterpart_of
    if mine is not None and mine in resolved and resolved[mine].country:
        return resolved[mine].country
    theirs = {a.country for j, a in resolved.items() if j != i and a.counterpart_of == i and a.country}
    return theirs.pop() if len(theirs) == 1 else None


def _allegiance(text: str, c: Cluster, findings, resolved: dict[int, Allegiance], by_start: dict,
                generic: frozenset[str]) -> Allegiance:
    own = [(m, f) for m in c.mentions for f in findings.get(m.span.start, [])]
    # the office of a counterpart only when nothing more specific names this person's own
    specific = any(f.title and f.title not in generic for _, f in own)
    out = Allegiance()
    countries: list[str] = []
    for m, f in own:
        title, org, country = f.title, f.organization, f.country
        if f.rule == "counterpart":
            other = _other_party(text, m, f, by_start)
            if other != by_start.get(m.span.start):
                out.counterpart_of = other
            theirs = resolved.get(other) if other is not None else None
            if theirs is not None and theirs.roles and title is None and not specific:
                title, org = theirs.roles[0].title, theirs.roles[0].organization
        if country:
            countries.append(country)
        if title:
            out.roles.append(Role(title, org, country, f.start, f.end, (f.evidence,)))
            out.why.append(f"role {title!r} by {f.rule} at {f.evidence.start}"
                           + (f", country {country}" if country else ""))
        elif country:
            out.why.append(f"country {country} by {f.rule} at {f.evidence.start}")
    out.roles = _best_roles(out.roles, generic)
    out.country = Counter(countries).most_common(1)[0][0] if countries else None
    out.international = out.country is None and any(f.international for _, f in own)
    return out


def _other_party(text: str, m: Mention, f: RoleFinding, by_start: dict) -> int | None:
    if f.counterpart_of is not None:
        near = [s for s in by_start if s <= f.counterpart_of < s + 60]
        return by_start[min(near, key=lambda s: abs(s - f.counterpart_of))] if near else None
    own = by_start.get(m.span.start)
    before = [s for s in by_start if s < m.span.start and by_start[s] != own]
    # "X met …, his counterpart Y": the subject of the sentence, else the person named last
    line = [s for s in before if s >= f.evidence.start - 300 and "\n" not in text[s:f.evidence.start]]
    if line:
        return by_start[min(line)]
    return by_start[max(before)] if before else None


def _best_roles(roles: list[Role], generic: frozenset[str]) -> list[Role]:
    """Distinct titles, specific before generic; the generic ones go when a specific one exists."""
    seen: dict[str, Role] = {}
    for r in roles:
        if (r.title not in seen or (r.country and not seen[r.title].country)
                or (r.start and not seen[r.title].start)):
            seen[r.title] = r
    specific = [r for r in seen.values() if r.title not in generic]
    vague = [r for r in seen.values() if r.title in generic and not any(
        r.title.split()[-1] in s.title for s in specific)]
    counts = Counter(r.title for r in roles)
    return sorted(specific, key=lambda r: (r.end is not None, -counts[r.title])) + vague


def _unique_keys(entities: list[Entity]) -> list[Entity]:
    seen: Counter = Counter()
    out = []
    for e in entities:
        seen[e.key] += 1
        out.append(e if seen[e.key] == 1 else Entity(**{**e.__dict__, "key": f"{e.key}#{seen[e.key]}"}))
    return out


def _head_country(doc: Document, body: Mention, people: list[Entity]) -> str | None:
    """The state of the official named as the body's head in its sentence: a person whose office is
    the body's ("Minister of the Interior" heads the "Ministry of the Interior": same words after
    "of"), one state only."""
    guess = body.extra.get("country")
    if body.extra.get("country_from") not in ("sentence", "article") or " of " not in body.value:
        return guess
    qualifier = body.value.split(" of ", 1)[1]
    sentence = next(((s.start, s.end) for s in doc.sentences if s.start <= body.span.start < s.end), None)
    if sentence is None:
        return guess
    states = {r.country or p.country for p in people for r in p.roles
              if r.title and " of " in r.title and r.title.split(" of ", 1)[1] == qualifier
              and any(sentence[0] <= sp.start < sentence[1] for sp in p.mentions)}
    states.discard(None)
    return states.pop() if len(states) == 1 else guess


def _geo_entities(doc: Document, people: list[Entity] = ()) -> list[Entity]:
    groups: dict[tuple[str, str, str | None], list[Mention]] = {}
    for m in doc.mentions:
        if m.kind in ("country", "organization", "place") and isinstance(m.value, str):
            # a body's state is part of which body it is: two states' ministries stay two entities
            state = _head_country(doc, m, people) if m.kind == "organization" else None
            groups.setdefault((m.kind, m.value, state), []).append(m)
    out = []
    for (kind, value, state), ms in groups.items():
        extra = ms[0].extra or {}
        if kind == "country":
            name = country_name(value) or value
            country = value
        else:
            name, country = value, state if kind == "organization" else extra.get("country")
        aliases = sorted({m.span.text for m in ms} - {name})
        out.append(Entity(f"{kind}:{fold(name) or value}", kind, name, tuple(aliases), country,
                          mentions=tuple(m.span for m in ms), lat=extra.get("lat"), lon=extra.get("lon"),
                          explanation=f"{len(ms)} {kind} mention(s) from {ms[0].source or 'gazetteer'}"))
    return out

