"""Figures: quantities in digits and in words, with unit, subject (what is counted) and speaker.

Not figures: dates, years, times, ages (also 'Litvinenko, 43,'), ordinals, durations, article/law
and phone numbers, numbers inside names ('UNOC3', 'BBC News 24'), page clutter ('2255 views').
Amounts of money keep the number as written with the scale in the unit ('€7.4 billion' -> 7.4
'EUR billion'); counts of people or things are scaled ('2.1 million people' -> 2100000).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from liaison import lexicon
from liaison.extract.setting import lead_indices, main_states
from liaison.extract.sides import token_at
from liaison.folding import fold
from liaison.gazetteer import dollar_sign_currency
from liaison.nlp.patterns import PatternSet, compile_pattern
from liaison.nlp.pipelines import with_tokens
from liaison.nlp.tokens import tokens_after, tokens_before
from liaison.records import Document, Figure, Span

_DIGITS = r"\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
# a currency sign or code before the number ('AU$2,000', 'US$5', '¥300'); figures.json `currencies` names it
_CURRENCY_BEFORE = r"(?:(?P<cur>[£€$¥]|GBP|EUR|USD|CHF|(?:US|AU|A|CA|C|NZ|HK|S)\$)\s?)?"
_YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")


@functools.cache
def _word_set(lang: str | None, key: str) -> PatternSet:
    return PatternSet([compile_pattern(p, lang) for p in lexicon.words(lang, "figures", key)], lang)


@functools.cache
def _number_rx(lang: str | None) -> re.Pattern:
    lex = lexicon.load(lang, "figures")
    words = sorted((w for w, v in lex.get("numbers", {}).items() if v is not None), key=len, reverse=True)
    scales = sorted(lex.get("scales", {}), key=len, reverse=True)
    word_alt = "|".join(re.escape(w) for w in words) or "(?!)"
    units = sorted(lex.get("compound_units", {}), key=len, reverse=True)
    unit_alt = "|".join(re.escape(u) for u in units) or "(?!)"
    scale_alt = "|".join(re.escape(s) for s in scales) or "(?!)"
    pct = "|".join(lex.get("percent", ["%"]))
    return re.compile(
        rf"(?<![\w.,/:+-]){_CURRENCY_BEFORE}(?:(?P<num>{_DIGITS})|(?P<word>{word_alt})(?:-(?P<units>{unit_alt}))?)"
        rf"(?![\w]|[.,]\d|[:/-]\d)"
        rf"(?:[\s-]?(?P<scale>{scale_alt})(?!\w))?(?:\s?(?P<pct>{pct}))?",
        re.IGNORECASE,
    )


def parse_digits(text: str, lang: str | None) -> float | None:
    t = text.replace("\u202f", " ").replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", t):
        t = t.replace(" ", "")
    if lang == "en":
        t = t.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+", t) and lang != "en":
        t = t.replace(",", "")  # an English-style thousands group in other languages
    else:
        t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


_TALLY_AFTER = re.compile(r"[–—](\d{1,3})(?!\d|[.,]\d)")
_TALLY_BEFORE = re.compile(r"(?<![\d.,])(\d{1,3})[–—]$")


def _in_tally(text: str, m: re.Match) -> bool:
    """Two small numbers joined by an en or em dash, the second no larger than the first: a vote or a
    score ('voted 14–0', '238–138'), not a range ('15–20 people', the second is larger)."""
    value = int(m.group("num")) if m.group("num").isdigit() else None
    if value is None:
        return False
    after = _TALLY_AFTER.match(text, m.end())
    before = _TALLY_BEFORE.search(text[:m.start()])
    return bool((after and int(after.group(1)) <= value) or (before and int(before.group(1)) >= value))


def _excluded(doc: Document, text: str, m: re.Match, offset: int) -> bool:
    lang = doc.lang
    lex = lexicon.load(lang, "figures")
    after = text[m.end() : m.end() + 20]
    before = text[max(0, m.start() - 20) : m.start()]
    following = tokens_after(doc.tokens, offset + m.end(), 3)
    if (
        following
        and not m.group("pct")
        and not m.group("scale")
        and any(h.first == following[0].i for h in _word_set(lang, "excluded_after").find(following))
    ):
        return True  # '34 years old', '10 am', '2255 views'
    preceding = tokens_before(doc.tokens, offset + m.start(), 3)
    if preceding and any(
        h.last == preceding[-1].i + 1 for h in _word_set(lang, "excluded_before").find(preceding)
    ):
        return True  # 'article 12', 'Boeing 787', 'line 34'
    if m.group("num") and _in_tally(text, m):
        return True  # 'voted 14–0', 'won 3–1': a tally, no count
    months = lex.get("months", [])
    if m.group("num") and months and not m.group("pct"):
        words_after = after.split()[:2]
        word_before = before.split()[-1:] if before.split() else []
        near = [w.strip(".,;:").lower() for w in words_after[:1] + word_before]
        if any(w in months for w in near) or (
            words_after[:1] == ["de"]
            and len(words_after) > 1
            and words_after[1].strip(".,").lower() in months
        ):
            return True  # a day of a month: a date, not a figure
    if m.group("num") and _YEAR.match(m.group("num")) and not m.group("cur") and not m.group("pct"):
        return True
    bare = m.group("num") and not (m.group("cur") or m.group("pct") or m.group("scale"))
    if bare and (_age_in_apposition(text, m) or _number_in_a_name(preceding, following, lang)):
        return True
    if m.group("word") and _number_word_in_a_name(text, m):
        return True
    if m.group("word") and not m.group("units") and re.match(r"-[^\W\d_]", after):
        return True  # 'half-brother', 'a two-state solution', 'one-sided': a word made with a number
    if m.group("num") and re.match(r"\s*\((?:19|20)\d\d\)", after):
        return True  # 'resolutions 1386 (2001) and 1510 (2003)': a text's number and its year
    if m.group("num") and re.fullmatch(r"0\d+", m.group("num")):
        return True  # '03 active in', '09 individuals': a zero-padded label, not a quantity
    if m.group("word") and m.group("word").lower() in lex.get("weak_words", []):
        # 'the two countries', 'les deux pays', 'the last two asylum seekers': a reference, not a count
        determiners, pointing = _determiners(lang), _reference_adjectives(lang)
        if len(preceding) > 1 and preceding[-1].norm in pointing:
            preceding = preceding[:-1]
        return bool(preceding) and preceding[-1].norm in determiners
    return False


def _age_in_apposition(text: str, m: re.Match) -> bool:
    """'Mr Litvinenko, 43, died', 'Abdul Razak Baginda, 47, plotted', 'daughters Bakhtawar, 17 and
    Aseefa, 14': a bare number set off by commas right after a name is the person's age."""
    before = text[: m.start()].rstrip()
    after = text[m.end() :].lstrip()
    # the apposition closes with a comma, or ends a list of them ('daughters Bakhtawar, 17 and Aseefa, 14.')
    if not (before.endswith(",") and (after[:1] in (",", ".", ";", ")") or re.match(r"and\s+[A-Z]", after))):
        return False
    words = before[:-1].split()
    return bool(words) and words[-1][:1].isupper()


def _number_word_in_a_name(text: str, m: re.Match) -> bool:
    """'a monument to the Ten Commandments', 'the Three Gorges Dam': a number word written with a
    capital inside a sentence, before another capitalised word, is part of a name. Not in a
    headline written in title case ('Bomb Kills Ten People'), nor as the sentence's first word."""
    word = m.group("word")
    before, after = text[:m.start()].split(), text[m.end():].split()
    if not (word[:1].isupper() and before and after and after[0][:1].isupper()):
        return False
    if before[-1][-1:] in ".:;!?\"“«(" or m.start() == 0:
        return False
    words = before + after
    return sum(w[:1].isupper() for w in words) <= len(words) / 2


def _number_in_a_name(preceding: list, following: list, lang: str | None = None) -> bool:
    """'BBC News 24, however, has reported', 'C-SPAN 3', 'paramilitary chief Jorge 40 in a
    conspiracy', 'de France 2 Gilles Jacquier': a number written right after a capitalised word inside
    the sentence, with no noun after it to count (or a name), is part of a name or label, not a
    quantity."""
    if not preceding or len(preceding) < 2 or not preceding[-1].text[:1].isupper():
        return False                    # the first word of a sentence is capitalised anyway
    if preceding[-1].punct or preceding[-1].pos in ("DET", "NUM", "ADP"):
        return False
    if not following:
        return True
    if _a_name(following[0], lang):
        return True                     # 'le journaliste de France 2 Gilles Jacquier': a name follows
    return following[0].punct and following[0].text not in ("-", "%") or following[0].pos in (
        "ADP", "VERB", "AUX", "CCONJ")


def _a_name(token, lang: str | None) -> bool:
    """A proper noun by the parse; without one, a capitalised word in a language that does not
    capitalise its common nouns."""
    if not token.text[:1].isupper() or token.punct:
        return False
    return token.pos == "PROPN" or (not token.pos and not lexicon.setting(lang, "nouns_capitalised", False))


def _subject(text: str, end: int, lang: str | None) -> str | None:
    links = set(lexicon.words(lang, "words", "link_words"))
    words = []
    for w in re.split(r"\s+", text[end : end + 80].strip()):
        w = w.strip("“”\"«»()")
        if not w or re.search(r"[.,;:!?]$", w):
            if w:
                words.append(w.rstrip(".,;:!?"))
            break
        words.append(w)
        if len(words) >= 3:
            break
    while words and (words[-1].lower() in links or words[-1].lower().endswith(("'", "’"))):
        words.pop()
    return " ".join(words) or None


def _counted(doc: Document, end: int, before: list[Figure]) -> str | None:
    """What a number counts: the noun after it ('28 Afghan nationals' -> 'nationals' where the
    parser tags words). A number followed by a preposition, an article, a verb or a pronoun that
    points back ('six in Madrid', 'three of them', 'six others') is elliptical: it counts what the
    figure before it in the sentence counts ('nine people: three in Tetouan, six in Madrid')."""
    words = lexicon.words(doc.lang, "words", "not_counted")
    skip = set(words) | {fold(w) for w in words}
    following = tokens_after(doc.tokens, end, 7)
    if len(following) > 3 and following[0].text == "(" and following[2].text == ")":
        following = following[3:]  # 'nine (09) individuals': the number restated in digits
    following = following[:4]
    if not following or following[0].punct or following[0].text[:1].isdigit():
        return None
    first = following[0]
    if first.pos == "ADJ" and len(following) > 1 and following[1].pos == "NOUN":
        return _noun_run(doc, following[1:])       # 'two other lawsuits', 'dos otros países'
    if _participle_before_a_noun(doc, first):
        first = replace(first, pos="ADJ")            # 'two suspected Taliban fighters'
    if first.text.lower().strip("'’") in skip or first.norm in skip or first.pos in ("VERB", "AUX", "ADP"):
        return before[-1].unit if before else None
    if first.pos in ("ADJ", "PROPN"):
        for i, t in enumerate(following[1:], 1):
            if t.pos == "NOUN":
                return _noun_run(doc, following[i:])
            if t.punct or t.pos not in ("ADJ", "PROPN", "CCONJ"):
                break       # the noun phrase ends: 'Fifteen Italians including police officers'
        if first.pos == "ADJ":
            return before[-1].unit if before else None  # 'three active in Tetouan'
    if first.pos in FUNCTION_WORDS:
        return None         # 'as high as 250,000 though police…': a conjunction counts nothing
    return _noun_run(doc, following) if first.pos == "NOUN" else first.text


FUNCTION_WORDS = {"SCONJ", "CCONJ", "ADV", "PART", "DET", "PRON", "SYM", "INTJ"}  # tags of no counted noun


def _count_unit(doc: Document, start: int, end: int, before: list[Figure]) -> str | None:
    """What a count counts: a verb of people right after it says people; else the noun after it;
    else a verb or noun of people right before it."""
    return (_people_acting(doc, end, before) or _counted(doc, end, before)
            or _people_acted_on(doc, start, before))


def _people_acting(doc: Document, end: int, before: list[Figure]) -> str | None:
    """A number a verb of people follows ('about 6 million have been intercepted', '30 died'): it
    counts people (figures.json `people_after`, named `people_unit`), whatever the next word would
    say without a parser; or, after a count of people in the sentence, what that one counts ('five
    civilians were killed and at least 50 have been wounded')."""
    following = tokens_after(doc.tokens, end, 5)
    verbs = _word_set(doc.lang, "people_after")
    if following and any(h.first == following[0].i for h in verbs.find(following)):
        return _people_unit(doc, before)
    return None


def _people_acted_on(doc: Document, start: int, before: list[Figure]) -> str | None:
    """A count with no noun of its own that a verb or noun of people governs right before it
    ('killing 8', 'a crowd of at least 15,000'; figures.json `people_before`, past `approximations`),
    or what the count before it in the sentence counts ('killed 13 civilians and wounded 20')."""
    preceding = tokens_before(doc.tokens, start, 8)
    while preceding:      # 'killed at least' -> 'killed'
        cut = [h.first for h in _word_set(doc.lang, "approximations").find(preceding)
               if h.last == preceding[-1].i + 1]
        if not cut:
            break
        preceding = [t for t in preceding if t.i < min(cut)]
    governing = _word_set(doc.lang, "people_before")
    if preceding and any(h.last == preceding[-1].i + 1 for h in governing.find(preceding)):
        return _people_unit(doc, before)
    return None


def _people_unit(doc: Document, before: list[Figure]) -> str | None:
    """What a count of people counts: what the count of things before it in the sentence counts,
    else the language's word for people (figures.json `people_unit`)."""
    return _counted_before(doc, before) or lexicon.load(doc.lang, "figures").get("people_unit")


def _counted_before(doc: Document, before: list[Figure]) -> str | None:
    """The thing the figure before in the sentence counts, when it counts things, not money or a share."""
    unit = before[-1].unit if before else None
    return None if not unit or unit == "%" or unit.split(" ")[0] in _currency_codes(doc.lang) else unit


@functools.cache
def _determiners(lang: str | None) -> frozenset[str]:
    return frozenset(lexicon.words(lang, "words", "determiners"))


@functools.cache
def _reference_adjectives(lang: str | None) -> frozenset[str]:
    """'the last two', 'the other six' (words.json `reference_adjectives`): a re-mention, no count."""
    return frozenset(fold(w) for w in lexicon.words(lang, "words", "reference_adjectives"))


@functools.cache
def _currency_codes(lang: str | None) -> frozenset[str]:
    return frozenset(lexicon.load(lang, "figures").get("currencies", {}).values())


def _participle_before_a_noun(doc: Document, token) -> bool:
    """A past participle used as an adjective ('suspected', 'wounded'), as the parse says."""
    parsed = token_at(doc.parsed, token.start, token.end) if token.pos == "VERB" else None
    return parsed is not None and parsed.dep_ == "amod"


def _noun_run(doc: Document, tokens: list) -> str:
    """The counted noun: in a language whose nouns modify a following noun written apart
    ('asylum seekers', 'store fronts': language.json `open_compounds`), the run of nouns each
    modifying the next, up to the last; else the first noun (its modifiers follow it: 'demandeurs
    d'asile')."""
    if not lexicon.setting(doc.lang, "open_compounds", False):
        return tokens[0].text
    run = [tokens[0]]
    measures = set(lexicon.words(doc.lang, "words", "measure_units"))
    for t in tokens[1:]:
        if run[-1].norm in measures or t.pos != "NOUN" or t.punct or not _modifies(doc, run[-1], t):
            break
        run.append(t)
    return " ".join(t.text for t in run)


def _modifies(doc: Document, a, b) -> bool:
    """Is noun `a` a compound part of noun `b` ('store' of 'fronts', not 'vehicles' of 'alight' in
    'set six vehicles alight')? Taken as so without a parse."""
    pa, pb = token_at(doc.parsed, a.start, a.end), token_at(doc.parsed, b.start, b.end)
    if pa is None or pb is None:
        return True
    return pa.dep_ == "compound" and pa.head.i == pb.i


@functools.cache
def _range_rx(lang: str | None) -> re.Pattern | None:
    lex = lexicon.load(lang, "figures")
    links, scales = lex.get("range_links", []), sorted(lex.get("scales", {}), key=len, reverse=True)
    if not links or not scales:
        return None
    link_alt, scale_alt = "|".join(map(re.escape, links)), "|".join(map(re.escape, scales))
    return re.compile(rf"\s*(?:-|–|{link_alt})\s*(?:{_DIGITS})(?:[\s-]?(?P<scale>{scale_alt})(?!\w))?",
                      re.IGNORECASE)


def _range_start(text: str, m: re.Match, lang: str | None) -> re.Match | None:
    """The rest of a range whose first number `m` is ('15 to 25 thousand', '1,000 to 5,000 USD')."""
    rx = _range_rx(lang)
    if rx is None or not m.group("num") or m.group("scale") or m.group("pct"):
        return None
    return rx.match(text, m.end())


def _value_unit(m: re.Match, lang: str | None) -> tuple[float | None, str | None]:
    lex = lexicon.load(lang, "figures")
    value = (
        parse_digits(m.group("num"), lang) if m.group("num") else lex["numbers"].get(m.group("word").lower())
    )
    if value is None:
        return None, None
    if m.group("units"):
        value += lex["compound_units"][m.group("units").lower()]    # 'forty-five' is 45, not 40
    scale_word = (m.group("scale") or "").lower()
    if m.group("pct"):
        return value, "%"
    return value, (scale_word or None)


def figures_in(doc: Document, sentence: Span, date_spans: list[tuple[int, int]],
               local_dollar: str | None = None) -> list[Figure]:
    """The figures of one sentence; `local_dollar`: the currency a bare '$' or 'dollars' stands for
    in this article (see local_dollar), else USD."""
    out: list[Figure] = []
    ranged: set[int] = set()        # figures opening a range: they count what its second number counts
    for m in _number_rx(doc.lang).finditer(sentence.text):
        start, end = sentence.start + m.start(), sentence.start + m.end()
        if any(a < end and start < b for a, b in date_spans) or _excluded(
            doc, sentence.text, m, sentence.start
        ):
            continue
        value, scale_word = _value_unit(m, doc.lang)
        if value is None:
            continue
        rest = _range_start(sentence.text, m, doc.lang)
        if rest:    # 'between 15 to 25 thousand people': the first number takes the second's scale
            scale_word = scale_word or (rest.group("scale") or "").lower() or None
            ranged.add(len(out))
        subject = _subject(sentence.text, m.end(), doc.lang)
        currencies = lexicon.load(doc.lang, "figures").get("currencies", {})
        sign, word = (m.group("cur") or "").lower(), (subject or "").split(" ")[0].lower().strip("'’d")
        currency = currencies.get(sign) or currencies.get(word)
        bare = sign == "$" or (not sign and word in ("dollars", "dollar"))
        if currency == "USD" and bare and local_dollar:
            currency = local_dollar     # '$500' in an article about Australia is Australian dollars
        unit = scale_word if scale_word == "%" else None
        if currency:
            unit = f"{currency} {scale_word}".strip() if scale_word and scale_word != "%" else currency
        elif scale_word and scale_word != "%":
            value *= lexicon.load(doc.lang, "figures")["scales"].get(scale_word) or 1
        out.append(
            Figure(
                value=value,
                evidence=(sentence,),
                unit=unit or _count_unit(doc, start, end, out),
                subject=subject,
                explanation=f"figure '{m.group(0).strip()}' in a relevant article",
            )
        )
    return [replace(f, unit=out[i + 1].unit) if i in ranged and f.unit is None and i + 1 < len(out) else f
            for i, f in enumerate(out)]


def local_dollar(states: list[str]) -> str | None:
    """The currency of a bare '$' in an article about a state that writes its own money so
    (Australia, Canada, Mexico…: gazetteer data/dollar_signs.json): the state the article names most
    (`states`, most named first), when the United States is not one of its two main states."""
    pair = states[:2]
    return dollar_sign_currency(pair[0]) if pair and "USA" not in pair else None


def extract_figures(doc: Document, sentences: list[Span], states: list[str] | None = None) -> list[Figure]:
    """`states`: the article's main states, most named first (setting.main_states), when known."""
    doc = with_tokens(doc)
    date_spans = [(m.span.start, m.span.end) for m in doc.mentions if m.kind == "date"]
    if states is None:
        states = main_states(doc, sentences, lead_indices(sentences))
    dollar = local_dollar(states)
    out: list[Figure] = []
    for sentence in sentences:
        for f in figures_in(doc, sentence, date_spans, dollar):
            same = next((i for i, g in enumerate(out) if (g.value, g.unit) == (f.value, f.unit)), None)
            if same is None:
                out.append(f)
            elif sentence not in out[same].evidence:
                # the same quantity told again (headline and body): one figure, every sentence as evidence
                out[same] = replace(out[same], evidence=out[same].evidence + (sentence,))
    return out
