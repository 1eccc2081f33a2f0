"""The one registry of extractors: built-ins listed here, third parties by entry point.

A third-party package exposes an extractor under the entry-point group `kg.extractors`; the
object loaded is either an extractor or a zero-argument factory returning one.
"""
from __future__ import annotations

import logging
from importlib.metadata import entry_points

from .base import Extractor

log = logging.getLogger(__name__)

BUILTINS = (
    "kg.extract.credits:EXTRACTOR",
    "kg.extract.entities:EXTRACTOR",
    "kg.extract.relations:EXTRACTOR",
    "kg.extract.quantities:EXTRACTOR",
)
GROUP = "kg.extractors"


def _load(path: str):
    module, _, attr = path.partition(":")
    mod = __import__(module, fromlist=[attr])
    return getattr(mod, attr)


def _materialise(obj) -> Extractor:
    if callable(obj) and not hasattr(obj, "name"):
        obj = obj()
    for attr in ("name", "version", "requires", "produces"):
        if not hasattr(obj, attr):
            raise TypeError(f"extractor {obj!r} lacks {attr!r}")
    return obj


def load_extractors(include_plugins: bool = True) -> list[Extractor]:
    found = [_materialise(_load(p)) for p in BUILTINS]
    if include_plugins:
        for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
            try:
                found.append(_materialise(ep.load()))
            except Exception as exc:  # a broken plugin must not stop the build
                log.warning("extractor plugin %s failed to load: %s", ep.name, exc)
    check_order(found)
    return found


def check_order(extractors: list[Extractor]) -> None:
    """Fail early when an extractor needs something no earlier one produces."""
    available = {"article"}
    for ex in extractors:
        missing = set(ex.requires) - available
        if missing:
            raise ValueError(f"extractor {ex.name} requires {sorted(missing)}, produced by no earlier extractor")
        available |= set(ex.produces)
