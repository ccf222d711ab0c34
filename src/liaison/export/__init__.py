"""Exports: one module per format, all reading the same linked records from the store."""
from __future__ import annotations

import importlib
from pathlib import Path

FORMATS = {"jsonl": "liaison.export.jsonl:write_jsonl",
           "csv": "liaison.export.table:write_csv",
           "geojson": "liaison.export.geo:write_geojson",
           "graphml": "liaison.export.graph:write_graphml",
           "ics": "liaison.export.ics:write_ics",
           "plover": "liaison.export.plover:write_plover"}


def export(store, fmt: str, out: Path, **options) -> dict[str, int]:
    module, func = FORMATS[fmt].split(":")
    return getattr(importlib.import_module(module), func)(store, Path(out), **options)
