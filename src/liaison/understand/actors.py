"""Who is who inside one article (stage `actors`): fills `Document.entities`.

One entity per person (linked mentions, aliases, roles with their evidence, country, and an
explanation of the rules that decided them), plus one per country, organisation and place
mentioned (from the gazetteer mentions of stage `mentions`).
A person needs a full name somewhere in the article, or a title right before a lone surname:
single capitalised words the NER calls people ("Elysée", "Rabat") are not kept on their own.
"""
from __future__ import annotations

from collections import Counter

from liaison.link.names import fold, has_diacritics
from liaison.records import Document, Entity, Mention, Role
from liaison.understand.biography import biography_roles
from liaison.understand.coref import Cluster, link_mentions, tokens
from liaison.understand.roles import RoleFinding, roles_for
from liaison.understand.titles import lexicon, phrase_regex

GENERIC = {"Minister", "Secretary", "Deputy Minister", "Advisor", "President", "Leader", "Analyst"}

try:
    from liaison.gazetteer import country_name, lookup_country   # written by the places engineer
except ImportError:                                                # pragma: no cover - until it lands
    lookup_country = None
    country_name = None


def resolve_actors_batch(docs: list[Document]) -> list[Document]:
    return [resolve_actors(doc) for doc in docs]


_TEXT: dict[str, str] = {}


def resolve_actors(doc: Document) -> Document:
    _TEXT["t"] = doc.text
    persons = [m for m in doc.mentions if m.kind == "person"]
    titles = [m for m in doc.mentions if m.kind == "title"]
    geo = [m for m in doc.mentions if m.kind in ("country", "demonym")]
    lex = lexicon(doc.lang)
    rank_rx = phrase_regex(lex.honorifics + lex.ranks)
    counter_rx = phrase_regex(lex.counterparts)
    findings = {m.span.start: roles_for(doc.text, m, titles, geo, rank_rx, counter_rx) for m in persons}

    def title_of(m: Mention) -> str | None:
        return next((f.title for f in findings[m.span.start] if f.rule == "title_before"), None)

    clusters = [c for c in link_mentions(persons, title_of) if _keep(c, findings)]
    clusters = _drop_glued_names(clusters)
    fallback = _dominant_country(geo)
    for start, found in biography_roles(doc, clusters, titles, lex).items():
        findings.setdefault(start, []).extend(found)
    entities = _person_entities(doc, clusters, findings, fallback)
    entities += _geo_entities(doc)
    return doc.with_(entities=tuple(entities))


def _keep(c: Cluster, findings: dict) -> bool:
    if c.full_names:
        return True
    if lookup_country is not None and lookup_country(c.mentions[0].value):
        return False
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


def _dominant_country(geo: list[Mention]) -> str | None:
    counts = Counter(g.value for g in geo if g.kind == "country" and isinstance(g.value, str))
    return counts.most_common(1)[0][0] if counts else None


def _display_name(c: Cluster) -> str:
    names = c.full_names or [m.value for m in c.mentions]
    counts = Counter(names)
    return max(names, key=lambda n: (has_diacritics(n), not n.isupper(), len(tokens(n)) > 1,
                                     "." not in n.split()[0], counts[n], len(n)))


def _person_entities(doc: Document, clusters: list[Cluster], findings: dict, fallback) -> list[Entity]:
    by_start = {m.span.start: i for i, c in enumerate(clusters) for m in c.mentions}
    resolved: dict[int, tuple[list[Role], str | None, list[str]]] = {}
    # two passes: counterparts take the office of the other party, known after the first pass
    for _ in range(2):
        for i, c in enumerate(clusters):
            resolved[i] = _roles_and_country(c, findings, resolved, by_start, clusters)
    entities = []
    for i, c in enumerate(clusters):
        roles, country, why = resolved[i]
        if country is None and fallback:
            country = fallback
            why.append(f"country {fallback}: the article's most named country (nothing better)")
        roles = [r if r.country else Role(r.title, r.organization, country, r.start, r.end, r.evidence)
                 for r in roles]
        name = _display_name(c)
        aliases = sorted({m.value for m in c.mentions if len(tokens(m.value)) > 1} - {name})
        key = "person:" + fold(name)
        explanation = "; ".join(why + c.reasons) or "named by " + c.mentions[0].source
        entities.append(Entity(key, "person", name, tuple(aliases), country, tuple(roles),
                               tuple(m.span for m in c.mentions), explanation=explanation))
    return _unique_keys(entities)


def _roles_and_country(c: Cluster, findings, resolved, by_start, clusters):
    roles: list[Role] = []
    countries: list[tuple[str, str]] = []
    why: list[str] = []
    for m in c.mentions:
        own = findings.get(m.span.start, [])
        titled = any(f.title for f in own)
        for f in own:
            title, org, country = f.title, f.organization, f.country
            if f.rule == "counterpart" or (f.rule == "apposition" and f.counterpart_of not in (None, -1)):
                other = _other_party(m, f, by_start, clusters)
                if other is not None and other in resolved:
                    o_roles, o_country, _ = resolved[other]
                    if f.rule == "counterpart" and o_roles and title is None and not titled:
                        title, org = o_roles[0].title, o_roles[0].organization
                    if f.rule == "apposition" and country is None:
                        country = o_country
            if country:
                countries.append((country, f.rule))
            if title:
                roles.append(Role(title, org, country, f.start, f.end, (f.evidence,)))
                why.append(f"role {title!r} by {f.rule} at {f.evidence.start}"
                           + (f", country {country}" if country else ""))
    roles = _best_roles(roles)
    country = Counter(c for c, _ in countries).most_common(1)[0][0] if countries else None
    return roles, country, why


def _other_party(m: Mention, f: RoleFinding, by_start: dict, clusters: list[Cluster]) -> int | None:
    if f.counterpart_of not in (None, -1):
        near = [s for s in by_start if s <= f.counterpart_of < s + 60]
        return by_start[min(near, key=lambda s: abs(s - f.counterpart_of))] if near else None
    own = by_start.get(m.span.start)
    before = [s for s in by_start if s < m.span.start and by_start[s] != own]
    # "X met …, his counterpart Y": the subject of the sentence, else the person named last
    line = [s for s in before if s >= f.evidence.start - 300 and "\n" not in _TEXT.get("t", "")[s:f.evidence.start]]
    if line:
        return by_start[min(line)]
    return by_start[max(before)] if before else None


def _best_roles(roles: list[Role]) -> list[Role]:
    """Distinct titles, specific before generic; the generic ones go when a specific one exists."""
    seen: dict[str, Role] = {}
    for r in roles:
        if r.title not in seen or (r.country and not seen[r.title].country) or (r.start and not seen[r.title].start):
            seen[r.title] = r
    specific = [r for r in seen.values() if r.title not in GENERIC]
    generic = [r for r in seen.values() if r.title in GENERIC and not any(
        r.title.split()[-1] in s.title for s in specific)]
    counts = Counter(r.title for r in roles)
    ordered = sorted(specific, key=lambda r: (r.end is not None, -counts[r.title])) + generic
    return ordered


def _unique_keys(entities: list[Entity]) -> list[Entity]:
    seen: Counter = Counter()
    out = []
    for e in entities:
        seen[e.key] += 1
        out.append(e if seen[e.key] == 1 else Entity(**{**e.__dict__, "key": f"{e.key}#{seen[e.key]}"}))
    return out


def _geo_entities(doc: Document) -> list[Entity]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in doc.mentions:
        if m.kind in ("country", "organization", "place") and isinstance(m.value, str):
            groups.setdefault((m.kind, m.value), []).append(m)
    out = []
    for (kind, value), ms in groups.items():
        extra = ms[0].extra or {}
        if kind == "country":
            name = (country_name(value) if country_name else None) or value
            country = value
        else:
            name, country = value, extra.get("country")
        aliases = sorted({m.span.text for m in ms} - {name})
        out.append(Entity(f"{kind}:{fold(name) or value}", kind, name, tuple(aliases), country,
                          mentions=tuple(m.span for m in ms), lat=extra.get("lat"), lon=extra.get("lon"),
                          explanation=f"{len(ms)} {kind} mention(s) from {ms[0].source or 'gazetteer'}"))
    return out

