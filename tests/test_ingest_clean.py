"""Cleaning of the real seed and dev articles: repeats, captions, bylines, clutter, dates, offsets."""
from __future__ import annotations

import re

import pytest
from conftest import DATA, clean_file, seed_path

from liaison.evaluate.score import read_jsonl
from liaison.ingest.clean import clean, raw_offset
from liaison.ingest.dates import dateline, published_from_url
from liaison.ingest.sources import json_record
from liaison.records import RawDocument


@pytest.fixture(scope="module")
def seeds() -> dict:
    return {p: clean_file(seed_path(p)) for p in ("000", "001", "002", "003", "004")}


@pytest.fixture(scope="module")
def dev_cleaned(dev_articles) -> dict:
    """Dev articles cleaned as the JSONL reader gives them, keyed by URL."""
    return {a["url"]: clean(json_record(a, a["url"])) for a in dev_articles}


def _paragraphs(doc) -> list[str]:
    return doc.text.split("\n\n")


def test_seed_000_keeps_each_paragraph_once(seeds):
    paras = _paragraphs(seeds["000"])
    assert len(paras) == len(set(paras))
    assert seeds["000"].text.count("According to his official biography, Laurent Nunez") == 1
    assert seeds["000"].raw.count("According to his official biography, Laurent Nunez") == 2


def test_seed_000_credits_move_to_authors(seeds):
    doc = seeds["000"]
    assert "Source (" not in doc.text and "Rahma" not in doc.text
    assert {"Rahma Sophia Rachdi", "Jedi Foster", "Rahma Rachdi"} <= set(doc.authors)
    assert "Liability for this article" not in doc.text
    # the sentence the trailer followed is intact
    assert "MFA Jean Noel Barrot said to his guest Minister Laurent Nunez." in doc.text


def test_seed_002_byline_out_of_text(seeds):
    doc = seeds["002"]
    assert "Aghakazim" not in doc.text
    assert doc.authors == ("Aghakazim Guliyev",)
    assert doc.text.endswith("in the summer of 2024.")


def test_seed_004_captions_and_byline_out(seeds):
    doc = seeds["004"]
    for clutter in ("Delegates join group photo.", "Duy Thanh", "Search", "June, 12 2025"):
        assert clutter not in doc.text
    assert "Delegates join group photo." in doc.meta["captions"]
    assert doc.authors == ("Duy Thanh",)
    # sentences that merely start like the caption stay
    assert "Deputy Minister Nguyen Van Long and Minister Francois Noel Buffet agreed" in doc.text


def test_seed_003_byline_stamp_and_tags(seeds):
    doc = seeds["003"]
    assert "Par Le360" not in doc.text and "19h13" not in doc.text and "#Sécurité" not in doc.text
    assert "Le360" in doc.authors
    assert doc.title.startswith("Sécurité et migration")
    assert doc.text.count("un entretien avec son homologue français, Laurent Nuñez.") == 1


def test_seed_001_photo_credit_out_of_caption(seeds):
    doc = seeds["001"]
    assert "POOL" not in doc.text and "Ludovic MARIN" in doc.authors
    assert "Laurent Nuñez (D), à Paris le 9 janvier 2026" in doc.text


@pytest.mark.parametrize("prefix,expected", [("000", None), ("001", "2026-01-09"), ("002", None),
                                             ("003", "2025-11-25"), ("004", "2025-06-12")])
def test_seed_published_dates(seeds, prefix, expected):
    assert seeds[prefix].published == expected


@pytest.mark.parametrize("prefix,lang", [("000", "en"), ("001", "fr"), ("002", "en"), ("003", "fr"),
                                         ("004", "en")])
def test_seed_language(seeds, prefix, lang):
    assert seeds[prefix].lang == lang


def test_dev_published_and_language_match_gold(dev_cleaned):
    gold = read_jsonl(DATA / "dev-gold.jsonl")
    wrong = [(g["doc"], dev_cleaned[g["url"]].published, g["published"]) for g in gold
             if dev_cleaned[g["url"]].published != g["published"]]
    assert wrong == []
    assert [g["doc"] for g in gold if dev_cleaned[g["url"]].lang != g["lang"]] == []


def test_dev_site_date_widget_is_not_a_dateline(dev_cleaned):
    doc = next(d for u, d in dev_cleaned.items() if "thetimes.gr" in u)
    assert doc.published is None
    assert not doc.text.startswith("Saturday") and "spot_img" not in doc.text
    assert doc.title.startswith("Greek FM Holds Talks")
    assert "pic.twitter.com" not in doc.text


def test_dev_agency_credits_and_repeated_caption(dev_cleaned):
    doc = next(d for u, d in dev_cleaned.items() if "bluewin.ch" in u)
    assert {"ats", "Keystone-SDA"} <= set(doc.authors)
    assert "(archives)" not in doc.text and "sifr" not in doc.text
    assert doc.text.startswith("Requérants déboutés")


def test_dev_teaser_blocks_and_unrelated_headlines(dev_cleaned):
    brussels = next(d for u, d in dev_cleaned.items() if "brusselstimes" in u)
    assert "Related News" not in brussels.text and "Man arrested in Flanders" not in brussels.text
    assert "Networks were identified in Burkina Faso" in brussels.text
    # the excerpt is cut mid-word: its last line stays
    assert brussels.text.endswith("from Nigeria who had been s")
    digest = next(d for u, d in dev_cleaned.items() if "digestwire" in u)
    assert "breast cancer" not in digest.text and "Heathrow" not in digest.text
    assert "Six ‘high-value targets’ arrested" in digest.text      # a lone subheading stays
    mirror = next(d for u, d in dev_cleaned.items() if "financialmirror" in u)
    assert "views" not in mirror.text and "min read" not in mirror.text
    assert mirror.text.startswith("Cyprus, Lebanon agree on migration curbs")


def test_dev_byline_with_lowercase_by_and_clock_time(dev_cleaned):
    doc = next(d for u, d in dev_cleaned.items() if "ktpress" in u)
    assert doc.authors == ("Williams Buningwire",)
    assert "3:05 pm" not in doc.text and "Home News" not in doc.text


def test_every_dev_sentence_survives_in_order(dev_articles, dev_cleaned):
    """Cleaning removes lines, it never rewrites article sentences: each kept paragraph is a
    verbatim line of the input, up to spacing."""
    for art in dev_articles:
        raw_lines = {re.sub(r"\s+", " ", ln).strip() for ln in art["text"].splitlines()}
        for para in _paragraphs(dev_cleaned[art["url"]]):
            assert any(para in ln for ln in raw_lines), (art["url"], para[:80])


def test_offset_map_points_back_to_raw(seeds):
    for doc in seeds.values():
        for para in _paragraphs(doc):
            start = doc.text.index(para)
            probe = para[:25]
            raw_at = raw_offset(doc, start)
            assert doc.raw[raw_at:raw_at + len(probe)] == probe, (doc.source, probe)


def test_offset_map_survives_collapsed_spaces():
    raw = "Title of the piece here\n\nMinister  Francois   Noel Buffet met the delegation on Monday.\n"
    doc = clean(RawDocument(source="t", raw=raw))
    i = doc.text.index("Noel")
    assert raw[raw_offset(doc, i):raw_offset(doc, i) + 4] == "Noel"


def test_mojibake_repaired_and_nfc():
    raw = ("Le ministre de lâ€™IntÃ©rieur a reÃ§u son homologue espagnol Ã  Nouakchott pour parler "
           "de migration.\n")
    doc = clean(RawDocument(source="m", raw=raw))
    assert "l’Intérieur a reçu" in doc.text and "à Nouakchott" in doc.text
    decomposed = ("Le ministre de l'Inte\u0301rieur a rec\u0327u son homologue a\u0300 Madrid "
                  "pour parler de migration.")
    assert "Intérieur" in clean(RawDocument(source="n", raw=decomposed)).text


@pytest.mark.parametrize("url,expected", [
    ("https://rudaw.net/english/world/28112024-amp", "2024-11-28"),
    ("https://example.org/news/2025/04/15/story-title", "2025-04-15"),
    ("https://example.org/a/20250415-story", "2025-04-15"),
    ("https://www.ktpress.rw/2022/09/denmark-rwanda-joint-office", None),
    ("https://example.org/story/2770773", None),
])
def test_published_from_url(url, expected):
    assert published_from_url(url) == expected


@pytest.mark.parametrize("line,expected", [
    ("June, 12 2025", "2025-06-12"), ("Le 25/11/2025 à 19h13", "2025-11-25"),
    ("23.6.2024 - 06:18", "2024-06-23"), ("Publicado el 3 de mayo de 2023", "2023-05-03"),
    ("Mis à jour le 12.03.2024", "2024-03-12"), ("mardi 25 novembre", None), ("31/02/2024", None),
])
def test_dateline_forms(line, expected):
    assert dateline(line) == expected


def test_no_date_is_invented_for_plain_text():
    doc = clean(RawDocument(source="p", raw="Ministers met on Tuesday in Rabat to discuss border "
                                            "cooperation and the return of migrants, officials said.\n"))
    assert doc.published is None


def test_dev_month_stamp_kept_in_meta_not_published(dev_cleaned):
    # ' date 2023-10 Le ministre …': a month is no publication day, but it dates the article
    doc = next(d for u, d in dev_cleaned.items() if "lnt.ma" in u)
    assert doc.published is None and doc.meta["published_month"] == "2023-10"
    assert doc.text.startswith("Le ministre de l’Intérieur") and " date 2023" not in doc.text
    # a stamp with a full day is the publication date; the month is not kept beside it
    full = clean(RawDocument(source="t",
                             raw=" date 2024-06-23 Berne veut un agent de liaison.\n\n" + doc.text))
    assert full.published == "2024-06-23" and "published_month" not in full.meta
    # months from stamps, and from a URL path /2022/09/ when the page gives no day
    assert sorted(d.meta["published_month"] for d in dev_cleaned.values() if "published_month" in d.meta) == [
        "2016-12", "2019-07", "2022-09", "2022-11", "2023-02", "2023-10", "2023-10"]
