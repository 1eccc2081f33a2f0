"""Counts for `kg stats`: articles, entities by class, facts by kind, triples."""
from __future__ import annotations

from .rdf import ENTITIES_GRAPH
from .store import Store
from .vocab import ONT


def stats(store: Store) -> dict:
    out: dict = {"triples": store.count(), "articles": len(store.articles())}
    q = f"""SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e a ?c }}
            FILTER(STRSTARTS(STR(?c), "{ONT}")) }} GROUP BY ?c ORDER BY DESC(?n)"""  # sparql-static
    out["entities"] = {row["c"].value.removeprefix(ONT): int(row["n"].value) for row in store.ox.query(q)}
    q = f"""SELECT ?c (COUNT(DISTINCT ?f) AS ?n) WHERE {{ GRAPH ?g {{ ?f a <{ONT}Fact>, ?c }}
            FILTER(?c != <{ONT}Fact> && STRSTARTS(STR(?c), "{ONT}")) }} GROUP BY ?c ORDER BY DESC(?n)"""  # sparql-static
    out["facts"] = {row["c"].value.removeprefix(ONT): int(row["n"].value) for row in store.ox.query(q)}
    q = f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?m a <{ONT}Mention> }} }}"""  # sparql-static
    out["mentions"] = int(next(iter(store.ox.query(q)))["n"].value)
    q = f"""SELECT ?k (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH ?a {{ ?f <{ONT}claimKey> ?k }} }}
            GROUP BY ?k HAVING (COUNT(DISTINCT ?a) > 1)"""  # sparql-static
    out["facts_supported_by_several_articles"] = sum(1 for _ in store.ox.query(q))
    return out
