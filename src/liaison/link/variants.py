"""Names one letter apart: the same person misspelt, or two people? One verdict, with its reason.

Two person names are *variants* when, after folding (accents, case, hyphens off), they have the
same words but one, and that one differs by a single edit (a letter added, dropped, changed or
two swapped): "Laurent Nunes" / "Laurent Nuñez", "Abdelouafi Lafti" / "Abdelouafi Laftit",
"Gérald" / "Gérard Darmanin". Whether variants are one person is then decided on what else is
known, and said in plain words either way:
- the states they serve must agree (or one be unknown);
- their offices must be compatible (equal, one a shorter form of the other, or one unknown);
- a given name that differs ("Mario"/"Maria Rossi", "Ana"/"Ada Silva") is often a different
  person: it takes the same office on both sides, not just no conflict;
- the differing word must have four letters or more: one letter turns "Ana" into "Ada".
The same verdict serves merging (link/entities.py) and the "possible duplicate" hints of an
entity page, which list the variants kept apart with the reason.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from liaison.folding import fold, has_diacritics

MIN_WORD = 4            # a shorter word changed by one letter is another word too often


@dataclass(frozen=True)
class Profile:
    """What the verdict reads of a cluster or a linked entity."""
    forms: frozenset[str]           # folded names of two words or more
    country: str | None
    titles: tuple[str, ...]         # office titles as written
    words: tuple[str, ...] = ()     # the words as written, to quote them in a reason
    primary: str = ""               # the folded name shown, quoted first when it is one of the pair


@dataclass(frozen=True)
class Verdict:
    same: bool
    reason: str                     # plain words: why merged, or why kept apart
    words: tuple[str, str]          # the two words that differ


def profile(names: Iterable[str], country: str | None, titles: Iterable[str | None]) -> Profile:
    """`names`: the name shown first, then the other spellings."""
    names = list(names)
    forms = frozenset(f for f in map(fold, names) if len(f.split()) >= 2)
    words = tuple(dict.fromkeys(w for n in names for w in re.split(r"[\s\-]+", n) if w))
    return Profile(forms, country, tuple(dict.fromkeys(t for t in titles if t)), words,
                   fold(names[0]) if names else "")


def as_written(p: Profile, folded: str) -> str:
    """A folded word as the articles write it, accents kept where any spelling has them."""
    spellings = [w for w in p.words if fold(w) == folded]
    return max(spellings, key=lambda w: (has_diacritics(w), not w.isupper()), default=folded)


def entity_profile(entity: dict) -> Profile:
    """A linked entity's profile (its name, aliases, country and roles)."""
    return profile([entity.get("name") or "", *(entity.get("aliases") or [])], entity.get("country"),
                   [r.get("title") for r in entity.get("roles") or []])


def differing_words(a: str, b: str) -> tuple[str, str, bool] | None:
    """The one pair of words in which two folded names differ by one edit, and whether it is the
    last word (the surname); None when they differ otherwise."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2:
        return None
    diff = [k for k, (x, y) in enumerate(zip(wa, wb, strict=True)) if x != y]
    if len(diff) != 1:
        return None
    k = diff[0]
    if DamerauLevenshtein.distance(wa[k], wb[k]) != 1:
        return None
    return wa[k], wb[k], k == len(wa) - 1


def variant_pair(a: Profile, b: Profile) -> tuple[str, str, bool] | None:
    """The differing words of a pair of names one edit apart: the names shown rather than other
    spellings, surnames rather than given names."""
    found = [(d[2], fa == a.primary, fb == b.primary, d) for fa in sorted(a.forms) for fb in sorted(b.forms)
             if (d := differing_words(fa, fb))]
    return max(found, key=lambda f: f[:3])[3] if found else None


def _offices(a: Profile, b: Profile) -> tuple[str, str | None]:
    """('same', title) / ('compatible', 'x / y') / ('unknown', None) / ('different', 'x / y'),
    titles compared folded ("Minister" is a shorter form of "Minister of the Interior")."""
    if not a.titles or not b.titles:
        return "unknown", None
    folded_b = {fold(y): y for y in b.titles}
    shared = [x for x in a.titles if fold(x) in folded_b]
    if shared:
        return "same", shared[0]
    for x in a.titles:
        for y in b.titles:
            wx, wy = set(fold(x).split()), set(fold(y).split())
            if wx <= wy or wy <= wx:
                return "compatible", f"{x} / {y}"
    return "different", f"{' or '.join(a.titles)} / {' or '.join(b.titles)}"


def judge(a: Profile, b: Profile) -> Verdict | None:
    """The verdict on two profiles whose names are one letter apart; None when they are not."""
    pair = variant_pair(a, b)
    if pair is None:
        return None
    x, y, surname = pair
    letters = f"({as_written(a, x)} / {as_written(b, y)})"
    part = "surname" if surname else "first name"
    if min(len(x), len(y)) < MIN_WORD:
        return Verdict(False, f"{part}s differ by one letter {letters} but are too short to tell "
                              "a misspelling from another name", (x, y))
    if a.country and b.country and a.country != b.country:
        return Verdict(False, f"different country ({a.country} / {b.country}); names differ by one "
                              f"letter {letters}", (x, y))
    offices, titles = _offices(a, b)
    if offices == "different":
        return Verdict(False, f"different role ({titles}); names differ by one letter {letters}", (x, y))
    if not surname and offices != "same":
        return Verdict(False, f"first names differ {letters} and no shared office to show they are "
                              "one person", (x, y))
    country = (f"same country {a.country or b.country}" if a.country and b.country
               else f"country {a.country or b.country} on one side, unknown on the other"
               if a.country or b.country else "no country known")
    office = {"same": f"same office {titles}", "compatible": f"compatible offices ({titles})",
              "unknown": "no conflicting office (one or both unknown)"}[offices]
    return Verdict(True, f"names differ by one letter {letters}, {country}, {office}", (x, y))


def candidates(profiles: dict[int, Profile]) -> dict[int, set[int]]:
    """For each profile, the others with a name one edit away, found through shared words (a name
    of n words is indexed under each of its n 'all words but one' keys) rather than all pairs."""
    buckets: dict[tuple, set[int]] = defaultdict(set)
    for i, p in profiles.items():
        for form in p.forms:
            words = form.split()
            for k in range(len(words)):
                buckets[(len(words), k, *words[:k], *words[k + 1:])].add(i)
    near: dict[int, set[int]] = defaultdict(set)
    for members in buckets.values():
        if len(members) > 1:
            for i in members:
                near[i] |= members - {i}
    return near


# ---------------------------------------------------------------- possible duplicates
def possible_duplicates(entity: dict, others: Iterable[dict], limit: int = 10) -> list[dict]:
    """Entities with a name like this one's that linking kept apart, each with the reason in plain
    words, closest first: a page lists them so that an analyst can merge what the rules could not."""
    mine = entity_profile(entity)
    others = [o for o in others if o.get("id") != entity.get("id") and o.get("kind") == entity.get("kind")]
    profiles = {o["id"]: entity_profile(o) for o in others}
    close = {o["id"] for o in others if (v := judge(mine, profiles[o["id"]])) and v.same}
    hints = []
    for other in others:
        found = _why_apart(entity, mine, other, profiles[other["id"]], close - {other["id"]})
        if found:
            closeness, reason = found
            hints.append({"id": other["id"], "name": other.get("name"), "kind": other.get("kind"),
                          "country": other.get("country"), "documents": len(other.get("documents") or []),
                          "reason": reason, "_rank": closeness})
    hints.sort(key=lambda h: (-h["_rank"], h["name"] or "", h["id"]))
    return [{k: v for k, v in h.items() if k != "_rank"} for h in hints[:limit]]


def _why_apart(entity: dict, a: Profile, other: dict, b: Profile, rivals: set[str]) -> tuple[int, str] | None:
    """(closeness, reason) when `other` is a possible duplicate of `entity`; None when unlike."""
    name_a, name_b = fold(entity.get("name")), fold(other.get("name"))
    names_a = {fold(n) for n in [entity.get("name"), *(entity.get("aliases") or [])]}
    names_b = {fold(n) for n in [other.get("name"), *(other.get("aliases") or [])]}
    countries = f"({a.country or 'unknown'} / {b.country or 'unknown'})"
    if names_a & names_b:
        if a.country and b.country and a.country != b.country:
            return 4, f"same name, different country {countries}"
        if entity.get("kind") == "organization":
            return 4, f"same name, state known for one only {countries}: a body's state is part of who it is"
        return 4, "same name, kept apart by an analyst's decision or by another namesake"
    verdict = judge(a, b)
    if verdict is not None:
        if not verdict.same:
            return 3, verdict.reason
        if rivals:
            return 3, (f"{verdict.reason}; but another entity's name is as close, so which two are "
                       "one person is left to you")
        return 3, f"{verdict.reason}; kept apart by an analyst's decision"
    if entity.get("kind") != "person":
        return None
    short = [(x, y) for x in names_a for y in names_b
             if (len(x.split()) == 1 and x in y.split()) or (len(y.split()) == 1 and y in x.split())]
    if short:
        alone = min(short[0], key=lambda n: len(n.split()))
        shown = next((w for w in (as_written(b, alone), as_written(a, alone)) if w != alone), alone)
        return 2, (f"named by one word only ({shown}): a surname alone joins only the one full name "
                   "ending with it, by a shared title")
    part = [(x, y) for x in a.forms for y in b.forms if set(x.split()) < set(y.split())
            or set(y.split()) < set(x.split())]
    if part:
        if a.country and b.country and a.country != b.country:
            return 2, f"one name is part of the other, different country {countries}"
        return 2, "one name is part of the other, but it fits more than one entity"
    wa, wb = name_a.split(), name_b.split()
    if len(wa) >= 2 and len(wb) >= 2 and wa[-1] == wb[-1] and wa[:-1] != wb[:-1]:
        return 1, (f"same surname, first names differ ({' '.join(entity['name'].split()[:-1])} / "
                   f"{' '.join(other['name'].split()[:-1])}): two people of one family or namesakes")
    return None
