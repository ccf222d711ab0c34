"""Exports: one module per format, all reading the same linked records from the store."""
from __future__ import annotations

import importlib
from pathlib import Path

FORMATS = {"jsonl": "liaison.export.jsonl:write_jsonl"}


def export(store, fmt: str, out: Path, **options) -> dict[str, int]:
    module, func = FORMATS[fmt].split(":")
    return getattr(importlib.import_module(module), func)(store, Path(out), **options)
