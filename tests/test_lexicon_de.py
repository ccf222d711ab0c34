"""German event vocabulary (lexicons/de/events.json): one or two sentences per PLOVER type, composed for
this test (not taken from any article), and the trigger type, negation and future flags they must give."""
from __future__ import annotations

import pytest

from liaison import analyse, clean_text
from liaison.extract.triggers import find_triggers

# a neutral second sentence, so that the language detector has enough German to go on
PAD = " Die Bundesregierung in Berlin hat dazu am Montag eine ausführliche Erklärung veröffentlicht."


def triggers(sentence: str):
    [doc] = analyse([clean_text(sentence + PAD, source="t.txt")])
    assert doc.lang == "de"
    tokens = [t for t in doc.tokens if t.sent == 0]
    return find_triggers(tokens, doc.lang, doc.text, doc.parsed)


CASES = [
    # sentence, expected type (after future -> AGREE), expected mode or None to skip the check
    ("Der Innenminister traf sich am Montag mit seinem italienischen Amtskollegen.", "CONSULT", None),
    ("Die Ministerin besuchte am Mittwoch ein Aufnahmelager in Griechenland.", "CONSULT", "visit"),
    ("Der Minister telefonierte am Abend mit seinem tunesischen Kollegen.", "CONSULT", "phone"),
    ("Die Innenminister nahmen am EU-Gipfel in Brüssel teil.", "CONSULT", "multilateral"),
    ("Deutschland und Marokko unterzeichneten ein Migrationsabkommen.", "SUPPORT", None),
    ("Die Außenministerin lobte die gute Zusammenarbeit mit der Regierung in Tunis.", "SUPPORT", None),
    ("Beide Regierungen einigten sich auf eine engere Zusammenarbeit.", "AGREE", None),
    ("Die Kanzlerin bot Griechenland Hilfe bei der Grenzsicherung an.", "AGREE", None),
    ("Spanische und marokkanische Beamte führten gemeinsame Patrouillen durch.", "COOPERATE", None),
    ("Der gesuchte Schleuser wurde an die italienischen Behörden ausgeliefert.", "COOPERATE", None),
    ("Deutschland übergab der libyschen Küstenwache zehn neue Patrouillenboote.", "AID", None),
    ("Die Polizeimission bildet seit Jahren nigrische Grenzschützer aus.", "AID", None),
    ("Der Minister forderte die Regierung auf, mehr Migranten zurückzunehmen.", "REQUEST", None),
    ("Die Opposition appellierte an die Regierung, die Grenzen offen zu halten.", "REQUEST", None),
    ("Der Minister hat sich in Tunis für eine engere Zusammenarbeit bei Rückführungen stark gemacht.", "REQUEST",
     None),
    ("Die Ministerin macht sich in Rabat für mehr Zusammenarbeit bei der Migration stark.", "REQUEST", None),
    ("Die Regierung lehnte den Vorschlag der Kommission entschieden ab.", "REJECT", None),
    ("Italien verweigerte dem Rettungsschiff die Einfahrt in den Hafen.", "REJECT", None),
    ("Sammelabschiebungen per Charterflug lässt die Regierung in Rabat nicht zu.", "REJECT", None),
    ("Der geplante Besuch des Ministers in Algier wurde kurzfristig abgesagt.", "REJECT", "meet"),
    ("Die Regierung setzte die Abschiebungen nach Afghanistan vorerst aus.", "SANCTION", "discontinue"),
    ("Die Vereinigten Staaten verhängten neue Sanktionen gegen das Land.", "SANCTION", "discontinue"),
    ("Russland wies zwei deutsche Diplomaten aus.", "SANCTION", "expel"),
    ("Deutschland schob am Donnerstag 28 Straftäter nach Afghanistan ab.", "COERCE", "deport"),
    ("Die Bundespolizei nahm am Grenzübergang drei mutmaßliche Schleuser fest.", "COERCE", "arrest"),
    ("Die Bundespolizei verstärkte die Kontrollen an der Grenze zu Polen.", "MOBILIZE", "police"),
    ("Das Land entsandte 500 Soldaten an die Grenze.", "MOBILIZE", "troops"),
    ("Das Außenministerium kritisierte die Entscheidung der Nachbarn scharf.", "ACCUSE", "disapprove"),
    ("Marokko bestellte den spanischen Botschafter ein.", "ACCUSE", "disapprove"),
    ("Die Staatsanwaltschaft ermittelt gegen den ehemaligen Innenminister.", "ACCUSE", "investigate"),
    ("Der Präsident drohte mit Strafzöllen gegen das Nachbarland.", "THREATEN", "restrict"),
    ("Die Türkei drohte mit der Aufkündigung des Flüchtlingsabkommens.", "THREATEN", "relations"),
    ("Der Staatschef begnadigte die inhaftierten Journalisten.", "CONCEDE", None),
    ("Die Regierung lockerte die Einreisebeschränkungen für Studierende.", "CONCEDE", None),
    ("Die Behörden ließen die festgehaltenen Fischer frei.", "RETREAT", "release"),
    ("Der Innenminister trat am Freitag zurück.", "RETREAT", "resign"),
    ("Tausende Demonstranten gingen in der Hauptstadt auf die Straße.", "PROTEST", "demo"),
    ("Die Gefangenen traten in einen Hungerstreik.", "PROTEST", "hunger"),
    ("Bei einem Luftangriff auf die Stadt starben zwölf Menschen.", "ASSAULT", "aerial"),
    ("Unbekannte entführten zwei Entwicklungshelfer im Norden des Landes.", "ASSAULT", "abduct"),
]


@pytest.mark.parametrize("sentence,expected,mode", CASES)
def test_type(sentence, expected, mode):
    found = [t for t in triggers(sentence) if not t.negated]
    assert expected in [t.type for t in found], [(t.entry["id"], t.text) for t in found]
    if mode is not None:
        assert mode in [t.mode for t in found if t.type == expected]


@pytest.mark.parametrize("sentence,expected", [
    ("Die Innenminister wollen sich im Mai in Rom treffen.", "AGREE"),            # future meeting
    ("Der Minister wird nächste Woche nach Tunis reisen.", "AGREE"),
    ("Ein weiteres Treffen der Innenminister ist für den Herbst geplant.", "AGREE"),
    ("Der Kanzler lud seinen Amtskollegen zu einem Besuch nach Berlin ein.", "AGREE"),
])
def test_future_is_agree(sentence, expected):
    assert expected in [t.type for t in triggers(sentence) if not t.negated]


@pytest.mark.parametrize("sentence", [
    "Die beiden Minister trafen sich nicht, obwohl es geplant war.",
    "Deutschland hat das Abkommen bisher nicht unterzeichnet.",
    "Die Regierung will keine weiteren Migranten mehr abschieben.",
])
def test_negated(sentence):
    found = triggers(sentence)
    assert found and all(t.negated for t in found), [(t.entry["id"], t.text, t.negated) for t in found]


@pytest.mark.parametrize("sentence,wrong", [
    ("Die Regierung muss bald eine Entscheidung treffen.", "CONSULT"),        # decide
    ("Die Sanktionen treffen vor allem die arme Bevölkerung.", "CONSULT"),    # hit
    ("Es muss sichergestellt werden, dass die Rechte gewahrt bleiben.", "COERCE"),  # ensure
    ("Der Anstieg ist vor allem auf den Krieg zurückzuführen.", "COERCE"),    # attribute to
    ("Die Migranten sind in den Lagern Gewalt und Hunger ausgesetzt.", "SANCTION"),  # exposed to
    ("Der Zwischenstopp in Rom dauerte nur zwei Stunden.", "SANCTION"),       # a stopover
    ("Tausende abgelehnte Asylbewerber leben weiterhin in Deutschland.", "REJECT"),  # asylum decisions
    ("Der Minister verweigerte jeden Kommentar zu dem Vorfall.", "REJECT"),   # no comment
])
def test_other_senses_are_not_events(sentence, wrong):
    found = [t for t in triggers(sentence) if t.type == wrong]
    assert not found, [(t.entry["id"], t.text) for t in found]
