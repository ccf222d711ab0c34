"""The linear-time matcher that aligns cleaned lines with their raw form gives difflib's blocks."""
from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from liaison.ingest.blocks import LinearMatcher

# few letters, so that repeats and ties (several longest matches) are common
TEXT = st.text(alphabet="ab &;m", max_size=40)


def difflib_blocks(a: str, b: str) -> list:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()


@settings(max_examples=500, deadline=None)
@given(TEXT, TEXT)
def test_same_blocks_as_difflib(a, b):
    assert LinearMatcher(a, b).get_matching_blocks() == difflib_blocks(a, b)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["", "—", "&mdash;", " "])), max_size=5))
def test_same_blocks_on_lightly_edited_lines(a, edits):
    b = a
    for at, text in edits:          # a few local edits, as cleaning makes them
        b = b[:at] + text + b[at + 1:]
    assert LinearMatcher(a, b).get_matching_blocks() == difflib_blocks(a, b)


def test_a_long_paragraph_with_an_entity():
    raw = ("The minister said the plan &mdash; agreed in May &mdash; would stand. " * 40).strip()
    text = raw.replace("&mdash;", "—")
    assert LinearMatcher(raw, text).get_matching_blocks() == difflib_blocks(raw, text)
