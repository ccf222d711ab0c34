"""How records read to an analyst: dates with their precision and doubts, and events as sentences.

One place decides the words, so the pages, the JSON twins, the CSVs and the sentences agree: a
date whose year the text did not give says "year not stated"; a date not stated in its sentence
(taken from the publication day, the lead, a month stamp) says "inferred".
"""
from __future__ import annotations

from datetime import date as Date

from liaison import plover

YEAR_NOT_STATED = "year not stated"
INFERRED = "inferred"
SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
           6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}
MAX_NAMED = 3           # a sentence names this many on a side, then "and N others"


def date_doubts(d: dict | None) -> list[str]:
    """The words that must travel with a date: "year not stated", "inferred" (either, both, none)."""
    d = d or {}
    doubts = [YEAR_NOT_STATED] if d.get("year_unstated") else []
    if d.get("basis") == "inferred":
        doubts.append(INFERRED)
    return doubts


def is_uncertain(d: dict | None) -> bool:
    """A date no status may be computed from without saying so."""
    return bool(date_doubts(d))


def date_span(d: dict | None) -> str:
    """"2025-11-25", "2025-05-25 – 2025-05-27"; "" when undated."""
    d = d or {}
    if not d.get("start"):
        return ""
    return d["start"] + (f" – {d['end']}" if d.get("end") and d["end"] != d["start"] else "")


def date_note(d: dict | None) -> str:
    """"day", "day, year not stated", "month, inferred": the precision, then the doubts."""
    d = d or {}
    return ", ".join([d.get("precision") or "unknown", *date_doubts(d)])


def date_label(d: dict | None) -> str:
    """One line for CSVs and tooltips: "2024-02-17 (day, year not stated)"; "undated"."""
    span = date_span(d)
    return f"{span} ({date_note(d)})" if span else "undated"


def date_title(d: dict | None) -> str:
    """The longer explanation shown on hover."""
    d = d or {}
    notes = []
    if d.get("year_unstated"):
        notes.append(f"The article gives no year; {d['start'][:4]} was assumed from its publication date.")
    if d.get("basis") == "inferred":
        notes.append("The sentence states no date; it was inferred from the article "
                     "(publication day, lead or dateline).")
    return " ".join(notes) or f"Precision: {d.get('precision') or 'unknown'}."


def date_phrase(d: dict | None) -> str:
    """How a date reads in a sentence: "on 2025-11-25", "in October 2024", "in summer 2025"."""
    d = d or {}
    start, end, precision = d.get("start"), d.get("end") or d.get("start"), d.get("precision")
    if not start:
        return ""
    try:
        first = Date.fromisoformat(start)
    except ValueError:
        return f"on {start}"
    if precision == "month":
        text = f"in {first.strftime('%B %Y')}"
    elif precision == "season":
        text = f"in {SEASONS[first.month]} {first.year}"
    elif precision == "year":
        text = f"in {first.year}"
    elif precision == "week":
        text = f"in the week of {start}"
    elif end != start:
        text = f"from {start} to {end}"
    else:
        text = f"on {start}"
    doubts = date_doubts(d)
    return text + (f" ({', '.join(doubts)})" if doubts else "")


# ---------------------------------------------------------------- events as sentences
def _country(code: str | None) -> str:
    from liaison.gazetteer import country_name
    return (country_name(code) or code) if code else ""


def _named(actor: dict) -> str:
    name = actor.get("name") or "?"
    where = _country(actor.get("country"))
    return f"{name} ({where})" if where and where != name else name


def _listed(names: list[str]) -> str:
    if len(names) > MAX_NAMED:
        names = names[:MAX_NAMED] + [f"{len(names) - MAX_NAMED} others"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _key(actor: dict) -> str:
    return actor.get("entity_id") or (actor.get("name") or "").casefold()


def event_sides(event: dict) -> tuple[list[dict], list[dict]]:
    """(who acts, on whom): the source side, else the participants; the target side, else the
    participants not acting. No actor is ever on both sides."""
    actors = [a for a in event.get("actors") or [] if a.get("name")]
    by_side = {side: [a for a in actors if a.get("side") == side]
               for side in ("source", "target", "participant")}
    who = by_side["source"] or by_side["participant"] or []
    seen = {_key(a) for a in who}
    whom = [a for a in (by_side["target"] or (by_side["participant"] if by_side["source"] else []))
            if _key(a) not in seen]
    whom = list({_key(a): a for a in whom}.values())
    if not who and len({a.get("country") for a in whom}) > 1:
        # only receivers, of several states (both sides of a meeting): the first state's people act
        first = whom[0].get("country")
        who = [a for a in whom if a.get("country") == first]
        whom = [a for a in whom if a.get("country") != first]
    return who, whom


def event_sentence(event: dict) -> str:
    """"Laurent Nuñez (France) met Abdelmadjid Tebboune (Algeria) in Algiers on 2025-11-25", from the
    actors, the PLOVER type and mode (plover.json sentences), the place and the date. States the
    event names but no actor stands for are named as countries on the side that lacks one."""
    who, whom = event_sides(event)
    covered = {a.get("country") for a in who + whom}
    spare = [c for c in event.get("countries") or [] if c not in covered]
    who_names = [_named(a) for a in who]
    whom_names = [_named(a) for a in whom]
    if not who_names and spare:
        who_names, spare = [_country(spare[0])], spare[1:]
    if not whom_names and spare:
        whom_names = [_country(c) for c in spare]
    text = plover.sentence(event.get("type") or "", event.get("mode"),
                           _listed(who_names) if who_names else "Someone",
                           _listed(whom_names) if whom_names else "")
    place = (event.get("location") or {}).get("name")
    if place:
        text += f" in {place}"
    when = date_phrase(event.get("date"))
    return f"{text} {when}".strip() if when else text


# ---------------------------------------------------------------- merge explanations
PLAIN = [  # the linker's terse reasons, in words an analyst reads (pattern, replacement)
    (r"^merged (\d+) mentions? in (\d+) documents?: ?", r"\1 mentions in \2 articles are taken as one: "),
    (r"same (\w+) name '([^']+)' \(accents, case and hyphens ignored\)",
     r"the same \1 name “\2” (ignoring accents, case and hyphens)"),
    (r"same country ([A-Z]{3})", lambda m: f"the same country, {_country(m.group(1))}"),
    (r"role '([^']+)' by title_before at \d+", r"called “\1” just before the name"),
    (r"role '([^']+)' by apposition at \d+", r"described as “\1” beside the name"),
    (r"role '([^']+)' by biography at \d+", r"“\1” in a sentence about their career"),
    (r"role '([^']+)' by counterpart at \d+", r"“\1”, as the counterpart of the other side's official"),
    (r"role '([^']+)' by (\w+) at \d+", r"“\1” (\2)"),
    (r"(\d+) (country|organization|place) mention\(s\) from gazetteer",
     r"named \1 time(s); a known \2 in the gazetteer"),
    (r", country ([A-Z]{3})\b", lambda m: f", of {_country(m.group(1))}"),
]


def plain_reasons(explanation: str | None) -> list[str]:
    """A merge or role explanation cut into reasons, each in plain words."""
    import re
    out = []
    for part in (explanation or "").split("; "):
        for pattern, repl in PLAIN:
            part = re.sub(pattern, repl, part)
        if part.strip():
            out.append(part.strip())
    return out
