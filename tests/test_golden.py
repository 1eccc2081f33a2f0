"""The seed article's graph: the whole of it against a golden file, and its key facts one by one.

The golden comparison catches any change; the fact tests below say *what* broke. When an
intended change alters the seed's graph, regenerate the golden file and review the diff:

    .venv/bin/python scripts/update_golden.py && git diff tests/golden
"""
from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from rdflib.compare import to_isomorphic

from conftest import REPO, select

GOLDEN = REPO / "tests" / "golden" / "seed.trig"
HEADLINE = "商务部谈跨境电商试验区扩围：将完善综试区评估和退出机制"
DOC_TITLE = "关于同意在鄂尔多斯等27个城市和地区设立跨境电子商务综合试验区的批复"
PROGRAMME = "跨境电子商务综合试验区"


# --------------------------------------------------------------------------- the golden graph
def test_golden_graph(seed_store, golden_script):
    assert GOLDEN.exists(), "no golden file: run scripts/update_golden.py"
    actual = set(golden_script.golden_quads(seed_store.store))
    expected = golden_script.read_golden(GOLDEN)
    assert not any(isinstance(t, ox.BlankNode) for q in actual for t in (q.subject, q.object)), \
        "the seed graph has blank nodes: compare with rdflib.compare instead of quad sets"
    if actual != expected:
        pytest.fail("the seed's graph differs from tests/golden/seed.trig (if the change is intended, "
                    "run scripts/update_golden.py and review `git diff tests/golden`)\n"
                    + golden_script.graph_diff(expected, actual), pytrace=False)


def test_golden_file_is_canonical_and_portable(golden_script):
    """The golden file is exactly what the script writes (sorted), and rdflib reads the same
    quads from it as pyoxigraph does."""
    expected = golden_script.read_golden(GOLDEN)
    assert golden_script.to_trig(list(expected)) == GOLDEN.read_bytes(), \
        "tests/golden/seed.trig was edited by hand or by another serializer: regenerate it"
    from_trig, from_nquads = Dataset(), Dataset()
    from_trig.parse(GOLDEN, format="trig")                      # rdflib's TriG parser
    from_nquads.parse(data="\n".join(golden_script.nquads_lines(expected)), format="nquads")
    names = {c.identifier for c in from_trig.graphs() if len(c)}
    assert names == {c.identifier for c in from_nquads.graphs() if len(c)}
    for name in names:
        assert to_isomorphic(from_trig.graph(name)) == to_isomorphic(from_nquads.graph(name)), name
    assert {q.graph_name.value for q in expected} == {
        "https://w3id.org/kgnews/id/entities",
        next(q.subject.value for q in expected if q.predicate.value.endswith("#articleId"))}


def test_golden_script_writes_and_checks(golden_script, tmp_path, capsys):
    out = tmp_path / "seed.trig"
    assert golden_script.main(["--output", str(out)]) == 0
    assert out.exists() and "wrote" in capsys.readouterr().out
    assert golden_script.main(["--output", str(out), "--check"]) == 0
    assert "up to date" in capsys.readouterr().out
    out.write_bytes(out.read_bytes().replace("高峰".encode(), "高锋".encode()))
    assert golden_script.main(["--output", str(out), "--check"]) == 1
    report = capsys.readouterr().out
    assert "only in expected (golden)" in report and "高锋" in report and "高峰" in report


# ------------------------------------------------------------------------------ the key facts
def rows(seed_store, sparql: str) -> list[dict[str, str]]:
    return select(seed_store.store, sparql)


def test_article_metadata(seed_store):
    r = rows(seed_store, "SELECT ?h ?d ?p WHERE { ?a a kg:Article ; schema:headline ?h ; "
                         "schema:datePublished ?d ; kg:sourcePath ?p }")
    # the source path is the file's absolute path, whichever directory the build ran in
    assert r == [{"h": HEADLINE, "d": "2022-02-17T08:10:10Z", "p": str(seed_store.root / "000_c397c42166a738cc.txt")}]


def test_credits(seed_store):
    found = {(x["role"], x["label"]) for x in rows(seed_store, """
        SELECT ?role ?label WHERE {
          VALUES ?p { schema:author schema:editor schema:publisher schema:sourceOrganization }
          ?a a kg:Article ; ?p ?x . ?x rdfs:label ?label FILTER(lang(?label) = "")
          BIND(STRAFTER(STR(?p), "https://schema.org/") AS ?role) }""")}
    for want in [("author", "周頔"), ("editor", "李墨轩"), ("publisher", "新浪财经"),
                 ("sourceOrganization", "澎湃新闻")]:
        assert want in found, f"credit {want} missing; found {sorted(found)}"
    types = {x["t"] for x in rows(seed_store, """SELECT ?t WHERE { ?a schema:publisher ?o . ?o a ?t }""")}
    assert {"https://w3id.org/kgnews/ontology#MediaOutlet", "https://schema.org/NewsMediaOrganization"} <= types


def test_role(seed_store):
    found = {(x["p"], x["r"], x["o"]) for x in rows(seed_store, """
        SELECT ?p ?r ?o WHERE { ?f a kg:RoleFact, org:Membership ; org:member ?pe ; org:role ?ro ;
            org:organization ?or ; kg:evidence ?ev .
          ?pe rdfs:label ?p . ?ro rdfs:label ?r . ?or rdfs:label ?o . ?ev kg:quote ?q .
          FILTER(lang(?p) = "" && lang(?o) = "") }""")}
    assert ("高峰", "新闻发言人", "商务部") in found, found
    assert rows(seed_store, """SELECT ?p WHERE { ?p rdfs:label "高峰" ; org:memberOf ?o .
                                                 ?o rdfs:label "商务部" }"""), "org:memberOf shortcut missing"


def test_document(seed_store):
    found = {(x["i"], x["t"]) for x in rows(seed_store, """
        SELECT ?i ?t WHERE { ?f a kg:DocumentAction ; kg:agent ?ag ; kg:document ?d .
          ?ag rdfs:label ?i . ?d rdfs:label ?t . FILTER(lang(?i) = "" && lang(?t) = "") }""")}
    assert ("国务院", DOC_TITLE) in found, found
    types = {x["t"] for x in rows(seed_store, f'SELECT ?t WHERE {{ ?d rdfs:label "{DOC_TITLE}" ; a ?t }}')}
    assert "https://schema.org/CreativeWork" in types, types


def test_designations(seed_store):
    found = {(x["p"], x["g"]) for x in rows(seed_store, """
        SELECT ?p ?g WHERE { ?f a kg:Designation ; kg:place ?pl ; kg:programme ?pr .
          ?pl rdfs:label ?p . ?pr rdfs:label ?g . FILTER(lang(?p) = "" && lang(?g) = "") }""")}
    for place in ("鄂尔多斯市", "扬州市", "镇江市"):
        assert (place, PROGRAMME) in found, f"{place} → {PROGRAMME} missing; found {sorted(found)}"
    approved = {x["t"] for x in rows(seed_store, """SELECT ?t WHERE { ?f a kg:Designation ; kg:approvedBy ?d .
                                                     ?d rdfs:label ?t FILTER(lang(?t) = "") }""")}
    assert approved <= {DOC_TITLE}, approved
    codes = {x["c"] for x in rows(seed_store, """SELECT ?c WHERE { ?f a kg:Designation ; kg:place ?pl .
                                                  ?pl kg:divisionCode ?c }""")}
    assert {"150600", "321000", "321100"} <= codes, codes     # 鄂尔多斯市, 扬州市, 镇江市


def test_quantities(seed_store):
    found = {(Decimal(x["v"]), x["u"].rsplit("/", 1)[-1]) for x in rows(seed_store, """
        SELECT ?v ?u WHERE { ?f a kg:QuantityFact, qudt:QuantityValue ; qudt:numericValue ?v ; qudt:hasUnit ?u }""")}
    for value, unit in [(Decimal("1980000000000"), "CNY"), (Decimal(15), "PERCENT"), (Decimal(132), "NUM")]:
        assert (value, unit) in found, f"quantity {value} {unit} missing; found {sorted(found)}"
    big = rows(seed_store, """SELECT ?s ?i ?p WHERE { ?f qudt:hasUnit cur:CNY ; kg:surface ?s .
                                OPTIONAL { ?f kg:indicator ?i } OPTIONAL { ?f kg:period ?p } }""")
    assert {"s": "1.98万亿元人民币", "i": "进出口额", "p": "2021年"} in big, big


def test_statements(seed_store):
    found = rows(seed_store, """SELECT ?s ?t WHERE { ?f a kg:Statement ; kg:speaker ?sp ; schema:text ?t .
                                  ?sp rdfs:label ?s FILTER(lang(?s) = "") }""")
    assert any(x["s"] == "高峰" for x in found), found
    assert any(x["s"] == "高峰" and "132" in x["t"] for x in found), found


def test_stock_link(seed_store):
    found = rows(seed_store, """SELECT ?c ?w ?s ?e WHERE { ?a a kg:Article ; kg:stockLink ?l .
                                  ?l kg:stockCode ?c ; kg:surface ?w ; kg:startOffset ?s ; kg:endOffset ?e }""")
    assert [(x["c"], x["w"]) for x in found] == [("sh600295", "鄂尔多斯")], found
    assert int(found[0]["e"]) - int(found[0]["s"]) == len("鄂尔多斯")


def test_every_fact_has_evidence_from_the_article(seed_store):
    missing = rows(seed_store, """SELECT ?f WHERE { ?f a kg:Fact
        FILTER NOT EXISTS { ?f kg:evidence ?ev . ?ev a kg:Evidence ; kg:quote ?q ; prov:wasDerivedFrom ?a .
                            ?a a kg:Article } }""")
    assert not missing, missing
