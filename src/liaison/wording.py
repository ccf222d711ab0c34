"""How records read to an analyst, in the language of the interface: dates with their precision and
doubts, events as sentences, the linker's reasons in plain words.

One place decides the words, so the pages, the JSON twins, the CSVs and the sentences agree: a
date whose year the text did not give says "year not stated"; a date not stated in its sentence
(taken from the publication day, the lead, a month stamp) says "inferred".

The words are data: lexicons/<lang>/wording.json (a sentence per PLOVER type and mode, the date
words, the connectors), the month names of the language's dates.json and the country names of the
gazetteer. Every function takes the language last and defaults to English, which the exports, the
CSVs and the API keep unless asked otherwise.
"""
from __future__ import annotations

import re
from datetime import date as Date

from liaison import lexicon, plover

EN = "en"
SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
           6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}
MAX_NAMED = 3           # a sentence names this many on a side, then "and N others"
OPTIONAL = re.compile(r"\[([^\]]*)\]")              # "[ with {whom}]": only when someone receives
NUMBER = re.compile(r"<([^|<>]*)\|([^<>]*)>")       # "<a|ont>": the verb agrees with who acts


def ui_language(lang: str | None) -> str:
    """`lang` when its folder has the interface's words, else English: a language we cannot word
    (no lexicons, or no wording.json) reads English, stated, never a mix of keys."""
    return lang if lang and lexicon.has_file(lang, "wording") else EN


def words(lang: str | None = EN) -> dict:
    """The interface's words in `lang` (wording.json), English when it has none (ui_language)."""
    return lexicon.load(ui_language(lang), "wording")


def _country(code: str | None, lang: str = EN) -> str:
    from liaison.gazetteer import country_name
    return (country_name(code, ui_language(lang)) or code) if code else ""


def month_names(lang: str = EN) -> list[str]:
    """January..December in `lang`: the first name dates.json gives each month (its full form),
    capitalised where the language capitalises them."""
    dates = lexicon.load(ui_language(lang), "dates")
    first: dict[int, str] = {}
    for name, number in dates["months"].items():
        first.setdefault(number, name)
    names = [first[n] for n in range(1, 13)]
    return [n[:1].upper() + n[1:] for n in names] if dates.get("months_cased") else names


# ---------------------------------------------------------------- dates
def date_doubts(d: dict | None, lang: str = EN) -> list[str]:
    """The words that must travel with a date: "year not stated", "inferred" (either, both, none)."""
    d, w = d or {}, words(lang)
    doubts = [w["year_not_stated"]] if d.get("year_unstated") else []
    if d.get("basis") == "inferred":
        doubts.append(w["inferred"])
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


def date_note(d: dict | None, lang: str = EN) -> str:
    """"day", "day, year not stated", "month, inferred": the precision, then the doubts."""
    d = d or {}
    precision = d.get("precision") or "unknown"
    return ", ".join([words(lang)["precisions"].get(precision, precision), *date_doubts(d, lang)])


def date_label(d: dict | None, lang: str = EN) -> str:
    """One line for CSVs and tooltips: "2024-02-17 (day, year not stated)"; "undated"."""
    span = date_span(d)
    return f"{span} ({date_note(d, lang)})" if span else words(lang)["undated"]


def date_title(d: dict | None, lang: str = EN) -> str:
    """The longer explanation shown on hover."""
    d, titles = d or {}, words(lang)["date_titles"]
    notes = []
    if d.get("year_unstated"):
        notes.append(titles["year_not_stated"].format(year=d["start"][:4]))
    if d.get("basis") == "inferred":
        notes.append(titles["inferred"])
    precision = d.get("precision") or "unknown"
    return " ".join(notes) or titles["precision"].format(
        precision=words(lang)["precisions"].get(precision, precision))


def _day(day: Date, lang: str, template: str) -> str:
    ordinal = words(lang)["dates"].get("ordinal_days", {})
    return template.format(iso=day.isoformat(), day=ordinal.get(str(day.day), day.day),
                           month=month_names(lang)[day.month - 1], year=day.year)


def date_phrase(d: dict | None, lang: str = EN) -> str:
    """How a date reads in a sentence: "on 2025-11-25", "in October 2024", "in summer 2025";
    "le 25 novembre 2025", "en octobre 2024", "en été 2025"."""
    d = d or {}
    start, end, precision = d.get("start"), d.get("end") or d.get("start"), d.get("precision")
    if not start:
        return ""
    w = words(lang)
    t = w["dates"]
    try:
        first, last = Date.fromisoformat(start), Date.fromisoformat(end)
    except ValueError:
        return t["unreadable"].format(iso=start)
    if precision == "month":
        text = t["month"].format(month=month_names(lang)[first.month - 1], year=first.year)
    elif precision == "season":
        text = t["season"].format(season=w["seasons"][SEASONS[first.month]], year=first.year)
    elif precision == "year":
        text = t["year"].format(year=first.year)
    elif precision == "week":
        text = _day(first, lang, t["week"])
    elif end != start:
        text = t["range"].format(start=_day(first, lang, t["range_day"]),
                                 end=_day(last, lang, t["range_day"]))
    else:
        text = _day(first, lang, t["day"])
    doubts = date_doubts(d, lang)
    return text + (" " + t["doubts"].format(doubts=", ".join(doubts)) if doubts else "")


# ---------------------------------------------------------------- events as sentences
def _named(actor: dict, lang: str) -> str:
    name = actor.get("name") or "?"
    where = _country(actor.get("country"), lang)
    return words(lang)["actor"].format(name=name, country=where) if where and where != name else name


def _listed(names: list[str], lang: str) -> str:
    w = words(lang)
    if len(names) > MAX_NAMED:
        names = names[:MAX_NAMED] + [w["others"].format(n=len(names) - MAX_NAMED)]
    return names[0] if len(names) == 1 else w["list_separator"].join(names[:-1]) + w["list_last"] + names[-1]


def _key(actor: dict) -> str:
    return actor.get("entity_id") or (actor.get("name") or "").casefold()


def acting(actors: list, event_type: str, side) -> list:
    """Who acts in an event: its source side, else the participants of an act done together; never
    the one acted on, nor who only tells a one-sided act ('Europol said six targets were arrested').
    `side(actor)` reads an actor's side (records and exported dicts alike)."""
    sources = [a for a in actors if side(a) == "source"]
    if sources or plover.one_sided(event_type):
        return sources
    return [a for a in actors if side(a) == "participant"]


def summary(event_type: str, mode: str | None, actors: list[dict], states: list[str],
            place: str | None) -> str:
    """'Laurent Nuñez (FRA) met Abdelmadjid Tebboune (DZA) in Algiers', from the actors as exported
    (name, country, side): written at extraction, and again at linking when an actor's state changes."""

    def named(a: dict) -> str:
        return f"{a['name']} ({a['country']})" if a.get("country") else a["name"]

    # who acts: the source side, else the first participant of an act done together ('the
    # deportation of one Australian, Vivian Solon' was no deportation by her)
    doers = acting(list(actors), event_type, lambda a: a.get("side"))
    who = [named(a) for a in (doers if any(a.get("side") == "source" for a in doers) else doers[:1])]
    shown = {a["country"] for a in actors if a.get("country")}
    who = who or states[:1]
    whom = [named(a) for a in actors if a.get("side") == "target" and named(a) not in who]
    whom += [c for c in states if c not in shown and c not in who][:2]
    text = plover.sentence(event_type, mode, ", ".join(who), ", ".join(whom))
    return text + (f" in {place}" if place else "")


def event_sides(event: dict) -> tuple[list[dict], list[dict]]:
    """(who acts, on whom): the source side, else the participants of an act done together; the
    target side, else the participants not acting. No actor is ever on both sides."""
    actors = [a for a in event.get("actors") or [] if a.get("name")]
    by_side = {side: [a for a in actors if a.get("side") == side]
               for side in ("source", "target", "participant")}
    who = acting(actors, event.get("type") or "", lambda a: a.get("side"))
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


def act_sentence(event_type: str, mode: str | None, who: str, whom: str, lang: str = EN,
                 several: bool = False) -> str:
    """The act in `lang`: the mode's sentence, else the type's; the bracketed receiving side only
    when someone receives; the verb agreeing with one actor or `several`."""
    w = words(lang)
    acts = w["acts"].get(event_type) or {}
    template = acts.get(mode or "") or acts.get("*") or w["unknown_act"]
    template = OPTIONAL.sub(lambda m: m.group(1) if whom else "", template)
    template = NUMBER.sub(lambda m: m.group(2 if several else 1), template)
    return template.format(who=who, whom=whom, type=event_type).strip()


def event_sentence(event: dict, lang: str = EN) -> str:
    """"Laurent Nuñez (France) met Abdelmadjid Tebboune (Algeria) in Algiers on 2025-11-25" (or
    "… a rencontré … à Algiers le 25 novembre 2025"), from the actors, the PLOVER type and mode, the
    place and the date. States the event names but no actor stands for are named as countries on
    the side that lacks one."""
    w = words(lang)
    who, whom = event_sides(event)
    covered = {a.get("country") for a in who + whom}
    spare = [c for c in event.get("countries") or [] if c not in covered]
    who_names = [_named(a, lang) for a in who]
    whom_names = [_named(a, lang) for a in whom]
    if not who_names and spare:
        who_names, spare = [_country(spare[0], lang)], spare[1:]
    if not whom_names and spare:
        whom_names = [_country(c, lang) for c in spare]
    text = act_sentence(event.get("type") or "", event.get("mode"),
                        _listed(who_names, lang) if who_names else w["someone"],
                        _listed(whom_names, lang) if whom_names else "", lang, len(who_names) > 1)
    place = (event.get("location") or {}).get("name")
    if place:
        text += " " + w["place"].format(place=place)
    when = date_phrase(event.get("date"), lang)
    return f"{text} {when}".strip() if when else text


# ---------------------------------------------------------------- merge explanations
REASONS = [  # the linker's terse reasons (its own notation, English): name -> pattern; words in wording.json
    ("merged", r"^merged (?P<mentions>\d+) mentions? in (?P<documents>\d+) documents?: ?"),
    ("same_name", r"same (?P<kind>\w+) name '(?P<name>[^']+)' \(accents, case and hyphens ignored\)"),
    ("same_country", r"same country (?P<country>[A-Z]{3})"),
    ("title_before", r"role '(?P<title>[^']+)' by title_before at \d+"),
    ("apposition", r"role '(?P<title>[^']+)' by apposition at \d+"),
    ("biography", r"role '(?P<title>[^']+)' by biography at \d+"),
    ("counterpart", r"role '(?P<title>[^']+)' by counterpart at \d+"),
    ("role", r"role '(?P<title>[^']+)' by (?P<how>\w+) at \d+"),
    ("gazetteer", r"(?P<n>\d+) (?P<kind>country|organization|place) mention\(s\) from gazetteer"),
    ("of_country", r", country (?P<country>[A-Z]{3})\b"),
]
REASON_PATTERNS = [(name, re.compile(pattern)) for name, pattern in REASONS]


def _reason_words(name: str, match: re.Match, lang: str) -> str:
    w = words(lang)
    values = match.groupdict()
    if "country" in values:
        values["country"] = _country(values["country"], lang)
    if "kind" in values:
        values["kind"] = w["kinds"].get(values["kind"], values["kind"])
    return w["reasons"][name].format(**values)


def reasons(explanation: str | None, lang: str = EN) -> list[tuple[str, str]]:
    """A merge or role explanation cut into reasons: (the linker's words, the same in plain `lang`)."""
    out = []
    for raw in (explanation or "").split("; "):
        part = raw
        for name, pattern in REASON_PATTERNS:
            part = pattern.sub(lambda m, name=name: _reason_words(name, m, lang), part)
        if part.strip():
            out.append((raw.strip(), part.strip()))
    return out


def plain_reasons(explanation: str | None, lang: str = EN) -> list[str]:
    """A merge or role explanation cut into reasons, each in plain words."""
    return [plain for _, plain in reasons(explanation, lang)]
