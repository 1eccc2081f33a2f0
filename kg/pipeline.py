"""file -> Article -> records -> entities -> RDF -> store, one article at a time.

Each article is committed on its own (its named graph replaced whole), so a build that fails or
is killed keeps every article finished before it; rebuilding an unchanged file is skipped by its
content hash, and a changed file replaces the graph it had before.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from . import rdf
from .extract.base import Context
from .extract.registry import load_extractors
from .model import Article, Records
from .readers import ReadError, iter_article_files, read_file
from .resolve import resolve
from .store import Store

log = logging.getLogger(__name__)
ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"


@dataclass
class BuildSummary:
    read: int = 0
    built: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    skipped_files: int = 0
    mentions: int = 0
    facts: int = 0
    entities: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def extract(article: Article, extractors=None, config: dict | None = None) -> Records:
    ctx = Context(article=article, config=config or {})
    for ex in extractors or load_extractors():
        ctx.records.extend(ex(ctx))
    return ctx.records


def article_graphs(article: Article, extractors=None, config: dict | None = None):
    records = extract(article, extractors, config)
    res = resolve(records)
    g, eg = rdf.build(article, records, res)
    return records, g, eg


def build(paths: Iterable[str | Path], store: Store, *, config: dict | None = None,
          on_error: Callable[[str], None] | None = None, force: bool = False) -> BuildSummary:
    t0 = time.perf_counter()
    summary = BuildSummary()
    files, skipped = iter_article_files(paths)
    summary.skipped_files = len(skipped)
    extractors = load_extractors()
    if ONTOLOGY.exists():
        store.load_ontology(ONTOLOGY)
    known = store.articles()
    by_path = {v["path"]: k for k, v in known.items()}
    for path in files:
        try:
            article = read_file(path)
        except ReadError as exc:
            summary.failed += 1
            summary.errors.append(str(exc))
            if on_error:
                on_error(str(exc))
            continue
        summary.read += 1
        if not force and article.id in known and known[article.id]["hash"] == article.content_hash:
            summary.unchanged += 1
            continue
        try:
            records, g, eg = article_graphs(article, extractors, config)
        except Exception as exc:  # an extractor bug must not cost the other articles
            log.debug("extraction failed", exc_info=True)
            msg = f"{path}: extraction failed: {type(exc).__name__}: {exc}"
            summary.failed += 1
            summary.errors.append(msg)
            if on_error:
                on_error(msg)
            continue
        old = by_path.get(article.path)
        if old and old != article.id:
            store.remove_article(known[old]["graph"])
            summary.replaced += 1
        store.replace_graph(str(rdf.article_iri(article.id)), g)
        store.add_to_graph(str(rdf.ENTITIES_GRAPH), eg)
        known[article.id] = {"graph": str(rdf.article_iri(article.id)), "hash": article.content_hash,
                             "path": article.path}
        by_path[article.path] = article.id
        summary.built += 1
        summary.mentions += len(records.mentions)
        summary.facts += len(records.relations) + len(records.quantities)
    store.prune_entities()
    store.flush()
    summary.entities = entity_count(store)
    summary.seconds = time.perf_counter() - t0
    return summary


def entity_count(store: Store) -> int:
    q = f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH <{rdf.ENTITIES_GRAPH}> {{ ?e a ?c }} }}"
    return int(next(iter(store.ox.query(q)))["n"].value)


def remove(targets: Iterable[str], store: Store) -> list[str]:
    """Remove articles by id, IRI or source path; returns the ids removed."""
    known = store.articles()
    removed = []
    for t in targets:
        for aid, info in known.items():
            if t in (aid, info["graph"], info["path"]) or (Path(t).exists() and Path(t).resolve() == Path(info["path"]).resolve()):
                if store.remove_article(info["graph"]):
                    removed.append(aid)
    store.prune_entities()
    store.flush()
    return removed
