"""Events of one article: the protagonist's state completes statements that drop their subject, and
two meetings with different named counterparts stay two events (real dev article 005, Italian,
no parser: Piantedosi meets the Tunisian, then the Libyan interior minister)."""
from __future__ import annotations

import pytest

from liaison.records import RawDocument


@pytest.fixture(scope="module")
def italian_meetings(dev_articles):
    from liaison.ingest.clean import clean
    from liaison.pipeline import analyse
    article = next(a for a in dev_articles if "piantedosi-vola-a-palermo" in a["url"])
    return analyse([clean(RawDocument(source=article["url"], raw=article["text"], url=article["url"]))])[0]


def test_protagonist_state_leads_the_dyad(italian_meetings):
    from liaison.extract.arguments import protagonist
    from liaison.extract.events import lead_date
    from liaison.extract.setting import article_setting
    from liaison.nlp.sentences import sentences
    assert protagonist(italian_meetings).name == "Matteo Piantedosi"
    assert article_setting(italian_meetings, sentences(italian_meetings), lead_date).dyad[0] == "ITA"


def test_meetings_with_two_counterparts_are_two_events(italian_meetings):
    meetings = [e for e in italian_meetings.events if e.type == "CONSULT"]
    with_tunisia = [e for e in meetings if set(e.countries) == {"ITA", "TUN"}]
    with_libya = [e for e in meetings if set(e.countries) == {"ITA", "LBY"}]
    assert with_tunisia and with_libya
    assert any("Fekih" in s.text for e in with_tunisia for s in e.evidence)
    assert any("Trabelsi" in s.text for e in with_libya for s in e.evidence)


def test_subjectless_meeting_is_the_protagonists(italian_meetings):
    # 'Subito però ha incontrato i ministri dell'Interno di Libia e Tunisia.'
    event = next(e for e in italian_meetings.events
                 if any(s.text.startswith("Subito però ha incontrato") for s in e.evidence))
    assert {"ITA", "LBY", "TUN"} <= set(event.countries)
