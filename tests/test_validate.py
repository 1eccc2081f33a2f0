"""kg validate: SHACL core constraints through pySHACL, SHACL-SPARQL constraints through the store."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from conftest import EXAMPLES, build_into
from kg.store import Store
from kg.validate import validate


def _store_of(tmp_path, *names: str) -> Store:
    """A store built from these example articles (the seed by default)."""
    src = tmp_path / "in"
    src.mkdir()
    for name in names or ("000_c397c42166a738cc.txt",):
        shutil.copy(EXAMPLES / name, src)
    build_into(tmp_path / "store", [src])
    return Store(tmp_path / "store")


def test_a_wrong_quote_length_is_reported(tmp_path):
    store = _store_of(tmp_path)
    conforms, _, text = validate(store)
    assert conforms, text
    # break one evidence node: its quote no longer spans its offsets
    ev = next(iter(store.ox.query("SELECT ?e WHERE { GRAPH ?g { ?e a <https://w3id.org/kgnews/ontology#Evidence> ; "  # sparql-static
                                  "<https://w3id.org/kgnews/ontology#startOffset> ?s } } LIMIT 1")))["e"]
    g = next(q.graph_name for q in store.ox.quads_for_pattern(ev, None, None, None))
    quote = ox.NamedNode("https://w3id.org/kgnews/ontology#quote")
    for q in list(store.ox.quads_for_pattern(ev, quote, None, None)):
        store.ox.remove(q)
    store.ox.add(ox.Quad(ev, quote, ox.Literal("x"), g))
    conforms, _, text = validate(store)
    assert not conforms
    assert "kg:quote is 1 characters long" in text and ev.value in text


def test_works_and_periodicals_in_titles_conform(tmp_path):
    """A film, an essay and a journal cited in 《》 are kg:Work and kg:MediaOutlet entities that
    the shapes accept beside the documents (an entity is exactly one kind)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("国务院印发《关于加快发展的意见》。他观看了电影《长津湖》。李大钊在《新青年》上发表了"
                               "《我的马克思主义观》。\n", encoding="utf-8")
    build_into(tmp_path / "store", [src])
    store = Store(tmp_path / "store")
    conforms, _, text = validate(store)
    assert conforms, text
    kinds = {r["l"].value: r["c"].value.rsplit("#", 1)[1] for r in store.ox.query(
        "SELECT ?l ?c WHERE { GRAPH ?g { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l ; a ?c } "  # sparql-static
        "FILTER(STRSTARTS(STR(?c), 'https://w3id.org/kgnews/ontology#')) }")}
    assert {k: kinds[k] for k in ("关于加快发展的意见", "长津湖", "新青年", "我的马克思主义观")} == {
        "关于加快发展的意见": "Document", "长津湖": "Work", "新青年": "MediaOutlet", "我的马克思主义观": "Work"}


def test_alternative_labels_dates_images_and_memberships_are_checked(tmp_path):
    store = _store_of(tmp_path)
    kg, skos, sdo, org = ("https://w3id.org/kgnews/ontology#", "http://www.w3.org/2004/02/skos/core#",
                          "https://schema.org/", "http://www.w3.org/ns/org#")
    person = next(iter(store.ox.query(f"SELECT ?p WHERE {{ GRAPH ?g {{ ?p a <{kg}Person> }} }} LIMIT 1")))["p"]  # sparql-static
    fact = next(iter(store.ox.query(f"SELECT ?f WHERE {{ GRAPH ?g {{ ?f a <{kg}RoleFact> }} }} LIMIT 1")))["f"]  # sparql-static
    art = next(iter(store.ox.query(f"SELECT ?a WHERE {{ GRAPH ?g {{ ?a a <{kg}Article> }} }} LIMIT 1")))["a"]  # sparql-static
    g = ox.NamedNode("https://w3id.org/kgnews/id/entities")
    store.ox.add(ox.Quad(person, ox.NamedNode(skos + "altLabel"), ox.Literal("no language"), g))
    store.ox.add(ox.Quad(person, ox.NamedNode(org + "memberOf"), ox.Literal("not an organisation"), g))
    store.ox.add(ox.Quad(fact, ox.NamedNode(sdo + "dateCreated"), ox.Literal("yesterday"), g))
    store.ox.add(ox.Quad(art, ox.NamedNode(sdo + "image"), ox.Literal("not an IRI"), g))
    conforms, _, text = validate(store)
    assert not conforms
    for what in ("skos:altLabel", "org:memberOf", "schema:dateCreated", "schema:image"):
        assert what in text, (what, text[-2000:])


def test_the_shapes_need_no_ontology_and_no_inference(tmp_path):
    """ontology/shapes.ttl and ontology/README.md say the shapes list subclasses rather than rely
    on rdfs:subClassOf: a clean build's data alone (no ontology graph, no ont_graph) conforms."""
    import pyshacl
    from rdflib import Graph

    from kg.export import to_dataset
    from kg.rdf import ONTOLOGY_GRAPH
    from kg.validate import SHAPES, _split_sparql_constraints

    ds = to_dataset(_store_of(tmp_path, "000_c397c42166a738cc.txt", "a0092.md", "a0016.md"))
    data = Graph()
    for s, p, o, g in ds.quads((None, None, None, None)):
        if g is not None and getattr(g, "identifier", g) != ONTOLOGY_GRAPH:
            data.add((s, p, o))
    shapes = Graph().parse(SHAPES, format="turtle")
    _split_sparql_constraints(shapes)          # core constraints only (kg validate runs the rest)
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    assert conforms, text


def test_a_change_against_its_direction_and_a_membership_without_a_post_are_reported(tmp_path):
    store = _store_of(tmp_path)
    kg, qudt, org = ("https://w3id.org/kgnews/ontology#", "http://qudt.org/schema/qudt/", "http://www.w3.org/ns/org#")
    fact = next(iter(store.ox.query(f"SELECT ?f WHERE {{ GRAPH ?g {{ ?f <{kg}direction> \"up\" }} }} LIMIT 1")))["f"]  # sparql-static
    value = ox.NamedNode(qudt + "numericValue")
    for q in list(store.ox.quads_for_pattern(fact, value, None, None)):
        store.ox.remove(q)
        store.ox.add(ox.Quad(fact, value, ox.Literal("-15", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
                             q.graph_name))
    # a person made a member of a body where no post of theirs says so
    person = next(iter(store.ox.query(f"SELECT ?p WHERE {{ GRAPH ?g {{ ?p <{org}memberOf> ?o }} }} LIMIT 1")))["p"]  # sparql-static
    g = next(q.graph_name for q in store.ox.quads_for_pattern(person, ox.NamedNode(org + "memberOf"), None, None))
    store.ox.add(ox.Quad(person, ox.NamedNode(org + "memberOf"), ox.NamedNode("https://w3id.org/kgnews/id/org/gov-110000"), g))
    conforms, _, text = validate(store)
    assert not conforms
    assert "kg:direction is up but qudt:numericValue is -15" in text and fact.value in text
    assert "org:memberOf https://w3id.org/kgnews/id/org/gov-110000 without a current kg:RoleFact" in text


def _replace(store: Store, node: ox.NamedNode, prop: str, value: ox.Literal) -> None:
    g = next(q.graph_name for q in store.ox.quads_for_pattern(node, None, None, None))
    p = ox.NamedNode(f"https://w3id.org/kgnews/ontology#{prop}")
    for q in list(store.ox.quads_for_pattern(node, p, None, None)):
        store.ox.remove(q)
    store.ox.add(ox.Quad(node, p, value, g))


def test_a_mentions_surface_must_span_its_offsets_and_evidence_lie_in_a_sentence(tmp_path):
    # the B audit: 22 mentions covered the post after an organisation's name, and 34 measures
    # opened on a line break, outside any sentence; kg validate saw neither
    store = _store_of(tmp_path)
    mention = next(iter(store.ox.query("SELECT ?m WHERE { GRAPH ?g { ?m a <https://w3id.org/kgnews/ontology#Mention> ; "  # sparql-static
                                       "<https://w3id.org/kgnews/ontology#startOffset> ?s } } LIMIT 1")))["m"]
    _replace(store, mention, "surface", ox.Literal("不对的名字很长"))
    conforms, _, text = validate(store)
    assert not conforms and "kg:surface is 7 characters long" in text and mention.value in text
    (tmp_path / "2").mkdir()
    store = _store_of(tmp_path / "2")
    ev = next(iter(store.ox.query("SELECT ?e WHERE { GRAPH ?g { ?e a <https://w3id.org/kgnews/ontology#Evidence> ; "  # sparql-static
                                  "<https://w3id.org/kgnews/ontology#quote> ?q ; <https://w3id.org/kgnews/ontology#sentence> ?s } } LIMIT 1")))["e"]
    quote = next(store.ox.quads_for_pattern(ev, ox.NamedNode("https://w3id.org/kgnews/ontology#quote"), None, None)).object
    _replace(store, ev, "quote", ox.Literal("\n" + quote.value[1:]))
    conforms, _, text = validate(store)
    assert not conforms and "starts or ends with white space" in text and ev.value in text


def test_offsets_count_into_the_published_body(tmp_path):
    # the B audit: the text offsets count into was in no graph; it is the article's
    # schema:articleBody, and a quote that is not the body's text there is reported
    store = _store_of(tmp_path)
    rows = list(store.ox.query(
        "PREFIX kg: <https://w3id.org/kgnews/ontology#> PREFIX schema: <https://schema.org/> "
        "PREFIX prov: <http://www.w3.org/ns/prov#> SELECT ?e ?q (SUBSTR(?b, ?s + 1, ?x - ?s) AS ?cut) WHERE { "
        "?e kg:quote ?q ; kg:startOffset ?s ; kg:endOffset ?x ; prov:wasDerivedFrom ?a . ?a schema:articleBody ?b }",
        use_default_graph_as_union=True))
    assert len(rows) > 10 and all(r["q"].value == r["cut"].value for r in rows)
    ev = rows[0]["e"]
    _replace(store, ev, "quote", ox.Literal("错" * len(rows[0]["q"].value)))
    conforms, _, text = validate(store)
    assert not conforms and "is not the text of schema:articleBody" in text and ev.value in text


def test_an_ill_typed_literal_is_reported_without_a_traceback(tmp_path, capsys, caplog):
    """rdflib logged a traceback for each literal it could not convert; the shapes report it."""
    from kg.cli import main
    store = _store_of(tmp_path)
    fact = next(iter(store.ox.query("SELECT ?f WHERE { GRAPH ?g { ?f a <https://w3id.org/kgnews/ontology#RoleFact> } } LIMIT 1")))["f"]
    store.ox.add(ox.Quad(fact, ox.NamedNode("https://schema.org/dateCreated"),
                         ox.Literal("Invalid Date", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")),
                         ox.NamedNode("https://w3id.org/kgnews/id/entities")))
    path = store.path
    store.close()
    rc = main(["validate", "--store", str(path)])
    out, err = capsys.readouterr()
    assert rc == 1 and "schema:dateCreated" in out
    assert "Traceback" not in err and "Failed to convert" not in err, err[-2000:]
    assert not [r for r in caplog.records if r.name.startswith("rdflib")], caplog.text[-2000:]


KG_NS, SDO_NS, ORG_NS = "https://w3id.org/kgnews/ontology#", "https://schema.org/", "http://www.w3.org/ns/org#"


def _first_of(store, cls: str, extra: str = ""):
    return next(iter(store.ox.query(f"SELECT ?x WHERE {{ GRAPH ?g {{ ?x a <{KG_NS}{cls}> {extra} }} }} LIMIT 1")))["x"]  # sparql-static


def _set_value(store, node, prop: str, value) -> None:
    p = ox.NamedNode(prop)
    g = next(q.graph_name for q in store.ox.quads_for_pattern(node, None, None, None))
    for q in list(store.ox.quads_for_pattern(node, p, None, None)):
        store.ox.remove(q)
    store.ox.add(ox.Quad(node, p, value, g))


@pytest.mark.parametrize("breakage, message", [
    # (the data-engineer audit: each passed `kg validate` before)
    ("surface", "kg:surface is not the text of schema:articleBody"),
    ("sentence", "kg:sentence does not hold kg:quote"),
    ("suborganization", "org:subOrganizationOf: an organisation"),
    ("location", "schema:location: a place"),
    ("version", "schema:version: at most one year"),
    ("measure", "kg:announcedBy: at least one organisation"),
])
def test_what_the_shapes_catch(tmp_path, breakage, message):
    store = _store_of(tmp_path)
    ents = ox.NamedNode("https://w3id.org/kgnews/id/entities")
    if breakage == "surface":
        # the same length, other words
        m = _first_of(store, "Mention", f"; <{KG_NS}startOffset> ?s")
        surface = next(store.ox.quads_for_pattern(m, ox.NamedNode(KG_NS + "surface"), None, None)).object.value
        _set_value(store, m, KG_NS + "surface", ox.Literal("某" * len(surface)))
    elif breakage == "sentence":
        ev = _first_of(store, "Evidence", f"; <{KG_NS}sentence> ?s")
        _set_value(store, ev, KG_NS + "sentence", ox.Literal("一句与此无关的话。"))
    elif breakage == "suborganization":
        store.ox.add(ox.Quad(_first_of(store, "GovernmentBody"), ox.NamedNode(ORG_NS + "subOrganizationOf"),
                             _first_of(store, "Person"), ents))
    elif breakage == "location":
        event = ox.NamedNode("https://w3id.org/kgnews/id/event/test")
        store.ox.add(ox.Quad(event, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(KG_NS + "Event"), ents))
        store.ox.add(ox.Quad(event, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("测试会议"), ents))
        store.ox.add(ox.Quad(event, ox.NamedNode(SDO_NS + "location"), _first_of(store, "Person"), ents))
    elif breakage == "measure":
        m = ox.NamedNode("https://w3id.org/kgnews/id/fact/measure/test")
        g = next(q.graph_name for q in store.ox.quads_for_pattern(_first_of(store, "Mention"), None, None, None))
        for p, o in (("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", ox.NamedNode(KG_NS + "Measure")),
                     (KG_NS + "ordinal", ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#positiveInteger"))),
                     (SDO_NS + "text", ox.Literal("加强监管。"))):
            store.ox.add(ox.Quad(m, ox.NamedNode(p), o, g))
    else:
        store.ox.add(ox.Quad(_first_of(store, "GovernmentBody"), ox.NamedNode(SDO_NS + "version"), ox.Literal("last year"), ents))
    conforms, _, text = validate(store)
    assert not conforms and message in text, text[-3000:]
