"""Who is who inside one article: linking the person mentions that name the same person.

Full names are linked when their folded forms are equal, one is the other with words left out
("Fernando Grande-Marlaska" / "Fernando Grande-Marlaska Gomez"), the same words reordered
("Kojima Tomonobu"), initials of the other ("L.Nunez", "JN Barrot") or a near spelling of it word
by word (rapidfuzz: "Gérad"/"Gérard"/"Gérald Darmanin"). A surname alone ("Nuñez", "Minister
Nunes") joins the full name whose last word it spells (nearly); when two people share that
surname, the one whose role agrees with the mention's title, else the one named last, wins.
Every link keeps its reason for the entity's explanation.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from liaison.folding import fold
from liaison.records import Mention
from liaison.understand.grammar import name_particles

WORD_SIMILARITY = 80      # per word: "nunes"/"nunez" = 80, "gerad"/"gerald" = 83
NAME_SIMILARITY = 85      # whole name


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def full_names(self) -> list[str]:
        return [m.value for m in self.mentions if len(tokens(m.value)) > 1]


def tokens(name: str) -> list[str]:
    return list(_name_words(name, name_particles()))


@functools.lru_cache(maxsize=16_384)
def _name_words(name: str, particles: frozenset[str]) -> tuple[str, ...]:
    # cached: linking compares every pair of an article's names, each pair word by word
    return tuple(t for t in fold(name).split() if t not in particles)


def _initials_match(short: list[str], full: list[str]) -> bool:
    """"l nunez" ~ "laurent nunez", "jn barrot" ~ "jean noel barrot"."""
    if len(short) < 2 or len(full) < 2 or len(short[0]) > 2:
        return False
    initials = "".join(t[0] for t in full[:-1])
    return short[0] == initials or short[0] == initials[:1] and len(short) == 2


def same_full_name(a: str, b: str) -> str | None:
    """Why two full names name the same person, or None."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return None
    if ta == tb:
        return "same name (accents, case, hyphens ignored)"
    if set(ta) == set(tb):
        return "same words in another order"
    small, big = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if len(small) >= 2 and set(small) <= set(big) and (small[-1] == big[-1] or small[0] == big[0]):
        return "one name is the other with words left out"
    for short, full in ((ta, tb), (tb, ta)):
        if _initials_match(short, full) and fuzz.ratio(short[-1], full[-1]) >= WORD_SIMILARITY:
            return "initials of the full name"
    if len(ta) == len(tb) and fuzz.ratio(" ".join(ta), " ".join(tb)) >= NAME_SIMILARITY and all(
            fuzz.ratio(x, y) >= WORD_SIMILARITY - 10 for x, y in zip(ta, tb, strict=True)):
        return f"near spelling ({fuzz.ratio(' '.join(ta), ' '.join(tb)):.0f}/100)"
    return None


def _surname_matches(word: str, cluster: Cluster) -> bool:
    for name in cluster.full_names:
        toks = tokens(name)
        if (any(fuzz.ratio(word, t) >= WORD_SIMILARITY for t in toks[1:])
                or word == toks[0] and len(toks) == 1):
            return True
    return False


def link_mentions(mentions: list[Mention], title_of) -> list[Cluster]:
    """Group person mentions (in text order) into clusters.

    `title_of(mention)` gives the title that introduces a mention, or None; it decides between
    two people who share a surname.
    """
    clusters: list[Cluster] = []
    full = [m for m in mentions if len(tokens(m.value)) > 1]
    single = [m for m in mentions if len(tokens(m.value)) == 1]
    for m in full:
        for c in clusters:
            reason = next((r for n in c.full_names if (r := same_full_name(m.value, n))), None)
            if reason:
                c.mentions.append(m)
                if fold(m.value) not in {fold(x) for x in c.full_names[:-1]}:
                    c.reasons.append(f"{m.value!r} linked: {reason}")
                break
        else:
            clusters.append(Cluster([m]))
    for m in single:
        word = tokens(m.value)[0]
        candidates = [c for c in clusters if c.full_names and _surname_matches(word, c)]
        chosen = _choose(m, candidates, title_of)
        if chosen is None:
            alone = next((c for c in clusters
                          if not c.full_names and tokens(c.mentions[0].value) == [word]), None)
            if alone:
                alone.mentions.append(m)
            else:
                clusters.append(Cluster([m]))
            continue
        chosen.mentions.append(m)
        if fold(m.value) not in {fold(x.value) for x in chosen.mentions[:-1]}:
            chosen.reasons.append(f"{m.value!r} linked: surname of {chosen.full_names[0]!r}"
                                  + (f", title {title_of(m)!r} agrees" if title_of(m) else ""))
    for c in clusters:
        c.mentions.sort(key=lambda x: x.span.start)
    return clusters


def _choose(m: Mention, candidates: list[Cluster], title_of) -> Cluster | None:
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    title = title_of(m)
    if title:
        agree = [c for c in candidates if any(title_of(x) == title for x in c.mentions)]
        if len(agree) == 1:
            return agree[0]
    before = [c for c in candidates if c.mentions[0].span.start < m.span.start]
    pool = before or candidates
    return max(pool, key=lambda c: max((x.span.start for x in c.mentions if x.span.start < m.span.start),
                                       default=-1))
