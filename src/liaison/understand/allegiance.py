"""The state a person serves when nothing next to their name says it.

Foreign officials are qualified in news text ("le ministre espagnol", "Panamanian Foreign
Minister", "presidente de Mauritania"); the outlet's own officials usually are not ("El ministro
del Interior, Fernando Grande-Marlaska"). So a person without a country of their own serves:
1. the country of the outlet's web domain (".ch", ".it", ".gov.au"), when the article names it;
2. else the first of the article's most named countries that no qualified person serves
   (the other side of the dyad);
3. else the article's most named country.
People whose office is in an international organisation get none of these.
"""
from __future__ import annotations

from collections import Counter
from urllib.parse import urlparse

from liaison.records import Document, Mention

# country-code domains mostly used as generic ones ("bit.ly", "x.ai", "news.tv")
GENERIC_CCTLD = {"co", "io", "tv", "me", "ly", "ai", "fm", "am", "cc", "ws", "to", "gg", "eu", "int",
                 "so", "is"}
DYAD = 3           # how far down the ranking the other side may be
SIDE_SHARE = 0.25  # … and how much less named than the first


def ranked_countries(mentions: tuple[Mention, ...] | list[Mention]) -> list[tuple[str, float]]:
    """Countries of the article with their weight, most named first (a place counts half)."""
    score: Counter = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        if m.kind in ("country", "demonym") and isinstance(m.value, str):
            code, weight = m.value, 1.0
        elif m.kind == "place" and (m.extra or {}).get("country"):
            code, weight = m.extra["country"], 0.5
        else:
            continue
        score[code] += weight
        first.setdefault(code, m.span.start)
    return [(c, score[c]) for c in sorted(score, key=lambda c: (-score[c], first[c]))]


def domain_country(doc: Document) -> str | None:
    """ISO alpha-3 of the country-code top-level domain of the article's URL, if any."""
    host = urlparse(doc.url or doc.source or "").hostname or ""
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(tld) != 2 or tld in GENERIC_CCTLD:
        return None
    try:
        import pycountry
        found = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
    except (ImportError, LookupError, KeyError):
        return None
    return found.alpha_3 if found else None


def default_country(doc: Document, weighted: list[tuple[str, float]], claimed: set[str]
                    ) -> tuple[str | None, str]:
    """The country of a person with none of their own, and why."""
    home = domain_country(doc)
    ranked = [c for c, _ in weighted]
    # the other side of a dyad is named about as often as the first ("Switzerland" once is no side)
    sides = [c for c, w in weighted[:DYAD] if w >= SIDE_SHARE * weighted[0][1]] if weighted else []
    if home and home in ranked:
        return home, f"country {home}: the outlet's country ({home} domain), named in the article"
    other = next((c for c in sides if c not in claimed), None)
    if other and claimed:
        return other, f"country {other}: the side of the article no qualified person serves"
    if ranked:
        return ranked[0], f"country {ranked[0]}: the article's most named country (nothing better)"
    return None, ""
