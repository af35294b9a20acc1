"""Shared fixtures. Tests needing ../shared (seed, contract, benchmarks) skip cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _find_shared() -> Path | None:
    env = os.environ.get("EVENTWIRE_SHARED")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared")
    for candidate in candidates:
        if (candidate / "seed").is_dir():
            return candidate
    return None


SHARED = _find_shared()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if SHARED is None:
        pytest.skip("../shared (seed article, contract, benchmarks) is not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from eventwire.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / "seed" / "belarus-2020-08-16.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_document(seed_text: str):  # type: ignore[no-untyped-def]
    from eventwire.pipeline import extract

    return extract(seed_text, published="2020-08-16")
