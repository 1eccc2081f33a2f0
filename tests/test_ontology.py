"""ontology/kg.ttl and ontology/shapes.ttl: they parse, are well-formed, and the shapes accept a
correct graph and reject broken ones for the expected reasons."""
from __future__ import annotations

import importlib.resources
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

import kg
from kg.vocab import KG, ONT, ORG, PREFIXES, QUDT, SDO

ONTOLOGY_DIR = Path(kg.__file__).resolve().parents[1] / "ontology"
KG_TTL = ONTOLOGY_DIR / "kg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_IRI = URIRef(ONT.rstrip("#"))

# rdflib's XSD namespace warns on unknown attributes, which pytest probes during collection
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PROV = Namespace("http://www.w3.org/ns/prov#")
KGSH = Namespace("https://w3id.org/kgnews/shapes#")
R = "https://w3id.org/kgnews/id/"

FACT_CLASSES = {KG.RoleFact, KG.DocumentAction, KG.Designation, KG.QuantityFact, KG.Statement, KG.Measure,
                KG.EventHosting, KG.EventVenue}
ENTITY_CLASSES = {
    KG.Person,
    KG.Organization, KG.GovernmentBody, KG.Company, KG.MediaOutlet,
    KG.Place, KG.Country, KG.AdministrativeArea, KG.City,
    KG.Document, KG.Law, KG.Work,
    KG.Programme,
    KG.Event,
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(KG_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


def subclass_closure(g: Graph, cls: URIRef) -> set[URIRef]:
    return set(g.transitive_objects(cls, RDFS.subClassOf)) - {cls}


def list_or_single(g: Graph, node) -> list:
    """The members of an owl:unionOf class expression, or [node] for a named class."""
    if isinstance(node, BNode):
        head = g.value(node, OWL.unionOf)
        assert head is not None, f"anonymous class without owl:unionOf: {node}"
        return list(Collection(g, head))
    return [node]


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize("path", [KG_TTL, SHAPES_TTL], ids=lambda p: p.name)
def test_parses_with_rdflib_and_pyoxigraph_alike(path: Path) -> None:
    g = Graph().parse(path, format="turtle")
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(g) > 0
    assert len(quads) == len(g), f"{path.name}: rdflib read {len(g)} triples, pyoxigraph {len(quads)}"


@pytest.mark.parametrize("path", [KG_TTL, SHAPES_TTL], ids=lambda p: p.name)
def test_uses_the_project_prefixes(path: Path) -> None:
    """The files bind prefixes the same way as kg.vocab.PREFIXES, so they read like the docs."""
    g = Graph().parse(path, format="turtle")
    bound = {p: str(ns) for p, ns in g.namespaces()}
    wrong = {p: (bound[p], ns) for p, ns in PREFIXES.items() if p in bound and bound[p] != ns}
    assert not wrong, f"{path.name}: prefixes bound differently from kg.vocab.PREFIXES: {wrong}"


# --------------------------------------------------------------------------- kg.ttl


def test_ontology_header(ontology: Graph) -> None:
    assert set(ontology.subjects(RDF.type, OWL.Ontology)) == {ONTOLOGY_IRI}
    for p in (OWL.versionIRI, OWL.versionInfo, URIRef("http://purl.org/dc/terms/license")):
        assert ontology.value(ONTOLOGY_IRI, p) is not None, f"ontology header lacks {p}"
    langs = {o.language for o in ontology.objects(ONTOLOGY_IRI, RDFS.label)}
    assert {"zh", "en"} <= langs
    assert ontology.value(ONTOLOGY_IRI, RDFS.comment) is not None


ALIGNMENT = {
    KG.Person: {SDO.Person},
    KG.Organization: {SDO.Organization, ORG.Organization},
    KG.GovernmentBody: {KG.Organization, SDO.GovernmentOrganization},
    KG.Company: {KG.Organization, SDO.Corporation},
    KG.MediaOutlet: {KG.Organization, SDO.NewsMediaOrganization},
    KG.Place: {SDO.Place},
    KG.Country: {KG.Place, SDO.Country},
    KG.AdministrativeArea: {KG.Place, SDO.AdministrativeArea},
    KG.City: {KG.AdministrativeArea, SDO.City},
    KG.Document: {SDO.CreativeWork},
    KG.Law: {KG.Document, SDO.Legislation},
    KG.Work: {SDO.CreativeWork},
    KG.Programme: {SDO.Intangible},
    KG.Event: {SDO.Event},
    KG.Post: {ORG.Role},
    KG.Category: {SKOS.Concept},
    KG.Article: {SDO.NewsArticle, PROV.Entity},
    KG.Fact: {PROV.Entity},
    KG.RoleFact: {KG.Fact, ORG.Membership},
    KG.QuantityFact: {KG.Fact, QUDT.QuantityValue, SDO.QuantitativeValue},
    KG.Statement: {KG.Fact},
    KG.DocumentAction: {KG.Fact},
    KG.Designation: {KG.Fact},
    KG.Measure: {KG.Fact},
    KG.EventHosting: {KG.Fact, SDO.OrganizeAction},
    KG.EventVenue: {KG.Fact},
    KG.Evidence: {PROV.Entity},
}


@pytest.mark.parametrize("cls", sorted(ALIGNMENT), ids=lambda c: c.split("#")[-1])
def test_class_alignment(ontology: Graph, cls: URIRef) -> None:
    direct = set(ontology.objects(cls, RDFS.subClassOf))
    missing = ALIGNMENT[cls] - direct
    assert not missing, f"{cls.split('#')[-1]} lacks rdfs:subClassOf {sorted(missing)}"


def test_programme_is_not_a_work_place_or_organisation(ontology: Graph) -> None:
    forbidden = {SDO.CreativeWork, SDO.Place, SDO.Organization, KG.Document, KG.Place, KG.Organization}
    supers = subclass_closure(ontology, KG.Programme)
    assert not supers & forbidden, f"kg:Programme must not specialise {sorted(supers & forbidden)}"


def test_domains_and_ranges_are_classes_or_datatypes(ontology: Graph) -> None:
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    problems = []
    for p in sorted(set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
                    | set(ontology.subjects(RDF.type, OWL.ObjectProperty))):
        name = p.split("#")[-1]
        is_datatype = (p, RDF.type, OWL.DatatypeProperty) in ontology
        for d in ontology.objects(p, RDFS.domain):
            for c in list_or_single(ontology, d):
                if c not in classes:
                    problems.append(f"{name}: domain {c} is not a kg class")
        ranges = list(ontology.objects(p, RDFS.range))
        if len(ranges) != 1:
            problems.append(f"{name}: {len(ranges)} rdfs:range (expected 1)")
        for r in ranges:
            members = list_or_single(ontology, r)
            for c in members:
                if is_datatype and not str(c).startswith(str(XSD)):
                    problems.append(f"{name}: datatype property with non-XSD range {c}")
                if not is_datatype and c not in classes:
                    problems.append(f"{name}: object property with range {c}, not a kg class")
    assert not problems, "\n".join(problems)


def test_datatype_contract(ontology: Graph) -> None:
    """The ranges kg/rdf.py must write (Literal(..., datatype=...)); the shapes check the same."""
    expected = {
        KG.startOffset: XSD.nonNegativeInteger,
        KG.endOffset: XSD.nonNegativeInteger,
        KG.sentenceIndex: XSD.nonNegativeInteger,
        KG.confidence: XSD.decimal,
        KG.extractor: XSD.string,
        KG.rule: XSD.string,
        KG.quote: XSD.string,
        KG.former: XSD.boolean,
        KG.ordinal: XSD.positiveInteger,
    }
    actual = {p: ontology.value(p, RDFS.range) for p in expected}
    assert actual == expected
    assert (KG.evidence, RDFS.range, KG.Evidence) in ontology


# --------------------------------------------------------------------------- shapes.ttl


def shacl_shacl() -> Graph | None:
    asset = importlib.resources.files("pyshacl") / "assets" / "shacl-shacl.ttl"
    if not asset.is_file():
        return None
    return Graph().parse(data=asset.read_text(encoding="utf-8"), format="turtle")


def test_shapes_are_valid_shacl(shapes: Graph) -> None:
    meta = shacl_shacl()
    if meta is None:
        pytest.skip("pyshacl does not ship shacl-shacl.ttl; structural checks below still run")
    conforms, _, text = pyshacl.validate(shapes, shacl_graph=meta)
    assert conforms, text


def test_shape_paths_and_classes_are_known(shapes: Graph, ontology: Graph) -> None:
    defined = set(ontology.subjects(RDF.type, OWL.Class)) | set(
        ontology.subjects(RDF.type, OWL.ObjectProperty)
    ) | set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    problems = [f"sh:path {p} is not an IRI" for p in shapes.objects(None, SH.path)
                if not isinstance(p, URIRef)]
    for p in (SH.targetClass, SH["class"]):
        for c in shapes.objects(None, p):
            if str(c).startswith(ONT) and (c, RDF.type, OWL.Class) not in ontology:
                problems.append(f"{p.split('#')[-1]} {c} is not a class in kg.ttl")
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(ONT)}
    problems += [f"{t} is used in shapes.ttl but not defined in kg.ttl" for t in sorted(used - defined)]
    assert not problems, "\n".join(problems)


def test_every_fact_and_entity_class_is_targeted(shapes: Graph, ontology: Graph) -> None:
    fact_classes = {c for c in ontology.subjects(RDFS.subClassOf, KG.Fact)}
    assert fact_classes == FACT_CLASSES, "update FACT_CLASSES and kgsh:FactShape together"
    fact_targets = set(shapes.objects(KGSH.FactShape, SH.targetClass))
    assert fact_classes | {KG.Fact} <= fact_targets, (
        f"kgsh:FactShape does not target {sorted(fact_classes - fact_targets)}"
    )
    entity_targets = set(shapes.objects(KGSH.EntityShape, SH.targetClass))
    assert entity_targets == ENTITY_CLASSES


# --------------------------------------------------------------------------- validation

PREAMBLE = f"""
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix schema: <https://schema.org/> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix qudt:   <http://qudt.org/schema/qudt/> .
@prefix unit:   <http://qudt.org/vocab/unit/> .
@prefix kg:     <{ONT}> .
@prefix art:    <{R}article/> .
@prefix per:    <{R}person/> .
@prefix orgr:   <{R}org/> .
@prefix post:   <{R}post/> .
@prefix cat:    <{R}category/> .
@prefix fact:   <{R}fact/> .
@prefix ev:     <{R}evidence/0123456789abcdef/> .
@prefix men:    <{R}mention/0123456789abcdef/> .
"""

# An article (in its own graph in the store; merged here with the entities graph), a person,
# a government body, a post, a role fact with its evidence, a mention, a quantity fact.
# Offsets refer to a body text in which 海关总署新闻发言人李魁文 starts at offset 10.
CONFORMING = PREAMBLE + """
art:0123456789abcdef a kg:Article , schema:NewsArticle ;
    kg:articleId "0123456789abcdef" ;
    kg:contentHash "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" ;
    kg:sourcePath "corpus/customs.md" ;
    schema:headline "海关总署：2021年我国货物贸易进出口总值39.1万亿元" ;
    schema:articleBody "2022年1月4日，海关总署新闻发言人李魁文在发布会上介绍。" ;
    schema:datePublished "2022-01-14T10:30:00Z"^^xsd:dateTime ;
    schema:articleSection "金融" ;
    kg:category cat:金融 ;
    schema:mentions per:李魁文 , orgr:海关总署 .

cat:金融 a kg:Category , skos:Concept ; skos:prefLabel "金融"@zh .

per:李魁文 a kg:Person , schema:Person ;
    rdfs:label "李魁文" , "Li Kuiwen"@en ;
    skos:prefLabel "李魁文"@zh .

orgr:海关总署 a kg:GovernmentBody , schema:GovernmentOrganization ;
    rdfs:label "海关总署"@zh , "General Administration of Customs"@en .

post:新闻发言人 a kg:Post , org:Role ; rdfs:label "新闻发言人"@zh .

fact:role\\/1 a kg:RoleFact , org:Membership ;
    org:member per:李魁文 ;
    org:organization orgr:海关总署 ;
    org:role post:新闻发言人 ;
    kg:former false ;
    kg:evidence ev:1 ;
    kg:claimKey "role/1" ;
    prov:wasDerivedFrom art:0123456789abcdef .

ev:1 a kg:Evidence ;
    kg:quote "海关总署新闻发言人李魁文" ;
    kg:sentence "海关总署新闻发言人李魁文在发布会上介绍。" ;
    kg:sentenceIndex "0"^^xsd:nonNegativeInteger ;
    kg:startOffset "10"^^xsd:nonNegativeInteger ;
    kg:endOffset "22"^^xsd:nonNegativeInteger ;
    kg:extractor "relations@1" ;
    kg:rule "post-name" ;
    kg:confidence 0.8 ;
    prov:wasDerivedFrom art:0123456789abcdef .

men:19-22 a kg:Mention ;
    kg:mentionOf per:李魁文 ;
    kg:surface "李魁文" ;
    kg:startOffset "19"^^xsd:nonNegativeInteger ;
    kg:endOffset "22"^^xsd:nonNegativeInteger ;
    kg:extractor "entities@1" ;
    kg:rule "gazetteer" ;
    kg:confidence 0.9 ;
    prov:wasDerivedFrom art:0123456789abcdef .

fact:quantity\\/1 a kg:QuantityFact , qudt:QuantityValue ;
    qudt:numericValue 39.1E12 ;
    qudt:hasUnit <http://qudt.org/vocab/currency/CNY> ;
    kg:surface "39.1万亿元" ;
    kg:indicator "进出口总值" ;
    kg:period "2021年" ;
    kg:evidence ev:2 ;
    kg:claimKey "quantity/2" ;
    prov:wasDerivedFrom art:0123456789abcdef .

ev:2 a kg:Evidence ;
    kg:quote "39.1万亿元" ;
    kg:extractor "quantities@1" ;
    kg:confidence 0.95 ;
    prov:wasDerivedFrom art:0123456789abcdef .
"""

ARTICLE = URIRef(R + "article/0123456789abcdef")
PERSON = URIRef(R + "person/李魁文")
ROLE_FACT = URIRef(R + "fact/role/1")
EVIDENCE = URIRef(R + "evidence/0123456789abcdef/1")
MENTION = URIRef(R + "mention/0123456789abcdef/19-22")


def conforming_graph() -> Graph:
    return Graph().parse(data=CONFORMING, format="turtle")


def validate(data: Graph, shapes: Graph, **kw) -> tuple[bool, set[tuple], str]:
    """(conforms, {(focus node, source shape, constraint component local name)}, report text)"""
    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, **kw)
    results = {
        (
            report.value(r, SH.focusNode),
            report.value(r, SH.sourceShape),
            str(report.value(r, SH.sourceConstraintComponent)).split("#")[-1],
        )
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }
    return conforms, results, text


def test_the_conforming_graph_parses_as_intended() -> None:
    g = conforming_graph()
    assert (ROLE_FACT, RDF.type, KG.RoleFact) in g
    assert (MENTION, KG.mentionOf, PERSON) in g
    assert g.value(EVIDENCE, KG.confidence).datatype == XSD.decimal


@pytest.mark.parametrize("with_ontology", [False, True], ids=["plain", "as-kg-validate"])
def test_conforming_graph_conforms(shapes: Graph, with_ontology: bool) -> None:
    """No results at all, not even warnings; also with kg.ttl mixed in and SHACL-AF on, as
    kg/validate.py runs it (then targets and sh:class see subclasses)."""
    kw = {"ont_graph": Graph().parse(KG_TTL), "advanced": True} if with_ontology else {}
    conforms, results, text = validate(conforming_graph(), shapes, **kw)
    assert conforms and not results, text


def test_conforming_graph_still_conforms_after_a_store_round_trip(shapes: Graph) -> None:
    """Oxigraph hands xsd:nonNegativeInteger back as xsd:integer; the shapes must accept that."""
    store = pyoxigraph.Store()
    store.load(conforming_graph().serialize(format="nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    nt = pyoxigraph.serialize((q.triple for q in store), format=pyoxigraph.RdfFormat.N_TRIPLES)
    back = Graph().parse(data=nt.decode(), format="nt")
    conforms, results, text = validate(back, shapes)
    assert conforms and not results, text


def test_broken_graph_fails_for_the_expected_reasons(shapes: Graph) -> None:
    g = conforming_graph()
    g.remove((ROLE_FACT, KG.evidence, None))                                  # fact without evidence
    g.set((EVIDENCE, KG.confidence, Literal("1.5", datatype=XSD.decimal)))    # confidence 1.5
    g.add((ARTICLE, SDO.headline, Literal("第二个标题")))                        # two headlines
    conforms, results, text = validate(g, shapes)
    assert not conforms
    assert results == {
        (ROLE_FACT, KGSH["Fact-evidence"], "MinCountConstraintComponent"),
        (EVIDENCE, KGSH.ConfidenceProperty, "MaxInclusiveConstraintComponent"),
        (ARTICLE, KGSH["Article-headline"], "MaxCountConstraintComponent"),
    }, text


PROGRAMME = URIRef(R + "programme/自由贸易试验区")


def _add_programme_as_work(g: Graph) -> None:
    g.add((PROGRAMME, RDF.type, KG.Programme))
    g.add((PROGRAMME, RDF.type, SDO.CreativeWork))
    g.add((PROGRAMME, RDFS.label, Literal("自由贸易试验区")))


def _add_second_kind(g: Graph) -> None:
    g.add((PERSON, RDF.type, KG.Event))
    g.add((PERSON, RDF.type, SDO.Event))


DOC_FACT = URIRef(R + "fact/document/1")


def _add_document_action_with_bad_verb(g: Graph) -> None:
    doc = URIRef(R + "doc/海关统计数据发布时间表")
    g.add((doc, RDF.type, KG.Document))
    g.add((doc, RDF.type, SDO.CreativeWork))
    g.add((doc, RDFS.label, Literal("海关统计数据发布时间表")))
    g.add((DOC_FACT, RDF.type, KG.DocumentAction))
    g.add((DOC_FACT, KG.agent, URIRef(R + "org/海关总署")))
    g.add((DOC_FACT, KG.document, doc))
    g.add((DOC_FACT, KG.action, Literal("印发")))   # must be the normalised English value
    g.add((DOC_FACT, KG.evidence, EVIDENCE))
    g.add((DOC_FACT, PROV.wasDerivedFrom, ARTICLE))


HOSTING_FACT = URIRef(R + "fact/hosting/1")
EVENT = URIRef(R + "event/海关总署新闻发布会")


def _add_hosting(g: Graph, host: URIRef) -> None:
    g.add((EVENT, RDF.type, KG.Event))
    g.add((EVENT, RDF.type, SDO.Event))
    g.add((EVENT, RDFS.label, Literal("海关总署新闻发布会")))
    g.add((HOSTING_FACT, RDF.type, KG.EventHosting))
    g.add((HOSTING_FACT, KG.event, EVENT))
    g.add((HOSTING_FACT, KG.host, host))
    g.add((HOSTING_FACT, KG.claimKey, Literal("hosting/1")))
    g.add((HOSTING_FACT, KG.evidence, EVIDENCE))
    g.add((HOSTING_FACT, PROV.wasDerivedFrom, ARTICLE))
    g.add((EVENT, SDO.organizer, host))


def test_an_event_held_by_an_organisation_conforms(shapes: Graph) -> None:
    g = conforming_graph()
    _add_hosting(g, URIRef(R + "org/海关总署"))
    conforms, results, text = validate(g, shapes)
    assert conforms, text


# name: (mutation of the conforming graph, focus node, expected source shape, expected component)
BREAKAGES = {
    "quote-does-not-match-offsets": (
        lambda g: g.set((EVIDENCE, KG.endOffset, Literal(23, datatype=XSD.nonNegativeInteger))),
        EVIDENCE, KGSH.QuoteMatchesOffsetsShape, "SPARQLConstraintComponent"),
    "start-offset-without-end": (
        lambda g: g.remove((MENTION, KG.endOffset, None)),
        MENTION, KGSH.SpanShape, "OrConstraintComponent"),
    "negative-offset": (
        lambda g: g.set((MENTION, KG.startOffset, Literal(-1))),
        MENTION, KGSH.StartOffsetProperty, "MinInclusiveConstraintComponent"),
    "offset-typed-string": (
        lambda g: g.set((MENTION, KG.endOffset, Literal("22"))),
        MENTION, KGSH.EndOffsetProperty, "OrConstraintComponent"),
    "start-not-before-end": (
        lambda g: g.set((MENTION, KG.startOffset, Literal(22, datatype=XSD.nonNegativeInteger))),
        MENTION, KGSH.StartOffsetProperty, "LessThanConstraintComponent"),
    "action-outside-the-list": (
        _add_document_action_with_bad_verb, DOC_FACT, KGSH["DocumentAction-action"], "InConstraintComponent"),
    "confidence-typed-xsd-double": (
        lambda g: g.set((MENTION, KG.confidence, Literal(0.9))),
        MENTION, KGSH.ConfidenceProperty, "DatatypeConstraintComponent"),
    "mention-without-entity": (
        lambda g: g.remove((MENTION, KG.mentionOf, None)),
        MENTION, KGSH["Mention-mentionOf"], "MinCountConstraintComponent"),
    "fact-not-derived-from-an-article": (
        lambda g: g.remove((ROLE_FACT, PROV.wasDerivedFrom, None)),
        ROLE_FACT, KGSH.FromSomeArticleProperty, "QualifiedMinCountConstraintComponent"),
    "role-member-is-not-a-person": (
        lambda g: g.set((ROLE_FACT, ORG.member, URIRef(R + "org/海关总署"))),
        ROLE_FACT, KGSH["RoleFact-member"], "ClassConstraintComponent"),
    "entity-without-label": (
        lambda g: g.remove((PERSON, RDFS.label, None)),
        PERSON, KGSH["Entity-label"], "MinCountConstraintComponent"),
    "entity-of-two-kinds": (
        _add_second_kind, PERSON, KGSH.EntityKindShape, "XoneConstraintComponent"),
    "programme-typed-as-creative-work": (
        _add_programme_as_work, PROGRAMME, KGSH.ProgrammeShape, "NotConstraintComponent"),
    "article-without-schema-type": (
        lambda g: g.remove((ARTICLE, RDF.type, SDO.NewsArticle)),
        ARTICLE, KGSH.ArticleTyping, "ClassConstraintComponent"),
    "event-held-by-a-person": (
        lambda g: _add_hosting(g, PERSON), HOSTING_FACT, KGSH["EventHosting-host"], "NodeConstraintComponent"),
    "organizer-is-a-person": (
        lambda g: _add_hosting(g, PERSON), EVENT, KGSH["Entity-organizer"], "NodeConstraintComponent"),
    "article-id-not-hex": (
        lambda g: g.set((ARTICLE, KG.articleId, Literal("article-1"))),
        ARTICLE, KGSH["Article-articleId"], "PatternConstraintComponent"),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_single_breakage_is_reported(shapes: Graph, name: str) -> None:
    mutate, focus, shape, component = BREAKAGES[name]
    g = conforming_graph()
    mutate(g)
    conforms, results, text = validate(g, shapes)
    assert not conforms
    assert (focus, shape, component) in results, text


def test_a_second_canonical_label_is_only_a_warning(shapes: Graph) -> None:
    g = conforming_graph()
    g.add((PERSON, RDFS.label, Literal("李魁文", lang="zh")))  # plain AND @zh canonical label
    conforms, results, _ = validate(g, shapes, allow_warnings=True)
    assert conforms
    assert results == {(PERSON, KGSH["Entity-canonicalLabel"], "QualifiedMaxCountConstraintComponent")}
