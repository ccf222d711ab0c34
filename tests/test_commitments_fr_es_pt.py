"""Commitments in French, Spanish and Portuguese, from sentences composed for the test (not from
articles): promise verbs in several tenses (with an adverb in between), what an agreement does,
a stated deadline; a purpose clause, a hope and a forecast are not commitments."""
from __future__ import annotations

import pytest

from liaison import analyse, clean_text

LEAD = {
    "fr": "Le ministre français de l'Intérieur a reçu lundi à Paris son homologue marocain pour parler de "
          "migration irrégulière, de réadmission et de coopération policière contre les réseaux de passeurs.",
    "es": "El ministro del Interior de España recibió el lunes en Madrid a su homólogo marroquí para hablar de "
          "migración irregular, readmisión y cooperación policial contra las redes de tráfico de personas.",
    "pt": "O ministro da Administração Interna de Portugal recebeu na segunda-feira em Lisboa o seu homólogo "
          "marroquino para discutir a migração irregular, a readmissão e a cooperação policial contra as redes "
          "de tráfico de pessoas.",
}

# (sentence, words of the sentence that identify it, whether it states a commitment)
CASES = {
    "fr": [
        ("La France s'est également engagée à former deux cents policiers marocains.", "deux cents policiers", True),
        ("Le Maroc a promis lundi de reprendre les vols de retour.", "vols de retour", True),
        ("Le nouvel accord prévoit l'échange de données sur les passeurs.", "échange de données", True),
        ("Le ministre marocain se rendra à Paris d'ici la fin de l'année.", "se rendra à Paris", True),
        ("Le gouvernement a présenté un programme visant à renforcer les contrôles d'ici 2027.", "programme visant", False),
        ("Le ministre espère que le Maroc signera bientôt l'accord.", "espère", False),
        ("Selon Frontex, les arrivées vont probablement augmenter cet été.", "arrivées vont", False),
    ],
    "es": [
        ("España se ha comprometido a formar a doscientos policías marroquíes.", "doscientos policías", True),
        ("Marruecos prometió ayer reanudar los vuelos de retorno.", "vuelos de retorno", True),
        ("El nuevo acuerdo permite el intercambio de datos sobre los traficantes.", "intercambio de datos", True),
        ("El ministro marroquí viajará a Madrid antes de finales de 2025.", "viajará a Madrid", True),
        ("El Gobierno presentó un programa a fin de reforzar los controles en los próximos meses.",
         "a fin de reforzar", False),
        ("El ministro espera que Marruecos firmará pronto el acuerdo.", "espera que", False),
        ("Según Frontex, las llegadas van a aumentar probablemente este verano.", "llegadas van", False),
    ],
    "pt": [
        ("Portugal comprometeu-se também a formar duzentos polícias marroquinos.", "duzentos polícias", True),
        ("Marrocos prometeu ontem retomar os voos de regresso.", "voos de regresso", True),
        ("O novo acordo prevê a troca de dados sobre os traficantes.", "troca de dados", True),
        ("O ministro marroquino vai deslocar-se a Lisboa até ao final do ano.", "deslocar-se a Lisboa", True),
        ("O Governo apresentou um programa a fim de reforçar os controlos nos próximos meses.",
         "a fim de reforçar", False),
        ("O ministro espera que Marrocos assinará em breve o acordo.", "espera que", False),
        ("Segundo a Frontex, as chegadas vão provavelmente aumentar este verão.", "chegadas vão", False),
    ],
}


@pytest.fixture(scope="module", params=sorted(CASES))
def analysed(request):
    lang = request.param
    # one paragraph per sentence: no deadline or demonstrative subject carries over from the one before
    text = "\n\n".join([LEAD[lang]] + [sentence for sentence, _, _ in CASES[lang]])
    [doc] = analyse([clean_text(text, source=f"commitments-{lang}.txt", published="2025-06-10")])
    assert doc.lang == lang
    return lang, doc


def _found(doc, words):
    return [c for c in doc.commitments if words in c.evidence[0].text]


def test_promises_content_and_deadlines_are_commitments(analysed):
    lang, doc = analysed
    for sentence, words, expected in CASES[lang]:
        if expected:
            assert _found(doc, words), f"{lang}: no commitment in {sentence!r}"


def test_purpose_hope_and_forecast_are_not_commitments(analysed):
    lang, doc = analysed
    for sentence, words, expected in CASES[lang]:
        if not expected:
            assert not _found(doc, words), f"{lang}: {sentence!r} taken as a commitment"


def test_one_commitment_per_promise_with_its_country(analysed):
    lang, doc = analysed
    country = {"fr": "FRA", "es": "ESP", "pt": "PRT"}[lang]
    sentence, words, _ = CASES[lang][0]
    found = _found(doc, words)
    assert len(found) == 1
    assert country in found[0].countries


def test_a_stated_deadline_is_the_due_date(analysed):
    lang, doc = analysed
    _, words, _ = CASES[lang][3]
    [commitment] = _found(doc, words)
    assert commitment.due is not None and commitment.due.end and commitment.due.end >= "2025-06-10"


def test_a_deadline_within_a_few_weeks_on_an_undated_page():
    """dev-clusters 010 (news.gnet.tn, no publication day; the text dates Attal's words 'ce mardi
    28 septembre'): 'elle va être mise à exécution d'ici quelques semaines' is due within weeks of
    some day of September 2021, not 'no deadline'."""
    from conftest import DATA

    from liaison.evaluate.score import read_jsonl
    from liaison.ingest.clean import clean
    from liaison.ingest.sources import json_record

    article = read_jsonl(DATA / "clusters-articles.jsonl")[9]
    [doc] = analyse([clean(json_record(article, "010.txt"))])
    [measure] = [c for c in doc.commitments if "quelques semaines" in c.action]
    assert measure.due is not None
    assert measure.due.start == "2021-09-01" and "2021-10-15" <= measure.due.end <= "2021-10-31"
