"""People in languages without an NER pipeline, titles in every language, and the state a person
serves read from the text only (real dev-clusters, dev and seed articles)."""
from __future__ import annotations

import pytest
from conftest import DATA

from liaison.evaluate.score import read_jsonl
from liaison.folding import fold
from liaison.records import Document
from liaison.understand.titles import find_titles


def _analysed(text: str, lang: str | None = None, url: str | None = None) -> Document:
    from liaison.ingest.clean import clean
    from liaison.ingest.sources import json_record
    from liaison.pipeline import STAGES, run_stages
    doc = clean(json_record({"url": url, "text": text}, "test"))
    doc = doc.with_(lang=lang) if lang else doc
    return run_stages([doc], STAGES[:3])[0][0]


@pytest.fixture(scope="module")
def clusters() -> dict[str, Document]:
    """Articles of ../shared/corpus/dev-clusters in es, it and pt, keyed by their outlet."""
    keys = ("record.pt", "bol.uol", "prensalibre", "proceso", "open.online", "ilpost")
    rows = read_jsonl(DATA / "cluster-articles.jsonl")
    return {k: _analysed(r["text"], url=r["url"]) for r in rows for k in keys if k in r["url"]}


def _people(doc: Document) -> dict[str, object]:
    return {fold(e.name): e for e in doc.entities if e.kind == "person"}


def test_names_in_portuguese_from_reporting_verbs_lists_and_plural_titles(clusters):
    # "Os ministros da Administração Interna de Espanha, Fernando Grande-Marlaska, e de Marrocos, Abdelouafi
    # Laftit", "disse Fernando Grande-Marlaska", "no Estádio Santiago Bernabéu", "o Real Madrid"
    people = _people(clusters["record.pt"])
    assert set(people) == {fold("Fernando Grande-Marlaska"), "abdelouafi laftit"}
    for name, state in ((fold("Fernando Grande-Marlaska"), "ESP"), ("abdelouafi laftit", "MAR")):
        assert [r.title for r in people[name].roles] == ["Minister of the Interior"]
        assert people[name].country == state
    # "Ricardo Lewandowski afirmou", "O governo Lula reclamou"
    assert {"ricardo lewandowski", "lula"} <= set(_people(clusters["bol.uol"]))


def test_names_in_spanish_and_italian(clusters):
    people = _people(clusters["proceso"])    # "La secretaria de Prensa de la Casa Blanca, Karoline Leavitt"
    assert "Press Secretary" in {r.title for r in people["karoline leavitt"].roles}
    assert not any(n.startswith("pero ") for n in people)     # "Pero Leavitt añadió": a conjunction
    people = _people(clusters["open.online"])
    faeser = people["nancy faeser"]          # "della ministra dell'Interno tedesca Nancy Faeser"
    assert [r.title for r in faeser.roles] == ["Minister of the Interior"] and faeser.country == "DEU"
    schotsaert = people["antoon schotsaert"]     # "Il magistrato belga Antoon Schotsaert"
    assert [r.title for r in schotsaert.roles] == ["Magistrate"] and schotsaert.country == "BEL"
    assert "olaf scholz" in _people(clusters["ilpost"])     # "il governo guidato dal socialista Olaf Scholz"


def test_a_state_named_after_the_title_is_read_even_abbreviated(clusters):
    # "Kevin McAleenan, Secretario de Seguridad Nacional de EE. UU.": not the other side (Guatemala)
    mcaleenan = _people(clusters["prensalibre"])["kevin mcaleenan"]
    assert "Secretary of Homeland Security" in {r.title for r in mcaleenan.roles}
    assert mcaleenan.country in (None, "USA")


def test_countries_from_the_text_never_from_the_outlet(analysed_seeds, dev_articles):
    # "Le ministre de l'Intérieur, Abdelouafi Laftit, et son homologue français, Laurent Nuñez" (le360.ma)
    people = _people(analysed_seeds["003"])
    assert people["abdelouafi laftit"].country == "MAR"
    assert "counterpart" in people["abdelouafi laftit"].explanation
    # "a high-ranking Vietnamese delegation led by Prime Minister Pham Minh Chinh", "Deputy Minister of Public
    # Security … Nguyen Van Long" with "the Ministry of Public Security of Vietnam"
    people = _people(analysed_seeds["004"])
    assert people["pham minh chinh"].country == "VNM"
    assert people["nguyen van long"].country == "VNM"
    # "Il titolare del Viminale ha espresso …" after "Dapprima Piantedosi ha incontrato …"
    article = next(a for a in dev_articles if "piantedosi-vola-a-palermo" in a["url"])
    assert _people(_analysed(article["text"], url=article["url"]))["matteo piantedosi"].country == "ITA"


@pytest.mark.parametrize(("text", "lang", "title"), [
    ("the Minister of Maritime Affairs, Rt. Hon. Kofi Mensah", "en", "Minister of Maritime Affairs"),
    ("government spokesman Steffen Hebestreit", "en", "Government Spokesman"),
    ("la ministra del Interior, Teresa Pérez", "es", "Minister of the Interior"),
    ("la secretaria de Estado de Migraciones, Pilar Cancela", "es", "Secretary of State for Migration"),
    ("el canciller alemán Olaf Scholz", "es", "Chancellor"),
    ("la ministra degli Esteri", "it", "Minister of Foreign Affairs"),
    ("les ministres marocain et français de l'Intérieur", "fr", "Minister of the Interior"),
    ("Os ministros da Administração Interna", "pt", "Minister of the Interior"),
    ("dem Präsidenten Schawkat Mirsijojew", "de", "President"),
])
def test_titles_feminine_plural_and_with_their_portfolio(text, lang, title):
    assert find_titles(text, lang)[0].title == title


def test_rt_hon_between_title_and_name():
    doc = Document(id="t", source="t", lang="en",
                   text="The Minister of Maritime Affairs, Rt. Hon. Kofi Mensah, met the delegation.")
    from liaison.pipeline import STAGES, run_stages
    doc = run_stages([doc], STAGES[:3])[0][0]
    mensah = _people(doc)["kofi mensah"]
    assert [r.title for r in mensah.roles] == ["Minister of Maritime Affairs"]


@pytest.mark.parametrize("lang", ["en", "fr", "es", "de", "it", "pt"])
def test_the_fast_title_scan_finds_what_the_plain_alternation_finds(lang):
    # the role regex tries only the phrases able to start with the character at hand; on every
    # bundled article (any language: foreign titles in quotes and names are the hard cases) it
    # must give the very matches, spans and named groups of the one big alternation
    from liaison.understand.titles import lexicon
    lex = lexicon(lang)
    files = ("dev-articles.jsonl", "clusters-articles.jsonl")
    texts = [r["text"] for f in files for r in read_jsonl(DATA / f)]
    texts += ["", "Ministre", "É", "l’Intérieur", "MINISTRE DE L'INTÉRIEUR"]
    found = 0
    for rx in (lex.role_regex, lex.cased_regex):
        if rx is None:
            continue
        for text in texts:
            fast = [(m.span(), _groups(m)) for m in rx.finditer(text)]
            plain = [(m.span(), _groups(m)) for m in rx.full.finditer(text)]
            assert fast == plain
            found += len(fast)
    assert found > 20


def _groups(match) -> dict[str, str]:
    """The named groups that took part (a group regex holds only the phrases it may try)."""
    return {k: v for k, v in match.groupdict().items() if v is not None}
