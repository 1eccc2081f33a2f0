"""What a worker keeps from one article to the next must not grow with the corpus.

A build's memory is measured by benchmarks/bench_memory.py; this pins the cause it found: a
module-level cache keyed by an article's text (its sentences, its names) holds every article's
entries until it is full, so a cache of 65,536 literals grew each worker by ~35 MB by the
2,000th article. Caches of loaders without arguments (the gazetteer, the lexicons) hold one
value and may be unbounded."""
from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil

import kg

#: entries a per-text cache may hold: more than one article needs, a few MB at most
MAX_ENTRIES = 1 << 13
#: caches whose keys are not an article's text, so cannot grow with the corpus
KEYED_BY_CONSTANTS = {
    "kg.rdf.nonneg": "offsets and indexes: small integers, ~100 bytes an entry",
    "kg.views._prepared": "the views' fixed SPARQL texts",
    "kg.views._vis_options_json": "two flags",
}


def _module_caches():
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", None) == info.name:
                yield f"{info.name}.{name}", obj


def test_caches_keyed_by_text_are_bounded():
    caches = dict(_module_caches())
    assert "kg.rdf._lit" in caches and "kg.iri.segment" in caches     # the scan sees them
    unbounded = []
    for name, fn in caches.items():
        takes_arguments = bool(inspect.signature(fn.__wrapped__).parameters)
        size = fn.cache_parameters()["maxsize"]
        if name not in KEYED_BY_CONSTANTS and takes_arguments and (size is None or size > MAX_ENTRIES):
            unbounded.append(f"{name}: maxsize={size}")
    assert not unbounded, unbounded
