"""Golden values of the dev articles: publication days, stamped months, countries and date values,
one parametrised case per line of tests/data/golden-dev.jsonl (as trafilatura keeps its evaluation
data), instead of literals scattered over the test files.

A failing case after an intended change: regenerate with `.venv/bin/python -m tests.golden --write`
and review the diff of golden-dev.jsonl; list one more value with
`.venv/bin/python -m tests.golden --add dev005 date:maggio` (tests/golden.py says which fields exist).
"""
from __future__ import annotations

import pytest
from golden import documents_for, read_golden, value

ENTRIES = read_golden()


@pytest.fixture(scope="module")
def dev_golden_docs():
    return documents_for(ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e['article']}-{e['field']}" for e in ENTRIES])
def test_dev_article_value_is_golden(dev_golden_docs, entry):
    assert value(dev_golden_docs[entry["article"]], entry["field"]) == entry["expected"]
