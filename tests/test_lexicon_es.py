"""The Spanish event vocabulary (lexicons/es/events.json) on sentences written for this test.

Spanish has no parser here: triggers are found on rule tokens by Snowball stem or exact form, and
the synthetic future (firmará, se reunirá) is AGREE through the lexicon's own future forms.
"""
from __future__ import annotations

import pytest

from liaison.extract.triggers import find_triggers
from liaison.nlp.tokens import rule_tokens
from liaison.records import Span


def triggers_of(text: str):
    tokens = list(rule_tokens(text, "es", (Span(0, len(text), text),)))
    return find_triggers(tokens, "es", text)


def types_of(text: str, *, negated: bool = False) -> list[str]:
    return [t.type for t in triggers_of(text) if t.negated == negated]


@pytest.mark.parametrize("text,expected", [
    # AGREE
    ("Los dos gobiernos acordaron crear un grupo de trabajo permanente.", "AGREE"),
    ("Ambos países se comprometieron a intensificar el intercambio de experiencias.", "AGREE"),
    # CONSULT
    ("El ministro se reunió el martes con su homólogo peruano en Lima.", "CONSULT"),
    ("La vicepresidenta visitó ayer la sede de la agencia europea.", "CONSULT"),
    ("Los dos presidentes mantuvieron una conversación telefónica.", "CONSULT"),
    # SUPPORT
    ("Chile y Perú firmaron un memorando de entendimiento sobre seguridad fronteriza.", "SUPPORT"),
    ("El Senado ratificó el convenio de asistencia judicial.", "SUPPORT"),
    ("El canciller elogió la labor de la policía ecuatoriana.", "SUPPORT"),
    # CONCEDE
    ("El presidente indultó a los opositores encarcelados.", "CONCEDE"),
    ("El Gobierno flexibilizó los requisitos de visado para los estudiantes.", "CONCEDE"),
    # COOPERATE
    ("Policías de ambos países realizaron patrullas conjuntas en la frontera.", "COOPERATE"),
    ("Portugal extraditó a Brasil a un presunto narcotraficante.", "COOPERATE"),
    ("Las dos agencias intercambiaron información sobre las redes de tráfico.", "COOPERATE"),
    # AID
    ("Japón donó tres lanchas patrulleras a la guardia costera filipina.", "AID"),
    ("Francia formó a cincuenta agentes de la policía nigerina.", "AID"),
    # RETREAT
    ("Las autoridades liberaron a los pescadores retenidos desde enero.", "RETREAT"),
    ("El ministro de Justicia presentó su dimisión tras el escándalo.", "RETREAT"),
    # REQUEST
    ("El Gobierno pidió a Bruselas más fondos para el control de fronteras.", "REQUEST"),
    ("La ministra instó a los países de origen a readmitir a sus nacionales.", "REQUEST"),
    # ACCUSE
    ("El ministro acusó a las autoridades vecinas de no controlar la frontera.", "ACCUSE"),
    ("La Fiscalía investiga a dos funcionarios por tráfico de influencias.", "ACCUSE"),
    # REJECT
    ("El Gobierno rechazó la propuesta de reparto de refugiados.", "REJECT"),
    ("El país se negó a readmitir a los migrantes expulsados.", "REJECT"),
    ("Colombia no aceptó los vuelos con migrantes deportados.", "REJECT"),
    # THREATEN
    ("El presidente amenazó con cerrar la frontera.", "THREATEN"),
    ("Washington amenazó con imponer aranceles a las importaciones.", "THREATEN"),
    # PROTEST
    ("Miles de manifestantes marcharon contra la reforma migratoria.", "PROTEST"),
    ("Los internos iniciaron una huelga de hambre.", "PROTEST"),
    # SANCTION
    ("El Gobierno suspendió la emisión de visados a los ciudadanos de ese país.", "SANCTION"),
    ("Caracas rompió relaciones diplomáticas con Lima.", "SANCTION"),
    ("El Gobierno expulsó a tres diplomáticos del país vecino.", "SANCTION"),
    # MOBILIZE
    ("El Ejecutivo desplegó 300 agentes en la frontera sur.", "MOBILIZE"),
    ("El ejército movilizó tropas hacia la frontera.", "MOBILIZE"),
    # COERCE
    ("Las autoridades deportaron a 80 migrantes a su país de origen.", "COERCE"),
    ("La policía detuvo a seis personas en el puerto.", "COERCE"),
    # ASSAULT
    ("Hombres armados secuestraron a dos cooperantes en la capital.", "ASSAULT"),
    ("Un atentado con coche bomba sacudió la ciudad.", "ASSAULT"),
])
def test_trigger_type(text, expected):
    assert expected in types_of(text)


@pytest.mark.parametrize("text", [
    "La ministra se reunirá la próxima semana con su homólogo portugués.",   # synthetic future
    "Ambos países firmarán el acuerdo antes del verano.",                    # synthetic future
    "Los ministros van a reunirse en marzo.",                                # ir a + infinitive
    "El Gobierno tiene previsto firmar el convenio en otoño.",               # future cue
    "La firma del acuerdo está prevista para mayo.",                         # noun + prevista
])
def test_future_cooperation_is_agree(text):
    found = types_of(text)
    assert "AGREE" in found and "SUPPORT" not in found and "CONSULT" not in found


@pytest.mark.parametrize("text,event_type", [
    ("El Gobierno no firmó el acuerdo.", "SUPPORT"),
    ("Los dos gobiernos no se han reunido desde hace años.", "CONSULT"),
])
def test_negated_event_is_flagged(text, event_type):
    found = [t for t in triggers_of(text) if t.type == event_type]
    assert found and all(t.negated for t in found)


def test_hypothetical_event_is_flagged():
    found = [t for t in triggers_of("Si el país no coopera, el Gobierno podría suspender los visados.")
             if t.type == "SANCTION"]
    assert found and all(t.hypothetical for t in found)


@pytest.mark.parametrize("text,not_expected", [
    ("La trata de personas es un delito.", "CONSULT"),                    # trata is not tratar
    ("Los deportes de invierno atraen a miles de turistas.", "COERCE"),   # deporte is not deportar
    ("El ministro se negó a hacer comentarios.", "REJECT"),               # refusing to comment
    ("El portavoz pidió no ser identificado.", "REQUEST"),
    ("Las llegadas de migrantes se dispararon en verano.", "ASSAULT"),    # dispararse = to soar
    ("El pacto apuesta por una migración segura, ordenada y regular.", "REQUEST"),
    ("El ministro reconoció que la situación es crítica.", "ACCUSE"),
    ("El ministro ofreció una rueda de prensa en Madrid.", "AGREE"),
    ("El ministro se encuentra en Bruselas.", "CONSULT"),
    ("El Gobierno mantiene una postura firme ante la crisis.", "SUPPORT"),       # firme is not firmar
])
def test_other_senses_are_not_triggers(text, not_expected):
    assert not_expected not in types_of(text)
