"""Counts for `kg stats`: articles, entities by class, facts by kind, triples, the entities most
articles mention."""
from __future__ import annotations

from .rdf import ENTITIES_GRAPH
from .store import Store
from .vocab import ONT

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def stats(store: Store, top: int = 10) -> dict:
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
    # the entities most articles write about: mentions in the text, not bylines and credits
    # (the outlet and its editors would lead every list otherwise)
    q = f"""SELECT ?e ?label (COUNT(DISTINCT ?g) AS ?n) WHERE {{
              GRAPH ?g {{ ?m a <{ONT}Mention> ; <{ONT}mentionOf> ?e ; <{ONT}extractor> ?x
                          FILTER(!STRSTARTS(?x, "credits@")) }}
              GRAPH <{ENTITIES_GRAPH}> {{ ?e <{RDFS_LABEL}> ?label FILTER(lang(?label) = "") }}
            }} GROUP BY ?e ?label ORDER BY DESC(?n) ?label LIMIT {top}"""  # sparql-static
    out["most_mentioned"] = [{"entity": r["e"].value, "label": r["label"].value, "articles": int(r["n"].value)}
                             for r in store.ox.query(q)]
    return out
