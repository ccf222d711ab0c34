"""The Python API: analyse an article in memory, and ingest into a store, as the CLI does."""
from __future__ import annotations

from pathlib import Path

import liaison

SEED_003 = next((Path(__file__).resolve().parents[1] / "examples" / "news").glob("003_*.txt"))


def test_analyse_in_memory_finds_the_meeting_in_marrakesh():
    [doc] = liaison.analyse([liaison.clean_text(SEED_003.read_text(encoding="utf-8"), source=SEED_003.name)])
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert consult and {"MAR", "FRA"} <= set(consult[0].countries)
    assert any(e.name == "Abdelouafi Laftit" for e in doc.entities)
    for event in doc.events:
        assert all(doc.text[s.start:s.end] == s.text for s in event.evidence)


def test_ingest_into_a_store_links_and_counts(tmp_path):
    store = liaison.connect(f"sqlite:///{tmp_path / 'api.db'}")
    summary = liaison.process([str(SEED_003)], store)
    assert sum(summary.new.values()) == 1 and summary.failed == 0
    assert store.counts()["event"] >= 1
