"""Commitments from the real seed articles: deadlines stated in the sentence that introduces a plan,
and plain futures whose subject points back at a promise just made ('These reinforcements will')."""
from __future__ import annotations

from pathlib import Path

import pytest


def _commitment_with(doc, words):
    return next(c for c in doc.commitments if words in c.evidence[0].text)


def test_deadline_from_the_sentence_that_introduces_the_plan(analysed_seeds):
    # 'Looking ahead to 2026, Laurent Nunez announces ... He mentions "seven new posts" to be created'
    posts = _commitment_with(analysed_seeds["000"], "seven new posts")
    assert posts.due is not None
    assert (posts.due.start, posts.due.end) == ("2026-01-01", "2026-12-31")
    assert "FRA" in posts.countries


def test_demonstrative_subject_continues_a_promise(analysed_seeds):
    rise = _commitment_with(analysed_seeds["000"], "35 to 50")
    assert "FRA" in rise.countries


def test_a_plain_future_without_a_committing_subject_is_not_a_promise(analysed_seeds):
    # 'foreign nationals ... who will continue to pose a threat' style futures stay out
    texts = [c.evidence[0].text for c in analysed_seeds["000"].commitments]
    assert not any("will also help to" in t for t in texts)


def test_a_future_in_a_relative_clause_after_a_promise_describes_what_was_promised(analysed_seeds):
    # 'He mentions "seven new posts" to be created, ..., which will be dedicated in particular to the
    # fight against narcotrafficking': one promise (the posts), the relative clause says what they are for
    found = [c for c in analysed_seeds["000"].commitments if "seven new posts" in c.evidence[0].text]
    assert len(found) == 1 and found[0].action.startswith("to be created")


def test_will_as_a_noun_and_the_time_span_of_a_past_act_promise_nothing(dev_articles):
    """Real dev articles: 'deporting Iraqi nationals against their will' (009) and '1,400 migrant
    arrivals were recorded within three days on Crete' (016) commit no one."""
    from liaison import clean_text
    from liaison.pipeline import analyse
    wanted = {"009": "against their will", "016": "within three days"}
    articles = {n: dev_articles[int(n) - 1] for n in wanted}
    docs = analyse([clean_text(a["text"], source=n, url=a["url"]) for n, a in articles.items()])
    for doc in docs:
        assert wanted[doc.source] in doc.text
        assert not [c for c in doc.commitments if wanted[doc.source] in c.evidence[0].text]


def test_what_is_unclear_is_no_promise():
    """Real dev-clusters article (The Washington Post): 'it is unclear how it would be implemented'."""
    from liaison import clean_text
    from liaison.evaluate.score import read_jsonl
    from liaison.pipeline import analyse
    rows = read_jsonl(Path(__file__).parent / "data" / "clusters-articles.jsonl")
    wanted = {10: ("it is unclear how", "would be implemented")}
    docs = analyse([clean_text(rows[i]["text"], source=str(i), url=rows[i]["url"]) for i in wanted])
    for doc in docs:
        words, step = wanted[int(doc.source)]
        assert words in doc.text
        assert not [c for c in doc.commitments if words in c.evidence[0].text and c.action.startswith(step)]


def test_a_plan_called_off_in_its_sentence_is_no_commitment():
    """Real Wikinews article (CC BY 2.5): 'Nicolas Sarkozy … was scheduled to visit the country, but
    those plans have since been canceled citing "scheduling reasons"'."""
    import json

    from liaison import clean_text
    from liaison.pipeline import analyse
    fixture = Path(__file__).parent / "fixtures" / "extract" / "wild-sarkozy-visit.json"
    article = json.loads(fixture.read_text())
    [doc] = analyse([clean_text(article["text"], source="w", url=article["url"])])
    assert "those plans have since been canceled" in doc.text
    assert not [c for c in doc.commitments if "those plans have since been canceled" in c.evidence[0].text]


def test_what_would_have_happened_is_no_commitment():
    """Real Wikinews article (CC BY 2.5): a defence lawyer says 'The AFP has withheld important
    information that would have contradicted other evidence': a conditional perfect tells what did
    not happen (commitments.json counterfactual_after), no step anyone will take."""
    doc = _wild_fixture("wild-would-have.json")
    assert "would have contradicted other evidence" in doc.text
    assert not [c for c in doc.commitments if "would have contradicted" in c.evidence[0].text]


def test_a_future_describing_a_thing_in_a_relative_clause_is_no_commitment(analysed_seeds):
    """Seed 001 (French): 'le Pacte sur la migration et l'asile qui entrera en vigueur cette année et
    qui va, selon lui, "changer la donne"': what the pact will do, said of it, is no step anyone
    commits to; 'l'accord … signé cet été qui prévoit le renvoi en France de migrants' (what an
    agreement provides) stays one."""
    doc = analysed_seeds["001"]
    actions = [c.action for c in doc.commitments]
    assert not [a for a in actions if "changer la donne" in a]
    assert [a for a in actions if a.startswith("prévoit le renvoi")]


def test_a_private_professional_promises_for_no_state():
    """Real Wikinews article (CC BY 2.5): 'Labwani's defense lawyer, Khalil Maatouk, … indicated he
    would appeal the judgment within 30 days': a lawyer's step (titles.json `private`), no state's."""
    doc = _wild_fixture("wild-defense-lawyer.json")
    assert "he would appeal the judgment" in doc.text
    assert not [c for c in doc.commitments if "would appeal" in c.evidence[0].text]


def _wild_fixture(name: str):
    """A Wikinews article saved under tests/fixtures/extract, analysed with its publication day."""
    import json

    from liaison import clean_text
    from liaison.pipeline import analyse
    article = json.loads((Path(__file__).parent / "fixtures" / "extract" / name).read_text())
    [doc] = analyse([clean_text(article["text"], source=name, url=article["url"],
                                published=article.get("published"))])
    return doc


@pytest.mark.parametrize("name,words", [
    ("wild-argentine-court.json", "would later condemn"),        # a later event told from the past
    ("wild-lebanon-friday.json", "will further complicate it"),  # a consequence foretold
])
def test_a_future_in_the_past_or_a_foretold_consequence_is_no_commitment(name, words):
    """Real Wikinews articles (CC BY 2.5): 'An Argentine court would later condemn the government's
    crimes' tells what happened afterwards; 'Israel's attacks on Lebanon will not resolve the problem,
    but will further complicate it' foretells a consequence (commitments.json `prediction`). Neither
    is a step anyone commits to."""
    doc = _wild_fixture(name)
    assert words in doc.text
    assert not [c for c in doc.commitments if words in c.evidence[0].text]


def test_a_torch_relay_or_a_tournament_commits_no_state():
    """Real Wikinews article (CC BY 2.5): 'The torch, which has come from Greece, will make its way
    around the world … and end in China on August 8th, 2008': what a sports event or its torch will
    do is its schedule (events.json cues `non_state`: torch, tournament, olympics…), no state's step."""
    doc = _wild_fixture("wild-torch.json")
    assert "will make its way around the world" in doc.text
    assert not [c for c in doc.commitments if "will make its way" in c.evidence[0].text]


def test_games_or_elections_taking_place_are_the_calendar_not_a_promise():
    """Real Wikinews article (CC BY 2.5): 'the 2008 Summer Olympics, which are set to occur in Beijing
    this August'; dev-clusters 019 (ilpost.it): 'Tra pochi giorni si terranno inoltre le elezioni in tre
    importanti stati tedeschi'. Games or elections taking place (commitments.json `calendar_events`
    with a `taking_place` verb) are the calendar, no state's promise."""
    import json

    from liaison import clean_text
    from liaison.pipeline import analyse
    doc = _wild_fixture("wild-kouchner-olympics.json")
    assert "which are set to occur" in doc.text
    assert not [c for c in doc.commitments if "set to occur" in c.evidence[0].text]
    lines = (Path(__file__).parent / "data" / "clusters-articles.jsonl").read_text(encoding="utf-8")
    article = json.loads(lines.splitlines()[18])
    [italian] = analyse([clean_text(article["text"], source="019", url=article["url"])])
    assert "si terranno inoltre le elezioni" in italian.text
    assert not [c for c in italian.commitments if "si terranno" in c.evidence[0].text]


def test_a_future_asked_about_is_an_open_question_not_a_promise():
    """Real Wikinews article (CC BY 2.5): 'Tuesday was a tumultuous day in the Khadr household as they
    desperately awaited to hear whether Abdullah, the Canadian family's oldest son, would be released
    on bail'. The future's clause opens on 'whether' (commitments.json `open_question`), however far
    before the marker: what is asked is no step promised."""
    doc = _wild_fixture("wild-khadr-bail.json")
    assert "awaited to hear whether Abdullah" in doc.text
    assert not [c for c in doc.commitments if "awaited to hear whether" in c.evidence[0].text]


def test_a_plan_joined_by_nor_to_a_denial_is_denied():
    """Real Wikinews article (CC BY 2.5): the State Department 'insisted that … the U.S. is not now, nor
    ever was, planning to take "hostile actions" against Venezuela'. The plan's clause is joined by
    'nor' to a negated one (commitments.json `nor`): no plan is announced."""
    doc = _wild_fixture("wild-robertson-chavez.json")
    assert "nor ever was, planning" in doc.text
    assert not [c for c in doc.commitments if "nor ever was" in c.evidence[0].text]
