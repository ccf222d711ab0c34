"""Shared terminal output (rich): warnings go to stderr, one line each."""
from __future__ import annotations

import os
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

err = Console(stderr=True, highlight=False)
out = Console(highlight=False)


def warn(message: str) -> None:
    err.print(f"[yellow]warning[/yellow] {message}", markup=True, soft_wrap=True)


class RateColumn(ProgressColumn):
    """Documents per second, once there is a rate to show."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} docs/s" if task.speed else "", style="progress.data.speed")


def progress_columns() -> tuple:
    """N/total, a bar, the rate and the time left (total unknown: N and the rate)."""
    return (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
            TimeRemainingColumn())


ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json")
LINE_SUFFIXES = (".jsonl", ".ndjson")


def count_articles(sources) -> int | None:
    """How many articles local SOURCES hold (files; lines of JSON Lines files), for N/total;
    None when a source is a URL or feed, whose size is only known once read."""
    total = 0
    for source in sources:
        path = Path(source)
        if "://" in source or not path.exists():
            return None
        files = [Path(root) / n for root, _, names in os.walk(path) for n in names
                 if not n.startswith(".")] if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() in LINE_SUFFIXES:
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif f.suffix.lower() in ARTICLE_SUFFIXES:
                total += 1
    return total
