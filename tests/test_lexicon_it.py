"""The Italian event vocabulary (lexicons/it/events.json) on short sentences written for the test:
every PLOVER type, the irregular participles, the synthetic future and the cue words."""

from __future__ import annotations

import pytest

from liaison.extract.triggers import Trigger, find_triggers
from liaison.nlp.sentences import split_sentences
from liaison.nlp.tokens import rule_tokens


def triggers(text: str) -> list[Trigger]:
    tokens = rule_tokens(text, "it", tuple(split_sentences(text)))
    return find_triggers(list(tokens), "it", text)


def kept_types(text: str) -> list[str]:
    return [t.type for t in triggers(text) if not t.negated]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Il ministro dell'Interno ha incontrato ieri il suo omologo albanese.", "CONSULT"),
        ("I due capi di governo hanno avuto un lungo colloquio telefonico.", "CONSULT"),
        ("La ministra si è recata a Tunisi per una visita di due giorni.", "CONSULT"),
        ("Il prefetto ha partecipato alla conferenza ministeriale sulle migrazioni.", "CONSULT"),
        ("Le due delegazioni hanno siglato un memorandum d'intesa sulla sicurezza.", "SUPPORT"),
        ("Il Parlamento ha ratificato la convenzione con il Marocco.", "SUPPORT"),
        ("Il ministro ha elogiato la collaborazione delle autorità albanesi.", "SUPPORT"),
        ("I due governi hanno concordato un piano comune contro i trafficanti.", "AGREE"),
        ("La Grecia si è detta pronta a collaborare sui rimpatri.", "AGREE"),
        ("Le due polizie hanno condotto un'operazione congiunta al porto.", "COOPERATE"),
        ("Il narcotrafficante è stato estradato negli Stati Uniti.", "COOPERATE"),
        ("Il governo ha donato sei motovedette alla guardia costiera.", "AID"),
        ("Esperti italiani hanno fornito addestramento agli agenti di frontiera.", "AID"),
        ("Il ministro ha chiesto più fondi all'Unione europea per i rimpatri.", "REQUEST"),
        ("Il commissario ha esortato gli Stati membri ad accogliere più rifugiati.", "REQUEST"),
        ("Le autorità hanno respinto la proposta del governo francese.", "REJECT"),
        ("Il Paese ha negato l'ingresso a due deputati europei.", "REJECT"),
        ("Le autorità hanno minacciato di imporre dazi sulle importazioni.", "THREATEN"),
        ("Il presidente ha lanciato un ultimatum al governo vicino.", "THREATEN"),
        ("Migliaia di manifestanti hanno sfilato in corteo nel centro della capitale.", "PROTEST"),
        ("I detenuti del centro hanno iniziato uno sciopero della fame.", "PROTEST"),
        ("Il governo ha sospeso il rilascio dei visti ai cittadini del Paese.", "SANCTION"),
        ("Roma ha espulso due diplomatici accusati di spionaggio.", "SANCTION"),
        ("Il governo ha dichiarato persona non grata l'ambasciatore del Paese vicino.", "SANCTION"),
        ("Reparti di polizia sono stati schierati lungo il confine orientale.", "MOBILIZE"),
        ("Il governo ha dispiegato truppe alla frontiera settentrionale.", "MOBILIZE"),
        ("Trenta cittadini tunisini sono stati rimpatriati con un volo charter.", "COERCE"),
        ("La polizia ha arrestato quattro scafisti dopo lo sbarco.", "COERCE"),
        ("Il ministro ha condannato con fermezza le violenze contro i civili.", "ACCUSE"),
        ("La procura ha aperto un'inchiesta sul naufragio.", "ACCUSE"),
        ("Il presidente ha concesso la grazia a tre oppositori.", "CONCEDE"),
        ("Il governo ha chiesto scusa per gli errori commessi.", "CONCEDE"),
        ("Le milizie hanno liberato i pescatori sequestrati il mese scorso.", "RETREAT"),
        ("Il ministro si è dimesso dopo le polemiche.", "RETREAT"),
        ("Un attentato ha ucciso sei agenti al posto di blocco.", "ASSAULT"),
        ("Uomini armati hanno rapito un cooperante straniero.", "ASSAULT"),
    ],
)
def test_type(text, expected):
    assert expected in kept_types(text)


@pytest.mark.parametrize(
    "text,found",
    [
        (
            "Il viceministro incontrerà la prossima settimana il collega tunisino.",
            "incontrerà",
        ),  # synthetic future
        ("Il vertice si terrà a Bruxelles a fine mese.", "vertice si terrà"),
        ("L'accordo sarà firmato entro l'estate.", "firmato"),  # future auxiliary
        ("Il ministro dovrebbe recarsi ad Algeri nei prossimi giorni.", None),
    ],
)
def test_future_is_agree(text, found):
    hits = triggers(text)
    assert hits and all(t.type == "AGREE" for t in hits if not t.negated)
    if found:
        assert found in [t.text for t in hits]


@pytest.mark.parametrize(
    "text",
    [
        "Il ministro non ha incontrato il suo omologo libico.",
        "La Tunisia si è rifiutata di firmare il memorandum.",
    ],
)
def test_negated(text):
    hits = [t for t in triggers(text) if t.type in ("CONSULT", "SUPPORT")]
    assert hits and all(t.negated for t in hits)


def test_hypothetical():
    hits = triggers("Se la Tunisia accettasse i rimpatri, l'Italia potrebbe sospendere i visti.")
    assert hits and all(t.hypothetical for t in hits)


@pytest.mark.parametrize(
    "text,absent",
    [
        ("Il progetto ha incontrato molte resistenze in Parlamento.", "CONSULT"),  # incontrare difficoltà
        ("Il governo è andato incontro alle esigenze dei comuni.", "CONSULT"),  # andare incontro
        ("Il sindacato ha avviato una raccolta firme contro la riforma.", "SUPPORT"),  # petition
        ("Il ministro ha fatto una visita medica all'ospedale.", "CONSULT"),
        ("La gestione dei rifiuti è un problema per la città.", "REJECT"),  # rifiuti: waste
        ("Il migrante ha chiesto asilo politico in Italia.", "REQUEST"),
        ("La situazione critica dei centri preoccupa le autorità.", "ACCUSE"),
        ("La Guardia di Finanza ha controllato i conti della società.", "AID"),  # finanza: not finanziare
        ("La minaccia terroristica resta alta in Europa.", "THREATEN"),
        ("L'opposizione ha attaccato il governo sull'immigrazione.", "ASSAULT"),  # verbal attack
        ("La questione è stata messa in discussione in aula.", "CONSULT"),
    ],
)
def test_other_sense_is_vetoed(text, absent):
    assert absent not in kept_types(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Il cittadino marocchino è stato espulso.", "COERCE"),  # irregular participles
        ("Il programma è stato sospeso per tre mesi.", "SANCTION"),
        ("Il governo ha chiesto la consegna dei latitanti.", "REQUEST"),
        ("I due ministri hanno concluso l'accordo a Roma.", "SUPPORT"),
        ("Le due parti hanno condiviso le informazioni raccolte.", "COOPERATE"),
        ("Il governo ha preso parte al vertice.", "CONSULT"),
    ],
)
def test_irregular_forms(text, expected):
    assert expected in kept_types(text)
