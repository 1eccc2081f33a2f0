"""kg/vocab.py (class KG) and ontology/kg.ttl define the same terms, and every term is documented.

To add a term: add it to ontology/kg.ttl (type, @zh and @en labels, comment, isDefinedBy) AND to
`KG` in kg/vocab.py. These tests fail, listing the differences, until both are done.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

import kg
from kg.vocab import KG, ONT

ONTOLOGY_DIR = Path(kg.__file__).resolve().parents[1] / "ontology"
ONTOLOGY_IRI = URIRef(ONT.rstrip("#"))

CLASS_TYPES = {OWL.Class, RDFS.Class}
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")


def vocab_terms() -> dict[str, URIRef]:
    """Local name -> IRI for every term declared in the KG DefinedNamespace."""
    return {name: URIRef(ONT + name) for name in KG.__annotations__}


def defined_terms(g: Graph) -> set[URIRef]:
    """Classes and properties in the kg: namespace that kg.ttl defines (types them)."""
    return {
        s
        for t in CLASS_TYPES | PROPERTY_TYPES
        for s in g.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(ONT)
    }


def local(iri: URIRef) -> str:
    return str(iri)[len(ONT):]


def short(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1]


def test_vocab_is_not_empty() -> None:
    assert len(vocab_terms()) > 40


def test_every_vocab_term_is_defined_in_the_ontology(ontology: Graph) -> None:
    missing = set(vocab_terms().values()) - defined_terms(ontology)
    assert not missing, (
        "in kg/vocab.py KG but not defined in ontology/kg.ttl: "
        + ", ".join(sorted(local(t) for t in missing))
    )


def test_every_ontology_term_is_in_the_vocab(ontology: Graph) -> None:
    extra = defined_terms(ontology) - set(vocab_terms().values())
    assert not extra, (
        "defined in ontology/kg.ttl but missing from kg/vocab.py KG: "
        + ", ".join(sorted(local(t) for t in extra))
    )


def test_no_undefined_kg_iri_is_used_in_the_ontology(ontology: Graph) -> None:
    """A typo in a domain, range or subClassOf (kg:Organisation) would otherwise pass silently."""
    known = set(vocab_terms().values())
    used = {
        term
        for triple in ontology
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(ONT)
    }
    unknown = used - known
    assert not unknown, "kg: IRIs used in kg.ttl but not defined: " + ", ".join(
        sorted(local(t) for t in unknown)
    )


def test_kind_matches_the_name(ontology: Graph) -> None:
    """Classes are UpperCamelCase owl:Class; properties lowerCamelCase Object/DatatypeProperty."""
    problems = []
    for name, iri in sorted(vocab_terms().items()):
        types = set(ontology.objects(iri, RDF.type))
        if name[0].isupper():
            if OWL.Class not in types:
                problems.append(f"{name}: a class name but not an owl:Class")
        else:
            kinds = types & {OWL.ObjectProperty, OWL.DatatypeProperty}
            if len(kinds) != 1:
                problems.append(
                    f"{name}: a property name but typed {sorted(short(t) for t in types)};"
                    " expected exactly one of owl:ObjectProperty, owl:DatatypeProperty"
                )
    assert not problems, "\n".join(problems)


def _by_lang(g: Graph, s: URIRef, p: URIRef, lang: str) -> list[Literal]:
    return [o for o in g.objects(s, p) if isinstance(o, Literal) and o.language == lang]


def test_every_term_is_labelled_and_documented(ontology: Graph) -> None:
    problems = []
    for name, iri in sorted(vocab_terms().items()):
        for lang in ("zh", "en"):
            n = len(_by_lang(ontology, iri, RDFS.label, lang))
            if n != 1:
                problems.append(f"{name}: {n} rdfs:label@{lang} (expected exactly 1)")
        if not _by_lang(ontology, iri, RDFS.comment, "en"):
            problems.append(f"{name}: no rdfs:comment@en")
        if (iri, RDFS.isDefinedBy, ONTOLOGY_IRI) not in ontology:
            problems.append(f"{name}: no rdfs:isDefinedBy <{ONTOLOGY_IRI}>")
    assert not problems, "\n".join(problems)


def test_vocab_rejects_unknown_names() -> None:
    """KG has _fail = True: a typo is an error, not a new IRI."""
    assert KG.Article == URIRef(ONT + "Article")
    with pytest.raises(AttributeError):
        KG.Articel  # noqa: B018
