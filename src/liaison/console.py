"""Shared terminal output (rich): warnings go to stderr, one line each."""
from __future__ import annotations

from rich.console import Console

err = Console(stderr=True, highlight=False)
out = Console(highlight=False)


def warn(message: str) -> None:
    err.print(f"[yellow]warning[/yellow] {message}", markup=True, soft_wrap=True)
