"""SHACL validation of the store against ontology/shapes.ttl.

pySHACL checks the core constraints (RDFS inference off: the data asserts both our classes and
their schema.org superclasses). SHACL-SPARQL constraints (`sh:sparql`) are run by the store's own
engine instead: pySHACL evaluates them once per focus node in pure Python, which took half of
the validation time on the shared corpus; pyoxigraph answers each in one query. The report text
lists both kinds of result.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .export import to_dataset
from .resources import ontology_file
from .store import Store

SHAPES = ontology_file("shapes.ttl")
ONTOLOGY = ontology_file("kg.ttl")
SH = "http://www.w3.org/ns/shacl#"


@dataclass
class SparqlConstraint:
    shape: str
    target_class: str
    select: str
    message: str
    prefixes: dict[str, str]


def _split_sparql_constraints(shapes_graph):
    """Remove sh:sparql constraints from the shapes graph; return them as queries to run."""
    from rdflib import Namespace, URIRef

    sh = Namespace(SH)
    found: list[SparqlConstraint] = []
    for shape, _, node in list(shapes_graph.triples((None, sh.sparql, None))):
        targets = list(shapes_graph.objects(shape, sh.targetClass))
        select = shapes_graph.value(node, sh.select)
        if len(targets) != 1 or select is None:
            continue  # anything more elaborate stays with pySHACL
        prefixes: dict[str, str] = {}
        for decl_owner in shapes_graph.objects(node, sh.prefixes):
            for decl in shapes_graph.objects(decl_owner, sh.declare):
                p, ns = shapes_graph.value(decl, sh.prefix), shapes_graph.value(decl, sh.namespace)
                if p is not None and ns is not None:
                    prefixes[str(p)] = str(ns)
        message = str(shapes_graph.value(node, sh.message) or "SPARQL constraint violated")
        found.append(SparqlConstraint(str(shape), str(targets[0]), str(select), message, prefixes))
        shapes_graph.remove((shape, sh.sparql, node))
        for t in list(shapes_graph.triples((node, None, None))):
            shapes_graph.remove(t)
    del URIRef
    return found


def _run_sparql_constraint(store: Store, c: SparqlConstraint) -> list[str]:
    import re

    query = c.select.replace("$this", "?this")
    # restrict the focus nodes to the shape's target class, as SHACL does
    query = re.sub(r"WHERE\s*\{", f"WHERE {{ ?this a <{c.target_class}> .", query, count=1, flags=re.IGNORECASE)
    out = []
    for row in store.ox.query(query, use_default_graph_as_union=True, prefixes=c.prefixes):  # sparql-static
        msg = c.message
        for var in re.findall(r"\{\?(\w+)\}", msg):
            term = row[var]
            msg = msg.replace("{?" + var + "}", term.value if term is not None else "")
        out.append(f"Constraint Violation in {c.shape}:\n\tFocus Node: <{row['this'].value}>\n\tMessage: {msg}")
    return out


def validate(store: Store, shapes: Path = SHAPES) -> tuple[bool, object, str]:
    # rdflib logs a traceback for each ill-typed literal it reads ("Invalid Date"^^xsd:dateTime);
    # the shapes report each of them as a violation, with the node, which is what the user needs
    import logging
    quiet, level = logging.getLogger("rdflib.term"), logging.getLogger("rdflib.term").level
    quiet.setLevel(logging.CRITICAL)
    try:
        return _validate(store, shapes)
    finally:
        quiet.setLevel(level)


def _validate(store: Store, shapes: Path) -> tuple[bool, object, str]:
    import pyshacl
    from rdflib import Graph

    ds = to_dataset(store)
    data = Graph()
    for t in ds.triples((None, None, None)):
        data.add(t)
    shapes_graph = Graph().parse(shapes, format="turtle")
    sparql_constraints = _split_sparql_constraints(shapes_graph)
    ont = Graph().parse(ONTOLOGY, format="turtle") if ONTOLOGY.exists() else None
    conforms, report_graph, text = pyshacl.validate(data, shacl_graph=shapes_graph, ont_graph=ont,
                                                    inference="none", advanced=True, allow_warnings=True)
    extra = [v for c in sparql_constraints for v in _run_sparql_constraint(store, c)]
    if extra:
        conforms = False
        text = (text.rstrip("\n") + "\n" + "\n".join(extra) + "\n").replace(
            "Conforms: True", "Conforms: False")
    return bool(conforms), report_graph, text
