"""Is an article about state action on security, migration, crime or diplomacy?

Sport, business, culture or a domestic budget debate yields no events, commitments or figures.
The test is by meaning-bearing words of the relevant PLOVER contexts (contexts.json `relevant`),
counted over the whole text and required in several distinct forms so that one stray 'police' in a
football report does not make it relevant.
"""
from __future__ import annotations

from liaison.extract import lexicon
from liaison.extract.contexts import context_counts
from liaison.records import Document

MIN_SCORE = 3.5        # relevant-context words + state-security signals + half the diplomatic words
MIN_CORE = 2          # relevant-context words and state-security signals alone


def _signals(doc: Document) -> int:
    rx = lexicon.compile_any(lexicon.load(doc.lang, "contexts").get("signals", []))
    return len(rx.findall(doc.text)) if rx else 0


def relevance_counts(doc: Document) -> dict[str, int]:
    """Relevant-context word counts, plus `signals` (interior ministers, police...) and `diplomatic`."""
    counts = context_counts(doc.text, doc.lang)
    relevant = set(lexicon.load(doc.lang, "contexts").get("relevant", []))
    out = {c: n for c, n in counts.items() if c in relevant}
    out["signals"] = _signals(doc)
    out["diplomatic"] = counts.get("diplomatic", 0) + counts.get("military", 0)
    return out


def is_relevant(doc: Document) -> bool:
    counts = relevance_counts(doc)
    core = sum(n for c, n in counts.items() if c != "diplomatic")
    return core >= MIN_CORE and core + counts["diplomatic"] / 2 >= MIN_SCORE
