"""Event triggers on real sentences of the seed and dev articles (en, fr, es, de, it)."""
from __future__ import annotations

import pytest

from liaison.extract.triggers import Trigger, find_triggers
from liaison.nlp.pipelines import parse_batch
from liaison.records import Document


def found_triggers(text: str, lang: str) -> list[Trigger]:
    """The triggers of every sentence of `text`, read as the pipeline reads it (parsed in en/fr)."""
    [doc] = parse_batch([Document(id="t", source="t.txt", text=text, lang=lang)])
    return [t for k in range(len(doc.sentences))
            for t in find_triggers([x for x in doc.tokens if x.sent == k], lang, doc.text, doc.parsed)]


def triggers_of(text: str, lang: str) -> list[tuple[str, str | None, bool, bool]]:
    return [(t.type, t.mode, t.negated, t.hypothetical) for t in found_triggers(text, lang)]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Deputy Minister of Public Security Lieutenant General Nguyen Van Long had a meeting with "
           "French Minister Attached to the Minister of the Interior François-Noël Buffet to discuss "
           "cooperation in the fight against crimes, on June 11, 2025.", "CONSULT"),
    ("en", "A “first-of-its-kind” security agreement was signed between Iraq and the UK on Thursday",
     "SUPPORT"),
    ("en", "the two countries agreed to create a working group at a technical level", "AGREE"),
    ("en", "Nuñez emphasised the need to “significantly improve our cooperation on readmissions,”",
     "REQUEST"),
    ("en", "Mali refused entry to two migrants expelled from France", "REJECT"),
    ("en", "readmissions of its nationals, which Algeria has suspended in recent months", "SANCTION"),
    ("en", "Manila deported on Tuesday morning two of four Japanese suspects", "COERCE"),
    ("en", "Europol said six “high-value targets” were arrested in Dubai.", "COERCE"),
    ("en", "Police in six countries have taken down a “super cartel” of drugs traffickers", "COOPERATE"),
    ("en", "the Interior Minister donated three vehicles to the police of Côte d'Ivoire", "AID"),
    ("fr", "Le ministre de l’Intérieur, Abdelouafi Laftit, a eu, mardi 25 novembre à Marrakech, "
           "un entretien avec son homologue français, Laurent Nuñez.", "CONSULT"),
    ("fr", "Cette réunion a été sanctionnée par la signature d’une déclaration d’intention commune entre les "
           "ministères de l’Intérieur des deux pays", "SUPPORT"),
    ("fr", "les deux parties ont convenu de renforcer la dynamique d'échange d'expériences et d'informations",
     "AGREE"),
    ("fr", "Le 24 avril dernier, Moroni avait refusé l'accostage d'un bateau en provenance de Mayotte",
     "REJECT"),
    ("fr", "Moroni a suspendu le trafic de passagers dans le port d'Anjouan", "SANCTION"),
    # dev 007: a donation handed over, with who gives it said in between
    ("fr", "À l’occasion, le ministre français de l’Intérieur a remis, au nom de son pays, un don composé "
           "de trois véhicules, des appareils de communication, des balises et des menottes.", "AID"),
    ("es", "El ministro del Interior, Fernando Grande-Marlaska, se reunió ayer en Nuakchot con el "
           "presidente de Mauritania", "CONSULT"),
    ("de", "unterzeichnete sie in der Hauptstadt Rabat eine entsprechende Absichtserklärung.", "SUPPORT"),
    ("it", "Dapprima Piantedosi ha incontrato il collega tunisino Kamel Fekih.", "CONSULT"),
    ("pt", "O ministro da Administração Interna reuniu-se com o seu homólogo marroquino em Rabat.",
     "CONSULT"),
])
def test_trigger_type(lang, text, expected):
    assert expected in [t[0] for t in triggers_of(text, lang) if not t[2]]


def test_future_cooperation_is_agree():
    text = ("Minister Buffet affirmed that the French Ministry of the Interior will support "
            "the Ministry of Public Security")
    found = found_triggers(text, "en")
    assert not any(t.type == "SUPPORT" for t in found)


def test_future_visit_is_agree_in_french():
    text = "Gérald Darmanin a annoncé mercredi 3 mai la venue à Paris de son homologue des Comores"
    assert "AGREE" in [t[0] for t in triggers_of(text, "fr")]


@pytest.mark.parametrize("lang,text", [
    ("en", "The minister did not meet his Algerian counterpart."),
    ("fr", "Le ministre n'a pas signé l'accord avec l'Algérie."),
])
def test_negated_event_is_flagged(lang, text):
    found = triggers_of(text, lang)
    assert found and all(t[2] for t in found)


def test_hypothetical_event_is_flagged():
    found = triggers_of("If Algeria refused the returns, France could suspend visas.", "en")
    assert found and all(t[3] for t in found)


@pytest.mark.parametrize("lang,text,hypothetical", [
    # dev-clusters 019 (il Post): the press's conditional perfect reports an act it has from a source
    ("it", "Secondo lo Spiegel, il governo tedesco avrebbe negoziato il rimpatrio direttamente con il Qatar.",
     False),
    ("fr", "Selon le quotidien, Paris aurait expulsé vingt ressortissants algériens vers Alger.", False),
    ("fr", "Selon le quotidien, vingt ressortissants algériens auraient été expulsés vers Alger.", False),
    # ... a condition opening the sentence makes it a hypothesis again, and a modal stays one
    ("fr", "Si Alger avait accepté les laissez-passer, Paris aurait expulsé vingt ressortissants.", True),
    ("it", "Il governo potrebbe negoziare il rimpatrio con il Qatar.", True),
])
def test_a_reported_conditional_tells_an_act(lang, text, hypothetical):
    acts = [t for t in found_triggers(text, lang) if t.type in ("CONSULT", "COERCE")]
    assert acts and acts[0].hypothetical is hypothetical


@pytest.mark.parametrize("text,absent", [
    # real Wikinews sentences (CC BY 2.5) where a trigger word has another sense
    ("The Immigration Department said in November that the Government was working to resolve the "
     "cases of the two final Nauru asylum seekers.", "SUPPORT"),          # 'final' is not 'finalise'
    ("In Stockholm where a few hundred people braved the cold and falling hail to gather at an outdoor "
     "rally in the Swedish capital, the mother of a British soldier killed in Iraq took the stage.",
     "SUPPORT"),                                                          # hail, the weather
    ("Lt. Col. Mark Ballesteros, a Pentagon spokesman says \"DoD policy has and always will be the "
     "humane treatment of detainees in its custody.\"", "COERCE"),        # in custody: a state, no act
    ("The United States Supreme Court has ruled that the military commissions set up in the Guantanamo "
     "Bay detainment camps in Cuba are not authorized by the Congress.", "COERCE"),  # a place
    ("The jury at London's Central Criminal Court was unable to agree on verdicts on two other charges "
     "under the Official Secrets Act.", "AGREE"),                        # 'unable to' negates
    ("Armoured columns of the Israeli Defense Forces are meeting resistance as they move deeper into "
     "Lebanon.", "CONSULT"),                                              # meeting resistance
    ("On average, 34 ordinary Iraqis have met violent deaths every day since the invasion of March "
     "2003.", "CONSULT"),                                                 # meeting one's death
    # dev 014 (AFP and Indonesian police): threats to a country are dangers, no one threatening
    ("- intelligence exchange and capability development on regional counter terrorism with a focus "
     "on threats to Australia and Indonesia.", "THREATEN"),
])
def test_another_sense_of_a_trigger_word_is_no_act(text, absent):
    assert absent not in [t for t, _, negated, _ in triggers_of(text, "en") if not negated]


def test_intelligence_exchange_is_cooperation_and_a_threat_to_do_is_a_threat():
    """dev 014: 'intelligence exchange' (the compound of 'exchange intelligence'); 'threats to
    impose tariffs' is a threat (infinitive 'to'), unlike 'threats to Australia'."""
    assert "COOPERATE" in [t for t, *_ in triggers_of(
        "- intelligence exchange and capability development on regional counter terrorism.", "en")]
    assert "THREATEN" in [t for t, *_ in triggers_of("He made threats to impose tariffs on Colombia.", "en")]


def test_meeting_with_opposition_leaders_stays_a_meeting():
    assert "CONSULT" in [t for t, *_ in triggers_of(
        "Ambassadors from the United States and Britain met with opposition leaders in Suva.", "en")]


def test_taken_into_custody_is_an_arrest():
    text = ("On March 23, the fifteen sailors and marines were surrounded by Iranian gunboats and taken "
            "into custody.")
    assert ("COERCE", "arrest", False, False) in triggers_of(text, "en")


@pytest.mark.parametrize("text,planned", [
    # real Wikinews sentences (CC BY 2.5): a deportation only planned is not one carried out
    ("Refugee groups and protesters in the United Kingdom are concerned over plans to forcibly deport "
     "around 20 rejected asylum seekers to Northern Iraq.", True),
    ("DIMIA, which had originally planned to deport the group, say the West Timorese will remain on "
     "Christmas Island while their claims for refugee protection are assessed.", True),
    ("Manila deported on Tuesday morning two of four Japanese suspects", False),
])
def test_a_planned_deportation_is_flagged_planned(text, planned):
    [deport] = [t for t in found_triggers(text, "en") if t.type == "COERCE"]
    assert deport.planned is planned


def test_a_planned_coercion_is_no_event_but_a_planned_meeting_is_agree():
    from liaison import plover

    assert plover.planned_is_no_act("COERCE") and not plover.planned_is_no_act("AGREE")
    assert plover.future_type("CONSULT") == "AGREE"


def test_plover_facts_the_rules_use_come_from_plover_json():
    """The promise and threat types and the types whose complement is a topic are data
    (plover.json), not literals in the extraction code."""
    from liaison import plover

    assert (plover.promise_type(), plover.threat_type()) == ("AGREE", "THREATEN")
    assert plover.takes_topic("CONSULT") and not plover.takes_topic("COERCE")
    assert plover.takes_content("THREATEN") and plover.takes_content("REQUEST")


@pytest.mark.parametrize("text,conceded", [
    # real Wikinews sentences (CC BY 2.5): Amnesty the organisation, and an amnesty granted
    ("Amnesty also staged protests Friday in the Philippines, Sweden, Paraguay, Bahrain, Ireland, and "
     "Israel.", False),
    ("Russian authorities instigated an amnesty that reached out to all insurgents of the Russian North "
     "Caucasus area who would lay down their weapons in exchange for peace.", True),
])
def test_amnesty_the_organisation_concedes_nothing(text, conceded):
    assert ("CONCEDE" in [t for t, _, _, _ in triggers_of(text, "en")]) is conceded


@pytest.mark.parametrize("text,absent", [
    # real Wikinews sentences (CC BY 2.5): a briefing, an accident and web hosting are no acts
    ("Outside the Hotel Timor today, where East Timorese Prime Minister Alkatiri was about to hold a press "
     "conference, an Australian patrol arrested what appeared to be two gangs.", "CONSULT"),
    ("Six people, including four U.N. staff working for the anti-narcotics department in Bolivia, have been "
     "killed in a plane crash in a remote area in the west of the country.", "ASSAULT"),
    ("The EU law Electronic Commerce Directive 2000 provides liability protections for hosting sites.",
     "CONSULT"),
])
def test_briefings_accidents_and_web_hosting_are_no_acts(text, absent):
    assert absent not in [t for t, _, _, _ in triggers_of(text, "en")]


def test_a_press_conference_does_not_hide_the_meeting_before_it():
    text = ("\"I don't know if the people of Canada understand the leadership role you took in Romania, "
            "but it was strong and effective,\" stated Bush in the joint press conference after the meeting.")
    assert "CONSULT" in [t for t, _, _, _ in triggers_of(text, "en")]


@pytest.mark.parametrize("lang,text", [
    ("en", "In response, President Trump ordered tariffs on Colombian goods, a travel ban for Colombian "
           "citizens, and the revocation of visas for Colombian officials"),
    ("es", "Trump ordenó aranceles a los productos colombianos y la suspensión de los visados"),
])
def test_ordering_a_punitive_measure_imposes_it(lang, text):
    """'ordered tariffs' is a sanction imposed, not a request made of someone."""
    types = [t[0] for t in triggers_of(text, lang) if not t[2]]
    assert "SANCTION" in types and "REQUEST" not in types


@pytest.mark.parametrize("text,requested", [
    # real Wikinews sentence (CC BY 2.5): 'in heavy demand' is needed, no one asks anyone
    ("These are in heavy demand in Iraq and Afghanistan because of their role working with local "
     "civilian authorities.", False),
    ("The minister demanded that Rabat take back its nationals.", True),
])
def test_in_heavy_demand_is_no_request(text, requested):
    assert ("REQUEST" in [t for t, _, _, _ in triggers_of(text, "en")]) is requested


@pytest.mark.parametrize("lang,text", [
    # real Wikinews sentences (CC BY 2.5): a judge sharing an argument, services sharing an assessment
    ("en", "Trotter agreed with Crown arguments that such devices required co-operation from the subject."),
    ("fr", "Tous les services spécialisés ainsi que les diplomates de l'ambassade de France à Damas sont "
           "d'accord sur cette conclusion."),
])
def test_agreeing_with_an_argument_or_a_conclusion_is_an_opinion_not_an_agreement(lang, text):
    """To agree with an argument, a view or a conclusion (events.json agree.agree `not_after`) is to
    share an opinion, not to reach an agreement."""
    assert "AGREE" not in {t[0] for t in triggers_of(text, lang)}


@pytest.mark.parametrize("lang,text,expected", [
    # dev-clusters 027 (rtl.fr): police deployed at once in four states is one coordinated operation
    ("fr", "Des policiers ont été déployés simultanément en France, Italie, Allemagne et en Belgique.", True),
    # Wikinews (CC BY 2.5): fires breaking out at once are no police action, whatever their number
    ("en", "The prime minister, Kostas Karamanlis, said on Saturday it could not be coincidence that so many "
           "fires broke out simultaneously in so many areas of the country.", False),
])
def test_police_acting_simultaneously_in_several_states_is_a_joint_operation(lang, text, expected):
    """Police, raids or arrests carried out simultaneously (events.json cooperate.joint) are a
    coordinated operation, COOPERATE; simultaneity alone is none."""
    assert ("COOPERATE" in {t[0] for t in triggers_of(text, lang)}) is expected


@pytest.mark.parametrize("lang,text", [
    # real Wikinews sentences (CC BY 2.5): saying 'I want to thank' is thanking
    ("en", '"We want to express our appreciation for the support that we have received from the United '
           'States to combat drug trafficking," Colom noted.'),
    ("en", '"I want to congratulate you and thank you for your strong leadership," he said.'),
])
def test_wanting_to_thank_or_praise_is_the_praise_itself(lang, text):
    """A praise (events.json support.praise, `performative`) after 'want to', 'would like to', 'tiens à'
    (cues `volition`) is done in the saying: SUPPORT, not a future act coded AGREE."""
    assert {t[0] for t in triggers_of(text, lang)} == {"SUPPORT"}
