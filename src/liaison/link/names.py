"""Which spelling of a name to show."""
from __future__ import annotations

from liaison.folding import has_diacritics


def display_name(names: list[str]) -> str:
    """Prefer a spelling with diacritics, then proper case, then the most frequent, then the shortest
    full form (a second surname is often left out: the short form is the common name)."""
    def score(name: str):
        return (has_diacritics(name), not name.isupper(), "-" in name, names.count(name), -len(name))
    return max(names, key=score)
