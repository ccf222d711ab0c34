"""Dates: phrases normalised against a publication date (table-driven, six languages), no false hits,
and the date mentions found in real seed and dev articles."""
from __future__ import annotations

import pytest

from liaison.records import DateValue, RawDocument
from liaison.understand.dates import date_mentions, dates_in, normalise


def dv(start, end=None, precision="day", unstated=False):
    return DateValue(start, end or start, precision, unstated)


PHRASES = [
    # (phrase, published, lang, tense, expected)
    ("mardi 25 novembre", "2025-11-25", "fr", None, dv("2025-11-25")),
    ("vendredi", "2026-01-09", "fr", "past", dv("2026-01-09")),
    ("vendredi", "2026-01-07", "fr", "future", dv("2026-01-09")),
    ("cet été", "2026-01-09", "fr", "past", dv("2025-06-21", "2025-09-22", "season")),
    ("this summer", "2026-01-09", "en", None, dv("2025-06-21", "2025-09-22", "season")),
    ("later in 2025", "2025-06-12", "en", "future", dv("2025-06-12", "2025-12-31", "year")),
    ("within two weeks", "2025-06-12", "en", "future", dv("2025-06-12", "2025-06-26", "week")),
    ("jusqu'en juin 2026", "2026-01-09", "fr", None, dv("2026-06-01", "2026-06-30", "month")),
    ("in October 2025", None, "en", None, dv("2025-10-01", "2025-10-31", "month")),
    ("from May 25 to 27, 2025", None, "en", None, dv("2025-05-25", "2025-05-27")),
    ("on June 11, 2025", None, "en", None, dv("2025-06-11")),
    ("June, 12 2025", None, "en", None, dv("2025-06-12")),
    ("in the summer of 2024", None, "en", None, dv("2024-06-21", "2024-09-22", "season")),
    ("d'octobre 2024", None, "fr", None, dv("2024-10-01", "2024-10-31", "month")),
    ("le 9 janvier 2026", None, "fr", None, dv("2026-01-09")),
    ("in December", "2025-06-12", "en", "past", dv("2024-12-01", "2024-12-31", "month")),
    ("in December", "2025-06-12", "en", "future", dv("2025-12-01", "2025-12-31", "month")),
    ("last fall", "2025-06-12", "en", None, dv("2024-09-23", "2024-12-20", "season")),
    ("l'automne dernier", "2025-06-12", "fr", None, dv("2024-09-23", "2024-12-20", "season")),
    ("yesterday", "2022-11-04", "en", None, dv("2022-11-03")),
    ("hier", "2022-11-04", "fr", None, dv("2022-11-03")),
    ("ayer", "2022-11-04", "es", None, dv("2022-11-03")),
    ("ieri", "2022-11-04", "it", None, dv("2022-11-03")),
    ("gestern", "2022-11-04", "de", None, dv("2022-11-03")),
    ("ontem", "2022-11-04", "pt", None, dv("2022-11-03")),
    ("aujourd'hui", "2022-11-04", "fr", None, dv("2022-11-04")),
    ("oggi", "2022-11-04", "it", None, dv("2022-11-04")),
    ("heute", "2022-11-04", "de", None, dv("2022-11-04")),
    ("hoy", "2022-11-04", "es", None, dv("2022-11-04")),
    ("on Thursday", "2024-11-28", "en", "past", dv("2024-11-28")),
    ("jeudi matin", "2024-11-30", "fr", None, dv("2024-11-28")),
    ("Monday", "2024-11-28", "en", None, dv("2024-11-25")),
    ("lunes", "2024-11-28", "es", None, dv("2024-11-25")),
    ("lunedì", "2024-11-28", "it", None, dv("2024-11-25")),
    ("am Montag", "2024-11-28", "de", None, dv("2024-11-25")),
    ("na segunda-feira", "2024-11-28", "pt", None, dv("2024-11-25")),
    ("el pasado jueves", "2022-11-04", "es", None, dv("2022-11-03")),
    ("earlier this month", "2015-08-20", "en", None, dv("2015-08-01", "2015-08-20", "month")),
    ("next week", "2015-08-20", "en", None, dv("2015-08-24", "2015-08-30", "week")),
    ("la semaine dernière", "2025-03-01", "fr", None, dv("2025-02-17", "2025-02-23", "week")),
    ("el año pasado", "2025-03-01", "es", None, dv("2024-01-01", "2024-12-31", "year")),
    ("2018", None, "en", None, dv("2018-01-01", "2018-12-31", "year")),
    ("Looking ahead to 2026", "2025-06-12", "en", None, dv("2026-01-01", "2026-12-31", "year")),
    ("3 novembre 2022", None, "fr", None, dv("2022-11-03")),
    ("30. Oktober 2023", None, "de", None, dv("2023-10-30")),
    ("3 de noviembre de 2022", None, "es", None, dv("2022-11-03")),
    ("15 de março de 2024", None, "pt", None, dv("2024-03-15")),
    ("il 30 settembre 2019", None, "it", None, dv("2019-09-30")),
    ("2025-06-12", None, "en", None, dv("2025-06-12")),
    ("12/06/2025", None, "fr", None, dv("2025-06-12")),
    ("12.06.2025", None, "de", None, dv("2025-06-12")),
    ("in the last three days", "2024-11-28", "en", None, dv("2024-11-26", "2024-11-28")),
    ("nelle ultime ore", "2023-09-28", "it", None, dv("2023-09-27", "2023-09-28")),
    ("a maggio", "2023-09-28", "it", None, dv("2023-05-01", "2023-05-31", "month")),
    ("hace dos semanas", "2025-03-01", "es", None, dv("2025-02-10", "2025-02-16", "week")),
    ("1979-1988", None, "en", None, dv("1979-01-01", "1988-12-31", "year")),
]


@pytest.mark.parametrize("phrase,published,lang,tense,expected", PHRASES)
def test_normalise_phrase(phrase, published, lang, tense, expected):
    assert normalise(phrase, published, lang, tense) == expected


def test_yearless_without_publication_is_flagged_and_keeps_day_and_month():
    value = normalise("on February 17", None, "en")
    assert value.year_unstated and value.start[5:] == "02-17" and value.precision == "day"
    # a weekday written with the date picks a year where it fits: 3 May was a Wednesday in 2023
    assert normalise("mercredi 3 mai", None, "fr") == dv("2023-05-03", unstated=True)


@pytest.mark.parametrize("phrase,lang", [
    ("yesterday", "en"), ("Thursday", "en"), ("next week", "en"), ("cet été", "fr"), ("hier", "fr"),
])
def test_relative_without_publication_has_no_value(phrase, lang):
    assert normalise(phrase, None, lang) is None


@pytest.mark.parametrize("text,lang", [
    ("Forced returns rose by 22% in 2025.", "en"),
    ("Officials may decide soon.", "en"),
    ("They dismantled 175 networks.", "en"),
    ("Le train est parti à 19h13.", "fr"),
    ("La région des Marche a voté.", "it"),
    ("Il a été reçu par le ministre.", "fr"),
    ("Some 2000 migrants arrived.", "en"),
    ("Am Morgen begann das Treffen.", "de"),
    ("Resolution 2024 of the council", "en"),
])
def test_no_false_hits(text, lang):
    doc = clean_doc(text, lang)
    found = [m.span.text for m in date_mentions(doc)]
    assert not [t for t in found if t not in ("2025", "in 2025")], found


def clean_doc(text, lang, published=None):
    from liaison.ingest.clean import clean
    doc = clean(RawDocument(source="inline.txt", raw=text, lang=lang, published=published))
    return doc.with_(lang=lang, published=published)


def values(doc):
    return {m.span.text: m.value for m in date_mentions(doc)}


def test_seed_003_tuesday_25_november(parsed_seeds):
    found = values(parsed_seeds["003"])
    assert found["mardi 25 novembre"] == dv("2025-11-25").to_json()
    assert found["octobre 2024"] == dv("2024-10-01", "2024-10-31", "month").to_json()


def test_seed_004_explicit_dates_and_later_in_2025(parsed_seeds):
    found = values(parsed_seeds["004"])
    assert found["June 11, 2025"] == dv("2025-06-11").to_json()
    assert found["May 25 to 27, 2025"] == dv("2025-05-25", "2025-05-27").to_json()
    assert found["later in 2025"] == dv("2025-06-12", "2025-12-31", "year").to_json()
    later = next(m for m in date_mentions(parsed_seeds["004"]) if m.span.text == "later in 2025")
    assert later.extra["tense"] == "future" and later.extra["expression_kind"] == "range"


def test_seed_001_friday_this_summer_until_june(parsed_seeds):
    doc = parsed_seeds["001"]
    found = values(doc)
    assert found["vendredi"] == dv("2026-01-09").to_json()
    assert found["cet été"] == dv("2025-06-21", "2025-09-22", "season").to_json()
    assert found["jusqu'en juin 2026"] == dv("2026-06-01", "2026-06-30", "month").to_json()
    deadline = next(m for m in date_mentions(doc) if m.span.text == "jusqu'en juin 2026")
    assert deadline.extra["expression_kind"] == "deadline"


def test_seed_002_february_17_year_unstated(parsed_seeds):
    found = values(parsed_seeds["002"])
    assert found["February 17"]["year_unstated"] and found["February 17"]["start"][5:] == "02-17"
    assert found["the summer of 2024"] == dv("2024-06-21", "2024-09-22", "season").to_json()


def test_dates_in_sentence(parsed_seeds):
    doc = parsed_seeds["004"]
    start = doc.text.index("later in 2025")
    sentence = next(s for s in doc.sentences if s.start <= start < s.end)
    assert [m.span.text for m in dates_in(doc, sentence.start, sentence.end)] == ["later in 2025"]


def test_dev_spanish_ayer_is_the_day_before_publication(dev_docs):
    doc = dev_docs["dev002"]
    assert doc.published == "2022-11-04"
    ayer = [m for m in date_mentions(doc) if m.span.text == "ayer"]
    assert ayer and all(m.value == dv("2022-11-03").to_json() for m in ayer)


def test_dev_thursday_morning_without_publication_is_the_stamped_month(dev_docs):
    doc = dev_docs["dev012"]
    assert doc.published is None and doc.meta["published_month"] == "2022-11"
    jeudi = [m for m in date_mentions(doc) if "jeudi" in m.span.text]
    # a weekday alone is ambiguous within a month: the month itself, not an invented day
    assert jeudi and jeudi[0].value == dv("2022-11-01", "2022-11-30", "month").to_json()
    assert jeudi[0].extra["relative"]
    # without the stamp there is nothing to read it against: the mention stays, without a value
    bare = [m for m in date_mentions(doc.with_(meta={})) if "jeudi" in m.span.text]
    assert bare and bare[0].value is None


def test_dev_german_article_has_no_spurious_dates(dev_docs):
    doc = dev_docs["dev008"]
    assert all(m.value is None or m.value["start"][:2] in ("19", "20") for m in date_mentions(doc))
    assert not [m for m in date_mentions(doc) if m.span.text.isdigit() and len(m.span.text) != 4]


def test_a_tense_never_sends_a_yearless_day_most_of_a_year_away():
    """dev-clusters 012 (El Mundo, 27 July 2019): 'la reunión que tenía prevista el 15 de julio'
    (the meeting planned for 15 July, cancelled the day before) is the 15 July just gone, not the
    next one, whatever tense the clause is read in; a day months ahead still follows the future."""
    import json
    from pathlib import Path

    from liaison import clean_text
    from liaison.pipeline import analyse

    rows = (Path(__file__).parent / "data" / "clusters-articles.jsonl").read_text(encoding="utf-8")
    rows = rows.splitlines()
    article = json.loads(rows[11])
    [doc] = analyse([clean_text(article["text"], source="012.txt", url=article["url"])])
    assert doc.published == "2019-07-27"
    found = {m.span.text: m.value for m in doc.mentions if m.kind == "date"}
    assert found["15 de julio"]["start"] == "2019-07-15"
    assert normalise("12 décembre", "2026-07-27", "fr", "future") == dv("2026-12-12")
    assert normalise("15 juillet", "2026-07-27", "fr", "future") == dv("2026-07-15")
