"""The one reader of language knowledge: `lexicons/<lang>/*.json`, one folder per language.

A language is supported when its folder holds a `language.json` (its name, its Snowball stemmer,
whether its nouns compound); adding a language is adding a folder with the same files as the
others (`FILES`), nothing in the code. There is no fallback: asking for a language without a
folder raises `LanguageNotSupported` (the article is stored and reported, never read with English
rules), and a supported language missing one of the files raises `DataFileError` naming it.

Keys starting with "_" in the JSON files are documentation for the people who write them.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from liaison.datafiles import read_json
from liaison.errors import DataFileError, LanguageNotSupported

LEXICONS = Path(__file__).resolve().parent / "lexicons"
# every language folder holds these files (a test checks it); wording.json, the interface's words,
# is optional (has_file)
FILES = ("language", "events", "commitments", "contexts", "titles", "dates", "figures", "words")


@functools.cache
def _folders() -> dict[str, Path]:
    """Language code -> its folder: the shipped ones, then those of `settings.lexicon_dirs`
    (LIAISON_LEXICON_DIRS), which add languages or replace a shipped one."""
    from liaison.settings import get_settings
    found: dict[str, Path] = {}
    for root in [LEXICONS, *map(Path, get_settings().lexicon_dirs)]:
        if root.is_dir():
            found.update({p.name: p for p in sorted(root.iterdir()) if (p / "language.json").is_file()})
    return found


@functools.cache
def languages() -> tuple[str, ...]:
    """The ISO 639-1 codes of every language folder, sorted (asked for every name folded)."""
    return tuple(sorted(_folders()))


def supported(lang: str | None) -> bool:
    return bool(lang) and lang in languages()


def require(lang: str | None) -> str:
    """`lang` when it has lexicons, else LanguageNotSupported (with the list of those that do)."""
    if not supported(lang):
        raise LanguageNotSupported(
            f"no lexicons for language {lang or 'unknown'!r}: the article is stored but not analysed",
            hint=f"supported: {', '.join(languages())}; add a folder lexicons/<lang>/ to support it")
    return lang  # type: ignore[return-value]


@functools.cache
def load(lang: str | None, name: str) -> dict[str, Any]:
    """The content of lexicons/<lang>/<name>.json."""
    path = _folders()[require(lang)] / f"{name}.json"
    if not path.is_file():
        raise DataFileError(f"lexicon file {path} is missing",
                            hint=f"every language folder needs {', '.join(f + '.json' for f in FILES)}")
    try:
        return read_json(path)
    except ValueError as exc:
        raise DataFileError(str(exc)) from exc


@functools.cache
def has_file(lang: str | None, name: str) -> bool:
    """Whether `lang` has lexicons and its folder holds <name>.json: for files outside `FILES`, which
    a language may leave out (wording.json, the interface's words: wording.py reads English then)."""
    return supported(lang) and (_folders()[lang] / f"{name}.json").is_file()  # type: ignore[index]


def words(lang: str | None, name: str, key: str) -> list:
    """One word list of a lexicon file (empty when the file does not define it)."""
    return list(load(lang, name).get(key, []))


def setting(lang: str | None, key: str, default: Any = None) -> Any:
    """A property of the language itself (language.json): stemmer, compounds, ..."""
    return load(lang, "language").get(key, default)


def reset() -> None:
    """Forget what was read (tests that add a language folder)."""
    _folders.cache_clear()
    languages.cache_clear()
    load.cache_clear()
    has_file.cache_clear()
