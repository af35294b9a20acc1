"""eventwire: offline political event extraction from news.

>>> import eventwire
>>> doc = eventwire.extract(text, published="2020-08-16")
>>> store = eventwire.open_store("eventwire-data")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from eventwire.model import Document


def extract(text: str, **kwargs: Any) -> Document:
    """Code one news text into a Document; see ``eventwire.pipeline.extract``."""
    from eventwire.pipeline import extract as _extract

    return _extract(text, **kwargs)


def open_store(path: str = "eventwire-data", **kwargs: Any) -> Any:
    """Open (or create) an event store directory; see ``eventwire.store.Store``."""
    from eventwire.store import open_store as _open_store

    return _open_store(path, **kwargs)


__all__ = ["__version__", "extract", "open_store"]
