"""The German and Italian commitment vocabularies (lexicons/{de,it}/commitments.json) on sentences written
for the test: promises in several tenses, what an agreement provides, deadlines, and the sentences that
must not become commitments (purpose clauses, hopes, predictions, allegations)."""
from __future__ import annotations

import functools

import pytest

from liaison import analyse, clean_text

INTRO = {
    "de": ("Innenministerin trifft marokkanischen Amtskollegen\n\n"
           "Berlin, 12. März 2025. Bundesinnenministerin Nancy Faeser hat am Montag in Rabat ihren marokkanischen "
           "Amtskollegen Abdelouafi Laftit getroffen. Die beiden Minister sprachen über Migration, Rückführungen "
           "und die Zusammenarbeit der Polizei.\n\n"),
    "it": ("Piantedosi a Tunisi con il ministro tunisino\n\n"
           "Roma, 12 marzo 2025. Il ministro dell'Interno Matteo Piantedosi ha incontrato a Tunisi il suo omologo "
           "tunisino Khaled Nouri. I due ministri hanno parlato di migrazione, rimpatri e cooperazione tra le "
           "due polizie.\n\n"),
}

CASES = {
    "de": [
        # promises: separable verb with its particle at the end, reflexive verb, reported-speech future
        ("Faeser sagte der marokkanischen Regierung zudem Unterstützung bei der Ausbildung von Grenzpolizisten zu.", True),
        ("Marokko verpflichtete sich, eigene Staatsangehörige schneller zurückzunehmen.", True),
        ("Deutschland werde die Zusammenarbeit mit Marokko weiter ausbauen, sagte Faeser.", True),
        # what the agreement provides, with the agreement after the verb (verb second)
        ("Zudem sieht die Vereinbarung einen regelmäßigen Austausch von Verbindungsbeamten vor.", True),
        # deadline
        ("Bis Ende des Jahres sollen zusätzliche Verbindungsbeamte der Bundespolizei nach Rabat entsandt werden.", True),
        # not commitments: purpose clause, hope, prediction, allegation ('soll ... haben')
        ("Die Polizei verstärkt die Kontrollen, um die irreguläre Migration über das Mittelmeer zu verringern.", False),
        ("Faeser hofft, dass Marokko künftig mehr Migranten zurücknehmen wird.", False),
        ("Experten glauben, die Zahl der Ankünfte aus Marokko in Spanien wird weiter steigen.", False),
        ("Der Marokkaner soll in Deutschland einen Asylantrag gestellt haben.", False),
    ],
    "it": [
        # promises: reflexive past, 'ha promesso', first-person plural future, litotes 'non mancherà'
        ("L'Italia si è impegnata a fornire alla Tunisia sei nuove motovedette per il controllo delle coste.", True),
        ("Piantedosi ha promesso un aumento dei fondi per la formazione della Guardia nazionale tunisina.", True),
        ("\"Rafforzeremo la cooperazione contro i trafficanti di esseri umani\", ha dichiarato Piantedosi.", True),
        ("Non mancherà lo scambio di informazioni tra le polizie dei due Paesi.", True),
        # what the agreement provides
        ("Il memorandum prevede inoltre lo scambio di ufficiali di collegamento tra le due polizie.", True),
        # deadline
        ("Entro la fine dell'anno saranno inviati in Tunisia venti agenti della Polizia di Stato.", True),
        # not commitments: purpose clause, hope, prediction, a past agreement's content, negation
        ("La Guardia di Finanza ha intensificato i controlli al fine di ridurre le partenze entro l'estate.", False),
        ("Piantedosi spera che la Tunisia fermerà le partenze dei barconi verso l'Italia.", False),
        ("Per il governo tunisino la gestione dei flussi dalla Libia sarà difficile nei prossimi anni.", False),
        ("L'accordo del 2017 con la Tunisia prevedeva il rimpatrio di ottanta migranti a settimana.", False),
        ("L'Italia non invierà militari in Tunisia.", False),
    ],
}


@functools.cache
def _analysed(lang: str) -> dict[str, list[str]]:
    """Each case sentence in its own short article; the evidence of the commitments found after the intro."""
    texts = [INTRO[lang] + sentence for sentence, _ in CASES[lang]]
    docs = analyse([clean_text(t, source=f"{lang}-{i}.txt") for i, t in enumerate(texts)])
    return {sentence: [c.evidence[0].text for c in doc.commitments]
            for (sentence, _), doc in zip(CASES[lang], docs, strict=True)}


@pytest.mark.parametrize("lang", ["de", "it"])
def test_intro_states_no_commitment(lang):
    [doc] = analyse([clean_text(INTRO[lang], source=f"{lang}-intro.txt")])
    assert doc.lang == lang
    assert doc.commitments == [] or not list(doc.commitments)


@pytest.mark.parametrize("lang,sentence,expected",
                         [(lang, s, e) for lang, cases in CASES.items() for s, e in cases])
def test_commitment_or_not(lang, sentence, expected):
    found = _analysed(lang)[sentence]
    words = sentence.strip('"')[:40]
    hit = any(words in text for text in found)
    assert hit is expected, f"{sentence!r}: commitments found {found!r}"
