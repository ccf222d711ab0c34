"""A person's role and country from the words around their name.

Rules, each named in the entity's explanation:
- `title_before`: a title right before the name, with only ranks, articles, commas or a
  complement between ("French Interior Minister Laurent Nuñez", "el presidente de Mauritania, X");
- `apposition`: ", <title>" right after the name ("Laurent Nunez, Minister of the Interior");
- `counterpart`: "son homologue français, X" / "X, Nuñez's Algerian counterpart": the office of
  the other party, the country of the adjective;
- `biography`: titles in a sentence about the person ("appointed Minister of the Interior in
  October 2025") with start / end dates where the text states them.
The country of a title is the country or demonym mention next to it ("Algerian President",
"président de la République française", "Algeria's domestic security agency").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from liaison.records import Mention, Span

GAP_BEFORE = re.compile(r"^[\s,]*(?:(?:the|le|la|el|il|lo|der|die|o|a)\s+|l['’])?$", re.IGNORECASE)
COMPLEMENT = re.compile(r"^\s*(?:(?:of|for|de|del|du|des|di|da|dell['’]|von|der|in|en|and|et|y|e|und)\b"
                        r"[^,\n.;]{1,70}|[a-zà-ÿ]+)?\s*,?\s*(?:(?:the|le|la|el|il|lo|der|die|o|a)\s+|l['’])?$",
                        re.IGNORECASE)
GAP_AFTER = re.compile(r"^\s*(?:\([^()\n]{1,30}\)\s*)?,\s*(?:(?:the|le|la|el|il|der|die|o|a)\s+|l['’])?"
                       r"(?P<owner>[^\W\d_][\w\-]*['’]s\s+)?(?:(?!(?:and|et|y|und|e|with|avec|or|ou)\s)[^\W\d_]+\s+){0,2}$",
                       re.IGNORECASE)
# "X, Nuñez's Algerian counterpart, Y": the counterpart phrase belongs to X, not to Y
OWNED = re.compile(r",\s*[^\W\d_][\w\-]*['’]s\s+(?:[^\W\d_]+\s+)?$")
COUNTER_BEFORE = re.compile(r"^\s*(?:[^\W\d_]+\s*)?,?\s*(?:(?:the|le|la|el|il)\s+|l['’])?$", re.IGNORECASE)


@dataclass(frozen=True)
class RoleFinding:
    title: str | None
    organization: str | None
    country: str | None
    rule: str
    evidence: Span
    counterpart_of: int | None = None     # span start of the other party's mention
    start: str | None = None
    end: str | None = None


def _strip_ranks(gap: str, rank_rx) -> str:
    return rank_rx.sub(" ", gap) if rank_rx is not None else gap


def country_near(text: str, start: int, end: int, geo: list[Mention], window: int = 30) -> str | None:
    """The country named by a country/demonym mention inside or right next to [start, end)."""
    best, dist = None, window + 1
    for g in geo:
        if g.kind not in ("country", "demonym"):
            continue
        s, e = g.span.start, g.span.end
        if s >= start and e <= end:
            d = 0
        elif e <= start and "\n" not in text[e:start]:
            d = start - e
        elif s >= end and "\n" not in text[end:s]:
            d = s - end
        else:
            continue
        if d < dist:
            best, dist = g.value, d
    return best if dist <= window else None


def roles_for(text: str, m: Mention, titles: list[Mention], geo: list[Mention], rank_rx,
              counter_rx) -> list[RoleFinding]:
    """Role findings for one person mention, from the title before it and the apposition after."""
    out: list[RoleFinding] = []
    line_start = text.rfind("\n", 0, m.span.start) + 1
    line_end = text.find("\n", m.span.end)
    line_end = len(text) if line_end < 0 else line_end
    before = [t for t in titles if line_start <= t.span.end <= m.span.start and t.extra.get("holder") != "after"]
    if before:
        t = before[-1]
        gap = _strip_ranks(text[t.span.end:m.span.start], rank_rx)
        if GAP_BEFORE.match(gap) or COMPLEMENT.match(gap):
            country = country_near(text, t.span.start, m.span.start, geo)
            out.append(RoleFinding(t.value, t.extra.get("organization"), country, "title_before", t.span))
    after = [t for t in titles if m.span.end <= t.span.start <= line_end]
    if after:
        t = after[0]
        g = GAP_AFTER.match(text[m.span.end:t.span.start])
        if g:
            tail = re.match(r"[^,\n.;()]{0,60}", text[t.span.end:]).group()
            country = country_near(text, m.span.end + 1, t.span.end + len(tail), geo)
            out.append(RoleFinding(t.value, t.extra.get("organization"), country, "apposition", t.span))
    out += _counterpart(text, m, counter_rx, geo, line_start, line_end)
    return out


def _counterpart(text, m, counter_rx, geo, line_start, line_end) -> list[RoleFinding]:
    if counter_rx is None:
        return []
    out = []
    for c in counter_rx.finditer(text, line_start, m.span.start):
        if COUNTER_BEFORE.match(text[c.end():m.span.start]) and not OWNED.search(text[max(0, c.start() - 40):c.start()]):
            country = country_near(text, c.start(), m.span.start, geo, window=15)
            out.append(RoleFinding(None, None, country, "counterpart", Span(c.start(), c.end(), c.group()),
                                   counterpart_of=-1))
    c = counter_rx.search(text, m.span.end, line_end)
    if c:
        g = GAP_AFTER.match(text[m.span.end:c.start()])
        if g:
            country = country_near(text, m.span.end, c.end(), geo, window=0)
            owner = g.start("owner") + m.span.end if g.group("owner") else -1
            out.append(RoleFinding(None, None, country, "counterpart", Span(c.start(), c.end(), c.group()),
                                   counterpart_of=owner))
    return out
