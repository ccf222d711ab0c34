"""Cross-document entity resolution: one entity per real person or body.

Features that decide a merge (each merge records them in `explanation`):
- same kind and the same folded name ("Laurent Nunez" = "Laurent Nuñez", "Jean NoEl Barrot" =
  "Jean-Noël Barrot"), or one folded name an alias of the other;
- or, for people, a full name of two or more words that is another cluster's full name or alias, or
  whose words are all in exactly one other cluster's name ("Fernando Grande-Marlaska" inside
  "Fernando Grande-Marlaska Gomez") — never on a surname alone;
- or, for people, names one letter apart in one word ("Laurent Nunes" / "Laurent Nuñez") with no
  conflicting state or office, and the same office when the given name differs (link/variants.py);
- no conflicting country: two people of the same name serving different states stay apart.
Analyst decisions (merge / split) are applied last and win.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from liaison.folding import fold, has_diacritics
from liaison.link.decisions import apply_decisions
from liaison.link.names import display_name
from liaison.link.variants import Verdict, candidates, judge, profile


def _entity_id(kind: str, key: str, country: str | None) -> str:
    return hashlib.sha256(f"{kind}|{key}|{country or ''}".encode()).hexdigest()[:16]


def resolve_entities(rows: list[dict], decisions: list[dict]
                     ) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """Group entity facts; returns the merged entities and (doc_id, local key) -> entity id."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        p = row["payload"]
        groups[(p["kind"], fold(p["name"]))].append(row)
    clusters: list[list[dict]] = []
    for (kind, _key), members in groups.items():
        # a person's or a body's state is part of who it is: France's Ministry of the Interior
        # is not Germany's, whatever the names say once translated
        clusters.extend(_split_by_country(members, strict=kind == "organization")
                        if kind in ("person", "organization") else [members])
    clusters = _join_extended_names(clusters)
    clusters = _join_one_letter_variants(clusters)
    clusters = _join_surnames(clusters)
    clusters, ids = apply_decisions(clusters, decisions, cluster_id)
    entities, key_to_id = [], {}
    for members, entity_id in zip(clusters, ids, strict=True):
        entity = {**_merge(members), "id": entity_id}
        entities.append(entity)
        for row in members:
            key_to_id[(row["doc_id"], row["payload"]["key"])] = entity["id"]
    return entities, key_to_id


def _name_forms(members: list[dict]) -> set[str]:
    forms = {fold(m["payload"]["name"]) for m in members}
    forms |= {fold(a) for m in members for a in m["payload"].get("aliases", [])}
    return {f for f in forms if len(f.split()) >= 2}


def _compatible(a: list[dict], b: list[dict]) -> bool:
    ca, cb = _country(a), _country(b)
    return ca is None or cb is None or ca == cb


def _join_extended_names(clusters: list[list[dict]]) -> list[list[dict]]:
    """Join person clusters whose multi-word names agree: equal forms, or one name's words all inside
    exactly one other cluster's name (a middle or second surname left out)."""
    people = [i for i, m in enumerate(clusters) if m[0]["payload"]["kind"] == "person"]
    forms = {i: _name_forms(clusters[i]) for i in people}
    by_word: dict[str, set[int]] = defaultdict(set)      # word -> clusters whose names use it
    for i in people:
        for form in forms[i]:
            for word in form.split():
                by_word[word].add(i)
    parent = {i: i for i in people}

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i
    for i in people:
        supersets = set()
        for form in forms[i]:
            # clusters using every word of this form: equal names or names that extend it
            supersets |= set.intersection(*(by_word[w] for w in form.split())) - {i}
        supersets = [j for j in supersets if _compatible(clusters[i], clusters[j])
                     and (forms[i] & forms[j] or any(set(f.split()) < set(g.split())
                                                     for f in forms[i] for g in forms[j]))]
        if len(supersets) == 1 or (supersets and all(forms[i] & forms[j] for j in supersets)):
            for j in supersets:
                parent[root(i)] = root(j)
    joined: dict[int, list[dict]] = defaultdict(list)
    for i, members in enumerate(clusters):
        joined[root(i) if i in parent else i].extend(members)
    return list(joined.values())


def _titles(members: list[dict]) -> set[str]:
    return {fold(r["title"]) for m in members for r in m["payload"].get("roles", []) if r.get("title")}


def _join_surnames(clusters: list[list[dict]]) -> list[list[dict]]:
    """An article that only ever writes "President Trump" names the one person the corpus knows as
    "… Trump" with that office: a one-word name joins the only multi-word name ending with it whose
    holder bears one of its titles and serves no other state (two "… Bush" presidents: neither)."""
    people = [i for i, m in enumerate(clusters) if m[0]["payload"]["kind"] == "person"]
    full = defaultdict(list)                     # surname -> clusters with a multi-word name ending so
    for i in people:
        for form in _name_forms(clusters[i]):
            full[form.split()[-1]].append(i)
    into: dict[int, int] = {}
    for i in people:
        forms = {fold(m["payload"]["name"]) for m in clusters[i]}
        if len(forms) != 1 or len(next(iter(forms)).split()) != 1 or not _titles(clusters[i]):
            continue
        holders = {j for j in full.get(next(iter(forms)), []) if j != i}
        if len(holders) == 1:
            j = holders.pop()
            if _compatible(clusters[i], clusters[j]) and _titles(clusters[i]) & _titles(clusters[j]):
                into[i] = j
    joined = {i: list(m) for i, m in enumerate(clusters) if i not in into}
    for i, j in into.items():       # j has a multi-word name: never itself joined into another
        joined[j] += [{**row, "variant": f"surname of {clusters[j][0]['payload']['name']!r}, same title"}
                      for row in clusters[i]]
    return list(joined.values())


def _cluster_profile(members: list[dict]):
    names = [n for m in members for n in [m["payload"]["name"], *m["payload"].get("aliases", [])]]
    return profile([display_name(_spellings(members)), *names], _country(members),
                   [r.get("title") for m in members for r in m["payload"].get("roles", [])])


def _join_one_letter_variants(clusters: list[list[dict]]) -> list[list[dict]]:
    """Join two person clusters whose names are one letter apart when the verdict says they are one
    person and each is the other's only such match (three spellings a letter apart stay apart: which
    two are one person?). The less attested spelling's rows are copied with the reason as `variant`:
    the entity keeps the name (and so the id) of the better attested one."""
    people = {i: _cluster_profile(m) for i, m in enumerate(clusters) if m[0]["payload"]["kind"] == "person"}
    same: dict[int, dict[int, Verdict]] = {}
    for i, near in candidates(people).items():
        verdicts = {j: judge(people[i], people[j]) for j in near}
        same[i] = {j: v for j, v in verdicts.items() if v and v.same}
    joined, done = [], set()
    for i, members in enumerate(clusters):
        if i in done:
            continue
        match = list(same.get(i, {}))
        if len(match) == 1 and list(same.get(match[0], {})) == [i] and match[0] not in done:
            j = match[0]
            strong, weak = sorted((members, clusters[j]), key=_attestation, reverse=True)
            members = strong + [{**row, "variant": same[i][j].reason} for row in weak]
            done.add(j)
        done.add(i)
        joined.append(members)
    return joined


def _attestation(members: list[dict]) -> tuple:
    """Which spelling to keep: seen in more documents; then written one way in each (an article that
    writes "Gérard" and "Gérad" misspells at least once); more mentions, an office, a state, accents."""
    payloads = [m["payload"] for m in members]
    wavering = sum(_wavers([p["name"], *p.get("aliases", [])]) for p in payloads)
    return (len({m["doc_id"] for m in members}), -wavering, sum(len(p.get("mentions", [])) for p in payloads),
            any(p.get("roles") for p in payloads), any(p.get("country") for p in payloads),
            any(has_diacritics(p["name"]) for p in payloads))


def _wavers(names: list[str]) -> bool:
    """Two spellings of a full name with as many words (not a short form: "Grande-Marlaska")."""
    forms = {fold(n) for n in names}
    counts = Counter(len(f.split()) for f in forms if len(f.split()) >= 2)
    return any(c > 1 for c in counts.values())


def _spellings(members: list[dict]) -> list[str]:
    """The names that choose the entity's name: a misspelling joined by one letter never does."""
    return [m["payload"]["name"] for m in members if not m.get("variant")] or \
        [m["payload"]["name"] for m in members]


def _split_by_country(members: list[dict], strict: bool = False) -> list[list[dict]]:
    """One cluster per state. An unplaced mention goes with the best-attested state (a person), or
    stays apart when the name is used for several states: for bodies (`strict`: "the Interior
    Ministry" of which state?) and for a person two states claim equally."""
    by_country: dict[str | None, list[dict]] = defaultdict(list)
    stated = {row["payload"].get("country") for row in members if not row["payload"].get("country_inferred")}
    for row in members:
        country = row["payload"].get("country")
        # a state read only from one article's two sides yields to a state other articles state
        # ('el presidente Donald Trump', unmarked in a wire from Bogotá, is not Colombia's)
        if country and country not in stated and stated - {None}:
            by_country[None].append({**row, "yielded": True})
        else:
            by_country[country].append(row)
    known = [c for c in by_country if c]
    if len(known) <= 1:
        return [members]            # one state (or unknown): the same person or body
    unknown = by_country.pop(None, [])
    clusters = list(by_country.values())
    sizes = sorted((len(c) for c in clusters), reverse=True)
    if strict or sizes[0] == sizes[1]:
        # bodies, or a person as often said to serve one state as another: which one the unplaced
        # mentions name, nothing tells ('Australia President Bush', a caption run into a sentence)
        return clusters + ([unknown] if unknown else [])
    biggest = max(clusters, key=len)
    biggest.extend(unknown)
    return clusters


def cluster_id(members: list[dict]) -> str:
    kind = members[0]["payload"]["kind"]
    name = display_name(_spellings(members))
    return _entity_id(kind, fold(name), _country(members) if kind in ("person", "organization") else None)


def _country(members: list[dict]) -> str | None:
    """The state most mentions state; a state read from an article's two sides only when none does."""
    placed = [m["payload"] for m in members if m["payload"].get("country") and not m.get("yielded")]
    stated = [p for p in placed if not p.get("country_inferred")] or placed
    counts = Counter(p["country"] for p in stated)
    return counts.most_common(1)[0][0] if counts else None


def _roles_in_state(payload: dict, country: str | None) -> list[dict]:
    """A role took its person's state; when that state was only read from the article's two sides
    and other articles state another, the role is the stated state's office."""
    roles = payload.get("roles", [])
    if not payload.get("country_inferred") or payload.get("country") in (None, country):
        return roles
    return [{**r, "country": country} if r.get("country") == payload["country"] else r for r in roles]


def _merge(members: list[dict]) -> dict:
    payloads = [m["payload"] for m in members]
    kind = payloads[0]["kind"]
    names = [p["name"] for p in payloads]
    name = display_name(_spellings(members))
    country = _country(members)
    aliases = sorted({a for p in payloads for a in [p["name"], *p.get("aliases", [])]} - {name})
    roles, seen = [], {}
    for p in payloads:
        for r in _roles_in_state(p, country):
            key = (r.get("title"), r.get("organization"), r.get("country"), r.get("start"), r.get("end"))
            if key not in seen:
                seen[key] = {**r, "evidence": list(r.get("evidence") or [])}
                roles.append(seen[key])
            else:       # every article calling them so: each is dated evidence of the office (offices.py)
                kept = seen[key]["evidence"]
                kept += [sp for sp in r.get("evidence") or [] if sp not in kept]
    docs = sorted({m["doc_id"] for m in members})
    # what an article stating the state said, rather than one that read it from its two sides
    told = next((p for p in payloads if not p.get("country_inferred")), payloads[0])
    explanation = told.get("explanation", "")
    if len(docs) > 1:
        spellings = sorted({fold(n) for n in names})
        variants = list(dict.fromkeys(m["variant"] for m in members if m.get("variant")))
        how = (f"same {kind} name {fold(name)!r} (accents, case and hyphens ignored)" if len(spellings) == 1
               else "; ".join(variants) if variants
               else f"{kind} names {', '.join(map(repr, spellings))} agree (equal or one extends the other)")
        explanation = (f"merged {len(members)} mentions in {len(docs)} documents: {how}"
                       + (f", same country {country}" if country and "same country" not in how else "")
                       + "; " + explanation)
    first = next((p for p in payloads if p.get("lat") is not None), payloads[0])
    return {"id": cluster_id(members),
            "kind": kind, "name": name, "aliases": aliases, "country": country, "roles": roles,
            "mentions": [m for p in payloads for m in p.get("mentions", [])],
            "lat": first.get("lat"), "lon": first.get("lon"),
            "wikidata": next((p["wikidata"] for p in payloads if p.get("wikidata")), None),
            "documents": docs, "explanation": explanation.strip("; ")}
