"""The French event vocabulary (lexicons/fr/events.json) on sentences written for this test.

Each sentence is an invented example of a PLOVER event as French news reports it (not taken from
an article): the trigger found must have the expected type; a few check the cue flags (negation,
'ne ... que' which is not one, future -> AGREE, hearsay conditional) and the vetoed senses.
"""

from __future__ import annotations

import functools

import pytest

from liaison import clean_text
from liaison.extract.triggers import find_triggers
from liaison.nlp.pipelines import load, parse_batch


@functools.cache
def _triggers(text: str) -> tuple:
    doc = clean_text(text, source="test_lexicon_fr.txt").with_(lang="fr")
    [doc] = parse_batch([doc])
    return tuple(find_triggers(list(doc.tokens), "fr", doc.text, doc.parsed))


def kept_types(text: str) -> set[str]:
    return {t.type for t in _triggers(text) if not t.negated}


@pytest.mark.parametrize(
    "text,expected",
    [
        # CONSULT
        ("Le ministre de l'Intérieur a rencontré mardi son homologue sénégalais à Dakar.", "CONSULT"),
        ("La ministre s'est rendue jeudi en Tunisie pour une visite de travail.", "CONSULT"),
        ("Les deux chefs de gouvernement se sont entretenus par téléphone dimanche soir.", "CONSULT"),
        # SUPPORT
        ("Les deux gouvernements ont signé lundi un accord sur la réadmission des migrants.", "SUPPORT"),
        ("Le ministre a salué l'engagement des autorités ghanéennes contre les passeurs.", "SUPPORT"),
        # AGREE
        ("Les deux pays sont convenus de renforcer leur coopération policière.", "AGREE"),
        ("Le gouvernement s'est engagé à reprendre ses ressortissants en situation irrégulière.", "AGREE"),
        # COOPERATE
        (
            "Une opération conjointe des polices des deux pays a permis l'arrestation de douze passeurs.",
            "COOPERATE",
        ),
        ("Le suspect a été extradé vers la Belgique vendredi.", "COOPERATE"),
        # AID
        ("Le gouvernement a fait don de dix véhicules tout-terrain à la gendarmerie nigérienne.", "AID"),
        ("Des formateurs européens ont formé une centaine de policiers mauritaniens.", "AID"),
        # REQUEST
        ("Le ministre a exhorté les pays d'origine à reprendre leurs ressortissants.", "REQUEST"),
        ("Le gouvernement réclame des explications à l'ambassadeur.", "REQUEST"),
        # REJECT
        ("Les autorités ont refusé l'accès du navire humanitaire à leurs ports.", "REJECT"),
        ("Le président a annulé sa visite officielle à Madrid.", "REJECT"),
        # SANCTION
        ("Le gouvernement a suspendu la délivrance de visas aux ressortissants du pays.", "SANCTION"),
        ("Le pays a rappelé son ambassadeur pour consultations.", "SANCTION"),
        # COERCE
        ("Plus de deux cents migrants ont été expulsés vers leur pays d'origine.", "COERCE"),
        ("Trois hommes ont été interpellés et placés en garde à vue.", "COERCE"),
        # MOBILIZE
        ("Le ministère a déployé cinq cents gendarmes supplémentaires le long de la frontière.", "MOBILIZE"),
        ("L'armée a massé des troupes près de la frontière.", "MOBILIZE"),
        # ACCUSE
        ("Le ministère des Affaires étrangères a condamné fermement cette ingérence.", "ACCUSE"),
        ("Le parquet a ouvert une enquête pour aide au séjour irrégulier.", "ACCUSE"),
        # THREATEN
        ("Le président a menacé d'imposer des droits de douane sur les produits du pays.", "THREATEN"),
        ("Le gouvernement a adressé un ultimatum aux autorités voisines.", "THREATEN"),
        # CONCEDE
        ("Le roi a gracié plusieurs centaines de prisonniers à l'occasion de la fête nationale.", "CONCEDE"),
        ("Le gouvernement a assoupli les conditions d'obtention des visas.", "CONCEDE"),
        # RETREAT
        ("Les autorités ont libéré les quinze pêcheurs retenus depuis le mois dernier.", "RETREAT"),
        ("Le ministre de l'Intérieur a démissionné lundi soir.", "RETREAT"),
        # PROTEST
        ("Des milliers de manifestants ont défilé dimanche dans la capitale.", "PROTEST"),
        ("Les contrôleurs aériens sont en grève depuis trois jours.", "PROTEST"),
        # ASSAULT
        ("Des hommes armés ont enlevé deux ressortissants étrangers dans le nord du pays.", "ASSAULT"),
        ("Une frappe aérienne a visé un convoi près de la frontière.", "ASSAULT"),
    ],
)
def test_type(text, expected):
    if load("fr") is None:
        pytest.skip("no French spaCy pipeline installed")
    assert expected in kept_types(text), [(t.entry["id"], t.text, t.negated) for t in _triggers(text)]


@pytest.mark.parametrize(
    "text,expected,negated,future,hypothetical",
    [
        ("Les deux pays n'ont pas signé l'accord de réadmission.", "SUPPORT", True, False, False),
        ("Le ministre ne signera jamais cet accord.", "AGREE", True, None, False),
        ("Le pays n'a expulsé que trente personnes cette année.", "COERCE", False, False, False),
        ("Le ministre rencontrera son homologue italien en mai.", "AGREE", False, None, False),
        ("Le ministre doit se rendre à Nouakchott le mois prochain.", "AGREE", False, True, False),
        ("Les deux ministres vont signer un accord de coopération policière.", "AGREE", False, True, False),
        # the press's conditional perfect reports an act (cues reported_conditional); a condition
        # or a modal keeps it a hypothesis
        ("Le président aurait rencontré secrètement son homologue.", "CONSULT", False, False, False),
        ("S'il était venu, le président aurait rencontré son homologue.", "CONSULT", False, False, True),
    ],
)
def test_flags(text, expected, negated, future, hypothetical):
    if load("fr") is None:
        pytest.skip("no French spaCy pipeline installed")
    found = [t for t in _triggers(text) if t.type == expected]
    assert found, [(t.entry["id"], t.text, t.type) for t in _triggers(text)]
    t = found[0]
    assert t.negated is negated
    assert future is None or t.future is future
    assert t.hypothetical is hypothetical


@pytest.mark.parametrize(
    "text,absent",
    [
        ("Le gouvernement rencontre des difficultés à appliquer la loi.", "CONSULT"),
        ("Elle a refusé de commenter ces informations.", "REJECT"),
        ("Le député a saisi l'occasion pour interroger le ministre.", "COERCE"),
        ("La demande d'asile du jeune homme est toujours en cours d'examen.", "REQUEST"),
        ("La menace terroriste reste élevée selon les services de renseignement.", "THREATEN"),
        ("Il s'est rendu compte de son erreur après coup.", "CONSULT"),
    ],
)
def test_other_sense_vetoed(text, absent):
    if load("fr") is None:
        pytest.skip("no French spaCy pipeline installed")
    assert absent not in kept_types(text), [(t.entry["id"], t.text) for t in _triggers(text)]
