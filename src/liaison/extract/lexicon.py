"""Per-language extraction lexicons (JSON data in liaison/lexicons/<lang>/) and their compiled patterns.

Pattern syntax in the JSON files, chosen so that word lists stay readable:
- a space matches any run of whitespace; " ~ " matches a gap of up to four words;
- an apostrophe matches both ' and ’;
- the whole pattern is matched case-insensitively and must start and end on word boundaries.
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
GAP = r"\s+(?:[^\s.;:!?]+\s+){0,4}"


def compile_pattern(pattern: str) -> re.Pattern:
    body = pattern.replace(" ~ ", "\x00").replace(" ", r"\s+").replace("\x00", GAP)
    body = body.replace("'", "['’]").replace("[['’]’]", "['’]")
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


def compile_any(patterns: list[str]) -> re.Pattern | None:
    """One alternation of every pattern (longest first, so 'met with' wins over 'met')."""
    if not patterns:
        return None
    ordered = sorted(patterns, key=len, reverse=True)
    parts = [compile_pattern(p).pattern for p in ordered]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


@functools.cache
def load(lang: str | None, name: str) -> dict[str, Any]:
    """lexicons/<lang>/<name>.json, or {} when the language has none."""
    if not lang:
        return {}
    path = LEXICONS / lang / f"{name}.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def word_list(lang: str | None, name: str, key: str) -> re.Pattern | None:
    """The compiled alternation of one word list of a lexicon (e.g. events/future)."""
    return compile_any(load(lang, name).get(key, []))


@functools.cache
def triggers(lang: str | None) -> tuple[tuple[dict, re.Pattern], ...]:
    """(trigger entry, compiled alternation of its patterns) for every event trigger of a language."""
    out = []
    for entry in load(lang, "events").get("triggers", []):
        compiled = compile_any(entry["patterns"])
        if compiled is not None:
            out.append((entry, compiled))
    return tuple(out)
