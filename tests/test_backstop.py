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
