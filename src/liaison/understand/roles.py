"""A person's role and country from the words around their name.

Rules, each named in the entity's explanation:
- `title_before`: a title right before the name, with only ranks, articles, commas, a short
  parenthesis or a complement between ("French Interior Minister Laurent Nuñez", "el presidente
  de Mauritania, X", "the head of Algeria's domestic security agency (DGSI), Major-General X");
- `apposition`: ", <title>" right after the name ("Laurent Nunez, Minister of the Interior"), or
  the title alone on the next line of a name-only line (press-release headers);
- `counterpart`: "son homologue français, X" / "X, Nuñez's Algerian counterpart": the office of
  the other party, the country of the adjective;
- `biography`: titles in a sentence about the person (see biography.py);
- `definite_title`: "le ministre français de l'Intérieur a remis …" (see anaphora.py).
The country of a title is, in this order: the state only that title exists in (lexicon), the
country or demonym next to it ("Algerian President", "président de la République française"),
the country of the organisation it heads ("AFP Commissioner", "Chief of the INP").
An international organisation ("President of the European Commission") gives no country.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from liaison.gazetteer import lookup_organization
from liaison.records import Mention, Span
from liaison.understand.grammar import Grammar

# what may follow a name on a press-release header line ("The Hon Michael Keenan MP")
HEADER_TAIL = re.compile(r"^[ \t]*(?:[A-Z]{2,4}|\([^()\n]{1,12}\))?[ \t]*\n[ \t]*$")
ORG_GAP = 3           # "AFP Commissioner": an organisation right before the title


@dataclass(frozen=True)
class RoleFinding:
    title: str | None
    organization: str | None
    country: str | None
    rule: str
    evidence: Span
    counterpart_of: int | None = None     # "Nuñez's counterpart": where the other party is named, if said
    start: str | None = None
    end: str | None = None
    international: bool = False           # the office is in an international organisation


@dataclass(frozen=True)
class RoleContext:
    """What the role rules look at in one document."""
    text: str
    titles: list[Mention]
    geo: list[Mention]             # country and demonym mentions, none inside a person's name
    orgs: list[Mention]            # organisation mentions (value: name; extra: country, scope)
    rank_rx: re.Pattern | None
    counter_rx: re.Pattern | None
    persons: tuple[tuple[int, int], ...] = ()     # spans of the person mentions
    grammar: Grammar | None = None                # the language's gap regexes (grammar.py)
    leader_rx: re.Pattern | None = None           # "led by", "guidato da"
    former_rx: re.Pattern | None = None           # "former", "l'ancien", "ex-"


def _strip_ranks(gap: str, rank_rx) -> str:
    return rank_rx.sub(" ", gap) if rank_rx is not None else gap


# a country or demonym before a title qualifies it only when it touches it ("French Interior
# Minister", "Algeria's domestic security agency"), not across a clause ("… die marokkanische
# Führung ist Innenministerin Faeser")
TOUCHING = re.compile(r"^(?:['’]s)?[ \t\-]*$")
CLAUSE_BREAK = re.compile(r"[.;!?]\s")


def country_near(text: str, start: int, end: int, geo: list[Mention], window: int = 30,
                 after: int | None = None) -> str | None:
    """The country named by a country/demonym mention inside [start, end), touching it before
    (at most `window` characters), or at most `after` (default `window`) characters after it in
    the same sentence."""
    after = window if after is None else after
    best, dist = None, None
    for g in geo:
        if g.kind not in ("country", "demonym"):
            continue
        s, e = g.span.start, g.span.end
        if s >= start and e <= end:
            d = 0
        elif e <= start and start - e <= window and TOUCHING.match(text[e:start]):
            d = start - e
        elif (s >= end and s - end <= after and not CLAUSE_BREAK.search(text[end:s])
              and "\n" not in text[end:s]):
            d = s - end
        else:
            continue
        if dist is None or d < dist:
            best, dist = g.value, d
    return best


def org_near(ctx: RoleContext, start: int, end: int) -> Mention | None:
    """The organisation named inside [start, end) or right before it ("AFP Commissioner")."""
    inside = [o for o in ctx.orgs if start - ORG_GAP <= o.span.end <= end and o.span.start < end
              and "\n" not in ctx.text[o.span.end:max(o.span.end, start)]]
    return inside[0] if inside else None


FORMER_GAP = re.compile(r"[\s-]+(?:[^\W\d_][\w.'’-]*\s+){0,2}$")    # 'former Georgian', 'ex-'


def _former(ctx: RoleContext, t: Mention) -> bool:
    """'former Georgian minister', 'l'ancien président', 'ex-President': an office in the past."""
    if ctx.former_rx is None:
        return False
    before = ctx.text[max(0, t.span.start - 40):t.span.start]
    return any(FORMER_GAP.fullmatch(before[m.end():]) for m in ctx.former_rx.finditer(before))


def _finding(ctx: RoleContext, t: Mention, rule: str, start: int, end: int, after: int = 30) -> RoleFinding:
    """A title's finding with the country and organisation read in [start, end) (and `after` beyond).
    A former office is none: the finding keeps the country and drops the title ('former Georgian
    minister Georgij Chaindrawa' speaks for no state now)."""
    finding = _office_finding(ctx, t, rule, start, end, after)
    if _former(ctx, t):
        return RoleFinding(None, None, finding.country, "former_office", t.span)
    return finding


def _office_finding(ctx: RoleContext, t: Mention, rule: str, start: int, end: int, after: int) -> RoleFinding:
    org = org_near(ctx, start, end)
    org_name = t.extra.get("organization") or (org.value if org else None)
    international = bool(org and org.extra.get("scope") == "international") or _international(org_name)
    country = (t.extra.get("country") or country_near(ctx.text, start, end, ctx.geo, after=after)
               or _delegation_led_by(ctx, t.span.start))
    # an organisation's country counts when the text gives it, not when it is the article's main state
    stated_org = org is not None and org.extra.get("country_from") != "article"
    if country is None and stated_org and not international:
        country = org.extra.get("country")
    return RoleFinding(t.value, org_name, country, rule, t.span, international=international)


def _delegation_led_by(ctx: RoleContext, start: int) -> str | None:
    """"a high-ranking Vietnamese delegation led by Prime Minister X": the leader of a group a demonym
    qualifies serves its state."""
    if ctx.leader_rx is None:
        return None
    before = ctx.text[max(0, start - 60):start]
    led = [m for m in ctx.leader_rx.finditer(before) if re.fullmatch(r"\s+(?:\w+\s+)?", before[m.end():])]
    if not led:
        return None
    at = start - len(before) + led[-1].start()
    near = [g for g in ctx.geo if g.kind == "demonym" and at - 40 <= g.span.end <= at
            and re.fullmatch(r"[ \t]+(?:[^\W\d_][\w\-]*[ \t]+){0,2}", ctx.text[g.span.end:at])]
    return near[-1].value if near else None


def _international(name: str | None) -> bool:
    """"President of the European Commission": an office of an international organisation."""
    if not name:
        return False
    found = lookup_organization(name)
    return bool(found and found.get("scope") == "international")


def roles_for(ctx: RoleContext, m: Mention) -> list[RoleFinding]:
    """Role findings for one person mention, from the title before it and the apposition after."""
    text, g = ctx.text, ctx.grammar
    out: list[RoleFinding] = []
    line_start = text.rfind("\n", 0, m.span.start) + 1
    line_end = text.find("\n", m.span.end)
    line_end = len(text) if line_end < 0 else line_end
    before = [t for t in ctx.titles
              if line_start <= t.span.end <= m.span.start and t.extra.get("holder") != "after"]
    if before:
        t = before[-1]
        gap = _strip_ranks(text[t.span.end:m.span.start], ctx.rank_rx)
        # "with the Lebanese PM, Ioannou referred": a title + comma introduces a full name, not a surname
        lone = len(m.value.split()) < 2 and "," in gap
        # "X, Danish Minister of …, Y, Rwanda's Minister …": in a list the title is X's apposition
        listed = "," in gap and _apposition_of_previous(ctx, t)
        if (g.gap_before.match(gap) or g.complement.match(gap)) and not lone and not listed:
            # what follows the name is not the title's ("Innenministerin Faeser in der marokkanischen …"),
            # but for a state joined to it ("Prime Minister Iyad Allawi of Iraq")
            found = _finding(ctx, t, "title_before", t.span.start, m.span.start, after=0)
            if found.title and found.country is None and not found.international:
                found = replace(found, country=_state_joined_after(ctx, m))
            out.append(found)
    after = [t for t in ctx.titles if m.span.end <= t.span.start <= line_end]
    if after and g.gap_after.match(text[m.span.end:after[0].span.start]):
        t = after[0]
        tail = re.match(r"[^,\n.;()]{0,60}", text[t.span.end:]).group()
        out.append(_finding(ctx, t, "apposition", m.span.end + 1, t.span.end + len(tail)))
    elif (header := _next_line_title(ctx, m, line_end)) is not None:
        out.append(header)
    if not out:
        out += _listed_after_plural_title(ctx, m, line_start)
    out += _counterpart(ctx, m, line_start, line_end)
    out += _demonym_before(ctx, m, line_start)
    return out


LIST_REACH = 250       # characters from a plural title to the last name of its list


def _state_joined_after(ctx: RoleContext, m: Mention) -> str | None:
    """"President Lula of Brazil", "le président Lula du Brésil": a country the language's link word
    joins to the name, right after it."""
    if ctx.grammar is None or not (joined := ctx.grammar.qualifier.match(ctx.text, m.span.end)):
        return None
    at = joined.end() - 1      # the qualifier ends on the named thing's capital
    return next((g.value for g in ctx.geo if g.kind == "country" and g.span.start == at), None)


def _listed_after_plural_title(ctx: RoleContext, m: Mention, line_start: int) -> list[RoleFinding]:
    """"les ministres marocain et français de l'Intérieur, Abdelouafi Laftit et Laurent Nuñez", "Os
    ministros … de Espanha, Fernando Grande-Marlaska, e de Marrocos, Abdelouafi Laftit": every name of
    the list holds the title; its state is the one named in its own item, or the adjectives of the
    title in the order of the names."""
    plural = [t for t in ctx.titles if t.extra.get("plural") and line_start <= t.span.end <= m.span.start
              and m.span.start - t.span.end <= LIST_REACH]
    if not plural:
        return []
    t = plural[-1]
    names = [(s, e) for s, e in ctx.persons if t.span.end <= s <= m.span.start]
    if not all(_list_gap(ctx, a, b) for a, b in zip([t.span.end] + [e for _, e in names[:-1]],
                                                    [s for s, _ in names], strict=True)):
        return []
    base = names[-2][1] if len(names) > 1 else t.span.end
    own = [g.value for g in ctx.geo if base <= g.span.start and g.span.end <= m.span.start]
    inside = [g.value for g in ctx.geo if t.span.start <= g.span.start and g.span.end <= t.span.end]
    country = own[0] if own else (inside[len(names) - 1] if len(names) <= len(inside) > 1 else None)
    return [RoleFinding(t.value, t.extra.get("organization"), country, "plural_title", t.span)]


def _list_gap(ctx: RoleContext, start: int, end: int) -> bool:
    """Only commas, "and", link words, articles and state names between two items of a list."""
    gap = ctx.text[start:end]
    for g in ctx.geo:
        if start <= g.span.start and g.span.end <= end:
            gap = gap.replace(g.span.text, " ")
    return bool(ctx.grammar.list_gap.fullmatch(gap))


DEMONYM_GAP = re.compile(r"^[ \t]+(?:[a-zà-ÿ][\w\-]*[ \t]+){0,2}$")


def _demonym_before(ctx: RoleContext, m: Mention, line_start: int) -> list[RoleFinding]:
    """"four Japanese suspects Toshiya Fujita (and Kiyoto Imamura)": a demonym qualifying the words
    right before a name, or before the name it is coordinated with."""
    start = m.span.start
    prev = [s for s, e in ctx.persons if e <= start and ctx.grammar.and_gap.match(ctx.text[e:start])]
    starts = [start] + prev[-1:]
    for s in starts:
        near = [g for g in ctx.geo if g.kind == "demonym" and line_start <= g.span.start and g.span.end <= s
                and DEMONYM_GAP.match(ctx.text[g.span.end:s])]
        if near:
            return [RoleFinding(None, None, near[-1].value, "demonym_before", near[-1].span)]
    return []


def _apposition_of_previous(ctx: RoleContext, t: Mention) -> bool:
    """Whether `t` follows ", " right after another person's name on its line."""
    return any(e <= t.span.start and t.span.start - e < 40 and "\n" not in ctx.text[e:t.span.start]
               and ctx.grammar.gap_after.match(ctx.text[e:t.span.start]) for _, e in ctx.persons)


def _next_line_title(ctx: RoleContext, m: Mention, line_end: int) -> RoleFinding | None:
    """"The Hon Michael Keenan MP\\nMinister for Justice": the title alone on the next line."""
    nxt = [t for t in ctx.titles if line_end < t.span.start <= line_end + 3]
    if not nxt or not HEADER_TAIL.match(ctx.text[m.span.end:nxt[0].span.start]):
        return None
    t = nxt[0]
    stop = ctx.text.find("\n", t.span.end)
    stop = len(ctx.text) if stop < 0 else stop
    if stop - t.span.end > 60:
        return None
    return _finding(ctx, t, "apposition", t.span.start, stop)


def _counterpart(ctx: RoleContext, m: Mention, line_start: int, line_end: int) -> list[RoleFinding]:
    text, counter_rx, geo, g = ctx.text, ctx.counter_rx, ctx.geo, ctx.grammar
    if counter_rx is None:
        return []
    out = []
    for c in counter_rx.finditer(text, line_start, m.span.start):
        # "son homologue ivoirien, le général Vagondo Diomandé": ranks stand between
        if (g.counter_before.match(_strip_ranks(text[c.end():m.span.start], ctx.rank_rx))
                and not g.owned.search(text[max(0, c.start() - 40):c.start()])):
            country = country_near(text, c.start(), m.span.start, geo, window=15)
            out.append(RoleFinding(None, None, country, "counterpart", Span(c.start(), c.end(), c.group())))
    c = counter_rx.search(text, m.span.end, line_end)
    if c:
        gap = g.gap_after.match(text[m.span.end:c.start()])
        if gap:
            country = country_near(text, m.span.end, c.end(), geo, window=0)
            owner = gap.start("owner") + m.span.end if gap.group("owner") else None
            out.append(RoleFinding(None, None, country, "counterpart", Span(c.start(), c.end(), c.group()),
                                   counterpart_of=owner))
    return out
