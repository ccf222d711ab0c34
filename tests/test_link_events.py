"""Cross-document event merging as scored clustering: one event per real event, in any language,
and no merge of two acts that only look alike (another day, other partners, a reference in passing).

Reports are built as the extract stage stores them, with the sentence vectors of real sentences
(the multilingual encoder runs for real)."""

from __future__ import annotations

from pathlib import Path

from liaison.link.events import merge_events
from liaison.link.pairing import pair_score
from liaison.nlp.vectors import decode_vector, embed, encode_vector

DAY = {"start": "2025-02-10", "end": "2025-02-10", "precision": "day", "basis": "stated"}
PUBLISHED_NEXT_DAY = {"start": "2025-02-11", "end": "2025-02-11", "precision": "day", "basis": "inferred"}
OTHER_DAY = {"start": "2024-01-19", "end": "2024-01-19", "precision": "day", "basis": "stated"}
MEETING_EN = (
    "Spain's interior minister and his Moroccan counterpart held a bilateral meeting in Madrid "
    "on security cooperation."
)
MEETING_FR = (
    "Le ministre marocain de l'Intérieur et son homologue espagnol ont tenu une réunion de travail "
    "à Madrid sur la coopération sécuritaire."
)
MEETING_ES = (
    "Los ministros del Interior de Marruecos y España se reunieron en Rabat para reforzar la "
    "cooperación en seguridad."
)


def report(doc, type_, date, countries, sentence, actors=(), salience="main", published="2025-02-11", n=0):
    [vector] = embed([sentence])
    return {
        "id": f"{doc}-{n}",
        "doc_id": doc,
        "kind": "event",
        "payload": {
            "type": type_,
            "mode": None,
            "contexts": ["migration"],
            "date": date,
            "location": None,
            "countries": countries,
            "summary": "",
            "evidence": [{"doc_id": doc, "start": 0, "end": len(sentence), "text": sentence}],
            "actors": [
                {"entity_id": a, "name": a, "role": None, "country": None, "side": "participant"}
                for a in actors
            ],
            "confidence": 0.6,
            "explanation": "rule",
            "salience": salience,
            "published": published,
            "vector": encode_vector(vector),
        },
    }


def test_the_same_meeting_told_in_english_and_french_is_one_event():
    rows = [
        report("en", "CONSULT", DAY, ["ESP", "MAR"], MEETING_EN, ["marlaska"]),
        report("fr", "CONSULT", PUBLISHED_NEXT_DAY, ["MAR", "ESP"], MEETING_FR, ["marlaska"]),
    ]
    [event] = merge_events(rows, {}, {}, names={"marlaska": "Fernando Grande-Marlaska"})
    assert sorted(event["sources"]) == ["en", "fr"]
    assert event["date"] == DAY  # the stated day wins over the inferred one
    assert "both name Fernando Grande-Marlaska" in event["explanation"]
    assert "score" in event["explanation"] and "vector" not in event


def test_two_meetings_of_the_same_ministers_on_different_stated_days_stay_apart():
    rows = [
        report("a", "CONSULT", DAY, ["ESP", "MAR"], MEETING_EN, ["marlaska"]),
        report("b", "CONSULT", OTHER_DAY, ["ESP", "MAR"], MEETING_ES, ["marlaska"], published="2024-01-20"),
    ]
    assert len(merge_events(rows, {}, {})) == 2


def test_acts_with_other_partners_stay_apart():
    a = report("a", "COERCE", DAY, ["USA", "COL"], "The United States deported migrants to Colombia.")
    b = report("b", "COERCE", DAY, ["USA", "BRA"], "The United States deported migrants to Brazil.")
    score = pair_score(a["payload"], b["payload"], None, None)
    assert score.vetoed and "other partners" in score.reasons[-1]


def test_an_earlier_act_told_in_passing_is_a_reference_not_a_report():
    """A signing stated in passing as five days old is no report of a signing that an article
    dates only by its own publication day."""
    today = {"start": "2025-02-15", "end": "2025-02-15", "precision": "day", "basis": "inferred"}
    signing = report("a", "SUPPORT", today, ["USA", "GTM"],
                     "The two governments signed the asylum agreement.", published="2025-02-15")
    later = report(
        "b",
        "SUPPORT",
        DAY,
        ["USA", "GTM"],
        "The agreement was signed five days ago.",
        salience="background",
        published="2025-02-16",
    )
    assert pair_score(signing["payload"], later["payload"], None, None).reasons == [
        "a reference in passing to an earlier act is not a report of it"]
    assert len(merge_events([signing, later], {}, {})) == 2


def test_an_act_told_in_passing_on_the_day_another_report_states_is_that_act():
    """es-ma 2024-11 (dev-clusters): 'This operation, carried out on Friday, led to the arrest of
    nine individuals' (22 November) and, four days later in another outlet, in passing, 'La
    operación, desarrollada el pasado 22 de noviembre, culminó con la detención de nueve personas':
    both state the same day, so the mention in passing is no reference to some other act."""
    arrests = report("a", "COERCE", DAY, ["MAR", "ESP"],
                     "This operation, carried out on Friday, led to the arrest of nine individuals.",
                     published="2025-02-11")
    recalled = report("b", "COERCE", DAY, ["ESP", "MAR"],
                      "La operación, desarrollada el pasado 10 de febrero, culminó con la detención de nueve "
                      "personas.", salience="background", published="2025-02-14")
    [merged] = merge_events([arrests, recalled], {}, {})
    assert len(merged["sources"]) == 2


def test_two_reports_of_one_document_never_join():
    rows = [
        report("a", "CONSULT", DAY, ["ESP", "MAR"], MEETING_EN, n=1),
        report("a", "CONSULT", DAY, ["ESP", "MAR"], MEETING_FR, n=2),
    ]
    assert len(merge_events(rows, {}, {})) == 2


def test_a_near_duplicate_document_adds_a_source_not_a_record():
    rows = [
        report("orig", "AGREE", DAY, ["FRA", "DZA"], MEETING_EN),
        report("copy", "AGREE", DAY, ["FRA", "DZA"], MEETING_EN),
    ]
    [event] = merge_events(rows, {}, {"copy": "orig"})
    assert sorted(event["sources"]) == ["copy", "orig"]


def test_event_actors_carry_the_canonical_name_of_their_entity():
    rows = [report("en", "CONSULT", DAY, ["FRA"], MEETING_EN, ["nunez"])]
    rows[0]["payload"]["actors"][0]["name"] = "Laurent Nunez"
    events = merge_events(rows, {("en", "nunez"): "N"}, {}, names={"N": "Laurent Nuñez"})
    assert events[0]["actors"][0]["entity_id"] == "N" and events[0]["actors"][0]["name"] == "Laurent Nuñez"


def test_stored_vectors_keep_the_cosine():
    a, b = embed([MEETING_EN, MEETING_FR])
    exact = float(a @ b)
    stored = float(decode_vector(encode_vector(a)) @ decode_vector(encode_vector(b)))
    assert abs(exact - stored) < 0.02 and exact > 0.6


def test_an_undated_report_never_chains_two_meetings_of_other_days_into_one():
    """The undated report fits either meeting; once it joins one, the other (weeks apart, never
    compared directly because blocking kept them apart) must not follow it into the cluster."""
    rows = [
        report("a", "CONSULT", DAY, ["ESP", "MAR"], MEETING_EN, ["marlaska"]),
        report("u", "CONSULT", None, ["ESP", "MAR"], MEETING_FR, ["marlaska"]),
        report("b", "CONSULT", OTHER_DAY, ["ESP", "MAR"], MEETING_ES, ["marlaska"], published="2024-01-20"),
    ]
    events = merge_events(rows, {}, {})
    assert not any({"a", "b"} <= set(e["sources"]) for e in events)


MONTH_STAMP = {"start": "2025-02-01", "end": "2025-02-28", "precision": "month", "basis": "inferred"}
LATE_DAY = {"start": "2025-02-24", "end": "2025-02-24", "precision": "day", "basis": "stated"}
NEXT_MONTH_DAY = {"start": "2025-03-01", "end": "2025-03-01", "precision": "day", "basis": "stated"}


def test_a_report_dated_only_by_its_pages_month_meets_a_stated_day_late_in_that_month():
    """A page stamped 'February' (no day stated for the act) is compared with a report stating
    24 February: its whole month is blocked, not only the first days; the month counts as a bound,
    not as evidence that the two tell one act."""
    rows = [
        report("day", "SUPPORT", LATE_DAY, ["USA", "GTM"], "The two governments signed the asylum agreement.",
               ["trump"]),
        report("stamp", "SUPPORT", MONTH_STAMP, ["GTM", "USA"],
               "El ministro acaba de firmar un acuerdo de asilo con Estados Unidos.", ["trump"]),
    ]
    [event] = merge_events(rows, {}, {})
    assert sorted(event["sources"]) == ["day", "stamp"]
    assert event["date"] == LATE_DAY
    assert "one only inferred" in event["explanation"]


def test_a_page_of_one_month_cannot_tell_of_an_act_stated_on_the_next_days():
    a = report("a", "CONSULT", NEXT_MONTH_DAY, ["USA", "GTM"], MEETING_EN, ["mcaleenan"])
    b = report("b", "CONSULT", MONTH_STAMP, ["USA", "GTM"], MEETING_ES, ["mcaleenan"])
    score = pair_score(a["payload"], b["payload"], None, None)
    assert score.vetoed and "do not overlap" in score.reasons[-1]


def test_a_person_whose_state_other_articles_give_brings_it_to_the_event():
    """A Moroccan outlet writes 'Laftit and his Spanish counterpart met' without saying Laftit is
    Moroccan; other articles made the linked person MAR. The event names MAR too, and says why;
    an actor whose own article gives a state keeps it."""
    rows = [report("ma", "CONSULT", DAY, ["ESP"], MEETING_FR, ["laftit", "marlaska"])]
    rows[0]["payload"]["actors"][1]["country"] = "ESP"
    [event] = merge_events(rows, {}, {}, states={"laftit": "MAR", "marlaska": "PRT"})
    assert sorted(event["countries"]) == ["ESP", "MAR"]
    assert "states completed at linking: MAR (laftit, from other articles)" in event["explanation"]
    [event] = merge_events(rows, {}, {})
    assert event["countries"] == ["ESP"]


def test_two_mentions_in_passing_join_through_a_report_that_matches_each():
    """us-gt 2019-07 (dev-clusters): Trump's threat against Guatemala, told as the news of one
    article ('esta semana presionara …'), and in passing by two others: one dated by its day of
    publication, one only by its page's month. Nothing ties the two mentions to each other, but
    nothing tells them apart either: through the report that matches each, they are one event."""
    week = {"start": "2019-07-22", "end": "2019-07-28", "precision": "week", "basis": "stated"}
    day = {"start": "2019-07-26", "end": "2019-07-26", "precision": "day", "basis": "inferred"}
    month = {"start": "2019-07-01", "end": "2019-07-31", "precision": "month", "basis": "inferred"}
    news = report("elmundo", "THREATEN", week, ["USA", "GTM"],
                  "Trump se ha salido así con la suya después de que esta semana presionara al Gobierno de "
                  "Guatemala con imponerle impuestos a las remesas.", actors=("Donald Trump",),
                  published="2019-07-27")
    wapo = report("wapo", "THREATEN", day, ["GTM", "USA"],
                  "The announcement comes just days after Trump threatened retaliation against Guatemala as "
                  "discussions stalled.", salience="background", published="2019-07-26")
    prensa = report("prensa", "THREATEN", month, ["USA", "GTM"],
                    "Según lo dicho por Trump, si Morales no accedía a firmar un acuerdo, estaría "
                    "dispuesto a subir los aranceles e imponer impuestos a las remesas.",
                    actors=("Donald Trump",), salience="background", published=None)
    assert pair_score(wapo["payload"], prensa["payload"], None, None).score < 2.4
    merged = merge_events([news, wapo, prensa], {}, {})
    assert len(merged) == 1 and len(merged[0]["sources"]) == 3


def test_an_article_that_tells_an_operation_as_seizures_and_arrests_may_meet_a_report_of_the_arrests():
    """dev-clusters es-ma 2024-11 (allAfrica, French): 'Les perquisitions … ont permis la saisie
    d'armes' and 'les personnes appréhendées … ont été placées en garde à vue' are one act of the
    article (one COERCE event, mode seize, also told as arrests). Another outlet's report of the
    arrests is then no 'COERCE of another kind'; a report of deportations still is."""
    from liaison import clean_text
    from liaison.evaluate.score import read_jsonl
    from liaison.pipeline import analyse

    rows = read_jsonl(Path(__file__).parent / "data" / "clusters-articles.jsonl")
    article = next(r for r in rows if "allafrica.com/stories/202411220364" in r["url"])
    [doc] = analyse([clean_text(article["text"], source="002.txt", url=article["url"])])
    [operation] = [e for e in doc.events if e.type == "COERCE"]
    assert operation.mode == "seize" and "arrest" in operation.also_modes
    told = report("a", "COERCE", DAY, ["MAR", "ESP"], "The operation led to the arrest of nine individuals.")
    told["payload"]["mode"] = "arrest"
    stored = report("b", "COERCE", DAY, ["MAR", "ESP"], operation.evidence[0].text)
    stored["payload"].update(mode=operation.mode, also_modes=list(operation.also_modes))
    assert "another kind" not in " ".join(pair_score(told["payload"], stored["payload"], None, None).reasons)
    told["payload"]["mode"] = "deport"
    assert pair_score(told["payload"], stored["payload"], None, None).reasons == [
        "COERCE of another kind (deport / seize)"]


def test_the_signing_two_articles_of_one_meeting_mention_in_passing_is_one_act():
    """dev24 003 (French) and 008 (German) report the same Rabat meeting, each dated only by its
    page's month, and each mentions in passing the declaration of intent signed there ('la
    signature d'une déclaration d'intention commune entre les ministères de l'Intérieur des deux
    pays', 'unterzeichnete sie … eine entsprechende Absichtserklärung'). The two sentences read
    apart, but the articles already share the meeting and nothing tells the signings apart: one
    act. Without the shared meeting the two mentions stay apart."""
    month = {"start": "2023-10-01", "end": "2023-10-31", "precision": "month", "basis": "inferred"}
    meeting_fr = report("fr", "CONSULT", month, ["MAR", "DEU"],
                        "Le ministre de l'Intérieur, Abdelouafi Laftit, a tenu à Rabat une réunion avec la "
                        "ministre allemande de l'Intérieur, Nancy Faeser.", actors=("Laftit", "Faeser"),
                        published=None, n=1)
    meeting_de = report("de", "CONSULT", month, ["DEU", "MAR"],
                        "Innenministerin Faeser ist in der marokkanischen Hauptstadt Rabat eingetroffen und "
                        "traf dort ihren Amtskollegen Laftit.", actors=("Laftit", "Faeser"),
                        published=None, n=1)
    signing_fr = report("fr", "SUPPORT", month, ["DEU", "MAR"],
                        "Cette réunion a été sanctionnée par la signature d'une déclaration d'intention "
                        "commune entre les ministères de l'Intérieur des deux pays.",
                        salience="background", published=None, n=2)
    signing_de = report("de", "SUPPORT", month, ["MAR", "DEU"],
                        "Mit ihrem marokkanischen Amtskollegen unterzeichnete sie in der Hauptstadt Rabat "
                        "eine entsprechende Absichtserklärung.", salience="background", published=None, n=2)
    alone = merge_events([signing_fr, signing_de], {}, {})
    assert len(alone) == 2
    merged = merge_events([meeting_fr, meeting_de, signing_fr, signing_de], {}, {})
    signings = [e for e in merged if e["type"] == "SUPPORT"]
    assert len(signings) == 1 and sorted(signings[0]["sources"]) == ["de", "fr"]
    assert "the same kind of act between the same states" in signings[0]["explanation"]
