"""Portuguese event vocabulary (lexicons/pt/events.json): one or two sentences per PLOVER type, composed for
this test (not taken from any article), European and Brazilian, and the trigger type, negation and future
flags they must give."""
from __future__ import annotations

import pytest

from liaison import analyse, clean_text
from liaison.extract.triggers import find_triggers

# a neutral second sentence, so that the language detector has enough Portuguese to go on
PAD = (" O Governo publicou na segunda-feira um comunicado detalhado sobre o assunto, que foi depois"
       " comentado pelos partidos da oposição e pelos jornais do país.")


def triggers(sentence: str):
    [doc] = analyse([clean_text(sentence + PAD, source="t.txt")])
    assert doc.lang == "pt"
    tokens = [t for t in doc.tokens if t.sent == 0]
    return find_triggers(tokens, doc.lang, doc.text, doc.parsed)


CASES = [
    # sentence, expected type (after future -> AGREE), expected mode or None to skip the check
    ("O ministro do Interior reuniu-se com o seu homólogo marroquino em Rabat.", "CONSULT", None),
    ("Os chanceleres se reuniram na terça-feira em Brasília.", "CONSULT", None),
    ("O Presidente recebeu o primeiro-ministro cabo-verdiano no palácio.", "CONSULT", None),
    ("A ministra visitou um centro de acolhimento de refugiados na Grécia.", "CONSULT", "visit"),
    ("O chanceler manteve uma conversa telefônica com o colega argentino.", "CONSULT", "phone"),
    ("O secretário de Estado participou na cimeira europeia sobre migrações.", "CONSULT", "multilateral"),
    ("Lisboa e Rabat assinaram um memorando de entendimento sobre mobilidade laboral.", "SUPPORT", None),
    ("O Brasil e o Paraguai firmaram um acordo de cooperação policial.", "SUPPORT", None),
    ("O ministro elogiou o empenho das autoridades senegalesas.", "SUPPORT", None),
    ("Os dois governos acordaram criar um grupo de trabalho sobre vistos.", "AGREE", None),
    ("O ministro comprometeu-se a apoiar os países de trânsito.", "AGREE", None),
    ("A polícia realizou uma operação conjunta com a polícia paraguaia na fronteira.", "COOPERATE", None),
    ("O suspeito foi extraditado para Portugal na quinta-feira.", "COOPERATE", None),
    ("A Espanha doou dez viaturas à guarda costeira da Mauritânia.", "AID", None),
    ("O governo concedeu asilo a dezenas de opositores.", "AID", None),
    ("O ministro pediu ao governo argelino mais empenho no controlo das saídas.", "REQUEST", None),
    ("A ministra apelou aos parceiros europeus para partilharem o esforço.", "REQUEST", None),
    ("O governo italiano recusou o desembarque dos migrantes resgatados.", "REJECT", None),
    ("A visita do ministro a Argel foi cancelada à última hora.", "REJECT", "meet"),
    ("O governo suspendeu o acordo de cooperação com o país vizinho.", "SANCTION", "discontinue"),
    ("Os Estados Unidos impuseram sanções a dois ministros.", "SANCTION", "discontinue"),
    ("A Rússia expulsou dois diplomatas portugueses.", "SANCTION", "expel"),
    ("Os Estados Unidos deportaram oitenta brasileiros num voo fretado.", "COERCE", "deport"),
    ("Três suspeitos foram presos pela polícia no aeroporto.", "COERCE", "arrest"),
    ("O governo destacou mais duzentos agentes para a fronteira.", "MOBILIZE", "police"),
    ("O país enviou tropas para a fronteira norte.", "MOBILIZE", "troops"),
    ("O ministério condenou veementemente a decisão das autoridades vizinhas.", "ACCUSE", "disapprove"),
    ("O Ministério Público abriu um inquérito ao caso.", "ACCUSE", "investigate"),
    ("O presidente ameaçou impor tarifas aos produtos europeus.", "THREATEN", "restrict"),
    ("O governo ameaçou romper relações com o país vizinho.", "THREATEN", "relations"),
    ("O Presidente indultou os presos políticos.", "CONCEDE", None),
    ("O governo flexibilizou as regras de concessão de vistos para estudantes.", "CONCEDE", None),
    ("As autoridades libertaram os pescadores retidos.", "RETREAT", "release"),
    ("O primeiro-ministro demitiu-se na sequência do escândalo.", "RETREAT", "resign"),
    ("Milhares de manifestantes desfilaram na capital.", "PROTEST", "demo"),
    ("Os reclusos iniciaram uma greve de fome na penitenciária.", "PROTEST", "hunger"),
    ("Homens armados raptaram dois missionários no norte do país.", "ASSAULT", "abduct"),
    ("Um ataque aéreo atingiu a cidade durante a noite.", "ASSAULT", "aerial"),
]


@pytest.mark.parametrize("sentence,expected,mode", CASES)
def test_type(sentence, expected, mode):
    found = triggers(sentence)
    assert any(t.type == expected and (mode is None or t.mode == mode) and not t.negated for t in found), \
        [(t.entry["id"], t.text, t.type, t.mode, t.negated) for t in found]


FLAGS = [
    # sentence, trigger text, negated, future
    ("O Brasil não assinou o pacto para as migrações.", "assinou", True, False),
    ("O ministro não se reuniu com o homólogo angolano.", "reuniu", True, False),
    ("O ministro recusou-se a comentar as declarações.", None, False, False),
    ("O ministro vai assinar o acordo na próxima semana.", "assinar", False, True),
    ("A ministra planeja visitar Lisboa em maio.", "visitar", False, True),
    ("Os dois países pretendem reforçar a cooperação policial.", "reforçar a cooperação", False, True),
]


@pytest.mark.parametrize("sentence,text,negated,future", FLAGS)
def test_flags(sentence, text, negated, future):
    found = triggers(sentence)
    if text is None:            # a refusal to comment is no event at all
        assert not found, [(t.entry["id"], t.text) for t in found]
        return
    [t] = [t for t in found if t.text == text]
    assert (t.negated, t.future) == (negated, future)
    if future:
        assert t.type == "AGREE"


def test_synthetic_future_is_agree():
    for sentence in ("O governo assinará o acordo de readmissão em março.",
                     "Os ministros reunir-se-ão em Lisboa no próximo mês."):
        assert any(t.type == "AGREE" and t.entry["id"] == "agree.future" for t in triggers(sentence))


def test_other_senses_vetoed():
    assert not triggers("O candidato visitou o site oficial do partido.")
    assert not triggers("A proposta vai ao encontro das preocupações dos autarcas.")
    assert not triggers("O ex-ministro morreu na prisão aos oitenta anos.")
    signed_into_law = triggers("O presidente sancionou a lei aprovada pelo Congresso.")
    assert not [t for t in signed_into_law if t.type == "SANCTION"]
