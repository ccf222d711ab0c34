"""Reading the JSON data files shipped with the package (lexicons, gazetteers, boilerplate, scores).

One reader, so that a broken data file is reported with its path and position, wherever it is read.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any


def read_json(path: Path) -> Any:
    """The parsed content of a .json (or gzip-compressed .json.gz) file."""
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    try:
        return json.loads(raw.decode("utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg} "
                         "(fix the file or restore it from the repository)") from exc
