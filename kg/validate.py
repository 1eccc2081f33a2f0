"""SHACL validation of the store against ontology/shapes.ttl (pySHACL, RDFS inference off:
the data asserts both our classes and their schema.org superclasses)."""
from __future__ import annotations

from pathlib import Path

from .export import to_dataset
from .store import Store

SHAPES = Path(__file__).resolve().parents[1] / "ontology" / "shapes.ttl"
ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"


def validate(store: Store, shapes: Path = SHAPES) -> tuple[bool, object, str]:
    import pyshacl
    from rdflib import Graph

    ds = to_dataset(store)
    data = Graph()
    for t in ds.triples((None, None, None)):
        data.add(t)
    shapes_graph = Graph().parse(shapes, format="turtle")
    ont = Graph().parse(ONTOLOGY, format="turtle") if ONTOLOGY.exists() else None
    conforms, report_graph, text = pyshacl.validate(data, shacl_graph=shapes_graph, ont_graph=ont,
                                                    inference="none", advanced=True, allow_warnings=True)
    return bool(conforms), report_graph, text
