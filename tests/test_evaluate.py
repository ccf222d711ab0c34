"""`liaison eval` is the project's own scorer; on the same export it must agree with the
independent scorer in ../shared/tools/score, kind by kind."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures.seeded import copied_url

from liaison.cli import main
from liaison.evaluate.score import read_jsonl, score

ROOT = Path(__file__).resolve().parents[1]
SHARED_SCORER = ROOT.parent / "shared" / "tools" / "score"
GOLD = ROOT / "tests" / "data" / "seeds-gold.jsonl"


@pytest.fixture(scope="module")
def seeds_export(tmp_path_factory) -> tuple[str, Path]:
    tmp = tmp_path_factory.mktemp("evaluate")
    db = copied_url(tmp)                # the seeds ingested (once per session)
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "export", "--format", "jsonl",
                                "--out", str(tmp / "out")]).exit_code == 0
    return db, tmp / "out"


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="../shared/tools/score is not beside this checkout")
def test_own_scorer_agrees_with_the_shared_scorer(seeds_export, tmp_path):
    _, out = seeds_export
    theirs_path = tmp_path / "theirs.json"
    subprocess.run([sys.executable, str(SHARED_SCORER), "--gold", str(GOLD), "--pred", str(out),
                    "--json", str(theirs_path)], check=True, capture_output=True)
    theirs = json.loads(theirs_path.read_text())
    ours = score(GOLD, out)["scores"]
    for kind in ("persons", "events_lenient", "events_strict", "commitments", "figures"):
        for field in ("precision", "recall", "f1", "n_pred", "n_gold"):
            assert ours[kind][field] == theirs[kind][field], (kind, field)
    assert ours["merging"] == theirs["merging"]
    assert ours["documents"] == {k: theirs["documents"][k] for k in ours["documents"]}


def test_eval_command_scores_the_store_and_lists_misses(seeds_export, tmp_path):
    db, _ = seeds_export
    result = CliRunner().invoke(main, ["--db", db, "eval", "--gold", str(GOLD), "-v",
                                       "--json", str(tmp_path / "s.json")])
    assert result.exit_code == 0, result.output
    assert "events_strict" in result.output and "persons" in result.output
    scores = json.loads((tmp_path / "s.json").read_text())
    assert scores["documents"]["found"] == 5 and scores["persons"]["recall"] > 0.5


def test_a_wrong_prediction_scores_lower_than_the_real_one(seeds_export, tmp_path):
    _, out = seeds_export
    broken = tmp_path / "broken"
    broken.mkdir()
    for f in out.iterdir():
        rows = read_jsonl(f)
        if f.name == "events.jsonl":
            rows = [{**r, "countries": ["NZL"]} for r in rows]
        (broken / f.name).write_text("".join(json.dumps(r) + "\n" for r in rows))
    good, bad = score(GOLD, out)["scores"], score(GOLD, broken)["scores"]
    assert bad["events_strict"]["f1"] < good["events_strict"]["f1"]
