"""Figures on real sentences of the seed and dev articles: words and digits, all languages, and what is
not a figure."""
from __future__ import annotations

from pathlib import Path

import pytest

from liaison.extract.figures import extract_figures
from liaison.nlp.sentences import split_sentences
from liaison.records import Document


def values(text: str, lang: str) -> list[tuple[float, str | None]]:
    doc = Document(id="t", source="t", text=text, lang=lang)
    return [(f.value, f.unit) for f in extract_figures(doc, split_sentences(text))]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "He mentions “seven new posts” to be created, including in Ecuador, the United Arab Emirates "
           "and Peru.", [7]),
    ("en", "These reinforcements will increase the number of experts deployed from “35 to 50”.", [35, 50]),
    ("en", "He welcomed the 22% increase in forced returns recorded in 2025.", [22]),
    ("en", "The agreement includes £800,000 from the British government for capacity building and training.",
     [800000]),
    ("en", "Operation Flash-Weka resulted in the arrest of a total of 1,062 people.", [1062]),
    ("en", "Approximately 20% of Sweden’s population—around 2.1 million people—are foreign-born.",
     [20, 2100000]),
    ("fr", "Les retours forcés ont enregistré une hausse de 22% en 2025, selon le ministre.", [22]),
    ("fr", "Il évoque sept nouveaux postes et une enveloppe de 25,8 millions d'euros.", [7, 25.8]),
    ("fr", "L'opération Wuambushu mobilise quelques 1800 policiers et gendarmes.", [1800]),
    ("it", "Al momento sono state previste quattro pattuglie miste, con 3.000 persone controllate.",
     [4, 3000]),
    ("de", "ein sogenanntes Partnerschaftsabkommen mit einen Umfang von 7,4 Milliarden Euro", [7.4]),
    ("de", "Laut Bundesinnenministerium leben in Deutschland 3660 Marokkaner, die ausreisepflichtig sind.",
     [3660]),
    ("es", "ha evitado, en origen, el 40 por ciento de salidas de inmigrantes irregulares hacia las "
           "Islas Canarias", [40]),
    ("pt", "A polícia deteve 35 pessoas e apreendeu 1.200 quilos de cocaína.", [35, 1200]),
])
def test_figures_found(lang, text, expected):
    assert [v for v, _ in values(text, lang)] == expected


def test_money_keeps_written_number_and_currency():
    assert values("the EU signed a €7.4 billion partnership with Egypt", "en") == [(7.4, "EUR billion")]
    # real Wikinews sentence (CC BY 2.5): the dollar of its country, not the US one
    assert values("The Memorandum of Understanding (MOU) offers AU$2,000 per individual and up to AU$10,000 "
                  "per family.", "en") == [(2000, "AUD"), (10000, "AUD")]
    assert values("The agreement includes £800,000 for training.", "en") == [(800000, "GBP")]


@pytest.mark.parametrize("lang,text", [
    ("en", "The meeting took place on June 11, 2025 at 10:30 in Paris."),
    ("en", "A 40-year-old Dutch-Bosnian citizen was also arrested in Dubai."),
    ("en", "the Third United Nations Ocean Conference (UNOC3) in France; the two countries agreed."),
    ("en", "2255 views"),
    ("fr", "Le 25/11/2025 à 19h13, les deux pays ont signé l'article 12 de l'accord."),
    ("it", "Il 30 settembre, infine, sarà stilato un bilancio."),
    # real Wikinews sentences (CC BY 2.5): a word made with a number, a resolution's number and year
    ("en", "The executions of Hussein's half-brother Barzan Ibrahim Tikriti and Awad Hamed al-Bandar were "
           "postponed."),
    ("en", "The Security Council agreed to extend the authorization of the force, as defined in "
           "resolutions 1386 (2001) and 1510 (2003)."),
    # a possessive before a small number word names a known group: 'our three nations'
    ("en", "This summit comes at an opportune time to reaffirm the benefits of the trading arrangements "
           "between our three nations."),
    # a vote tally with an en dash (real Wikinews sentence): no count of 14 votes, no figure of 0
    ("en", "The United Nations Security Council has voted 14–0 to extend the mandate of the force."),
    # a small number after 'the last', 'the other' points back at a group already counted (Wikinews)
    ("en", "The last two asylum seekers on Nauru say they are hitting rock bottom."),
    ("en", "David Manne, from Melbourne-based Refugee and Immigration Legal Centre, said the other six were "
           "likely to do the same."),
])
def test_not_figures(lang, text):
    assert values(text, lang) == []


def test_a_range_with_an_en_dash_keeps_its_numbers():
    found = values("Police said about 1,000–1,500 migrants were moved from the camp.", "en")
    assert (1000.0, "migrants") in found and (1500.0, "migrants") in found


def test_counted_noun_and_elliptical_counts():
    """Real article (dev-clusters 001): 'nine (09) individuals, including three (03) active in Tetouan
    and Fnideq (Morocco) and six (06) others in Madrid': the digits restated in brackets are not
    figures, and the elliptical counts count what the first figure counts."""
    from liaison import clean_text
    from liaison.evaluate.score import read_jsonl
    from liaison.pipeline import analyse

    article = read_jsonl(Path(__file__).parent / "data" / "clusters-articles.jsonl")[0]
    [doc] = analyse([clean_text(article["text"], source="001.txt", url=article["url"])])
    found = {(f.value, f.unit) for f in doc.figures if f.evidence[0].text.startswith("This operation")}
    assert found == {(9, "individuals"), (3, "individuals"), (6, "individuals")}


def test_unit_is_the_noun_not_a_preposition():
    """Real sentence (dev-clusters 024, Italian): '13 in Belgio' counts no 'in'."""
    found = values("Gli arresti sono stati 108 in Italia e 13 in Belgio.", "it")
    assert [u for _, u in found] == [None, None]


@pytest.mark.parametrize("text", [
    # real Wikinews sentences (CC BY 2.5): an age in apposition and numbers inside names
    "Mr Litvinenko, 43, died of radiation sickness in University College Hospital on 23rd November.",
    "Mohammad Faisal, 25, said: \"My only option now is just to keep going with medication.\"",
    "BBC News 24, however, has reported that the execution took place outside the \"Green Zone\".",
    "The Democratic Party held a public committee, aired on C-SPAN 3, at which former civilian employees "
    "testified.",
    "Forty-five year-old from Brighton had been the personal translator for the head of the force.",
])
def test_ages_and_numbers_in_names_are_not_figures(text):
    assert values(text, "en") == []


def test_a_number_between_a_name_and_a_name_is_part_of_the_first():
    # real Wikinews sentence (CC BY 2.5): the channel France 2, then its reporter's name
    text = ("Le quotidien français Le Figaro annonce mardi soir que le journaliste de France 2 Gilles "
            "Jacquier aurait été tué le 11 janvier dernier.")
    assert values(text, "fr") == []
    assert values("Le ministre a annoncé 200 policiers.", "fr") == [(200.0, "policiers")]


def test_a_hyphenated_number_word_is_one_number():
    text = ("The letter has been signed by three Muslim Members of Parliament, three Muslim peers and "
            "thirty-eight Muslim groups.")
    found = [v for v, _ in values(text, "en")]
    assert 38 in found and 30 not in found


def test_a_capitalised_number_word_inside_a_name_is_no_figure():
    """Real Wikinews sentence (CC BY 2.5): 'former Alabama Chief Justice Roy Moore's placement of a
    ten ton monument to the Ten Commandments outside the courthouse': 'ten ton' is a figure, 'Ten
    Commandments' a name. A headline in title case ('Bomb Kills Ten People') still counts."""
    from liaison.extract.figures import _number_rx, _number_word_in_a_name

    def named(text: str) -> list[bool]:
        return [_number_word_in_a_name(text, m) for m in _number_rx("en").finditer(text) if m.group("word")]
    assert named("Roy Moore's placement of a ten ton monument to the Ten Commandments outside the "
                 "courthouse is strenuously opposed.") == [False, True]
    assert named("Bomb Kills Ten People In Baghdad Market") == [False]


@pytest.mark.parametrize("text,expected", [
    # real Wikinews sentences (CC BY 2.5)
    ("Meanwhile, more than 400 miles away from London, in the Welsh coastal town of Aberystwyth, about two "
     "hundred people also took part in a peace rally.", [(400, "miles"), (200, "people")]),
    ("Veja said that the colonel told there are at least two dozen reports describing the PT-FARC "
     "relationships in Abin.", [(24, "reports")]),
    ("A Human Rights Watch observer estimated that between 15 to 25 thousand people were prevented from "
     "voting by Congolese army troops.", [(15000, "people"), (25000, "people")]),
    ("The sale is part of a broader $20-billion arms package for Saudi Arabia and other Gulf states.",
     [(20, "USD billion")]),
    ("The indictment further includes various payments of ranges from 1,000 to 5,000 USD.",
     [(1000, "USD"), (5000, "USD")]),
])
def test_a_multiplier_word_and_a_range_scale_the_number(text, expected):
    """'two hundred' is 200 and 'two dozen' 24; in 'between 15 to 25 thousand people' both numbers
    are thousands of people (figures.json `range_links`); '$20-billion' keeps its scale across the
    hyphen."""
    assert values(text, "en") == expected


def test_ages_listed_after_names_are_no_figures():
    """Real Wikinews sentence (CC BY 2.5): 'their three children, son Bilawal, 19, and daughters
    Bakhtawar, 17 and Aseefa, 14.': three ages, and 'their three children' a family named, no
    quantitative claim (a small number word after a determiner: figures.json weak_words)."""
    text = ("Zardari prayed at the site alongside their three children, son Bilawal, 19, and daughters "
            "Bakhtawar, 17 and Aseefa, 14.")
    assert values(text, "en") == []


def _wild(name: str):
    import json

    from liaison import clean_text
    from liaison.pipeline import analyse
    article = json.loads((Path(__file__).parent / "fixtures" / "extract" / f"wild-{name}.json").read_text())
    return analyse([clean_text(article["text"], source=name, url=article["url"])])[0]


def _units(doc, start: str) -> set:
    return {(f.value, f.unit) for f in doc.figures if any(s.text.startswith(start) for s in f.evidence)}


def test_a_count_names_the_whole_compound_noun_and_a_measure_unit_before_a_noun():
    """Real Wikinews articles (CC BY 2.5): 'The group of 25 asylum seekers' counts asylum seekers (not
    'asylum'), 'some 20 store fronts' counts store fronts, and in 'two 500 lb bombs' the 500 is pounds
    (a measure before the noun it qualifies)."""
    assert (25, "asylum seekers") in _units(_wild("asylum-group"), "The group of 25 asylum seekers")
    assert (20, "store fronts") in _units(_wild("riot-fronts"), "According to police information")
    assert (500, "lb") in _units(_wild("airstrike"), "The airstrike, by an F-16")


def test_a_participle_before_the_counted_noun_does_not_hide_it():
    """Real Wikinews article (CC BY 2.5): 'The Army said it captured 13 suspected insurgents' counts
    insurgents."""
    assert (13, "insurgents") in _units(_wild("captured"), "The Army said it captured 13")


def test_a_bare_dollar_sign_is_the_currency_of_the_state_the_article_is_about():
    """Real Wikinews article (CC BY 2.5) on the Christmas Island detention centre, about Australia:
    'The facility is estimated to cost $210 million' is in Australian dollars (gazetteer
    data/dollar_signs.json); about the United States a bare '$' stays USD."""
    import json

    from liaison import analyse, clean_text

    article = json.loads((Path(__file__).parent / "fixtures" / "extract" / "wild-christmas-island.json")
                         .read_text(encoding="utf-8"))
    [doc] = analyse([clean_text(article["text"], source="ci.txt", url=article["url"],
                                published=article["published"])])
    [cost] = [f for f in doc.figures if "estimated to cost" in f.evidence[0].text and f.value == 210.0]
    assert cost.unit == "AUD million"
    from liaison.gazetteer import dollar_sign_currency
    assert dollar_sign_currency("USA") is None and dollar_sign_currency("CAN") == "CAD"


@pytest.mark.parametrize("name,start,expected", [
    ("torch", "The arrival of the torch", (8, "people")),                    # '…, killing 8.'
    ("copenhagen", "In London, police estimated", (15000, "people")),      # 'a crowd of at least 15,000'
    ("intercepted", "Since Bush took office", (6000000, "people")),          # 'have been intercepted'
    ("india-blasts", "The toll in yesterday", (200, "people")),           # 'has risen to 200 killed'
])
def test_a_count_without_a_noun_that_a_verb_of_people_governs_counts_people(name, start, expected):
    """Real Wikinews articles (CC BY 2.5): a number with no noun of its own, the object of a verb of
    people ('killing 8'), after a crowd ('a crowd of at least 15,000') or the subject of one ('about 6
    million have been intercepted and deported') counts people (figures.json `people_before`,
    `people_after`), not nothing."""
    assert expected in _units(_wild(name), start)


def test_a_count_of_people_after_another_counts_what_that_one_counts():
    """'Five civilians were killed and at least 50 have been wounded': the 50 are civilians too."""
    from liaison import analyse, clean_text

    text = ("Five civilians were killed and at least 50 have been wounded in Lebanon on Friday after Israeli "
            "attacks, the Lebanese army said.")
    [doc] = analyse([clean_text(text, source="t.txt", url="http://example.org/t", published="2006-07-14")])
    assert (50, "civilians") in {(f.value, f.unit) for f in figures_of_text(doc)}


def figures_of_text(doc):
    from liaison.extract.figures import extract_figures
    from liaison.nlp.sentences import split_sentences
    return extract_figures(doc, split_sentences(doc.text), ["LBN", "ISR"])


@pytest.mark.parametrize("text,expected", [
    # real Wikinews sentences (CC BY 2.5)
    ("About 200 joined a march Sunday along New York's Fifth Avenue.", (200, "people")),
    ("U.S. military deaths in Iraq have surpassed 2,300.", (2300, "people")),
    ("The death toll from the war passed 900 with thousands more injured.", (900, "people")),
    ("Organisers put the figure as high as 250,000 though police put the number at 150,000.", (250000, None)),
])
def test_a_toll_a_crowd_joining_and_a_conjunction_after_a_count(text, expected):
    """A toll or a number of deaths passing a number counts people, so does a number that joined a
    march; a conjunction after a number ('250,000 though') names nothing it counts."""
    from liaison import clean_text
    from liaison.nlp.pipelines import parse_batch

    [doc] = parse_batch([clean_text(text, source="t.txt", url="http://example.org/t",
                                    published="2006-03-20")])
    assert expected in {(f.value, f.unit) for f in extract_figures(doc, split_sentences(doc.text), ["USA"])}
