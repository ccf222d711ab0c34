"""PLOVER 2.0, the event ontology, as data (plover.json): the one owner of PLOVER facts.

Extraction, linking, the API and the exports ask this module which types, modes and contexts
exist, how an event scores on the conflict-cooperation scale, which quad class it is in, and
which coding rules apply (future cooperation is AGREE; which acts carry a promise out).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from liaison.datafiles import read_json

PLOVER_FILE = Path(__file__).with_name("plover.json")


@functools.cache
def _data() -> dict:
    return read_json(PLOVER_FILE)


def types() -> tuple[str, ...]:
    return tuple(_data()["types"])


def contexts() -> tuple[str, ...]:
    return tuple(_data()["contexts"])


def modes(event_type: str) -> tuple[str, ...]:
    return tuple(_data()["types"].get(event_type, {}).get("modes", {}))


def is_type(name: str | None) -> bool:
    return bool(name) and name in _data()["types"]


def score(event_type: str | None, mode: str | None = None) -> float | None:
    """The conflict-cooperation score (-10..+10): the mode's score, else the type's base score."""
    info = _data()["types"].get(event_type or "")
    if info is None:
        return None
    return float(info["modes"].get(mode, info["score"]) if mode else info["score"])


def quad(event_type: str | None) -> tuple[int | None, str | None]:
    """(quad code, quad class name) of a type: 1 verbal cooperation .. 4 material conflict."""
    info = _data()["types"].get(event_type or "")
    if info is None:
        return None, None
    return info["quad"], _data()["quads"][str(info["quad"])]


def requires_recipient(event_type: str) -> bool:
    return bool(_data()["types"].get(event_type, {}).get("requires_recipient"))


def promise_type() -> str:
    """The type of a promise or offer (PLOVER AGREE)."""
    return _data()["promise_type"]


def threat_type() -> str:
    """The type a punitive act announced under a condition becomes (PLOVER THREATEN)."""
    return _data()["threat_type"]


def future_type(event_type: str) -> str:
    """PLOVER: a future or promised consultation, support, cooperation or aid is coded AGREE."""
    return promise_type() if event_type in _data()["future_becomes_agree"] else event_type


def takes_topic(event_type: str) -> bool:
    """Whether an act's 'to discuss X' complement is its topic: the states it names are no parties."""
    return event_type in _data()["topic_taking_types"]


def takes_content(event_type: str) -> bool:
    """Whether an act's complement is what it alleges, asks or threatens (its content)."""
    return event_type in _data()["content_taking_types"]


def threat_mode(event_type: str, mode: str | None) -> str | None:
    """The THREATEN mode of a punitive act announced under a condition ('if …, we will impose
    tariffs': a threat to restrict); None when the type is not one a condition makes a threat."""
    modes = _data()["conditional_becomes_threaten"].get(event_type)
    if modes is None:
        return None
    return modes.get(mode or "*", modes["*"])


def planned_is_no_act(event_type: str) -> bool:
    """Whether a planned act of this type is only a plan, not yet an act: 'plans to deport 20
    asylum seekers' (a commitment; events are present or past). A planned meeting or aid is coded
    AGREE instead, and a verbal act stays one ('plans to ask' is close to asking)."""
    return event_type in _data()["planned_is_no_act"]


def passive_needs_its_doer(event_type: str) -> bool:
    """Whether a passive of this type without its doer ('a marine was killed', 'he is accused of
    using …'), or its noun with no doer that can be a state ('the London bombings', 'after
    accusation by …'), tells no act of a state: violence is done by armies and by gunmen alike, and
    a charge by governments, courts, newspapers and rumour, so the victims' states and the place
    say nothing of who acted (an arrest or an expulsion is a state's act whoever is named)."""
    return event_type in _data()["passive_needs_its_doer"]


def one_sided(event_type: str) -> bool:
    """Whether an act of this type is done by one state to someone (an arrest, a sanction, a
    strike, a deployment, a charge), not by two parties together (a meeting, a signature): its
    passive that names no party ('one person was arrested') ties it to no state around it, while
    'two memoranda signed in April 2021' are the article's two states'."""
    return event_type in _data()["one_sided"]


def realises_commitments(event_type: str) -> bool:
    """Whether an event of this type can carry a promise out (a visit, a signature, aid...)."""
    return event_type in _data()["realise_commitments"]


def specific_crime_contexts() -> tuple[str, ...]:
    """Contexts that make `crime` redundant (PLOVER: crime only when nothing more specific applies)."""
    return tuple(_data()["specific_crime_contexts"])


def sentence(event_type: str, mode: str | None, who: str, whom: str) -> str:
    """How an event reads in English: 'Laurent Nuñez (FRA) met Abdelmadjid Tebboune (DZA)'."""
    info = _data()["types"].get(event_type, {})
    template = (
        info.get("mode_sentences_en", {}).get(mode or "") or info.get("sentence_en") or "{who} " + event_type
    )
    template = re.sub(r"\[([^\]]*)\]", lambda m: m.group(1) if whom else "", template)
    return template.format(who=who, whom=whom).strip()


def neighbours(a: str, b: str) -> bool:
    """Whether two types are ones outlets use for the same act (plover.json `neighbours`)."""
    return [a, b] in _data()["neighbours"] or [b, a] in _data()["neighbours"]
