"""The learned backstop: multilingual sentence vectors and the shipped heads read an act in a
sentence in any language, and the training command rebuilds them from annotated articles."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from liaison.extract.backstop import heads, read_sentences
from liaison.nlp.vectors import embed

ROOT = Path(__file__).resolve().parents[1]

ACT = ["The interior ministers of Spain and Morocco met in Madrid to strengthen police cooperation.",
       "Les ministres de l'Intérieur du Maroc et de l'Espagne se sont réunis à Madrid.",
       "Germany deported 28 Afghan nationals to Kabul on a charter flight."]
NO_ACT = ["The striker scored twice in the second half and the club moved to third place.",
          "Le gâteau au chocolat doit cuire trente minutes à four chaud.",
          "Shares of the company rose four percent after the quarterly results."]


def test_the_shipped_heads_read_acts_apart_from_other_news():
    assert heads() is not None, "extract/backstop.npz ships with the package"
    acts = read_sentences(embed(ACT))
    others = read_sentences(embed(NO_ACT))
    assert min(r.p_event for r in acts) > max(r.p_event for r in others)
    assert all(r.type in {"CONSULT", "COERCE", "COOPERATE", "AGREE"} for r in acts)


def test_one_sentence_in_two_languages_reads_alike():
    en, fr, other = embed([ACT[0], ACT[1], NO_ACT[0]])
    assert float(en @ fr) > 0.5 > 0.2 > float(en @ other)


def test_training_rebuilds_heads_from_annotated_articles(tmp_path):
    from liaison.evaluate.train import Sample, fit, save
    from liaison.extract.backstop import load_heads
    samples = [Sample("t", s, "CONSULT") for s in ACT[:2]] + [Sample("t", ACT[2], "COERCE")]
    samples += [Sample("t", s, None) for s in NO_ACT]
    path = tmp_path / "heads.npz"
    save(fit(samples), path)
    trained = load_heads(str(path))
    assert set(trained.types) == {"CONSULT", "COERCE"}
    assert trained.event_w.shape == (512,) and np.isfinite(trained.event_w).all()



def test_reading_only_the_sentences_that_can_change_an_act_changes_no_event(monkeypatch):
    """The encoder reads a sentence only where it can give an event: one of its triggers alone
    builds one (the reading only vetoes), or, with no trigger, its own states are in scope (an act
    the backstop reads there takes no states from the context). dev-clusters 003 (es) and 024 (it),
    where the backstop's reading changes the acts: reading every sentence finds the same events."""
    import json

    from liaison import analyse, clean_text
    from liaison.extract import events as ev
    from liaison.extract.contexts import context_counts
    from liaison.nlp.sentences import sentences

    lines = (ROOT / "tests" / "data" / "clusters-articles.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(x) for x in lines if "elperiodicodeceuta.es" in x or "open.online" in x]
    docs = analyse([clean_text(r["text"], source=r["url"]) for r in rows])

    def extracted(doc):
        told = ev.extract_events(doc, sentences(doc), context_counts(doc.tokens, doc.lang))
        assert all(e.vector for e in told)
        return [(e.type, e.countries, e.evidence[0].start, e.date) for e in told]

    read = sum(ev.may_give_an_act(d, ev.article_setting(d, sentences(d), ev.lead_date), k,
                                  ev.sentence_triggers(d, k), context_counts(d.tokens, d.lang))
               for d in docs for k in range(len(sentences(d))))
    assert read < sum(len(sentences(d)) for d in docs)
    selective = [extracted(d) for d in docs]
    monkeypatch.setattr(ev, "may_give_an_act", lambda *a: True)
    assert [extracted(d) for d in docs] == selective
    monkeypatch.setattr(ev, "read_sentences", lambda vectors: None)      # no backstop at all
    assert [extracted(d) for d in docs] != selective     # its reading changes these articles' acts
