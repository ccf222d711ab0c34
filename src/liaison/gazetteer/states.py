"""Which state a place code stands for in event coding (data/folded_states.json, from PLOVER):
dependencies fold into the controlling state, partially recognised entities into the claimant."""
from __future__ import annotations

import functools
from pathlib import Path

from liaison.datafiles import read_json

FILE = Path(__file__).parent / "data" / "folded_states.json"


@functools.cache
def _folded() -> dict[str, str]:
    return read_json(FILE)["folded"]


def coded_state(code: str) -> str:
    """The state an ISO alpha-3 code is coded as ('REU' -> 'FRA'; a state is itself)."""
    return _folded().get(code, code)
