"""The ontology's terms as Python names.

`KG` lists every class and property that `ontology/kg.ttl` defines; with `_fail = True` a typo
is an AttributeError instead of a silently minted new IRI. `tests/test_vocab.py` keeps the two in
sync in both directions.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, Namespace as _NS

ONT = "https://w3id.org/kgnews/ontology#"
ID = "https://w3id.org/kgnews/id/"


class KG(DefinedNamespace):
    _NS = _NS(ONT)
    _fail = True

    # classes: things
    Article: object
    Person: object
    Organization: object
    GovernmentBody: object
    Company: object
    MediaOutlet: object
    Place: object
    Country: object
    AdministrativeArea: object
    City: object
    Document: object
    Law: object
    Work: object
    Programme: object
    Event: object
    Post: object
    Category: object
    # classes: facts and their evidence
    Fact: object
    Mention: object
    RoleFact: object
    DocumentAction: object
    EventHosting: object
    EventVenue: object
    actionDate: object
    Designation: object
    QuantityFact: object
    Statement: object
    Measure: object
    Evidence: object
    StockLink: object

    # article metadata
    articleId: object
    contentHash: object
    extractedWith: object
    dateText: object
    sourcePath: object
    originalTitle: object
    category: object
    # mentions
    mentionOf: object
    surface: object
    # facts
    evidence: object
    quote: object
    sentence: object
    sentenceIndex: object
    startOffset: object
    endOffset: object
    extractor: object
    rule: object
    confidence: object
    # roles
    former: object
    # documents
    action: object
    agent: object
    document: object
    # events
    event: object
    host: object
    # designations
    place: object
    programme: object
    approvedBy: object
    designatedAs: object
    # quantities
    indicator: object
    period: object
    periodStart: object
    periodEnd: object
    comparison: object
    comparedAs: object
    per: object
    modality: object
    direction: object
    approximation: object
    source: object
    reportedBy: object
    # statements
    speaker: object
    verb: object
    # measures
    announcedBy: object
    ordinal: object
    # stock links
    stockCode: object
    stockLink: object
    # entities
    divisionCode: object
    mergeReason: object
    claimKey: object


R = Namespace(ID)
SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
QUDT = Namespace("http://qudt.org/schema/qudt/")
UNIT = Namespace("http://qudt.org/vocab/unit/")
CUR = Namespace("http://qudt.org/vocab/currency/")

PREFIXES = {
    "kg": ONT,
    "kgr": ID,
    "schema": str(SDO),
    "org": str(ORG),
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "qudt": str(QUDT),
    "unit": str(UNIT),
    "cur": str(CUR),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
}


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
